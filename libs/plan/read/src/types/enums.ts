import { registerEnumType } from '@nestjs/graphql';
import {
  ActBody,
  ActKind,
  Comparator,
  DeclaredState,
  DepartmentKind,
  EditionActRole,
  IndicatorKind,
  OwnerRole,
  PeriodKind,
  PeriodState,
  Polarity,
  ResultStatus,
} from '@dup/domain';

registerEnumType(ActBody, { name: 'ActBody', description: "Organo che ha adottato l'atto." });
registerEnumType(ActKind, { name: 'ActKind', description: "Tipo di atto (deliberazione, decisione, determinazione, …)." });
registerEnumType(EditionActRole, { name: 'EditionActRole', description: "Ruolo dell'atto nella storia dell'edizione del DUP." });
registerEnumType(DepartmentKind, { name: 'DepartmentKind', description: 'Tipo di struttura organizzativa.' });
registerEnumType(OwnerRole, { name: 'OwnerRole', description: 'Ruolo del responsabile politico.' });
registerEnumType(PeriodKind, { name: 'PeriodKind', description: 'Scadenza di rendicontazione: semestrale (30/06) o annuale (31/12).' });
registerEnumType(PeriodState, { name: 'PeriodState', description: 'Stato del periodo di rendicontazione, dalla pianificazione all\'approvazione consiliare.' });
registerEnumType(DeclaredState, { name: 'DeclaredState', description: 'Stato dichiarato della finalità.' });
registerEnumType(IndicatorKind, { name: 'IndicatorKind', description: "Natura del valore dell'indicatore." });
registerEnumType(Polarity, { name: 'Polarity', description: "Verso di miglioramento dell'indicatore." });
registerEnumType(Comparator, { name: 'Comparator', description: 'Operatore di confronto del valore atteso (≥, >, ≤, <, =).' });
registerEnumType(ResultStatus, { name: 'ResultStatus', description: 'Stato del risultato rilevato per il periodo.' });

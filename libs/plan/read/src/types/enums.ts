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
  DECLARED_STATE_LABELS,
  EDITION_ACT_ROLE_LABELS,
  RESULT_STATUS_LABELS,
} from '@dup/domain';
import { labelled } from '@dup/graphql-kit';

registerEnumType(ActBody, {
  name: 'ActBody',
  description: "Organo che ha adottato l'atto.",
  valuesMap: labelled<keyof typeof ActBody>({
    CONSIGLIO: 'Consiglio comunale',
    GIUNTA: 'Giunta comunale',
    SINDACO: 'Sindaco',
    DIRIGENTE: 'Dirigente',
    SEGRETARIO: 'Segretario generale',
    ALTRO: 'Altro organo',
  }),
});
registerEnumType(ActKind, {
  name: 'ActKind',
  description: 'Tipo di atto (deliberazione, decisione, determinazione, …).',
  valuesMap: labelled<keyof typeof ActKind>({
    DELIBERAZIONE: 'Deliberazione',
    DECISIONE: 'Decisione',
    DETERMINAZIONE: 'Determinazione',
    DECRETO: 'Decreto',
    ORDINANZA: 'Ordinanza',
    ALTRO: 'Altro atto',
  }),
});
registerEnumType(EditionActRole, {
  name: 'EditionActRole',
  description: "Ruolo dell'atto nella storia dell'edizione del DUP.",
  valuesMap: labelled(EDITION_ACT_ROLE_LABELS),
});
registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  description: 'Tipo di struttura organizzativa.',
  valuesMap: labelled<keyof typeof DepartmentKind>({ SETTORE: 'Settore', DIPARTIMENTO: 'Dipartimento', DIREZIONE: 'Direzione', ALTRO: 'Altra struttura' }),
});
registerEnumType(OwnerRole, {
  name: 'OwnerRole',
  description: 'Ruolo del responsabile politico.',
  valuesMap: labelled<keyof typeof OwnerRole>({
    SINDACO: 'Sindaco',
    VICE_SINDACO: 'Vicesindaco',
    ASSESSORE: 'Assessore',
    GIUNTA: 'Giunta',
    CONSIGLIERE_DELEGATO: 'Consigliere delegato',
    ALTRO: 'Altro',
  }),
});
registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description: 'Scadenza di rendicontazione: semestrale (30/06) o annuale (31/12).',
  valuesMap: labelled<keyof typeof PeriodKind>({ MID_YEAR: 'Semestrale (30/06)', YEAR_END: 'Annuale (31/12)' }),
});
registerEnumType(PeriodState, {
  name: 'PeriodState',
  description: "Stato del periodo di rendicontazione, dalla pianificazione all'approvazione consiliare.",
  valuesMap: labelled<keyof typeof PeriodState>({
    PLANNED: 'Pianificato',
    OPEN: 'Aperto',
    COLLECTION_CLOSED: 'Raccolta chiusa',
    IN_REVIEW: 'In revisione',
    NOTED_BY_GIUNTA: "Preso d'atto dalla Giunta",
    APPROVED_BY_COUNCIL: 'Approvato dal Consiglio',
  }),
});
registerEnumType(DeclaredState, {
  name: 'DeclaredState',
  description: 'Stato dichiarato della finalità.',
  valuesMap: labelled(DECLARED_STATE_LABELS),
});
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: "Natura del valore dell'indicatore.",
  valuesMap: labelled<keyof typeof IndicatorKind>({
    COUNT: 'Numero',
    PERCENTAGE: 'Percentuale',
    AMOUNT: 'Importo',
    AREA: 'Superficie',
    DATE: 'Data',
    MILESTONE: 'Adempimento',
    TEXT: 'Testo',
  }),
});
registerEnumType(Polarity, {
  name: 'Polarity',
  description: "Verso di miglioramento dell'indicatore.",
  valuesMap: labelled<keyof typeof Polarity>({
    HIGHER_IS_BETTER: 'Più alto è meglio',
    LOWER_IS_BETTER: 'Più basso è meglio',
    TARGET_IS_BEST: 'Meglio se pari al valore atteso',
    NONE: 'Nessun verso',
  }),
});
registerEnumType(Comparator, {
  name: 'Comparator',
  description: 'Operatore di confronto del valore atteso (≥, >, ≤, <, =).',
  valuesMap: labelled<keyof typeof Comparator>({ GE: 'Almeno (≥)', GT: 'Più di (>)', LE: 'Al massimo (≤)', LT: 'Meno di (<)', EQ: 'Uguale a (=)' }),
});
registerEnumType(ResultStatus, {
  name: 'ResultStatus',
  description: 'Stato del risultato rilevato per il periodo.',
  valuesMap: labelled(RESULT_STATUS_LABELS),
});

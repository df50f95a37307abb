import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActBody, ActKind, DepartmentKind, EditionActRole, OwnerRole, PeriodKind, PeriodState } from '@dup/domain';
import { LocalDateScalar } from '@dup/graphql-kit';
import './enums';

@ObjectType({ description: 'Ente locale (comune) titolare della programmazione.' })
export class EnteType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field({ description: "Denominazione dell'ente." }) name!: string;
  @Field({ description: 'Codice ISTAT.' }) istatCode!: string;
  @Field(() => [String], { description: "Intestazione dell'ufficio che redige i documenti, una riga per elemento." })
  issuingOffice!: string[];
}

@ObjectType('Act', { description: 'Atto formale (deliberazione, decisione, …) che approva o modifica la programmazione.' })
export class ActType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => ActBody, { description: "Organo che ha adottato l'atto." }) body!: ActBody;
  @Field(() => ActKind, { description: 'Tipo di atto.' }) kind!: ActKind;
  @Field({ description: "Numero dell'atto." }) number!: string;
  @Field(() => LocalDateScalar, { description: "Data dell'atto." }) date!: string;
  @Field({ description: "Oggetto dell'atto." }) subject!: string;
}

@ObjectType('EditionAct', { description: "Atto nella storia di un'edizione del DUP." })
export class EditionActType {
  @Field(() => EditionActRole, { description: "Ruolo dell'atto (adozione, approvazione, presa d'atto, …)." }) role!: EditionActRole;
  @Field(() => String, { nullable: true, description: 'Nota.' }) note!: string | null;
  @Field(() => ActType, { description: "L'atto." }) act!: ActType;
}

@ObjectType('Amendment', { description: "Variazione dell'edizione approvata in corso d'anno." })
export class AmendmentType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Data di efficacia.' }) effectiveDate!: string;
  @Field({ description: 'Descrizione della variazione.' }) description!: string;
  @Field(() => ActType, { description: 'Atto che ha approvato la variazione.' }) act!: ActType;
}

@ObjectType('Mandate', { description: 'Mandato amministrativo (linee programmatiche, art. 46 TUEL).' })
export class MandateType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field({ description: 'Titolo del programma di mandato.' }) title!: string;
  @Field(() => Int, { description: 'Anno di inizio.' }) startYear!: number;
  @Field(() => Int, { description: 'Anno di fine.' }) endYear!: number;
  @Field({ description: 'Sindaco.' }) mayor!: string;
  @Field(() => ActType, { nullable: true, description: 'Atto di approvazione delle linee programmatiche.' }) approvedBy!: ActType | null;
}

@ObjectType('ReportingPeriod', { description: "Scadenza di rendicontazione di un'edizione (30/06 o 31/12)." })
export class ReportingPeriodType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Data di riferimento (es. 2020-06-30).' }) cutoffDate!: string;
  @Field(() => PeriodKind, { description: 'Semestrale o annuale.' }) kind!: PeriodKind;
  @Field(() => PeriodState, { description: 'Stato del periodo.' }) state!: PeriodState;
  @Field(() => ActType, { nullable: true, description: 'Atto della Giunta che ha preso atto dello stato di attuazione.' }) notedBy!: ActType | null;
  @Field(() => ActType, { nullable: true, description: 'Atto del Consiglio che ha approvato lo stato di attuazione.' }) approvedBy!: ActType | null;
  @Field(() => [PeriodState], {
    description:
      'Stati a cui il periodo può passare ora (ufficio programmazione): avanti di un passo. Per tornare indietro un amministratore lo riapre (reopenReportingPeriod), come nuova revisione.',
  })
  nextStates!: PeriodState[];
  @Field(() => Int, { description: 'Revisione del periodo: 1, poi una in più a ogni riapertura.' }) revision!: number;
  @Field({ description: "Vero se un amministratore può riaprire il periodo (raccolta chiusa, in revisione, preso d'atto o approvato)." }) reopenable!: boolean;
}

@ObjectType('Department', { description: "Struttura organizzativa dell'ente (settore, dipartimento, …)." })
export class DepartmentType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field({ description: 'Codice stabile.' }) code!: string;
  @Field({ description: 'Denominazione canonica.' }) name!: string;
  @Field(() => DepartmentKind, { description: 'Tipo di struttura.' }) kind!: DepartmentKind;
  @Field(() => [String], { description: 'Varianti di denominazione incontrate nei documenti.' }) aliases!: string[];
}

@ObjectType('PoliticalOwner', { description: 'Responsabile politico: un ruolo e una persona, oppure un organo collegiale.' })
export class PoliticalOwnerType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => OwnerRole, { description: 'Ruolo.' }) role!: OwnerRole;
  @Field(() => String, { nullable: true, description: 'Nome della persona; assente per un organo collegiale.' }) personName!: string | null;
}

@ObjectType('Mission', { description: 'Missione della classificazione di bilancio (D.Lgs. 118/2011).' })
export class MissionType {
  @Field({ description: 'Codice a due cifre (es. "01").' }) code!: string;
  @Field(() => String, { nullable: true, description: 'Denominazione ufficiale, se confermata da una fonte.' }) name!: string | null;
}

@ObjectType('Programme', { description: 'Programma di una Missione (D.Lgs. 118/2011).' })
export class ProgrammeType {
  @Field({ description: 'Codice composto Missione.Programma (es. "01.06").' }) id!: string;
  @Field({ description: 'Codice del programma a due cifre.' }) code!: string;
  @Field({ description: 'Denominazione.' }) name!: string;
  @Field({ description: 'Falso se la denominazione non è ancora confermata da una fonte.' }) confirmed!: boolean;
  @Field(() => MissionType, { description: 'Missione di appartenenza.' }) mission!: MissionType;
}

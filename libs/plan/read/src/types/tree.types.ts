import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeclaredState, IndicatorKind, Polarity, ResultStatus, Comparator } from '@dup/domain';
import { DecimalScalar, LocalDateScalar, listOf } from '@dup/graphql-kit';
import { AmendmentType, DepartmentType, MissionType, PoliticalOwnerType, ProgrammeType } from './plan.types';
import './enums';

@ObjectType('PlanEdition', { description: 'Edizione del Documento Unico di Programmazione (es. DUP 2020-2022).' })
export class PlanEditionType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field({ description: 'Codice dell\'edizione, es. "2020-2022".' }) code!: string;
  @Field({ description: 'Titolo.' }) title!: string;
  @Field(() => Int, { description: 'Primo anno del triennio.' }) startYear!: number;
  @Field(() => Int, { description: 'Ultimo anno del triennio.' }) endYear!: number;
  enteId!: string;
  mandateId!: string;
}

@ObjectType('PlanSummary', {
  description:
    'Consistenza della programmazione come rendicontata a una data: sono esclusi gli obiettivi introdotti da variazioni successive. Sono i conteggi della frase "in sintesi" del rapporto.',
})
export class PlanSummaryType {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Data a cui si riferiscono i conteggi (scadenza del periodo).' }) asOf!: string | null;
  @Field(() => Int, { description: 'Linee di mandato.' }) mandateLines!: number;
  @Field(() => Int, { description: 'Indirizzi strategici.' }) strategicDirections!: number;
  @Field(() => Int, { description: 'Obiettivi strategici.' }) strategicObjectives!: number;
  @Field(() => Int, { description: 'Obiettivi operativi.' }) operationalObjectives!: number;
  @Field(() => Int, { description: 'Finalità.' }) goals!: number;
  @Field(() => Int, { description: 'Indicatori.' }) indicators!: number;
}

@ObjectType('MandateLine', { description: 'Linea di mandato.' })
export class MandateLineType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => Int, { description: 'Numero della linea (1, 2, …).' }) number!: number;
  @Field({ description: 'Titolo (come nel capitolo 3 del rapporto).' }) title!: string;
  @Field(() => [String], { description: 'Altre formulazioni del titolo.' }) alternateTitles!: string[];
  @Field({ description: 'Descrizione (Markdown).' }) description!: string;
  @Field(() => [StrategicDirectionType], { description: 'Indirizzi strategici della linea.', complexity: listOf(7) })
  directions!: StrategicDirectionType[];
  /** The objectives of the edition through which the line was reached. */
  @Field(() => [StrategicObjectiveType], { description: "Obiettivi strategici della linea nell'edizione.", complexity: listOf(3) })
  strategicObjectives!: StrategicObjectiveType[];
}

@ObjectType('StrategicDirection', { description: 'Indirizzo strategico di una linea di mandato.' })
export class StrategicDirectionType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => Int, { description: "Posizione nell'elenco." }) position!: number;
  @Field({ description: 'Testo.' }) text!: string;
}

@ObjectType('StrategicObjective', { description: 'Obiettivo strategico (Sezione strategica), codice N.NN.' })
export class StrategicObjectiveType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field({ description: 'Codice, es. "1.01".' }) code!: string;
  @Field({ description: 'Titolo.' }) title!: string;
  @Field(() => [String], { description: 'Altre formulazioni del titolo (es. nella tabella riepilogativa).' }) alternateTitles!: string[];
  @Field({ description: "Descrizione dell'obiettivo (Markdown)." }) description!: string;
  @Field(() => String, { nullable: true, description: 'Società ed enti partecipati coinvolti.' }) partecipate!: string | null;
  @Field(() => Int, { description: 'Numero della linea di mandato.' }) lineNumber!: number;
  @Field(() => [MissionType], { description: "Missioni di bilancio dell'obiettivo, in ordine di stampa.", complexity: listOf(4) })
  missions!: MissionType[];
  @Field(() => [OperationalObjectiveType], { description: 'Obiettivi operativi.', complexity: listOf(4) })
  operationalObjectives!: OperationalObjectiveType[];
  @Field(() => AmendmentType, { nullable: true, description: "Variazione che ha introdotto l'obiettivo, se successiva all'approvazione." })
  introducedBy!: AmendmentType | null;
  @Field(() => AmendmentType, {
    nullable: true,
    description: "Variazione che ha soppresso l'obiettivo (resta nella storia, in vigore fino alla data di efficacia).",
  })
  retiredBy!: AmendmentType | null;
  lineId!: string;
  /** The same objective in the previous edition; `predecessor` resolves it. */
  predecessorId!: string | null;
}

@ObjectType('OperationalObjective', { description: 'Obiettivo operativo (Sezione operativa), codice N.NN.NN.' })
export class OperationalObjectiveType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field({ description: 'Codice, es. "1.01.01".' }) code!: string;
  @Field({ description: 'Titolo.' }) title!: string;
  @Field(() => [String], { description: 'Altre formulazioni del titolo.' }) alternateTitles!: string[];
  @Field({ description: 'Responsabile politico come indicato nel documento.' }) ownerLabel!: string;
  @Field(() => String, { nullable: true, description: 'Intestazione della sezione finalità, quando diversa da quella standard.' }) goalsHeading!: string | null;
  @Field(() => [PoliticalOwnerType], { description: 'Responsabili politici, in ordine di stampa.', complexity: listOf(1) })
  owners!: PoliticalOwnerType[];
  @Field(() => [ProgrammeType], { description: 'Coppie Missione/Programma, in ordine di stampa.', complexity: listOf(3) })
  programmes!: ProgrammeType[];
  @Field(() => [GoalType], { description: 'Finalità, in ordine.', complexity: listOf(4) })
  goals!: GoalType[];
  @Field(() => [IndicatorType], { description: 'Indicatori, in ordine.', complexity: listOf(4) })
  indicators!: IndicatorType[];
  @Field(() => AmendmentType, { nullable: true, description: "Variazione che ha introdotto l'obiettivo, se successiva all'approvazione." })
  introducedBy!: AmendmentType | null;
  @Field(() => AmendmentType, {
    nullable: true,
    description: "Variazione che ha soppresso l'obiettivo (resta nella storia, in vigore fino alla data di efficacia).",
  })
  retiredBy!: AmendmentType | null;
  predecessorId!: string | null;
}

@ObjectType('GoalDepartment', { description: 'Settore coinvolto in una finalità, con gli anni di attività.' })
export class GoalDepartmentType {
  @Field(() => Int, { description: 'Posizione nella tabella.' }) position!: number;
  @Field(() => DepartmentType, { nullable: true, description: 'Settore; assente per la voce "tutti i settori".' }) department!: DepartmentType | null;
  @Field({ description: 'Vero per la voce "tutti i settori".' }) allDepartments!: boolean;
  @Field(() => String, { nullable: true, description: 'Formulazione della voce "tutti i settori".' }) allDepartmentsLabel!: string | null;
  @Field({ description: 'Denominazione come stampata nel documento.' }) printedName!: string;
  @Field({ description: 'Settore capofila, come indicato nel documento.' }) lead!: boolean;
  @Field({
    description: 'Settore che scrive lo stato di attuazione: il capofila o, se la finalità elenca un solo settore senza indicarlo capofila, quel settore.',
  })
  reportingLead!: boolean;
  @Field(() => [Int], { description: 'Anni in cui il settore è attivo sulla finalità.' }) years!: number[];
  @Field(() => String, { nullable: true, description: 'Annotazione.' }) note!: string | null;
}

@ObjectType('GoalStatus', { description: 'Stato di attuazione di una finalità a una scadenza.' })
export class GoalStatusType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field({ description: 'Narrazione (Markdown).' }) narrative!: string;
  @Field({ description: 'Riferimento temporale come indicato (es. "al 30/06/2020", "ad agosto 2020").' }) asOfLabel!: string;
  @Field(() => DeclaredState, { nullable: true, description: 'Stato dichiarato.' }) declaredState!: DeclaredState | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percentuale di completamento dichiarata.' }) percentComplete!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza a cui è rinviata la rendicontazione.' }) deferredTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Frase di rinvio come indicata.' }) deferralText!: string | null;
  @Field(() => Int, { description: 'Versione, per il controllo delle modifiche concorrenti.' }) version!: number;
  @Field({ description: 'Autore della versione.' }) author!: string;
  @Field({ description: 'Creazione.' }) createdAt!: Date;
  @Field({ description: 'Ultima modifica.' }) updatedAt!: Date;
}

@ObjectType('Goal', { description: 'Finalità di un obiettivo operativo: unità di rendicontazione.' })
export class GoalType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => Int, { description: "Posizione nell'obiettivo operativo (1, 2, …)." }) position!: number;
  @Field({ description: 'Titolo.' }) title!: string;
  @Field({ description: 'Descrizione (Markdown).' }) description!: string;
  @Field(() => String, { nullable: true, description: 'Intestazione della colonna dei settori come stampata, quando diversa da "Settori coinvolti".' })
  departmentsHeading!: string | null;
  @Field(() => [GoalDepartmentType], { description: 'Settori coinvolti, con capofila e anni.', complexity: listOf(3) })
  departments!: GoalDepartmentType[];
  /** Every status of the goal in period order; the `statuses` field filters it. */
  statusList!: GoalStatusType[];
  predecessorId!: string | null;
}

@ObjectType('IndicatorTarget', { description: 'Valore atteso di un indicatore per un anno.' })
export class IndicatorTargetType {
  @Field(() => Int, { description: 'Anno.' }) year!: number;
  @Field(() => Comparator, { nullable: true, description: 'Operatore di confronto.' }) comparator!: Comparator | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Valore.' }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'Unità di misura.' }) unit!: string | null;
  @Field(() => String, { nullable: true, description: 'Valore atteso qualitativo.' }) text!: string | null;
}

@ObjectType('IndicatorResult', { description: 'Risultato di un indicatore a una scadenza, riportato testualmente.' })
export class IndicatorResultType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field({ description: 'Testo del risultato esattamente come riportato.' }) text!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Valore numerico, solo se non ambiguo.' }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'Unità di misura del valore.' }) unit!: string | null;
  @Field(() => ResultStatus, { description: 'Stato del risultato.' }) status!: ResultStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza a cui è rinviato il dato.' }) deferredTo!: string | null;
  @Field(() => Int, { description: 'Versione.' }) version!: number;
  @Field({ description: 'Autore della versione.' }) author!: string;
  @Field({ description: 'Ultima modifica.' }) updatedAt!: Date;
}

@ObjectType('Indicator', { description: 'Indicatore di un obiettivo operativo.' })
export class IndicatorType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => Int, { description: "Posizione nell'obiettivo operativo." }) position!: number;
  @Field({ description: 'Denominazione.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Unità di misura.' }) unit!: string | null;
  @Field(() => IndicatorKind, { description: 'Natura del valore.' }) kind!: IndicatorKind;
  @Field(() => Polarity, { description: 'Verso di miglioramento.' }) polarity!: Polarity;
  @Field(() => String, { nullable: true, description: 'Gruppo sotto cui è stampato (es. titolo di una finalità).' }) groupLabel!: string | null;
  @Field(() => Int, { nullable: true, description: 'Posizione della finalità a cui è collegato, se indicata.' }) goalPosition!: number | null;
  @Field({ description: "Codice dell'obiettivo operativo a cui appartiene l'indicatore." }) objectiveCode!: string;
  @Field(() => [IndicatorTargetType], { description: 'Valori attesi per anno.', complexity: listOf(2) })
  targets!: IndicatorTargetType[];
  /** Every result of the indicator in period order; the `results` field filters it. */
  resultList!: IndicatorResultType[];
}

import { Field, ID, InputType, Int, ObjectType, OmitType, registerEnumType } from '@nestjs/graphql';
import { PlanTypes } from '@dup/plan-read';
import { Comparator, DeclaredState, ResultStatus, ReviewState } from '@dup/domain';
import { DecimalScalar, labelled, LocalDateScalar } from '@dup/graphql-kit';
import { ReviewDecision } from '../services/review.service';

registerEnumType(ReviewState, {
  name: 'ReviewState',
  description: 'Stato della revisione delle finalità di un settore: inviate, restituite o accettate.',
  valuesMap: labelled<keyof typeof ReviewState>({ SUBMITTED: 'Inviato in revisione', RETURNED: 'Restituito', ACCEPTED: 'Accettato' }),
});
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: "Decisione dell'ufficio programmazione su un invio in revisione.",
  valuesMap: labelled<keyof typeof ReviewDecision>({ ACCEPT: 'Accetta', RETURN: 'Restituisci' }),
});

@InputType('SetGoalStatusInput', { description: "Stato di attuazione di una finalità: sostituisce per intero quello letto alla versione indicata." })
export class SetGoalStatusInput {
  @Field(() => ID, { description: 'Identificativo della finalità.' }) goalId!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo, es. "2020-12-31".' }) period!: string;
  @Field(() => Int, { nullable: true, description: 'Versione letta; assente (null) quando lo stato non esiste ancora.' }) expectedVersion?: number | null;
  @Field({ description: 'Narrazione (Markdown); può essere vuota solo per uno stato rinviato.' }) narrative!: string;
  @Field(() => DeclaredState, { description: 'Stato dichiarato.' }) declaredState!: DeclaredState;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percentuale di completamento (0-100, al massimo due decimali).' }) percentComplete?: string | null;
  @Field(() => String, { nullable: true, description: 'Riferimento temporale (es. "ad agosto 2020"); predefinito "al <scadenza>".' }) asOfLabel?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza successiva a cui è rinviata la rendicontazione (solo con stato DEFERRED).' }) deferredTo?: string | null;
  @Field(() => String, { nullable: true, description: 'Frase di rinvio come da riportare.' }) deferralText?: string | null;
}

@InputType('RecordIndicatorResultInput', { description: "Risultato di un indicatore a una scadenza: sostituisce quello letto alla versione indicata." })
export class RecordIndicatorResultInput {
  @Field(() => ID, { description: "Identificativo dell'indicatore." }) indicatorId!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field(() => Int, { nullable: true, description: 'Versione letta; assente (null) quando il risultato non esiste ancora.' }) expectedVersion?: number | null;
  @Field({ description: 'Testo del risultato, conservato esattamente come scritto; obbligatorio per un risultato REPORTED.' }) text!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Valore numerico, solo se non ambiguo.' }) value?: string | null;
  @Field(() => String, { nullable: true, description: 'Unità di misura del valore.' }) unit?: string | null;
  @Field(() => ResultStatus, { description: 'Stato del risultato.' }) status!: ResultStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza successiva a cui è rinviato il dato (solo con stato DEFERRED).' }) deferredTo?: string | null;
}

@InputType('IndicatorTargetInput', { description: 'Valore atteso per un anno: un valore con confronto, un sì/no oppure un testo qualitativo.' })
export class IndicatorTargetInputType {
  @Field(() => Int, { description: "Anno, compreso nel triennio dell'edizione." }) year!: number;
  @Field(() => Comparator, { nullable: true, description: 'Confronto (≥, >, ≤, <, =), obbligatorio con un valore.' }) comparator?: Comparator | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Valore numerico atteso.' }) value?: string | null;
  @Field(() => String, { nullable: true, description: 'Unità di misura (es. "%", "giorni").' }) unit?: string | null;
  @Field(() => String, { nullable: true, description: 'Testo qualitativo, o la formulazione del valore (es. "≥ 95%").' }) text?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Valore atteso sì/no: memorizzato come testo "sì" o "no".' }) yesNo?: boolean | null;
}

@ObjectType('GoalContribution', { description: 'Contributo firmato di un settore coinvolto (non capofila) in una finalità.' })
export class GoalContributionType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => ID, { description: 'Identificativo della finalità.' }) goalId!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field({ description: 'Codice del settore.' }) departmentCode!: string;
  @Field({ description: 'Denominazione del settore.' }) departmentName!: string;
  @Field({ description: 'Testo del contributo (Markdown).' }) text!: string;
  @Field(() => Int, { description: 'Versione, per il controllo delle modifiche concorrenti.' }) version!: number;
  @Field({ description: 'Nome utente di chi ha firmato la versione.' }) author!: string;
  @Field({ description: 'Creazione.' }) createdAt!: Date;
  @Field({ description: 'Ultima modifica.' }) updatedAt!: Date;
}

@ObjectType('DepartmentReview', { description: "Revisione delle finalità di un settore per un periodo da parte dell'ufficio programmazione." })
export class DepartmentReviewType {
  @Field(() => ID, { description: 'Identificativo interno.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field({ description: 'Codice del settore.' }) departmentCode!: string;
  @Field({ description: 'Denominazione del settore.' }) departmentName!: string;
  @Field(() => ReviewState, { description: 'Stato della revisione.' }) state!: ReviewState;
  @Field(() => String, { nullable: true, description: "Commento dell'ufficio programmazione." }) comment!: string | null;
  @Field(() => String, { nullable: true, description: "Nota del settore all'ultimo invio: il motivo dell'invio con dati mancanti." }) submissionNote!: string | null;
  @Field(() => Int, { nullable: true, description: "Finalità di cui il settore è capofila ancora senza stato di attuazione all'ultimo invio." })
  missingGoalsAtSubmission!: number | null;
  @Field(() => Int, { nullable: true, description: "Indicatori degli obiettivi del settore ancora senza risultato all'ultimo invio." })
  missingIndicatorsAtSubmission!: number | null;
  @Field({ description: "Chi ha inviato in revisione." }) submittedBy!: string;
  @Field({ description: "Momento dell'invio." }) submittedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Chi ha deciso.' }) reviewedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'Momento della decisione.' }) reviewedAt!: Date | null;
  @Field(() => Int, { description: 'Versione.' }) version!: number;
}

@ObjectType('GoalStatusVersion', { description: 'Una versione dello stato di attuazione di una finalità, come scritta.' })
export class GoalStatusVersionType {
  @Field(() => Int, { description: 'Numero di versione.' }) version!: number;
  @Field({ description: 'Narrazione (Markdown).' }) narrative!: string;
  @Field({ description: 'Riferimento temporale.' }) asOfLabel!: string;
  @Field(() => DeclaredState, { nullable: true, description: 'Stato dichiarato.' }) declaredState!: DeclaredState | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Percentuale di completamento.' }) percentComplete!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza di rinvio.' }) deferredTo!: string | null;
  @Field(() => String, { nullable: true, description: 'Frase di rinvio.' }) deferralText!: string | null;
  @Field({ description: 'Autore della versione.' }) author!: string;
  @Field({ description: 'Momento della scrittura.' }) createdAt!: Date;
}

@ObjectType('IndicatorResultVersion', { description: "Una versione del risultato di un indicatore, come scritta." })
export class IndicatorResultVersionType {
  @Field(() => Int, { description: 'Numero di versione.' }) version!: number;
  @Field({ description: 'Testo del risultato.' }) text!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Valore numerico.' }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'Unità di misura.' }) unit!: string | null;
  @Field(() => ResultStatus, { description: 'Stato del risultato.' }) status!: ResultStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Scadenza di rinvio.' }) deferredTo!: string | null;
  @Field({ description: 'Autore della versione.' }) author!: string;
  @Field({ description: 'Momento della scrittura.' }) createdAt!: Date;
}

@InputType('GoalReportStatusInput', { description: 'Stato di attuazione salvato insieme ai risultati della finalità (stessi campi di SetGoalStatusInput).' })
export class GoalReportStatusInput extends OmitType(SetGoalStatusInput, ['goalId', 'period'] as const, InputType) {}

@InputType('GoalReportResultInput', { description: 'Risultato di un indicatore della finalità (stessi campi di RecordIndicatorResultInput).' })
export class GoalReportResultInput extends OmitType(RecordIndicatorResultInput, ['period'] as const, InputType) {}

@InputType('SaveGoalReportInput', { description: 'Stato di attuazione di una finalità e risultati dei suoi indicatori, salvati tutti insieme o nessuno.' })
export class SaveGoalReportInput {
  @Field(() => ID, { description: 'Identificativo della finalità.' }) goalId!: string;
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo, es. "2020-12-31".' }) period!: string;
  @Field(() => GoalReportStatusInput, { nullable: true, description: 'Stato di attuazione; assente per salvare solo i risultati.' })
  status?: GoalReportStatusInput | null;
  @Field(() => [GoalReportResultInput], { nullable: true, description: "Risultati degli indicatori della finalità (o dell'obiettivo, se non ne collega alla finalità)." })
  results?: GoalReportResultInput[] | null;
}

@ObjectType('GoalReport', { description: 'Esito del salvataggio: lo stato e i risultati come ora registrati, con le nuove versioni.' })
export class GoalReportType {
  @Field(() => PlanTypes.GoalStatusType, { nullable: true, description: 'Stato di attuazione salvato.' }) status!: PlanTypes.GoalStatusType | null;
  @Field(() => [PlanTypes.IndicatorResultType], { description: 'Risultati salvati.' }) results!: PlanTypes.IndicatorResultType[];
}

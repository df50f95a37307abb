import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { labelled, listOf, LocalDateScalar } from '@dup/graphql-kit';

export enum ContradictionKindEnum {
  COMPLETED_WITH_DEFERRED_INDICATORS = 'COMPLETED_WITH_DEFERRED_INDICATORS',
  COMPLETED_WITH_MISSING_RESULTS = 'COMPLETED_WITH_MISSING_RESULTS',
  COMPLETED_WITH_DEFERRED_STATUS = 'COMPLETED_WITH_DEFERRED_STATUS',
  COMPLETED_BELOW_100_PERCENT = 'COMPLETED_BELOW_100_PERCENT',
  FULL_PERCENT_NOT_COMPLETED = 'FULL_PERCENT_NOT_COMPLETED',
  DEFERRED_STATUS_WITH_OTHER_STATE = 'DEFERRED_STATUS_WITH_OTHER_STATE',
  NOT_STARTED_WITH_PROGRESS = 'NOT_STARTED_WITH_PROGRESS',
}
registerEnumType(ContradictionKindEnum, {
  name: 'ContradictionKind',
  description: 'Tipo di contraddizione tra stato dichiarato ed evidenze.',
  valuesMap: labelled<keyof typeof ContradictionKindEnum>({
    COMPLETED_WITH_DEFERRED_INDICATORS: 'Conclusa con indicatori rinviati',
    COMPLETED_WITH_MISSING_RESULTS: 'Conclusa con risultati mancanti',
    COMPLETED_WITH_DEFERRED_STATUS: 'Conclusa ma con rendicontazione rinviata',
    COMPLETED_BELOW_100_PERCENT: 'Conclusa sotto il 100%',
    FULL_PERCENT_NOT_COMPLETED: 'Al 100% ma non conclusa',
    DEFERRED_STATUS_WITH_OTHER_STATE: 'Rinvio con stato non «rinviata»',
    NOT_STARTED_WITH_PROGRESS: 'Non avviata con avanzamento',
  }),
});

@ObjectType('Contradiction', { description: "Contraddizione da verificare da parte dell'ufficio programmazione." })
export class ContradictionType {
  @Field(() => ContradictionKindEnum, { description: 'Tipo.' }) kind!: ContradictionKindEnum;
  @Field(() => ID, { description: 'Identificativo della finalità.' }) goalId!: string;
  @Field(() => Int, { description: 'Posizione della finalità.' }) goalPosition!: number;
  @Field(() => [Int], { description: 'Posizioni degli indicatori coinvolti.' }) indicatorPositions!: number[];
  @Field({ description: 'Spiegazione.' }) message!: string;
}

@ObjectType('GoalSignals', { description: 'Segnali di una finalità per un periodo.' })
export class GoalSignalsType {
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field(() => ID, { description: 'Identificativo della finalità, per aprirla.' }) goalId!: string;
  @Field(() => Int, { description: "Posizione della finalità nell'obiettivo operativo." }) goalPosition!: number;
  @Field({ description: 'Titolo della finalità.' }) goalTitle!: string;
  @Field({ description: 'Esiste uno stato di attuazione per il periodo.' }) hasStatus!: boolean;
  @Field({ description: 'La rendicontazione è rinviata.' }) deferred!: boolean;
  @Field(() => Int, { description: 'Indicatori pertinenti alla finalità.' }) indicators!: number;
  @Field(() => Int, { description: 'Indicatori senza risultato (assente o vuoto).' }) indicatorsWithoutResult!: number;
  @Field(() => Int, { description: 'Indicatori con risultato rinviato.' }) deferredIndicators!: number;
  @Field(() => [ContradictionType], { description: 'Contraddizioni.' }) contradictions!: ContradictionType[];
}

@ObjectType('ObjectiveSignals', { description: 'Segnali di un obiettivo operativo per un periodo.' })
export class ObjectiveSignalsType {
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field(() => ID, { description: "Identificativo dell'obiettivo operativo." }) objectiveId!: string;
  @Field({ description: "Codice dell'obiettivo operativo." }) objectiveCode!: string;
  @Field({ description: "Titolo dell'obiettivo operativo." }) objectiveTitle!: string;
  @Field(() => Int, { description: 'Finalità.' }) goals!: number;
  @Field(() => Int, { description: 'Finalità senza stato di attuazione.' }) goalsWithoutStatus!: number;
  @Field(() => Int, { description: 'Finalità con rendicontazione rinviata.' }) deferredGoals!: number;
  @Field(() => Int, { description: 'Indicatori.' }) indicators!: number;
  @Field(() => Int, { description: 'Indicatori senza risultato.' }) indicatorsWithoutResult!: number;
  @Field(() => Int, { description: 'Indicatori con risultato rinviato.' }) deferredIndicators!: number;
  @Field(() => [ContradictionType], { description: 'Contraddizioni di tutte le finalità.' }) contradictions!: ContradictionType[];
  @Field(() => [GoalSignalsType], {
    description: "Segnali di ciascuna finalità dell'obiettivo, in ordine di posizione, con l'identificativo per aprirla.",
    complexity: listOf(4),
  })
  goalSignals!: GoalSignalsType[];
}

import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { labelled, listOf, PageInfoType } from '@dup/graphql-kit';
import { PlanTypes } from '@dup/plan-read';
import { GoalRelation } from '../services/department-workload';
import { DepartmentReviewType, GoalContributionType } from './write.types';

registerEnumType(GoalRelation, {
  name: 'GoalRelation',
  description: 'Relazione di un settore con una finalità: capofila (ne scrive lo stato di attuazione) o coinvolto (vi aggiunge un contributo).',
  valuesMap: labelled<keyof typeof GoalRelation>({ LEAD: 'Capofila', INVOLVED: 'Coinvolto', ANY: 'Capofila o coinvolto' }),
});

@InputType('DepartmentGoalsFilter', { description: 'Filtro delle finalità dei settori. Tutti i criteri indicati devono valere insieme.' })
export class DepartmentGoalsFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      "Codice del settore. Predefinito: i propri settori per un dirigente (che può indicare solo uno di questi), tutti i settori per gli altri ruoli.",
  })
  department?: string | null;
  @Field(() => GoalRelation, { nullable: true, defaultValue: GoalRelation.ANY, description: 'Relazione del settore con la finalità.' })
  relation?: GoalRelation | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Solo ciò che manca nel periodo: finalità senza stato di attuazione (capofila) o senza contributo del settore (coinvolto).',
  })
  missingOnly?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Codice di obiettivo strategico ("1.01") od operativo ("1.01.01"): solo le finalità sotto quel codice.',
  })
  objectiveCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Testo da cercare nel titolo o nella descrizione della finalità, o nel codice o titolo dell'obiettivo operativo (senza distinzione di maiuscole e accenti).",
  })
  text?: string | null;
}

@ObjectType('DepartmentGoal', { description: 'Una finalità vista da un settore capofila o coinvolto, per un periodo.' })
export class DepartmentGoalType {
  @Field(() => PlanTypes.GoalType, { description: 'La finalità.' }) goal!: PlanTypes.GoalType;
  @Field(() => GoalRelation, { description: 'Relazione del settore con la finalità (LEAD o INVOLVED).' }) relation!: GoalRelation;
  @Field(() => PlanTypes.DepartmentType, { description: 'Il settore.' }) department!: PlanTypes.DepartmentType;
  @Field(() => PlanTypes.GoalStatusType, { nullable: true, description: 'Stato di attuazione al periodo, se già scritto.' })
  status!: PlanTypes.GoalStatusType | null;
  @Field(() => PlanTypes.GoalStatusType, { nullable: true, description: 'Stato di attuazione del periodo precedente più recente, come riferimento.' })
  previousStatus!: PlanTypes.GoalStatusType | null;
  @Field(() => GoalContributionType, { nullable: true, description: 'Contributo del settore al periodo (solo per un settore coinvolto), se già scritto.' })
  contribution!: GoalContributionType | null;
  @Field(() => Int, {
    description: "Indicatori pertinenti alla finalità senza risultato al periodo (quelli collegati alla finalità o, se l'obiettivo non ne collega, tutti quelli dell'obiettivo).",
  })
  indicatorsWithoutResult!: number;
}

@ObjectType('DepartmentGoalEdge', { description: 'Elemento di una pagina di finalità dei settori.' })
export class DepartmentGoalEdgeType {
  @Field({ description: 'Cursore opaco di questo elemento.' }) cursor!: string;
  @Field(() => DepartmentGoalType, { description: 'La finalità del settore.' }) node!: DepartmentGoalType;
}

@ObjectType('DepartmentGoalConnection', { description: 'Pagina di finalità dei settori (Relay connection), in ordine di piano.' })
export class DepartmentGoalConnectionType {
  @Field(() => [DepartmentGoalEdgeType], { description: 'Elementi della pagina.' }) edges!: DepartmentGoalEdgeType[];
  @Field(() => PageInfoType, { description: 'Informazioni di paginazione.' }) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Numero totale di finalità dei settori che soddisfano il filtro.' }) totalCount!: number;
}

@ObjectType('DepartmentProgress', { description: "Avanzamento della rendicontazione di un settore per un periodo, con ciò che manca." })
export class DepartmentProgressType {
  @Field(() => PlanTypes.DepartmentType, { description: 'Il settore.' }) department!: PlanTypes.DepartmentType;
  @Field(() => Int, { description: 'Finalità di cui il settore è capofila.' }) goalsLed!: number;
  @Field(() => Int, { description: 'Finalità di cui il settore è capofila con lo stato di attuazione del periodo.' }) goalsLedWithStatus!: number;
  @Field(() => Int, { description: 'Finalità in cui il settore è coinvolto senza esserne capofila.' }) goalsInvolved!: number;
  @Field(() => Int, { description: 'Contributi del settore scritti per il periodo.' }) contributions!: number;
  @Field(() => Int, { description: 'Indicatori degli obiettivi operativi in cui il settore è capofila di una finalità: quelli di cui registra i risultati.' })
  indicators!: number;
  @Field(() => Int, { description: 'Di questi, gli indicatori con un risultato per il periodo (un risultato vuoto non conta).' }) indicatorsWithResult!: number;
  @Field(() => DepartmentReviewType, { nullable: true, description: "Revisione del periodo (stato e commento dell'ufficio programmazione), se il settore ha già inviato." })
  review!: DepartmentReviewType | null;
  @Field(() => [PlanTypes.GoalType], { description: 'Finalità di cui il settore è capofila ancora senza stato di attuazione, in ordine di piano.', complexity: listOf(10) })
  missingGoals!: PlanTypes.GoalType[];
  @Field(() => [PlanTypes.IndicatorType], { description: 'Indicatori di cui il settore registra i risultati ancora senza risultato, in ordine di piano.', complexity: listOf(10) })
  missingIndicators!: PlanTypes.IndicatorType[];
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ActBody, ActKind, IndicatorKind, Polarity } from '@dup/domain';
import { LocalDateScalar } from '@dup/graphql-kit';
import { PlanTypes } from '@dup/plan-read';
import { IndicatorTargetInputType } from './write.types';

@InputType('CreateAmendmentInput', { description: "Variazione di un'edizione del DUP: l'atto che la approva e la data da cui ha effetto." })
export class CreateAmendmentInputType {
  @Field({ description: 'Codice dell\'edizione, es. "2020-2022".' }) edition!: string;
  @Field(() => ActBody, { description: "Organo che adotta l'atto (di norma il Consiglio)." }) actBody!: ActBody;
  @Field(() => ActKind, { nullable: true, description: 'Tipo di atto (predefinito: deliberazione).' }) actKind?: ActKind | null;
  @Field({ description: "Numero dell'atto." }) actNumber!: string;
  @Field(() => LocalDateScalar, { description: "Data dell'atto." }) actDate!: string;
  @Field(() => LocalDateScalar, { description: 'Data da cui la variazione ha effetto.' }) effectiveDate!: string;
  @Field({ description: 'Descrizione della variazione.' }) description!: string;
}

@InputType('StrategicObjectiveInput', { description: 'Dati di un obiettivo strategico; in modifica, i campi assenti restano invariati.' })
export class StrategicObjectiveInputType {
  @Field(() => Int, { nullable: true, description: 'Numero della linea di mandato (predefinito: la prima cifra del codice).' }) lineNumber?: number | null;
  @Field(() => String, { nullable: true, description: 'Codice N.NN, es. "1.06" (obbligatorio in aggiunta; in modifica, il nuovo codice).' }) code?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Titolo.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Descrizione (Markdown).' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Società ed enti partecipati coinvolti.' }) partecipate?: string | null;
  @Field(() => [String], { nullable: true, description: 'Missioni di bilancio, in ordine (codici a due cifre, es. "01").' }) missionCodes?: string[] | null;
}

@InputType('OperationalObjectiveInput', { description: 'Dati di un obiettivo operativo; in modifica, i campi assenti restano invariati.' })
export class OperationalObjectiveInputType {
  @Field(() => String, { nullable: true, description: 'Codice dell\'obiettivo strategico (predefinito: dal codice, es. "1.06" per "1.06.01").' })
  strategicCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Codice N.NN.NN, es. "1.06.01" (obbligatorio in aggiunta; in modifica, il nuovo codice).' }) code?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Titolo.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Responsabili politici come stampati nel documento.' }) ownerLabel?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Responsabili politici, in ordine (elenco completo).' }) ownerIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Programmi di bilancio, in ordine (codici Missione.Programma, es. "01.06"; elenco completo).' })
  programmeCodes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Intestazione della sezione finalità, se diversa da quella standard.' }) goalsHeading?: string | null;
}

@InputType('GoalDepartmentInput', { description: 'Settore coinvolto in una finalità: un settore oppure "tutti i settori".' })
export class GoalDepartmentInputType {
  @Field(() => String, { nullable: true, description: 'Codice del settore.' }) departmentCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Formulazione della voce "tutti i settori".' }) allDepartmentsLabel?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Settore capofila (al più uno per finalità).' }) lead?: boolean | null;
  @Field(() => [Int], { nullable: true, description: "Anni di attività, compresi nel triennio dell'edizione." }) years?: number[] | null;
  @Field(() => String, { nullable: true, description: 'Annotazione.' }) note?: string | null;
}

@InputType('GoalInput', { description: 'Dati di una finalità; in modifica, i campi assenti restano invariati.' })
export class GoalInputType {
  @Field(() => String, { nullable: true, description: 'Titolo (obbligatorio in aggiunta).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Descrizione (Markdown).' }) description?: string | null;
  @Field(() => [GoalDepartmentInputType], { nullable: true, description: 'Settori coinvolti, in ordine (elenco completo).' }) departments?:
    GoalDepartmentInputType[] | null;
}

@InputType('IndicatorInput', { description: 'Nuovo indicatore di un obiettivo operativo, con i valori attesi.' })
export class IndicatorInputType {
  @Field({ description: 'Denominazione.' }) name!: string;
  @Field(() => IndicatorKind, { description: 'Tipo di misura.' }) kind!: IndicatorKind;
  @Field(() => Polarity, { nullable: true, description: 'Verso di miglioramento.' }) polarity?: Polarity | null;
  @Field(() => String, { nullable: true, description: 'Unità di misura.' }) unit?: string | null;
  @Field(() => String, { nullable: true, description: 'Intestazione di gruppo.' }) groupLabel?: string | null;
  @Field(() => ID, { nullable: true, description: "Finalità dello stesso obiettivo a cui l'indicatore è collegato." }) goalId?: string | null;
  @Field(() => [IndicatorTargetInputType], { nullable: true, description: 'Valori attesi, uno per anno.' }) targets?: IndicatorTargetInputType[] | null;
}

@ObjectType('PlanStructureChange', { description: 'Esito di una modifica della struttura del piano: gli elementi toccati, come ora registrati.' })
export class PlanStructureChangeType {
  @Field(() => PlanTypes.PlanEditionType, { description: 'Edizione modificata.' }) edition!: PlanTypes.PlanEditionType;
  @Field(() => PlanTypes.StrategicObjectiveType, { nullable: true, description: 'Obiettivo strategico aggiunto, modificato o soppresso.' })
  strategicObjective!: PlanTypes.StrategicObjectiveType | null;
  @Field(() => PlanTypes.OperationalObjectiveType, {
    nullable: true,
    description: 'Obiettivo operativo aggiunto, modificato o soppresso (o a cui è stato aggiunto un indicatore).',
  })
  operationalObjective!: PlanTypes.OperationalObjectiveType | null;
  @Field(() => PlanTypes.GoalType, { nullable: true, description: 'Finalità aggiunta o modificata.' }) goal!: PlanTypes.GoalType | null;
}

@ObjectType('CreatedPlanEdition', { description: 'Nuova edizione del DUP creata dalla precedente, con quanto è stato riportato.' })
export class CreatedPlanEditionType {
  @Field(() => PlanTypes.PlanEditionType, { description: 'La nuova edizione.' }) edition!: PlanTypes.PlanEditionType;
  @Field(() => Int, { description: 'Obiettivi strategici riportati.' }) strategicObjectives!: number;
  @Field(() => Int, { description: 'Obiettivi operativi riportati.' }) operationalObjectives!: number;
  @Field(() => Int, { description: 'Finalità riportate.' }) goals!: number;
  @Field(() => Int, { description: 'Indicatori riportati.' }) indicators!: number;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { DecimalScalar, LocalDateScalar } from '@dup/graphql-kit';
import { MissionType, ProgrammeType } from './plan.types';

@ObjectType('SpendingAmounts', {
  description:
    'Importi in euro e indici calcolati. Gli indici sono percentuali arrotondate a due decimali (half-up); valgono null quando il denominatore è zero (non calcolabile).',
})
export class SpendingAmountsType {
  @Field(() => DecimalScalar, { description: 'Assestato (A).' }) assestato!: string;
  @Field(() => DecimalScalar, { description: 'Impegnato (B).' }) impegnato!: string;
  @Field(() => DecimalScalar, { description: 'Liquidato in conto competenza (C).' }) liquidatoCompetenza!: string;
  @Field(() => DecimalScalar, { description: 'Residui passivi (D).' }) residuiPassivi!: string;
  @Field(() => DecimalScalar, { description: 'Liquidato in conto residui (E).' }) liquidatoResidui!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Impegnato su assestato (B/A), in percentuale; null se non calcolabile.' }) impegnatoSuAssestato!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Liquidato su impegnato (C/B), in percentuale; null se non calcolabile.' }) liquidatoSuImpegnato!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Liquidato residui su residui passivi (E/D), in percentuale; null se non calcolabile.' }) liquidatoResiduiSuResidui!: string | null;
}

@ObjectType('ProgrammeSpending', { description: 'Spesa di un Programma.' })
export class ProgrammeSpendingType {
  @Field(() => ProgrammeType, { description: 'Programma.' }) programme!: ProgrammeType;
  @Field(() => SpendingAmountsType, { description: 'Importi e indici.' }) amounts!: SpendingAmountsType;
}

@ObjectType('MissionSpending', { description: 'Spesa di una Missione: programmi e totale calcolato.' })
export class MissionSpendingType {
  @Field(() => MissionType, { description: 'Missione.' }) mission!: MissionType;
  @Field(() => [ProgrammeSpendingType], { description: 'Programmi della missione, in ordine di codice.' }) programmes!: ProgrammeSpendingType[];
  @Field(() => SpendingAmountsType, { description: 'Totale della missione (somma dei programmi) e relativi indici.' }) total!: SpendingAmountsType;
}

@ObjectType('SpendingReport', { description: 'Spese per Missioni e Programmi a una scadenza, con totali e indici calcolati.' })
export class SpendingReportType {
  @Field(() => LocalDateScalar, { description: 'Scadenza del periodo.' }) period!: string;
  @Field(() => [MissionSpendingType], { description: 'Missioni in ordine di codice.' }) missions!: MissionSpendingType[];
  @Field(() => SpendingAmountsType, { description: 'Totale generale e relativi indici.' }) grandTotal!: SpendingAmountsType;
}

import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ResultStatus } from '@dup/domain';
import { LocalDateScalar, PageInfoType } from '@dup/graphql-kit';
import { IndicatorType } from './tree.types';

/** Shared with every connection of the API (audit trail included). */
export { PageInfoType } from '@dup/graphql-kit';

@ObjectType('IndicatorEdge', { description: 'Elemento di una pagina di indicatori.' })
export class IndicatorEdgeType {
  @Field({ description: 'Cursore opaco di questo elemento.' }) cursor!: string;
  @Field(() => IndicatorType, { description: "L'indicatore." }) node!: IndicatorType;
}

@ObjectType('IndicatorConnection', { description: 'Pagina di indicatori (Relay connection).' })
export class IndicatorConnectionType {
  @Field(() => [IndicatorEdgeType], { description: 'Elementi della pagina.' }) edges!: IndicatorEdgeType[];
  @Field(() => PageInfoType, { description: 'Informazioni di paginazione.' }) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Numero totale di indicatori che soddisfano il filtro.' }) totalCount!: number;
}

@InputType('IndicatorFilter', { description: 'Filtro degli indicatori. Tutti i criteri indicati devono valere insieme.' })
export class IndicatorFilterInput {
  @Field(() => String, { nullable: true, description: 'Codice dell\'edizione del DUP, es. "2020-2022".' }) edition?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Scadenza del periodo a cui si riferisce il filtro sullo stato del risultato (predefinita: la più recente).',
  })
  period?: string | null;
  @Field(() => Int, { nullable: true, description: 'Numero della linea di mandato.' }) mandateLine?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Codice di obiettivo strategico ("1.01") od operativo ("1.01.01"): seleziona gli indicatori sotto quel codice.',
  })
  objectiveCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Codice del settore capofila o coinvolto in una finalità dell\'obiettivo.' }) department?: string | null;
  @Field(() => ResultStatus, { nullable: true, description: 'Stato del risultato nel periodo (EMPTY comprende gli indicatori senza risultato).' })
  resultStatus?: ResultStatus | null;
  @Field(() => String, { nullable: true, description: 'Testo da cercare nel nome dell\'indicatore o nel risultato (senza distinzione tra maiuscole e minuscole).' })
  text?: string | null;
  @Field(() => String, { nullable: true, description: "Codice ISTAT dell'ente." }) ente?: string | null;
}

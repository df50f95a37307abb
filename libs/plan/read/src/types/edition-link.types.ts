import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * The same objective or goal in another edition of the DUP: what a mandate-wide view follows
 * from DUP 2020-2022 to 2021-2023 and on. Kept small on purpose: the full object is read
 * through that edition's own tree.
 */
@ObjectType('EditionLink', { description: "Lo stesso obiettivo o la stessa finalità in un'altra edizione del DUP." })
export class EditionLinkType {
  @Field(() => ID, { description: "Identificativo nell'altra edizione." }) id!: string;
  @Field({ description: 'Codice dell\'edizione, es. "2021-2023".' }) editionCode!: string;
  @Field({ description: "Codice dell'obiettivo (per una finalità, quello del suo obiettivo operativo)." }) code!: string;
  @Field(() => Int, { nullable: true, description: "Posizione della finalità nell'obiettivo operativo; assente per un obiettivo." }) position!: number | null;
  @Field({ description: 'Titolo.' }) title!: string;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { DomainError } from './domain-error';

/** Relay page information, shared by every connection of the API (one GraphQL type name). */
@ObjectType('PageInfo', { description: 'Informazioni di paginazione (Relay).' })
export class PageInfoType {
  @Field({ description: 'Esistono altri elementi dopo questa pagina.' }) hasNextPage!: boolean;
  @Field({ description: 'Esistono elementi prima di questa pagina.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursore del primo elemento.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "Cursore dell'ultimo elemento: passarlo come `after` per la pagina successiva." }) endCursor!: string | null;
}

/** The requested page size, or PAGE_TOO_LARGE: checked before any statement runs. */
export function checkPageSize(first: number | null | undefined, fallback: number, maxPageSize: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw new DomainError('PAGE_TOO_LARGE', `La dimensione della pagina deve essere compresa tra 1 e ${maxPageSize}.`, {
      field: 'first',
      maxPageSize,
    });
  }
  return size;
}

/** A Relay connection from one keyset page: edges, page info and the total. */
export function toConnection<N>(page: {
  rows: { cursor: string; node: N }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}): { edges: { cursor: string; node: N }[]; pageInfo: PageInfoType; totalCount: number } {
  return {
    edges: page.rows,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.rows[0]?.cursor ?? null,
      endCursor: page.rows.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

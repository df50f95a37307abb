import { GraphQLError } from 'graphql';

/** The refusals of plan structure edits (amendments) and of new editions: public, like every code here. */
export const PLAN_STRUCTURE_ERROR_CODES = [
  'DUPLICATE_CODE',
  'INVALID_CODE',
  'UNKNOWN_DEPARTMENT',
  'UNKNOWN_PROGRAMME',
  'UNKNOWN_MISSION',
  'UNKNOWN_OWNER',
  'OBJECTIVE_RETIRED',
  'EDITION_EXISTS',
  'EDITION_OVERLAP',
] as const;
export type PlanStructureErrorCode = (typeof PLAN_STRUCTURE_ERROR_CODES)[number];

/** Stable machine codes carried in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PERIOD_LOCKED'
  | 'INCOMPLETE_SUBMISSION'
  | 'SPENDING_EXTRACT_INVALID'
  | 'FILE_TOO_LARGE'
  | PlanStructureErrorCode
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'PAGE_TOO_LARGE'
  | 'CSRF_TOKEN_INVALID'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

/** An error whose Italian message is meant for the user and whose code is a stable contract. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    // The code last: a detail named `code` must never replace the stable error code.
    super(message, { extensions: { ...details, code } });
    this.name = 'DomainError';
  }
}

export const badUserInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, { field });
export const notFound = (entity: string, key: string) => new DomainError('NOT_FOUND', `${entity} non trovato: ${key}`, { entity, key });

/** Every id of the database: a UUID. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A malformed id cannot name a row: NOT_FOUND, before PostgreSQL rejects the uuid cast. (Over
 * GraphQL, inputValuesPlugin already refuses a malformed ID argument with BAD_USER_INPUT.)
 */
export function checkId(id: string, entity: string): void {
  if (!UUID_PATTERN.test(id)) throw notFound(entity, id);
}

import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, PLAN_STRUCTURE_ERROR_CODES } from './domain-error';
import { FRAMEWORK_FALLBACK_MESSAGES, translateFrameworkMessage } from './framework-messages';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** Codes whose messages are safe to show as they are. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'PERIOD_LOCKED',
  'INCOMPLETE_SUBMISSION',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'PAGE_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'CSRF_TOKEN_INVALID',
  ...PLAN_STRUCTURE_ERROR_CODES,
]);

/**
 * Every error leaves with a stable `extensions.code`. Internals never leak: an unexpected error
 * becomes INTERNAL_SERVER_ERROR with an `errorId` that is logged together with the real cause.
 */
export function createFormatError(logError: (errorId: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    let code = formatted.extensions?.['code'] as string | undefined;
    if (original instanceof HttpException) {
      code = HTTP_CODES[original.getStatus()] ?? 'INTERNAL_SERVER_ERROR';
    }
    if (code && PUBLIC_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      const { message, detail } = original instanceof DomainError ? { message: formatted.message } : inItalian(formatted.message, code);
      return { ...formatted, message, extensions: { ...extensions, code, ...(detail ? { detail } : {}) } };
    }
    const errorId = randomUUID();
    logError(errorId, original);
    return {
      message: `Errore interno del servizio. Comunicare all'assistenza il riferimento ${errorId}.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

/**
 * A framework's message (graphql-js validation and coercion, Apollo's HTTP checks) in Italian;
 * one no rule knows gets its code's Italian sentence, with the original kept for developers.
 * Messages of our own code are Italian already and match no rule.
 */
function inItalian(message: string, code: string): { message: string; detail?: string } {
  const translated = translateFrameworkMessage(message);
  if (translated !== null) return { message: translated };
  const fallback = FRAMEWORK_FALLBACK_MESSAGES[code];
  return fallback ? { message: fallback, detail: message } : { message };
}

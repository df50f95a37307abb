import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

/** The HTTP status of an answer refused before execution, by its first error's `extensions.code`. */
export const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  QUERY_TOO_DEEP: 400,
  QUERY_TOO_COMPLEX: 400,
  PAGE_TOO_LARGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_CODE: 409,
  INVALID_CODE: 400,
  UNKNOWN_DEPARTMENT: 400,
  UNKNOWN_PROGRAMME: 400,
  UNKNOWN_MISSION: 400,
  UNKNOWN_OWNER: 400,
  OBJECTIVE_RETIRED: 409,
  EDITION_EXISTS: 409,
  EDITION_OVERLAP: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** The challenge a 401 carries (RFC 9110 §11.6.1): bearer tokens, or the browser session. */
export const WWW_AUTHENTICATE = 'Bearer realm="DUP Monitor"';

/**
 * HTTP statuses as the GraphQL-over-HTTP spec reads them. An operation refused before execution
 * (no `data` in the body) answers the status of its error code: 401 when credentials are missing
 * or wrong, 400 for documents, variables and limits, 429 with Retry-After when rate-limited;
 * Apollo would otherwise answer 500 to every error thrown by a plugin. An executed operation
 * answers 200 even when fields report errors (its body carries `data`), except a request
 * refused as a whole by a rate limit (`data: null`), which is a 429 like any other.
 *
 * Register it with `preserveHttpStatusForExecutionErrors: false` (Nest's plugin would turn
 * that 429 into a 200 after this one has run).
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const extensions = result.errors?.[0]?.extensions;
          const code = typeof extensions?.['code'] === 'string' ? extensions['code'] : undefined;
          const mapped = code ? HTTP_STATUS_BY_CODE[code] : undefined;
          if (!('data' in result)) {
            // Statuses Apollo chose itself (400 for parse errors, 405, 415) are kept; its default 500 is not.
            if (mapped && (response.http.status === undefined || response.http.status === 500)) response.http.status = mapped;
          } else {
            response.http.status = result.data === null && code === 'TOO_MANY_REQUESTS' ? 429 : 200;
          }
          if (response.http.status === 401) response.http.headers.set('www-authenticate', WWW_AUTHENTICATE);
          const retryAfter = extensions?.['retryAfterSeconds'];
          if (response.http.status === 429 && typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}

import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

/** The session's anti-CSRF token: the server sets it as a readable cookie at login. */
export function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)dupm_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** Reasons the API gives when a session no longer authenticates. */
export type SessionEnd = 'SESSION_EXPIRED' | 'SESSION_ENDED' | 'USER_INACTIVE' | 'CSRF_TOKEN_INVALID' | 'UNAUTHENTICATED';

/**
 * The one GraphQL client of the app: same origin, session cookie, CSRF header on every request.
 * An answer saying the session is over is reported to `onSessionEnd` (the app then shows the
 * login page with the reason).
 */
export function createGraphqlClient(onSessionEnd: (reason: SessionEnd, message: string) => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const token = csrfToken();
      const headers: Record<string, string> = token ? { 'x-csrf-token': token } : {};
      return { credentials: 'same-origin', headers };
    },
    exchanges: [
      mapExchange({
        onError(error, operation) {
          const ended = sessionEndOf(error);
          // A failed login is the login page's own business; so is the first `me` of a visitor.
          if (ended && operation.context['sessionCheck'] !== true) onSessionEnd(ended.reason, ended.message);
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

function sessionEndOf(error: CombinedError): { reason: SessionEnd; message: string } | null {
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.['code'];
    if (code === 'CSRF_TOKEN_INVALID') return { reason: 'CSRF_TOKEN_INVALID', message: e.message };
    if (code === 'UNAUTHENTICATED' && e.path?.[0] !== 'login') {
      return { reason: (e.extensions?.['reason'] as SessionEnd | undefined) ?? 'UNAUTHENTICATED', message: e.message };
    }
  }
  return null;
}

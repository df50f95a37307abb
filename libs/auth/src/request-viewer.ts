import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { CSRF_HEADER, csrfTokenMatches } from './sessions';
import { sessionCookieOf } from './session-cookies';
import { resolveSessionViewer, resolveViewer } from './viewer-resolver';

export interface RequestCredentials {
  viewer: Viewer | null;
  /** Credentials were sent in the Authorization header and did not authenticate. */
  authError: Error | null;
  /**
   * The browser session cookie did not authenticate (expired, ended, or no CSRF token). Reported to
   * every operation except the public ones, so a stale cookie never stops the user from logging in.
   */
  sessionProblem: Error | null;
}

/**
 * Who is asking: a bearer token (API clients, auditors' tools) wins over the session cookie
 * (browsers). A cookie-authenticated request that can change state must echo the session's CSRF
 * token in the X-CSRF-Token header.
 */
export async function resolveRequestCredentials(
  em: EntityManager,
  req: Request,
  jwtSecret: string,
  options: { requireCsrf: boolean },
): Promise<RequestCredentials> {
  const authorization = req.headers['authorization'];
  if (authorization) {
    try {
      return { viewer: await resolveViewer(em, authorization, jwtSecret), authError: null, sessionProblem: null };
    } catch (error) {
      return { viewer: null, authError: error as Error, sessionProblem: null };
    }
  }
  const cookie = sessionCookieOf(req);
  if (!cookie) return { viewer: null, authError: null, sessionProblem: null };
  try {
    const viewer = await resolveSessionViewer(em, cookie, jwtSecret);
    if (viewer && options.requireCsrf && !csrfTokenMatches(viewer.sessionId!, jwtSecret, headerValue(req, CSRF_HEADER))) {
      return { viewer: null, authError: null, sessionProblem: csrfRefused() };
    }
    return { viewer, authError: null, sessionProblem: null };
  } catch (error) {
    return { viewer: null, authError: null, sessionProblem: error as Error };
  }
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? undefined : value;
}

const csrfRefused = () =>
  new DomainError('CSRF_TOKEN_INVALID', "Richiesta rifiutata: manca il token di sicurezza della sessione (X-CSRF-Token). Ricaricare la pagina e riprovare.", {
    http: { status: 403 },
  });

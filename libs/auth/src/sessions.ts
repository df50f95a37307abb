import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type User, UserSession } from '@dup/domain';
import { signAccessToken } from './tokens';

/** The browser session: an httpOnly cookie holding the access token. */
export const SESSION_COOKIE = 'dupm_session';
/** Readable by the page's script, which echoes it in CSRF_HEADER on every GraphQL request. */
export const CSRF_COOKIE = 'dupm_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Why a session ended, recorded on the row. */
export type SessionEndReason = 'logout' | 'password-change' | 'password-reset' | 'deactivated';

export interface OpenedSession {
  sessionId: string;
  accessToken: string;
  expiresAt: Date;
  csrfToken: string;
}

/** Starts a login session and signs its access token (the caller flushes). */
export function openSession(em: EntityManager, user: User, options: { secret: string; ttlSeconds: number; userAgent?: string | null }): OpenedSession {
  const expiresAt = new Date(Date.now() + options.ttlSeconds * 1000);
  // The row's id is assigned on creation, so the token can name it before the flush.
  const session = em.create(UserSession, {
    ente: user.ente.id,
    user,
    expiresAt,
    userAgent: options.userAgent ? options.userAgent.slice(0, 300) : undefined,
  });
  const signed = signAccessToken({ sub: user.id, ente: user.ente.id, role: user.role, sid: session.id }, options.secret, options.ttlSeconds);
  return { sessionId: session.id, accessToken: signed.token, expiresAt: signed.expiresAt, csrfToken: csrfTokenFor(session.id, options.secret) };
}

/**
 * The anti-CSRF token of a session: an HMAC of its id, so the server keeps no state for it and a
 * token planted by another site (or another session) never matches.
 */
export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function csrfTokenMatches(sessionId: string, secret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId, secret));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Ends one session (logout). */
export async function revokeSession(em: EntityManager, sessionId: string, reason: SessionEndReason): Promise<void> {
  await em.nativeUpdate(UserSession, { id: sessionId, revokedAt: null }, { revokedAt: new Date(), revokedReason: reason });
}

/** Ends every open session of a user, except the one that asked (password change keeps the caller logged in). */
export async function revokeUserSessions(em: EntityManager, userId: string, reason: SessionEndReason, exceptSessionId?: string): Promise<number> {
  return em.nativeUpdate(
    UserSession,
    { user: userId, revokedAt: null, ...(exceptSessionId ? { id: { $ne: exceptSessionId } } : {}) },
    { revokedAt: new Date(), revokedReason: reason },
  );
}

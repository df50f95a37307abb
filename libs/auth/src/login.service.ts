import type { EntityManager } from '@mikro-orm/postgresql';
import { User, type Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { decoyHash, verifyPassword } from './password';
import { openSession } from './sessions';
import { toViewer } from './viewer-resolver';

export interface LoginResult {
  accessToken: string;
  expiresAt: Date;
  viewer: Viewer;
  sessionId: string;
  csrfToken: string;
}

/**
 * Checks a username and password. The same message answers an unknown user and a wrong
 * password, and a decoy hash is computed for unknown users, so neither text nor timing tells
 * which usernames exist. A username may exist in several entes: the password is checked against
 * each of them (in parallel, so the time does not tell how many there are) and opens the one
 * account it matches; the ente is asked for only when it matches several, which only someone who
 * knows that password can learn.
 */
export async function login(
  em: EntityManager,
  input: { username: string; password: string; ente?: string | null },
  jwt: { secret: string; ttlSeconds: number; userAgent?: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const candidates = await em.find(User, { username, active: true, ...(input.ente ? { ente: { istatCode: input.ente } } : {}) });
  const hashes = candidates.length ? candidates.map((c) => c.passwordHash) : [await decoyHash()];
  const opened = await Promise.all(hashes.map((hash) => verifyPassword(input.password, hash)));
  const matches = candidates.filter((_, i) => opened[i]);
  if (matches.length === 0) throw new DomainError('UNAUTHENTICATED', 'Nome utente o password non corretti.');
  if (matches.length > 1) {
    throw new DomainError('BAD_USER_INPUT', "La password è valida per lo stesso nome utente in più enti: indicare il codice ISTAT dell'ente.", { field: 'ente' });
  }
  const user = matches[0];
  user.lastLoginAt = new Date();
  const session = openSession(em, user, { secret: jwt.secret, ttlSeconds: jwt.ttlSeconds, userAgent: jwt.userAgent });
  await em.flush();
  const viewer = { ...(await toViewer(em, user, false, 'jwt')), sessionId: session.sessionId };
  return { accessToken: session.accessToken, expiresAt: session.expiresAt, viewer, sessionId: session.sessionId, csrfToken: session.csrfToken };
}

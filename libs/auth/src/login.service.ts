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
 * which usernames exist.
 */
export async function login(
  em: EntityManager,
  input: { username: string; password: string; ente?: string | null },
  jwt: { secret: string; ttlSeconds: number; userAgent?: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const users = await em.find(User, { username, active: true, ...(input.ente ? { ente: { istatCode: input.ente } } : {}) });
  if (users.length > 1) {
    throw new DomainError('BAD_USER_INPUT', 'Lo stesso nome utente esiste in più enti: indicare il codice ISTAT dell\'ente.', { field: 'ente' });
  }
  const user = users[0];
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'Nome utente o password non corretti.');
  user.lastLoginAt = new Date();
  const session = openSession(em, user, { secret: jwt.secret, ttlSeconds: jwt.ttlSeconds, userAgent: jwt.userAgent });
  await em.flush();
  const viewer = { ...(await toViewer(em, user, false, 'jwt')), sessionId: session.sessionId };
  return { accessToken: session.accessToken, expiresAt: session.expiresAt, viewer, sessionId: session.sessionId, csrfToken: session.csrfToken };
}

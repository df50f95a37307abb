import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken, Role, User, UserDepartment, type Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { apiTokenSecretMatches, parseApiToken, verifyAccessToken } from './tokens';

/**
 * Turns an `Authorization: Bearer …` header into the viewer. No header means anonymous (null);
 * a header that does not authenticate is an error, never silently anonymous.
 */
export async function resolveViewer(em: EntityManager, authorization: string | undefined, jwtSecret: string): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('Intestazione Authorization non valida: usare "Bearer <token>".');
  const token = match[1];
  const api = parseApiToken(token);
  if (api) return viewerFromApiToken(em, api.tokenId, api.secret);
  const claims = verifyAccessToken(token, jwtSecret);
  if (!claims) throw unauthenticated('Token di accesso non valido o scaduto: effettuare di nuovo l\'accesso.');
  const user = await em.findOne(User, { id: claims.sub, ente: claims.ente });
  if (!user || !user.active) throw unauthenticated('Utente non attivo.');
  return toViewer(em, user, false, 'jwt');
}

async function viewerFromApiToken(em: EntityManager, tokenId: string, secret: string): Promise<Viewer> {
  const row = await em.findOne(ApiToken, { id: tokenId }, { populate: ['user'] });
  const now = new Date();
  if (!row || !apiTokenSecretMatches(secret, row.secretHash)) throw unauthenticated('Token API non valido.');
  if (row.revokedAt) throw unauthenticated('Token API revocato.');
  if (row.expiresAt && row.expiresAt <= now) throw unauthenticated('Token API scaduto.');
  const user = row.user.getEntity();
  if (!user.active) throw unauthenticated('Utente non attivo.');
  // Record use at most once a minute: a token used by a script must not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await em.nativeUpdate(ApiToken, { id: row.id }, { lastUsedAt: now });
  }
  return toViewer(em, user, true, `api-token:${row.id}`);
}

export async function toViewer(em: EntityManager, user: User, readOnly: boolean, via: string): Promise<Viewer> {
  const departments =
    user.role === Role.DEPARTMENT_HEAD ? await em.find(UserDepartment, { user: user.id }, { fields: ['department'] }) : [];
  return {
    userId: user.id,
    enteId: user.ente.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentIds: departments.map((d) => d.department.id),
    readOnly,
    via,
  };
}

export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

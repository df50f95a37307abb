import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken, Role, User, UserDepartment, UserSession, type Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { API_TOKEN_PREFIX, apiTokenSecretMatches, checkAccessToken, parseApiToken } from './tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  if (token.startsWith(API_TOKEN_PREFIX)) throw unauthenticated('Token API non valido.', 'TOKEN_INVALID');
  return viewerFromAccessToken(em, token, jwtSecret, 'jwt');
}

/** The viewer of a browser session cookie (the same access token, kept where scripts cannot read it). */
export async function resolveSessionViewer(em: EntityManager, cookieToken: string | undefined, jwtSecret: string): Promise<Viewer | null> {
  if (!cookieToken) return null;
  return viewerFromAccessToken(em, cookieToken, jwtSecret, 'session');
}

/**
 * An access token is valid while its signature and expiry hold and its session is still open:
 * logging out, changing or resetting the password and deactivating the user end it at once.
 */
async function viewerFromAccessToken(em: EntityManager, token: string, jwtSecret: string, via: 'jwt' | 'session'): Promise<Viewer> {
  const checked = checkAccessToken(token, jwtSecret);
  if ('problem' in checked) {
    if (checked.problem === 'expired') {
      throw unauthenticated(
        via === 'session' ? 'La sessione è scaduta: accedere di nuovo.' : "Token di accesso scaduto: effettuare di nuovo l'accesso.",
        'SESSION_EXPIRED',
      );
    }
    throw unauthenticated("Token di accesso non valido: effettuare di nuovo l'accesso.", 'TOKEN_INVALID');
  }
  const { claims } = checked;
  if (!claims.sid || !UUID.test(claims.sid) || !UUID.test(claims.sub)) {
    throw unauthenticated("Token di accesso non valido: effettuare di nuovo l'accesso.", 'TOKEN_INVALID');
  }
  const session = await em.findOne(UserSession, { id: claims.sid, user: claims.sub, ente: claims.ente }, { populate: ['user'] });
  if (!session) throw unauthenticated("Token di accesso non valido: effettuare di nuovo l'accesso.", 'TOKEN_INVALID');
  if (session.revokedAt) {
    throw unauthenticated('La sessione è stata chiusa (uscita, cambio o reimpostazione della password): accedere di nuovo.', 'SESSION_ENDED');
  }
  const user = session.user.getEntity();
  if (!user.active) throw unauthenticated('Utente non attivo.', 'USER_INACTIVE');
  return { ...(await toViewer(em, user, false, via)), sessionId: session.id };
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

/** UNAUTHENTICATED; `reason` tells a client why (e.g. SESSION_EXPIRED), so it can say so to the user. */
export const unauthenticated = (message: string, reason?: string) => new DomainError('UNAUTHENTICATED', message, reason ? { reason } : {});

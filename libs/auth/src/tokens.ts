import { createHash, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@dup/domain';

export interface AccessTokenClaims {
  sub: string;
  ente: string;
  role: Role;
  /** The login session (user_session row) the token belongs to. */
  sid?: string;
}

const ISSUER = 'dup-monitor';

/** A short-lived access token for a logged-in user (HS256). */
export function signAccessToken(claims: AccessTokenClaims, secret: string, ttlSeconds: number): { token: string; expiresAt: Date } {
  const token = jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

/** The key object is derived once per secret instead of on every request. */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function verifyAccessToken(token: string, secret: string): AccessTokenClaims | null {
  const checked = checkAccessToken(token, secret);
  return 'claims' in checked ? checked.claims : null;
}

/** Like verifyAccessToken, but tells an expired token (a session that ran out) from an invalid one. */
export function checkAccessToken(token: string, secret: string): { claims: AccessTokenClaims } | { problem: 'expired' | 'invalid' } {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER });
    if (typeof payload !== 'object' || !payload.sub || !payload['ente'] || !payload['role']) return { problem: 'invalid' };
    const sid = typeof payload['sid'] === 'string' ? payload['sid'] : undefined;
    return { claims: { sub: payload.sub, ente: payload['ente'] as string, role: payload['role'] as Role, ...(sid ? { sid } : {}) } };
  } catch (error) {
    return { problem: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
  }
}

/** API tokens read `dupm_<token id>_<secret>`; only the secret's SHA-256 is stored. */
export const API_TOKEN_PREFIX = 'dupm_';
/** The token id is checked to be a UUID here, so a malformed one never reaches a query. */
const API_TOKEN_PATTERN = /^dupm_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{32,})$/;

export function newApiTokenSecret(tokenId: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `dupm_${tokenId}_${secret}`, secretHash: sha256(secret) };
}

export function parseApiToken(token: string): { tokenId: string; secret: string } | null {
  const match = API_TOKEN_PATTERN.exec(token);
  return match ? { tokenId: match[1], secret: match[2] } : null;
}

export function apiTokenSecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

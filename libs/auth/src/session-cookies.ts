import type { Request, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions';

/**
 * Browser session cookies. The access token is httpOnly (no script can read it); the CSRF token is
 * readable so the page can echo it in a header, which another site cannot do. SameSite=Lax keeps
 * both off cross-site subrequests; Secure whenever the request came over HTTPS (directly, or
 * through a proxy the service trusts).
 */
export function setSessionCookies(req: Request, res: Response, session: { accessToken: string; csrfToken: string; expiresAt: Date }): void {
  const common = { sameSite: 'lax' as const, secure: req.secure, path: '/', expires: session.expiresAt };
  res.cookie(SESSION_COOKIE, session.accessToken, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(req: Request, res: Response): void {
  const common = { sameSite: 'lax' as const, secure: req.secure, path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, { ...common, httpOnly: false });
}

/** The session cookie's token, when the request carries one (cookie-parser fills `req.cookies`). */
export function sessionCookieOf(req: Pick<Request, 'cookies'>): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

import { Role, STATES_VISIBLE_TO_COUNCIL, type Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { unauthenticated } from './viewer-resolver';

/** The part of a request context that says who is asking. */
export interface AuthContext {
  viewer: Viewer | null;
  /** Set when credentials were sent but did not authenticate: reported, never treated as anonymous. */
  authError?: Error | null;
  /** Set when the browser session cookie did not authenticate (expired, ended, missing CSRF token). */
  sessionProblem?: Error | null;
}

/** The viewer, or UNAUTHENTICATED: everything but /health and `login` needs one. */
export function requireViewer(ctx: AuthContext): Viewer {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.viewer && ctx.sessionProblem) throw ctx.sessionProblem;
  if (!ctx.viewer) throw unauthenticated('Accesso richiesto: effettuare il login o usare un token API.');
  return ctx.viewer;
}

/** The viewer when it has one of `roles`, or FORBIDDEN. Write operations refuse read-only tokens. */
export function requireRole(ctx: AuthContext, roles: readonly Role[], options: { write?: boolean } = {}): Viewer {
  const v = requireViewer(ctx);
  if (options.write && v.readOnly) {
    throw new DomainError('FORBIDDEN', 'I token API sono in sola lettura: questa operazione richiede un accesso utente.');
  }
  if (!roles.includes(v.role)) {
    throw new DomainError('FORBIDDEN', `Operazione non consentita al ruolo ${ROLE_LABELS[v.role]}.`, { role: v.role });
  }
  return v;
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: 'amministratore',
  [Role.PLANNING_OFFICE]: 'ufficio programmazione',
  [Role.DEPARTMENT_HEAD]: 'dirigente',
  [Role.COUNCIL_MEMBER]: 'consigliere',
  [Role.AUDITOR]: 'revisore',
};

/** Every role reads the plan; only these read drafts (statuses before the Giunta took note). */
export const ALL_ROLES: readonly Role[] = Object.values(Role);
export const DRAFT_READERS: readonly Role[] = [Role.ADMIN, Role.PLANNING_OFFICE, Role.DEPARTMENT_HEAD, Role.AUDITOR];

/**
 * Period states whose statuses and results the viewer may read: null means every state.
 * Council members read them only once the Giunta has taken note (drafts stay internal).
 */
export function visiblePeriodStates(viewer: Viewer): readonly string[] | null {
  return DRAFT_READERS.includes(viewer.role) ? null : STATES_VISIBLE_TO_COUNCIL;
}

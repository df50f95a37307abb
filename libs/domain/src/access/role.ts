import { PERIOD_STATES_NOTED_BY_GIUNTA } from '../period-states';

/** What a user may do; see the role × operation matrix in docs/authorization.md. */
export enum Role {
  ADMIN = 'ADMIN',
  PLANNING_OFFICE = 'PLANNING_OFFICE',
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  AUDITOR = 'AUDITOR',
}

/** Who is asking: a logged-in user (JWT) or an auditor's read-only API token. */
export interface Viewer {
  userId: string;
  enteId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Departments a DEPARTMENT_HEAD answers for (empty for other roles). */
  departmentIds: readonly string[];
  /** True for API tokens: every write is refused whatever the role. */
  readOnly: boolean;
  /** `jwt` (bearer access token), `session` (browser cookie) or `api-token:<token id>`, recorded in the audit trail. */
  via: string;
  /** The login session behind a `jwt` or `session` viewer; absent for API tokens and system processes. */
  sessionId?: string;
}

/** Period states in which the Giunta has taken note: council members may read the statuses. */
export const STATES_VISIBLE_TO_COUNCIL = PERIOD_STATES_NOTED_BY_GIUNTA;

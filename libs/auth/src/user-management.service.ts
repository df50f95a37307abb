import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken, Department, Role, User, UserDepartment, type Viewer } from '@dup/domain';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { recordAudit } from '@dup/audit';
import { hashPassword, passwordProblem } from './password';
import { revokeUserSessions } from './sessions';

/** A user as the administration screen shows it; never a password or its hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  departmentCodes: string[];
  departments: { code: string; name: string }[];
  createdAt: Date;
  lastLoginAt: Date | null;
  mustChangePassword: boolean;
}

/** What an administrator's write needs: the transaction's manager, who, and the request id for the audit row. */
export interface AdminWriteContext {
  em: EntityManager;
  viewer: Viewer;
  requestId: string;
}

const MAX_DISPLAY_NAME = 200;

/** Views of many users in two statements (users, then every department link of theirs). */
export async function userViews(em: EntityManager, users: User[]): Promise<UserView[]> {
  if (users.length === 0) return [];
  const links = await em.find(UserDepartment, { user: { $in: users.map((u) => u.id) } }, { populate: ['department'], strategy: 'joined' });
  const byUser = new Map<string, { code: string; name: string }[]>();
  for (const link of links) {
    const d = link.department.getEntity();
    byUser.set(link.user.id, [...(byUser.get(link.user.id) ?? []), { code: d.code, name: d.name }]);
  }
  return users.map((user) => {
    const departments = (byUser.get(user.id) ?? []).sort((a, b) => a.code.localeCompare(b.code));
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      active: user.active,
      departmentCodes: departments.map((d) => d.code),
      departments,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt ?? null,
      mustChangePassword: user.mustChangePassword,
    };
  });
}

export async function userView(em: EntityManager, user: User): Promise<UserView> {
  return (await userViews(em, [user]))[0];
}

/** Every user of the ente, by username. */
export async function listUsers(em: EntityManager, enteId: string): Promise<UserView[]> {
  return userViews(em, await em.find(User, { ente: enteId }, { orderBy: { username: 'asc' } }));
}

/** Lets a user log in again, or stops them (ending their sessions); an administrator cannot stop themselves. */
export async function setUserActive(ctx: AdminWriteContext, id: string, active: boolean): Promise<UserView> {
  const { viewer } = ctx;
  if (id === viewer.userId && !active) throw badUserInput('id', 'Un amministratore non può disattivare sé stesso.');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, viewer, id);
    const before = await userView(tx, user);
    user.active = active;
    await tx.flush();
    // A deactivated user's open sessions end now, not when their tokens would expire.
    const sessionsEnded = active ? 0 : await revokeUserSessions(tx, user.id, 'deactivated');
    const after = { ...before, active };
    await recordAudit(tx, viewer, {
      operation: 'SET_USER_ACTIVE',
      entityType: 'User',
      entityId: user.id,
      before,
      after: sessionsEnded ? { ...after, sessionsEnded } : after,
      requestId: ctx.requestId,
    });
    return after;
  });
}

/**
 * Sets a temporary password chosen by the administrator; the user must replace it at the next
 * login (`mustChangePassword`), and every open session of the user ends. The audit row says
 * that the password was reset, never what to.
 */
export async function resetUserPassword(ctx: AdminWriteContext, id: string, newPassword: string): Promise<UserView> {
  const { viewer } = ctx;
  if (id === viewer.userId) {
    throw badUserInput('id', 'Per cambiare la propria password usare il cambio password del proprio profilo, non la reimpostazione.');
  }
  const problem = passwordProblem(newPassword);
  if (problem) throw badUserInput('newPassword', problem);
  const passwordHash = await hashPassword(newPassword);
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, viewer, id);
    const before = await userView(tx, user);
    user.passwordHash = passwordHash;
    user.mustChangePassword = true;
    await tx.flush();
    // Whoever knew the old password is logged out everywhere at once.
    const sessionsEnded = await revokeUserSessions(tx, user.id, 'password-reset');
    const after = { ...before, mustChangePassword: true };
    await recordAudit(tx, viewer, {
      operation: 'RESET_USER_PASSWORD',
      entityType: 'User',
      entityId: user.id,
      before,
      after: { ...after, passwordReset: true, sessionsEnded },
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** Replaces the departments a department head answers for. */
export async function setUserDepartments(ctx: AdminWriteContext, id: string, departmentCodes: string[]): Promise<UserView> {
  const { viewer } = ctx;
  const codes = normalisedCodes(departmentCodes);
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, viewer, id);
    if (user.role !== Role.DEPARTMENT_HEAD) {
      throw badUserInput('id', `Solo i dirigenti sono associati a settori: l'utente ${user.username} non è un dirigente.`);
    }
    if (codes.length === 0) throw badUserInput('departmentCodes', 'Un dirigente deve essere associato ad almeno un settore.');
    const before = await userView(tx, user);
    await replaceDepartments(tx, user, await findDepartments(tx, viewer.enteId, codes));
    const after = await userView(tx, user);
    await recordAudit(tx, viewer, { operation: 'SET_USER_DEPARTMENTS', entityType: 'User', entityId: user.id, before, after, requestId: ctx.requestId });
    return after;
  });
}

export interface UserChanges {
  displayName?: string | null;
  role?: Role | null;
  /** Required when the user becomes a department head without departments; refused for other roles. */
  departmentCodes?: string[] | null;
}

/**
 * Changes a user's name and role with the rules of createUser: a department head has at least
 * one department, other roles none (their links are removed when they stop being heads). An
 * auditor who loses the role loses their read-only API tokens too. An administrator cannot
 * change their own role, so the ente is never left without one by mistake.
 */
export async function updateUser(ctx: AdminWriteContext, id: string, changes: UserChanges): Promise<UserView> {
  const { viewer } = ctx;
  if (changes.displayName == null && changes.role == null && changes.departmentCodes == null) {
    throw badUserInput('id', 'Indicare almeno un dato da modificare: nome, ruolo o settori.');
  }
  const displayName = changes.displayName?.trim();
  if (changes.displayName != null && !displayName) throw badUserInput('displayName', 'Indicare il nome e cognome.');
  if (displayName && displayName.length > MAX_DISPLAY_NAME) throw badUserInput('displayName', `Il nome può avere al massimo ${MAX_DISPLAY_NAME} caratteri.`);
  if (id === viewer.userId && changes.role != null && changes.role !== viewer.role) {
    throw badUserInput('role', 'Un amministratore non può cambiare il proprio ruolo: lo faccia un altro amministratore.');
  }
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, viewer, id);
    const before = await userView(tx, user);
    const role = changes.role ?? user.role;
    const codes = changes.departmentCodes == null ? null : normalisedCodes(changes.departmentCodes);
    if (role === Role.DEPARTMENT_HEAD) {
      if (codes !== null && codes.length === 0) throw badUserInput('departmentCodes', 'Un dirigente deve essere associato ad almeno un settore.');
      if (codes === null && before.departmentCodes.length === 0) {
        throw badUserInput('departmentCodes', 'Un dirigente deve essere associato ad almeno un settore: indicarne i codici.');
      }
    } else if (codes !== null && codes.length > 0) {
      throw badUserInput('departmentCodes', 'Solo i dirigenti sono associati a settori.');
    }
    if (displayName) user.displayName = displayName;
    user.role = role;
    if (role !== Role.DEPARTMENT_HEAD) await replaceDepartments(tx, user, []);
    else if (codes !== null) await replaceDepartments(tx, user, await findDepartments(tx, viewer.enteId, codes));
    let revokedApiTokens = 0;
    if (before.role === Role.AUDITOR && role !== Role.AUDITOR) {
      revokedApiTokens = await tx.nativeUpdate(ApiToken, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
    }
    await tx.flush();
    const after = await userView(tx, user);
    await recordAudit(tx, viewer, {
      operation: 'UPDATE_USER',
      entityType: 'User',
      entityId: user.id,
      before,
      after: revokedApiTokens ? { ...after, revokedApiTokens } : after,
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** Runs `work` in the caller's transaction, or opens one: the write and its audit row commit together. */
function inTransaction<T>(ctx: AdminWriteContext, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return ctx.em.isInTransaction() ? work(ctx.em) : ctx.em.transactional(work);
}

async function findUser(em: EntityManager, viewer: Viewer, id: string): Promise<User> {
  // Malformed ids answer like unknown ones, without reaching PostgreSQL's uuid parser.
  const user = isUuid(id) ? await em.findOne(User, { id, ente: viewer.enteId }) : null;
  if (!user) throw notFound('Utente', id);
  return user;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function normalisedCodes(codes: string[]): string[] {
  return [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
}

/** The departments of these codes in the ente; NOT_FOUND names every unknown code. */
async function findDepartments(em: EntityManager, enteId: string, codes: string[]): Promise<Department[]> {
  const found = await em.find(Department, { ente: enteId, code: { $in: codes } });
  const missing = codes.filter((c) => !found.some((d) => d.code === c));
  if (missing.length) {
    throw new DomainError('NOT_FOUND', `Settori sconosciuti: ${missing.join(', ')}.`, { field: 'departmentCodes', entity: 'Settore', codes: missing });
  }
  return found;
}

async function replaceDepartments(em: EntityManager, user: User, departments: Department[]): Promise<void> {
  const keep = departments.map((d) => d.id);
  await em.nativeDelete(UserDepartment, keep.length ? { user: user.id, department: { $nin: keep } } : { user: user.id });
  const kept = await em.find(UserDepartment, { user: user.id }, { fields: ['department'] });
  for (const department of departments) {
    if (!kept.some((k) => k.department.id === department.id)) em.create(UserDepartment, { ente: user.ente, user, department });
  }
  await em.flush();
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken, Department, Ente, Role, User, UserDepartment, type Viewer } from '@dup/domain';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { hashPassword, passwordProblem } from './password';
import { newApiTokenSecret } from './tokens';

export interface NewUser {
  enteId: string;
  username: string;
  displayName: string;
  role: Role;
  password: string;
  departmentCodes?: string[];
  /**
   * The password was chosen by someone else (an administrator, an operator): the user picks their
   * own at the first login. Off for demo and test users.
   */
  mustChangePassword?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Creates a user with its departments in one transaction; validation errors name the field. */
export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw badUserInput('username', 'Nome utente non valido: 3-64 caratteri tra lettere minuscole, cifre, punto, trattino e trattino basso.');
  }
  if (!input.displayName.trim()) throw badUserInput('displayName', 'Indicare il nome e cognome.');
  const problem = passwordProblem(input.password);
  if (problem) throw badUserInput('password', problem);
  const codes = input.departmentCodes ?? [];
  if (input.role === Role.DEPARTMENT_HEAD && codes.length === 0) {
    throw badUserInput('departmentCodes', 'Un dirigente deve essere associato ad almeno un settore.');
  }
  if (input.role !== Role.DEPARTMENT_HEAD && codes.length > 0) {
    throw badUserInput('departmentCodes', 'Solo i dirigenti sono associati a settori.');
  }
  return em.transactional(async (tx) => {
    const ente = await tx.findOne(Ente, { id: input.enteId });
    if (!ente) throw notFound('Ente', input.enteId);
    if (await tx.count(User, { ente, username })) {
      throw new DomainError('CONFLICT', `Esiste già un utente "${username}" per questo ente.`, { field: 'username' });
    }
    const departments = codes.length ? await tx.find(Department, { ente, code: { $in: codes } }) : [];
    const missing = codes.filter((c) => !departments.some((d) => d.code === c));
    if (missing.length) throw badUserInput('departmentCodes', `Settori sconosciuti: ${missing.join(', ')}.`);
    const user = tx.create(User, {
      ente,
      username,
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.mustChangePassword ?? false,
    });
    for (const department of departments) tx.create(UserDepartment, { ente, user, department });
    await tx.flush();
    return user;
  });
}

/** Issues a read-only API token for an auditor; the secret is returned once and never stored. */
export async function createApiToken(
  em: EntityManager,
  owner: Viewer,
  input: { name: string; expiresAt?: Date | null },
): Promise<{ token: string; row: ApiToken }> {
  if (!input.name.trim()) throw badUserInput('name', 'Indicare un nome per riconoscere il token.');
  if (input.expiresAt && input.expiresAt <= new Date()) throw badUserInput('expiresAt', 'La scadenza deve essere futura.');
  const row = em.create(ApiToken, {
    ente: owner.enteId,
    user: owner.userId,
    name: input.name.trim(),
    secretHash: '',
    expiresAt: input.expiresAt ?? undefined,
  });
  const { token, secretHash } = newApiTokenSecret(row.id);
  row.secretHash = secretHash;
  await em.flush();
  return { token, row };
}

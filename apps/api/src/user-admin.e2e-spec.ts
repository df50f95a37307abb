import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { ok, outcome } from './testing/write-fixtures';

const USER_FIELDS = 'id username displayName role active departmentCodes departments { code name } createdAt lastLoginAt mustChangePassword';
const USERS = `{ users { ${USER_FIELDS} } }`;
const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { ${USER_FIELDS} } }`;
const RESET = `mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { ${USER_FIELDS} } }`;
const SET_DEPARTMENTS = `mutation($id: ID!, $d: [String!]!) { setUserDepartments(id: $id, departmentCodes: $d) { ${USER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $n: String, $r: Role, $d: [String!]) { updateUser(id: $id, displayName: $n, role: $r, departmentCodes: $d) { ${USER_FIELDS} } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken viewer { username mustChangePassword } } }`;
const ME = `{ me { username departmentIds mustChangePassword } }`;

type UserView = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  active: boolean;
  departmentCodes: string[];
  departments: { code: string; name: string }[];
  createdAt: string;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
};

/** The "Utenti" screen: list with departments and last login, password reset, departments, name and role. */
describe('user administration (Livorno)', () => {
  let t: TestServer;
  let admin: string;
  let adminId: string;
  const create = async (username: string, role: string, departmentCodes: string[] = []) =>
    (await ok<{ createUser: UserView }>(t, CREATE, { i: { username, displayName: `Utente ${username}`, role, password: `password-di-${username}`, departmentCodes } }, admin)).createUser;
  const login = (u: string, p: string) => t.gql<{ login: { accessToken: string; viewer: { mustChangePassword: boolean } } }>(LOGIN, { u, p }, null);
  const auditCount = async () => Number((await t.db.orm.em.getConnection().execute<{ n: string }[]>('select count(*) n from audit_entry'))[0].n);
  const departmentLinks = async (userId: string) =>
    (await t.db.orm.em.getConnection().execute<{ code: string }[]>('select d.code from user_department ud join department d on d.id = ud.department_id where ud.user_id = ? order by d.code', [userId])).map((r) => r.code);

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')], loginAsAuditor: false });
    admin = await t.loginAs(Role.ADMIN, { username: 'amministratore' });
    adminId = (await ok<{ me: { userId: string } }>(t, '{ me { userId } }', {}, admin)).me.userId;
  });
  afterAll(() => t.stop());

  it('lists users with departments, creation and last login in a fixed number of statements', async () => {
    const head = await create('g.verdi', 'DEPARTMENT_HEAD', ['SVM', 'AMB_MOB']);
    expect(head).toMatchObject({
      departmentCodes: ['AMB_MOB', 'SVM'],
      departments: [
        { code: 'AMB_MOB', name: 'Ambiente e mobilità' },
        { code: 'SVM', name: 'Sviluppo, valorizzazione e manutenzioni' },
      ],
      lastLoginAt: null,
      // The administrator chose the password: the user picks their own at the first login.
      mustChangePassword: true,
    });
    expect(Date.now() - Date.parse(head.createdAt)).toBeLessThan(60_000);
    expect(outcome(await login('g.verdi', 'password-di-g.verdi'))).toBe('OK');

    const measure = async () => {
      await t.gql(USERS, {}, admin);
      const before = t.counter.totalStatements;
      const res = await ok<{ users: UserView[] }>(t, USERS, {}, admin);
      return { statements: t.counter.totalStatements - before, users: res.users };
    };
    const few = await measure();
    expect(few.users.find((u) => u.username === 'g.verdi')!.lastLoginAt).not.toBeNull();
    for (const name of ['a.uno', 'b.due', 'c.tre']) await create(name, 'DEPARTMENT_HEAD', ['URB_PROG']);
    const more = await measure();
    expect(more.users.length).toBe(few.users.length + 3);
    expect(more.statements).toBe(few.statements);
    expect(more.users.map((u) => u.username)).toEqual([...more.users.map((u) => u.username)].sort());
  });

  it('resets a password: the old one and its sessions stop working, the user must choose a new one, nothing secret is audited', async () => {
    const user = await create('l.bianchi', 'COUNCIL_MEMBER');
    const oldSession = (await login('l.bianchi', 'password-di-l.bianchi')).data!.login.accessToken;
    const auditBefore = await auditCount();
    const reset = await ok<{ resetUserPassword: UserView }>(t, RESET, { id: user.id, p: 'temporanea-2024-livorno' }, admin);
    expect(reset.resetUserPassword).toMatchObject({ username: 'l.bianchi', mustChangePassword: true });
    expect(await auditCount()).toBe(auditBefore + 1);

    const ended = await t.gql(ME, {}, oldSession);
    expect(ended.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect(outcome(await login('l.bianchi', 'password-di-l.bianchi'))).toBe('UNAUTHENTICATED');
    const fresh = await login('l.bianchi', 'temporanea-2024-livorno');
    expect(fresh.data!.login.viewer.mustChangePassword).toBe(true);
    const token = fresh.data!.login.accessToken;
    expect((await ok<{ me: { mustChangePassword: boolean } }>(t, ME, {}, token)).me.mustChangePassword).toBe(true);
    expect((await ok<{ me: { mustChangePassword: boolean } }>(t, ME, {}, admin)).me.mustChangePassword).toBe(false);
    expect((await ok<{ users: UserView[] }>(t, USERS, {}, admin)).users.find((u) => u.id === user.id)!.mustChangePassword).toBe(true);

    // Choosing a new password lifts the requirement.
    await ok(t, `mutation { changePassword(currentPassword: "temporanea-2024-livorno", newPassword: "scelta-da-luisa-2024") }`, {}, token);
    expect((await ok<{ me: { mustChangePassword: boolean } }>(t, ME, {}, token)).me.mustChangePassword).toBe(false);

    const [row] = await t.db.orm.em
      .getConnection()
      .execute<{ operation: string; before: object; after: object }[]>(`select operation, before, after from audit_entry where entity_id = ? order by id desc limit 1`, [user.id]);
    expect(row.operation).toBe('CHANGE_PASSWORD');
    const [resetRow] = await t.db.orm.em
      .getConnection()
      .execute<{ operation: string; before: object; after: object }[]>(`select operation, before, after from audit_entry where entity_id = ? and operation = 'RESET_USER_PASSWORD'`, [user.id]);
    expect(resetRow).toMatchObject({ before: { mustChangePassword: true }, after: { mustChangePassword: true, passwordReset: true, sessionsEnded: 1 } });
    expect(JSON.stringify(resetRow)).not.toMatch(/scrypt|temporanea-2024|password-di|passwordHash/);
  });

  it('refuses weak passwords, self-reset, unknown ids and other roles with coded Italian errors, writing nothing', async () => {
    const user = await create('p.neri', 'AUDITOR');
    const auditBefore = await auditCount();
    const short = await t.gql(RESET, { id: user.id, p: 'corta' }, admin);
    expect(short.errors![0]).toMatchObject({ message: 'La password deve avere almeno 12 caratteri.', extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } });
    const repeated = await t.gql(RESET, { id: user.id, p: 'aaaaaaaaaaaaaaaa' }, admin);
    expect(repeated.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const self = await t.gql(RESET, { id: adminId, p: 'una-nuova-password-lunga' }, admin);
    expect(self.errors![0]).toMatchObject({ message: expect.stringContaining('cambio password'), extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(outcome(await t.gql(RESET, { id: '00000000-0000-4000-8000-000000000000', p: 'una-nuova-password-lunga' }, admin))).toBe('NOT_FOUND');
    // Not a UUID: refused before execution, like every malformed id.
    expect(outcome(await t.gql(RESET, { id: 'non-un-uuid', p: 'una-nuova-password-lunga' }, admin))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(`mutation { setUserActive(id: "non-un-uuid", active: false) { id } }`, {}, admin))).toBe('BAD_USER_INPUT');
    const office = await t.loginAs(Role.PLANNING_OFFICE);
    expect(outcome(await t.gql(RESET, { id: user.id, p: 'una-nuova-password-lunga' }, office))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(RESET, { id: user.id, p: 'una-nuova-password-lunga' }, null))).toBe('UNAUTHENTICATED');
    expect(await auditCount()).toBe(auditBefore);
    expect(outcome(await login('p.neri', 'password-di-p.neri'))).toBe('OK');
  });

  it("ends a deactivated user's sessions at once", async () => {
    const user = await create('d.marrone', 'COUNCIL_MEMBER');
    const token = (await login('d.marrone', 'password-di-d.marrone')).data!.login.accessToken;
    expect(outcome(await t.gql(ME, {}, token))).toBe('OK');
    await ok(t, `mutation($id: ID!) { setUserActive(id: $id, active: false) { active } }`, { id: user.id }, admin);
    expect((await t.gql(ME, {}, token)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    await ok(t, `mutation($id: ID!) { setUserActive(id: $id, active: true) { active } }`, { id: user.id }, admin);
    expect(outcome(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(outcome(await login('d.marrone', 'password-di-d.marrone'))).toBe('OK');
  });

  it("replaces a department head's departments; the head's next request acts for the new ones", async () => {
    const user = await create('s.gialli', 'DEPARTMENT_HEAD', ['AMB_MOB']);
    const token = (await login('s.gialli', 'password-di-s.gialli')).data!.login.accessToken;
    const res = await ok<{ setUserDepartments: UserView }>(t, SET_DEPARTMENTS, { id: user.id, d: ['URB_PROG', ' EDIL_SUAP', 'URB_PROG'] }, admin);
    expect(res.setUserDepartments.departmentCodes).toEqual(['EDIL_SUAP', 'URB_PROG']);
    expect(await departmentLinks(user.id)).toEqual(['EDIL_SUAP', 'URB_PROG']);
    const [{ n }] = await t.db.orm.em.getConnection().execute<{ n: string }[]>(
      `select count(*) n from department where code in ('EDIL_SUAP', 'URB_PROG') and id::text in (select jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify((await ok<{ me: { departmentIds: string[] } }>(t, ME, {}, token)).me.departmentIds)],
    );
    expect(Number(n)).toBe(2);
    const [row] = await t.db.orm.em.getConnection().execute<{ before: UserView; after: UserView }[]>(
      `select before, after from audit_entry where operation = 'SET_USER_DEPARTMENTS' and entity_id = ?`,
      [user.id],
    );
    expect([row.before.departmentCodes, row.after.departmentCodes]).toEqual([['AMB_MOB'], ['EDIL_SUAP', 'URB_PROG']]);
  });

  it('refuses unknown codes (listing them), an empty list and users who are not heads, changing nothing', async () => {
    const head = await create('r.blu', 'DEPARTMENT_HEAD', ['AMB_MOB']);
    const council = await create('v.rosa', 'COUNCIL_MEMBER');
    const auditBefore = await auditCount();
    const unknown = await t.gql(SET_DEPARTMENTS, { id: head.id, d: ['URB_PROG', 'NON_ESISTE', 'NEMMENO'] }, admin);
    expect(unknown.errors![0]).toMatchObject({ message: 'Settori sconosciuti: NON_ESISTE, NEMMENO.', extensions: { code: 'NOT_FOUND', field: 'departmentCodes', codes: ['NON_ESISTE', 'NEMMENO'] } });
    const empty = await t.gql(SET_DEPARTMENTS, { id: head.id, d: [' '] }, admin);
    expect(empty.errors![0]).toMatchObject({ message: expect.stringContaining('almeno un settore'), extensions: { code: 'BAD_USER_INPUT', field: 'departmentCodes' } });
    const notHead = await t.gql(SET_DEPARTMENTS, { id: council.id, d: ['AMB_MOB'] }, admin);
    expect(notHead.errors![0]).toMatchObject({ message: expect.stringContaining('non è un dirigente'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await departmentLinks(head.id)).toEqual(['AMB_MOB']);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('renames and changes roles with the rules of creation', async () => {
    const user = await create('t.viola', 'COUNCIL_MEMBER');
    const renamed = await ok<{ updateUser: UserView }>(t, UPDATE, { id: user.id, n: '  Teresa Viola ' }, admin);
    expect(renamed.updateUser).toMatchObject({ displayName: 'Teresa Viola', role: 'COUNCIL_MEMBER' });

    const noDepartments = await t.gql(UPDATE, { id: user.id, r: 'DEPARTMENT_HEAD' }, admin);
    expect(noDepartments.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'departmentCodes' }, message: expect.stringContaining('almeno un settore') });
    expect((await t.gql(UPDATE, { id: user.id, r: 'COUNCIL_MEMBER', d: ['AMB_MOB'] }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentCodes' });
    expect((await t.gql(UPDATE, { id: user.id, n: '   ' }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
    expect((await t.gql(UPDATE, { id: user.id }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(outcome(await t.gql(UPDATE, { id: user.id, r: 'DEPARTMENT_HEAD', d: ['NON_ESISTE'] }, admin))).toBe('NOT_FOUND');

    const head = await ok<{ updateUser: UserView }>(t, UPDATE, { id: user.id, r: 'DEPARTMENT_HEAD', d: ['AMB_MOB'] }, admin);
    expect(head.updateUser).toMatchObject({ role: 'DEPARTMENT_HEAD', departmentCodes: ['AMB_MOB'] });
    const office = await ok<{ updateUser: UserView }>(t, UPDATE, { id: user.id, r: 'PLANNING_OFFICE' }, admin);
    expect(office.updateUser).toMatchObject({ role: 'PLANNING_OFFICE', departmentCodes: [] });
    expect(await departmentLinks(user.id)).toEqual([]);

    const self = await t.gql(UPDATE, { id: adminId, r: 'AUDITOR' }, admin);
    expect(self.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'role' } });
    expect(outcome(await t.gql(UPDATE, { id: adminId, n: 'Amministratrice' }, admin))).toBe('OK');

    const ops = await t.db.orm.em.getConnection().execute<{ operation: string }[]>(`select operation from audit_entry where entity_id = ? order by id`, [user.id]);
    expect(ops.map((o) => o.operation)).toEqual(['CREATE_USER', 'UPDATE_USER', 'UPDATE_USER', 'UPDATE_USER']);
  });

  it("revokes an auditor's API tokens when the role changes", async () => {
    const auditor = await create('o.grigi', 'AUDITOR');
    const jwt = (await login('o.grigi', 'password-di-o.grigi')).data!.login.accessToken;
    const { token } = (await ok<{ createApiToken: { token: string } }>(t, `mutation { createApiToken(name: "script") { token } }`, {}, jwt)).createApiToken;
    expect(outcome(await t.gql(ME, {}, token))).toBe('OK');
    await ok(t, UPDATE, { id: auditor.id, r: 'COUNCIL_MEMBER' }, admin);
    const refused = await t.gql(ME, {}, token);
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'Token API revocato.' });
    const [row] = await t.db.orm.em.getConnection().execute<{ after: { revokedApiTokens: number } }[]>(
      `select after from audit_entry where operation = 'UPDATE_USER' and entity_id = ?`,
      [auditor.id],
    );
    expect(row.after.revokedApiTokens).toBe(1);
  });
});

import { Role } from '@dup/domain';
import { signAccessToken } from '@dup/auth';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const JWT_SECRET = 'test-secret-'.padEnd(48, 'k');
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['code'];

describe('authentication and user administration', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      datasets: [readShippedDataset('fixture-minimal')],
      config: { auth: { jwtSecret: JWT_SECRET, jwtSecretGenerated: false, accessTokenTtlSeconds: 3600 } },
    });
  });
  afterAll(() => t.stop());

  it('lets anonymous callers reach login only', async () => {
    expect(codeOf(await t.gql('{ planEditions { code } }', {}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql('{ me { username } }', {}, null))).toBe('UNAUTHENTICATED');
    const res = await t.gql('mutation { login(username: "nessuno", password: "password-sbagliata") { accessToken } }', {}, null);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toBe('Nome utente o password non corretti.');
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
  });

  it('logs in with the right password and refuses a wrong one with the same message', async () => {
    const token = await t.loginAs(Role.PLANNING_OFFICE, { username: 'mario.rossi' });
    const me = await t.gql<{ me: { username: string; role: string; readOnly: boolean } }>('{ me { username role readOnly } }', {}, token);
    expect(me.data?.me).toEqual({ username: 'mario.rossi', role: 'PLANNING_OFFICE', readOnly: false });
    const wrong = await t.gql('mutation { login(username: "mario.rossi", password: "password-sbagliata") { accessToken } }', {}, null);
    expect(wrong.errors?.[0].message).toBe('Nome utente o password non corretti.');
  });

  it('refuses malformed, forged and expired tokens instead of treating them as anonymous', async () => {
    expect(codeOf(await t.gql('{ me { username } }', {}, 'garbage'))).toBe('UNAUTHENTICATED');
    const forged = signAccessToken({ sub: '00000000-0000-0000-0000-000000000000', ente: 'x', role: Role.ADMIN }, 'another-secret'.padEnd(40, 'z'), 60).token;
    expect(codeOf(await t.gql('{ me { username } }', {}, forged))).toBe('UNAUTHENTICATED');
    const token = await t.loginAs(Role.AUDITOR);
    const me = await t.gql<{ me: { userId: string } }>('{ me { userId } }', {}, token);
    const ente = (await t.db.orm.em.getConnection().execute<{ ente_id: string }[]>('select ente_id from app_user where id = ?', [me.data!.me.userId]))[0].ente_id;
    const expired = signAccessToken({ sub: me.data!.me.userId, ente, role: Role.AUDITOR }, JWT_SECRET, -5).token;
    const res = await t.gql('{ me { username } }', {}, expired);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/scaduto/);
  });

  it('gives auditors revocable read-only API tokens', async () => {
    const auditor = await t.loginAs(Role.AUDITOR);
    const created = await t.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      'mutation { createApiToken(name: "script OIV") { token apiToken { id } } }', {}, auditor);
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^dupm_/);
    const read = await t.gql<{ planEditions: { code: string }[] }>('{ planEditions { code } me { readOnly } }', {}, token);
    expect(read.data?.planEditions[0].code).toBe('2020-2022');
    expect(read.data).toMatchObject({ me: { readOnly: true } });
    const write = await t.gql('mutation { createApiToken(name: "altro") { token } }', {}, token);
    expect(codeOf(write)).toBe('FORBIDDEN');
    expect(write.errors?.[0].message).toMatch(/sola lettura/);
    await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, auditor);
    const afterRevoke = await t.gql('{ planEditions { code } }', {}, token);
    expect(codeOf(afterRevoke)).toBe('UNAUTHENTICATED');
    expect(afterRevoke.errors?.[0].message).toMatch(/revocato/);
    const stored = await t.db.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from api_token where secret_hash = ?`, [token]);
    expect(stored[0].n).toBe('0');
  });

  it('lets only auditors create API tokens', async () => {
    for (const role of [Role.ADMIN, Role.PLANNING_OFFICE, Role.COUNCIL_MEMBER]) {
      expect(codeOf(await t.gql('mutation { createApiToken(name: "x") { token } }', {}, await t.loginAs(role)))).toBe('FORBIDDEN');
    }
  });

  it('lets administrators create and deactivate users, with field-level validation', async () => {
    const admin = await t.loginAs(Role.ADMIN);
    const create = (input: Record<string, unknown>, token = admin) =>
      t.gql<{ createUser: { id: string; username: string; departmentCodes: string[] } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id username departmentCodes } }', { i: input }, token);
    const ok = await create({ username: 'Dirigente.Uno', displayName: 'Anna Bianchi', role: 'DEPARTMENT_HEAD', password: 'una-password-sicura', departmentCodes: ['SVIL_ECON'] });
    expect(ok.data?.createUser).toMatchObject({ username: 'dirigente.uno', departmentCodes: ['SVIL_ECON'] });
    expect((await create({ username: 'x', displayName: 'X', role: 'AUDITOR', password: 'una-password-sicura' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    expect((await create({ username: 'breve', displayName: 'X', role: 'AUDITOR', password: 'corta' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await create({ username: 'senza.settore', displayName: 'X', role: 'DEPARTMENT_HEAD', password: 'una-password-sicura' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentCodes' });
    expect(codeOf(await create({ username: 'dirigente.uno', displayName: 'Doppio', role: 'AUDITOR', password: 'una-password-sicura' }))).toBe('CONFLICT');
    expect(codeOf(await create({ username: 'altro', displayName: 'X', role: 'AUDITOR', password: 'una-password-sicura' }, await t.loginAs(Role.PLANNING_OFFICE)))).toBe('FORBIDDEN');

    const login = () => t.gql('mutation { login(username: "dirigente.uno", password: "una-password-sicura") { accessToken } }', {}, null);
    expect(codeOf(await login())).toBeUndefined();
    await t.gql('mutation($id: ID!) { setUserActive(id: $id, active: false) { active } }', { id: ok.data!.createUser.id }, admin);
    expect(codeOf(await login())).toBe('UNAUTHENTICATED');
  });
});

describe('request limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      datasets: [readShippedDataset('fixture-minimal')],
      config: { rateLimitPerMinute: 8, graphql: { introspection: false, maxDepth: 14, maxCost: 200_000, maxPageSize: 200, jit: true } },
    });
  });
  afterAll(() => t.stop());

  it('rate-limits each user, with an Italian message', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 12; i += 1) codes.push(codeOf(await t.gql('{ planEditions { code } }')));
    expect(codes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes).toContain('TOO_MANY_REQUESTS');
    const limited = await t.gql('{ planEditions { code } }');
    expect(limited.errors?.[0].message).toMatch(/Troppe richieste/);
  });

  it('refuses an oversized request body', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(400_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Richiesta troppo grande: il limite è di 256 KB.' });
    const broken = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{rotto' });
    expect(await broken.json()).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('can turn introspection off', async () => {
    const token = await t.loginAs(Role.AUDITOR);
    const res = await t.gql('{ __schema { types { name } } }', {}, token);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringMatching(/introspezione/) });
  });
});

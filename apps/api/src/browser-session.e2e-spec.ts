import { Role } from '@dup/domain';
import { checkAccessToken, signAccessToken } from '@dup/auth';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const JWT_SECRET = 'browser-session-secret-'.padEnd(48, 's');
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken csrfToken expiresAt } }';

interface Browser {
  cookies: Map<string, string>;
  csrf(): string | undefined;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: GqlBody; setCookies: string[] }>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
}
interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A cookie jar over fetch, as a browser would keep it for one origin. */
function browser(url: string): Browser {
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    const set = res.headers.getSetCookie();
    for (const line of set) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) cookies.delete(name.trim());
      else cookies.set(name.trim(), rest.join('='));
    }
    return set;
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    cookies,
    csrf: () => cookies.get('dupm_csrf'),
    async post(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookies.size ? { cookie: cookieHeader() } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const setCookies = remember(res);
      return { status: res.status, body: (await res.json()) as GqlBody, setCookies };
    },
    async get(path, headers = {}) {
      const res = await fetch(`${url}${path}`, { redirect: 'manual', headers: { ...(cookies.size ? { cookie: cookieHeader() } : {}), ...headers } });
      remember(res);
      return res;
    },
  };
}

const codeOf = (body: GqlBody) => body.errors?.[0]?.extensions?.['code'];

describe('browser sessions (cookie + CSRF token)', () => {
  let t: TestServer;
  const password = 'password-del-consigliere';
  beforeAll(async () => {
    t = await startTestServer({
      datasets: [readShippedDataset('livorno-dup-2020-2022')],
      config: { auth: { jwtSecret: JWT_SECRET, jwtSecretGenerated: false, accessTokenTtlSeconds: 3600 } },
    });
    const token = await t.loginAs(Role.ADMIN, { username: 'amministratore' });
    const created = await t.gql(
      'mutation($p: String!) { createUser(input: { username: "consigliere.rossi", displayName: "Anna Rossi", role: COUNCIL_MEMBER, password: $p }) { id } }',
      { p: password },
      token,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  it('login sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const b = browser(t.url);
    const res = await b.post(LOGIN, { u: 'consigliere.rossi', p: password });
    expect(res.body.errors).toBeUndefined();
    const session = res.setCookies.find((c) => c.startsWith('dupm_session='))!;
    const csrf = res.setCookies.find((c) => c.startsWith('dupm_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    // Plain http on loopback: Secure would make the browser drop the cookie.
    expect(session).not.toMatch(/Secure/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const login = res.body.data!['login'] as { csrfToken: string; accessToken: string };
    expect(b.csrf()).toBe(login.csrfToken);
    expect(b.cookies.get('dupm_session')).toBe(login.accessToken);
  });

  it('authenticates GraphQL by cookie only together with the CSRF header of that session', async () => {
    const b = browser(t.url);
    await b.post(LOGIN, { u: 'consigliere.rossi', p: password });
    const ok = await b.post('{ me { username role } }', {}, { 'x-csrf-token': b.csrf()! });
    expect(ok.body.data).toEqual({ me: { username: 'consigliere.rossi', role: 'COUNCIL_MEMBER' } });

    const missing = await b.post('{ me { username } }');
    expect(missing.status).toBe(403);
    expect(codeOf(missing.body)).toBe('CSRF_TOKEN_INVALID');
    expect(missing.body.errors![0].message).toMatch(/token di sicurezza/);

    const other = browser(t.url);
    await other.post(LOGIN, { u: 'consigliere.rossi', p: password });
    const wrong = await b.post('{ me { username } }', {}, { 'x-csrf-token': other.csrf()! });
    expect(codeOf(wrong.body)).toBe('CSRF_TOKEN_INVALID');
  });

  it('lets a council member open a report link with the session cookie alone, and sends a browser without one to the login page', async () => {
    const b = browser(t.url);
    await b.post(LOGIN, { u: 'consigliere.rossi', p: password });
    const html = await b.get('/reports/2020-2022/2020-06-30.html');
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<html lang="it"');

    const anonymous = browser(t.url);
    const redirected = await anonymous.get('/reports/2020-2022/2020-06-30.pdf', { accept: 'text/html,application/xhtml+xml', 'sec-fetch-mode': 'navigate' });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe(`/accesso?dopo=${encodeURIComponent('/reports/2020-2022/2020-06-30.pdf')}`);
    const script = await anonymous.get('/reports/2020-2022/2020-06-30.pdf', { accept: 'application/json' });
    expect(script.status).toBe(401);
  });

  it('logout ends the session: cookies cleared, and the same token refused afterwards with a clear message', async () => {
    const b = browser(t.url);
    const login = await b.post(LOGIN, { u: 'consigliere.rossi', p: password });
    const { accessToken } = login.body.data!['login'] as { accessToken: string };
    const stolenCookie = b.cookies.get('dupm_session')!;
    const stolenCsrf = b.csrf()!;
    const out = await b.post('mutation { logout }', {}, { 'x-csrf-token': b.csrf()! });
    expect(out.body.data).toEqual({ logout: true });
    expect(b.cookies.has('dupm_session')).toBe(false);
    expect(b.cookies.has('dupm_csrf')).toBe(false);

    const replay = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `dupm_session=${stolenCookie}`, 'x-csrf-token': stolenCsrf },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    const replayed = (await replay.json()) as GqlBody;
    expect(codeOf(replayed)).toBe('UNAUTHENTICATED');
    expect(replayed.errors![0].extensions!['reason']).toBe('SESSION_ENDED');
    expect(replayed.errors![0].message).toMatch(/sessione è stata chiusa/);
    const bearer = await t.gql('{ me { username } }', {}, accessToken);
    expect(codeOf(bearer)).toBe('UNAUTHENTICATED');
  });

  it('tells an expired session apart, and still lets the user log in with the stale cookie present', async () => {
    const b = browser(t.url);
    const login = await b.post(LOGIN, { u: 'consigliere.rossi', p: password });
    const { accessToken } = login.body.data!['login'] as { accessToken: string };
    const claims = (checkAccessToken(accessToken, JWT_SECRET) as { claims: { sub: string; ente: string; role: Role; sid: string } }).claims;
    b.cookies.set('dupm_session', signAccessToken(claims, JWT_SECRET, -5).token);
    const expired = await b.post('{ me { username } }', {}, { 'x-csrf-token': b.csrf()! });
    expect(expired.body.errors![0].message).toBe('La sessione è scaduta: accedere di nuovo.');
    expect(expired.body.errors![0].extensions!['reason']).toBe('SESSION_EXPIRED');
    const again = await b.post(LOGIN, { u: 'consigliere.rossi', p: password });
    expect(again.body.errors).toBeUndefined();
    const me = await b.post('{ me { username } }', {}, { 'x-csrf-token': b.csrf()! });
    expect(me.body.data).toEqual({ me: { username: 'consigliere.rossi' } });
  });

  it('changes the own password: checks the current one, ends the other sessions, keeps this one', async () => {
    const first = browser(t.url);
    const second = browser(t.url);
    await first.post(LOGIN, { u: 'consigliere.rossi', p: password });
    await second.post(LOGIN, { u: 'consigliere.rossi', p: password });
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';

    const wrong = await first.post(change, { c: 'non-è-questa-la-password', n: 'una-nuova-password-lunga' }, { 'x-csrf-token': first.csrf()! });
    expect(codeOf(wrong.body)).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors![0].extensions!['field']).toBe('currentPassword');
    const short = await first.post(change, { c: password, n: 'corta' }, { 'x-csrf-token': first.csrf()! });
    expect(short.body.errors![0].extensions!['field']).toBe('newPassword');

    const ok = await first.post(change, { c: password, n: 'una-nuova-password-lunga' }, { 'x-csrf-token': first.csrf()! });
    expect(ok.body.data).toEqual({ changePassword: true });
    expect((await first.post('{ me { username } }', {}, { 'x-csrf-token': first.csrf()! })).body.data).toEqual({ me: { username: 'consigliere.rossi' } });
    const ended = await second.post('{ me { username } }', {}, { 'x-csrf-token': second.csrf()! });
    expect(ended.body.errors![0].extensions!['reason']).toBe('SESSION_ENDED');

    expect(codeOf((await browser(t.url).post(LOGIN, { u: 'consigliere.rossi', p: password })).body)).toBe('UNAUTHENTICATED');
    const audit = await t.gql<{ auditTrail: { edges: { node: { operation: string; after: unknown } }[] } }>(
      '{ auditTrail(filter: { operation: "CHANGE_PASSWORD" }) { edges { node { operation after } } } }',
    );
    // The sessions the earlier cases left open, and `second`.
    const openBefore = (await t.db.orm.em.getConnection().execute<{ n: string }[]>(
      "select count(*) as n from user_session s join app_user u on u.id = s.user_id where u.username = 'consigliere.rossi' and s.revoked_reason = 'password-change'",
    ))[0].n;
    expect(audit.data!.auditTrail.edges[0].node).toEqual({ operation: 'CHANGE_PASSWORD', after: { otherSessionsEnded: Number(openBefore) } });
    expect(Number(openBefore)).toBeGreaterThanOrEqual(2);
    // Restore for the other cases' independence.
    await first.post(change, { c: 'una-nuova-password-lunga', n: password }, { 'x-csrf-token': first.csrf()! });
  });

  it('answers a person opening /graphql in a browser with an Italian page, and GraphQL clients as before', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('API GraphQL di DUP Monitor');
    const client = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await client.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a password change through an auditor API token', async () => {
    const auditor = await t.loginAs(Role.AUDITOR);
    const created = await t.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "script") { token } }', {}, auditor);
    const res = await t.gql('mutation { changePassword(currentPassword: "x", newPassword: "una-nuova-password-lunga") }', {}, created.data!.createApiToken.token);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});

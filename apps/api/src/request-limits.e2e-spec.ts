import { createUser } from '@dup/auth';
import { Ente, Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const SIX_FIELDS = '{ me { username } entes { name } departments { code } planEditions { code } apiTokens { name } indicators(first: 1) { totalCount } }';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';

interface Answer {
  status: number;
  code: unknown;
  retryAfter: string | null;
  remaining: string | null;
}

async function request(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[]; code?: string } | null;
  return { status: res.status, code: body?.errors?.[0]?.extensions?.code ?? body?.code, retryAfter: res.headers.get('retry-after'), remaining: res.headers.get('x-ratelimit-remaining') };
}

function graphql(t: TestServer, query: string, options: { token?: string | null; variables?: Record<string, unknown>; forwardedFor?: string } = {}) {
  return request(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
}

function expectLimited(answer: Answer) {
  expect(answer).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60 * 15);
}

describe('request limits', () => {
  describe('per user, one count per HTTP request', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')], config: { rateLimitPerMinute: 5 } });
    });
    afterAll(() => t.stop());

    it('counts a request once, however many root fields it selects, across all operations, and answers 429 with Retry-After', async () => {
      const token = t.defaultToken!;
      const answers: Answer[] = [];
      for (let i = 0; i < 3; i += 1) answers.push(await graphql(t, SIX_FIELDS, { token }));
      for (let i = 0; i < 2; i += 1) answers.push(await graphql(t, '{ me { role } }', { token }));
      expect(answers.map((a) => [a.status, a.code, a.remaining])).toEqual([
        [200, undefined, '4'],
        [200, undefined, '3'],
        [200, undefined, '2'],
        [200, undefined, '1'],
        [200, undefined, '0'],
      ]);
      expectLimited(await graphql(t, '{ me { role } }', { token }));
      // Report downloads are requests of the same user.
      expectLimited(await request(`${t.url}/reports/2020-2022/2020-06-30.html`, { headers: { authorization: `Bearer ${token}` } }));
      // Another user has a quota of their own.
      const other = await t.loginAs(Role.AUDITOR);
      expect(await graphql(t, SIX_FIELDS, { token: other })).toMatchObject({ status: 200, code: undefined, remaining: '4' });
    });

    it('never limits /health', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await fetch(`${t.url}/health`)).status);
      expect(statuses).toEqual(Array(20).fill(200));
    });
  });

  describe('login attempts, per account and per client address', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({
        datasets: [readShippedDataset('fixture-minimal')],
        config: { trustProxy: ['loopback'], loginAttempts: { perAccount: 3, perAddress: 5 } },
        loginAsAuditor: false,
      });
    });
    afterAll(() => t.stop());

    const attempt = (username: string, password: string, forwardedFor: string) => graphql(t, LOGIN, { variables: { u: username, p: password }, forwardedFor });

    it('limits the attempts on one account, from any address, existing or not, and then refuses even the right password', async () => {
      const em = t.db.orm.em.fork();
      const [ente] = await em.find(Ente, {});
      await createUser(em, { enteId: ente.id, username: 'giulia.verdi', displayName: 'Giulia Verdi', role: Role.PLANNING_OFFICE, password: 'una-password-giusta' });
      for (const username of ['giulia.verdi', 'nessuno.esiste']) {
        const answers: Answer[] = [];
        for (let i = 0; i < 3; i += 1) answers.push(await attempt(username, 'password-sbagliata', `10.1.0.${i + 1}`));
        expect(answers.map((a) => a.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
        expectLimited(await attempt(username, 'password-sbagliata', '10.1.0.9'));
      }
      // The same limit, the same answer: the refusal tells nothing about which account exists.
      expectLimited(await attempt('giulia.verdi', 'una-password-giusta', '10.1.0.10'));
    });

    it('limits the attempts from one client address (X-Forwarded-For from a trusted proxy), whatever the account', async () => {
      for (let i = 0; i < 5; i += 1) expect((await attempt(`utente.${i}`, 'password-sbagliata', '10.2.0.1')).code).toBe('UNAUTHENTICATED');
      expectLimited(await attempt('utente.altro', 'password-sbagliata', '10.2.0.1'));
      // Another client behind the same proxy is not affected.
      expect((await attempt('utente.altro', 'password-sbagliata', '10.2.0.2')).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('without TRUST_PROXY', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')], config: { loginAttempts: { perAccount: 100, perAddress: 3 } }, loginAsAuditor: false });
    });
    afterAll(() => t.stop());

    it('ignores X-Forwarded-For, which any client can write: the connection\'s address counts', async () => {
      for (let i = 0; i < 3; i += 1) {
        const answer = await graphql(t, LOGIN, { variables: { u: `utente.${i}`, p: 'password-sbagliata' }, forwardedFor: `10.3.0.${i}` });
        expect(answer.code).toBe('UNAUTHENTICATED');
      }
      expectLimited(await graphql(t, LOGIN, { variables: { u: 'utente.x', p: 'password-sbagliata' }, forwardedFor: '10.3.0.99' }));
    });
  });
});

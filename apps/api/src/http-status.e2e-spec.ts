import { auditServer, type AuditResult } from 'graphql-http';
import { Role } from '@dup/domain';
import { signAccessToken } from '@dup/auth';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const INDICATORS = 'query($first: Int, $f: IndicatorFilter) { indicators(first: $first, filter: $f) { totalCount } }';
const TOO_DEEP = `{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`;
const TOO_COMPLEX = `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: indicators(first: 200) { edges { node { name targets { year value } results { text status } } } }`).join(' ')} }`;

/** POSTs a GraphQL request and returns the status, the relevant headers and the first error code. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, code: json.errors?.[0]?.extensions?.code, hasData: 'data' in json, wwwAuthenticate: res.headers.get('www-authenticate') };
}

describe('HTTP statuses of GraphQL answers', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')] });
    token = t.defaultToken!;
  });
  afterAll(() => t.stop());

  it('answers 401 with WWW-Authenticate to anonymous callers and to credentials that do not authenticate', async () => {
    const forged = signAccessToken({ sub: '00000000-0000-4000-8000-000000000000', ente: 'x', role: Role.ADMIN }, 'another-secret'.padEnd(40, 'z'), 60).token;
    for (const authorization of [undefined, 'Bearer garbage', 'Basic dXNlcjpwYXNz', `Bearer ${forged}`]) {
      const res = await post(t.url, { query: '{ planEditions { code } }' }, authorization ? { authorization } : {});
      expect({ authorization, status: res.status, code: res.code }).toEqual({ authorization, status: 401, code: 'UNAUTHENTICATED' });
      expect(res.wwwAuthenticate).toMatch(/^Bearer/);
    }
  });

  it('answers 400 to operations refused before execution: too deep, too complex, invalid variables, invalid documents', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const cases: [string, unknown, string][] = [
      ['too deep', { query: TOO_DEEP }, 'QUERY_TOO_DEEP'],
      ['too complex', { query: TOO_COMPLEX }, 'QUERY_TOO_COMPLEX'],
      ['a variable of the wrong type', { query: INDICATORS, variables: { first: 'cinque' } }, 'BAD_USER_INPUT'],
      ['an unknown enum value in a variable', { query: INDICATORS, variables: { first: 5, f: { resultStatus: 'BOH' } } }, 'BAD_USER_INPUT'],
      ['an unknown field', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['a syntax error', { query: '{ planEditions { code ' }, 'GRAPHQL_PARSE_FAILED'],
    ];
    for (const [label, body, code] of cases) {
      const res = await post(t.url, body, auth);
      expect({ label, status: res.status, code: res.code, hasData: res.hasData }).toEqual({ label, status: 400, code, hasData: false });
    }
  });

  it('keeps 200 for an executed operation whose fields report errors (the body carries data)', async () => {
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    const res = await post(t.url, { query: '{ entes { name } users { username } }' }, { authorization: `Bearer ${council}` });
    expect(res).toMatchObject({ status: 200, code: 'FORBIDDEN', hasData: true });
  });

  it('passes the graphql-http audit anonymously: every MUST is met, or refused with 401 for want of credentials', async () => {
    const results: AuditResult[] = await auditServer({ url: `${t.url}/graphql` });
    const failedMusts = results.filter((r) => r.status === 'error');
    const unexplained: string[] = [];
    for (const result of failedMusts) {
      const response = (result as { response?: Response }).response;
      const body = response ? ((await response.clone().json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null) : null;
      const code = body?.errors?.[0]?.extensions?.code;
      if (response?.status !== 401 || code !== 'UNAUTHENTICATED') unexplained.push(`${result.id} ${result.name}: ${response?.status} ${code}`);
    }
    expect(unexplained).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });
});

import { randomBytes } from 'node:crypto';
import { Role } from '@dup/domain';
import { loadConfig, type AppConfig } from '@dup/config';
import { jitExecutionStats } from '@dup/graphql-kit';
import { readShippedDataset } from '@dup/seed';
import { WHOLE_TREE_QUERY } from '@dup/testing';
import { startServer, type RunningServer } from '../server';
import { startTestServer, type TestServer } from '../testing/test-server';

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token: string | null = null): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'], headers: response.headers };
}

/** Counter deltas of the jit plugin while `action` runs. */
async function counted<T>(action: () => Promise<T>): Promise<{ result: T; stats: Record<keyof typeof jitExecutionStats, number> }> {
  const before = { ...jitExecutionStats };
  const result = await action();
  const stats = Object.fromEntries(Object.entries(jitExecutionStats).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
  return { result, stats: stats as Record<keyof typeof jitExecutionStats, number> };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.['code'];

const INDICATORS = /* GraphQL */ `
  query Page($filter: IndicatorFilter, $first: Int, $after: String) {
    indicators(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id name objectiveCode position unit goalPosition targets { year comparator value text } results { period text value status deferredTo version } } }
    }
  }
`;

const AUDIT_TRAIL = /* GraphQL */ `
  query Trail($first: Int) {
    auditTrail(first: $first) {
      totalCount
      edges { cursor node { id occurredAt actor actorRole via operation entityType entityId periodId before after requestId } }
    }
  }
`;

/**
 * The same database served twice: GRAPHQL_JIT on (`jit`, the default) and off (`plain`). Every
 * answer must be the same, byte for byte, whichever engine produced it.
 */
describe('read queries executed by graphql-jit (GRAPHQL_JIT)', () => {
  const jwtSecret = randomBytes(48).toString('base64url');
  const auth: AppConfig['auth'] = { jwtSecret, jwtSecretGenerated: false, accessTokenTtlSeconds: 3600 };
  let jit: TestServer;
  let plain: RunningServer;
  let token: string;

  beforeAll(async () => {
    jit = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')], config: { auth } });
    const defaults = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    expect(defaults.graphql.jit).toBe(true);
    plain = await startServer({
      ...defaults,
      databaseUrl: jit.db.url,
      port: 0,
      migrateOnStart: false,
      seedOnEmpty: false,
      seedDemoUsers: false,
      rateLimitPerMinute: 1_000_000,
      auth,
      graphql: { ...defaults.graphql, jit: false },
    });
    token = jit.defaultToken!;
  });
  afterAll(async () => {
    await plain?.stop();
    await jit?.stop();
  });

  /** Runs the operation on both servers (twice on the jit one: it compiles on the second run). */
  async function both(query: string, variables: Record<string, unknown> = {}, as: string | null = token) {
    const expected = await post(plain.url, query, variables, as);
    const first = await post(jit.url, query, variables, as);
    const { result: second, stats } = await counted(() => post(jit.url, query, variables, as));
    for (const actual of [first, second]) {
      expect(actual.status).toBe(expected.status);
      expect(actual.text).toBe(expected.text);
    }
    return { expected, stats };
  }

  it('answers the whole-tree query on Livorno exactly as graphql-js does, from a compiled query', async () => {
    const { expected, stats } = await both(WHOLE_TREE_QUERY);
    expect(expected.body.errors).toBeUndefined();
    expect(expected.text.length).toBeGreaterThan(500_000);
    expect(stats).toMatchObject({ executed: 1, handedBack: 0 });
    // And with the edition variable, for the council member (statuses filtered by visibility).
    const council = await jit.loginAs(Role.COUNCIL_MEMBER);
    expect((await both(WHOLE_TREE_QUERY, { edition: '2020-2022' }, council)).stats).toMatchObject({ executed: 1 });
  });

  it('answers the other read queries exactly as graphql-js does', async () => {
    const queries: [string, Record<string, unknown>?][] = [
      [INDICATORS, { first: 50 }],
      [INDICATORS, { filter: { edition: '2020-2022', period: '2020-06-30', resultStatus: 'DEFERRED' }, first: 20 }],
      [INDICATORS, { filter: { objectiveCode: '9.02', text: 'servizi' }, first: 200 }],
      [`{ planEditions(code: "2020-2022") { summary { asOf mandateLines goals indicators } after: summary(period: "2020-12-31") { strategicObjectives } } }`],
      [
        `{ spending(edition: "2020-2022", period: "2020-06-30") {
            grandTotal { assestato impegnato liquidatoCompetenza residuiPassivi liquidatoResidui impegnatoSuAssestato liquidatoSuImpegnato liquidatoResiduiSuResidui }
            missions { mission { code name } total { assestato impegnatoSuAssestato } programmes { programme { id name } amounts { impegnatoSuAssestato liquidatoSuImpegnato } } } } }`,
      ],
      [`{ entes { name istatCode } departments { code name } me { username role readOnly departmentIds } apiTokens { name } }`],
      [`query($p: LocalDate!) { reviewQueue(edition: "2020-2022", period: $p) { objectiveCode goals deferredGoals indicatorsWithoutResult contradictions { kind message } } }`, { p: '2020-06-30' }],
      [`{ planEditions { mandateLines { strategicObjectives { operationalObjectives { goals { id statuses(period: "2020-06-30") { period declaredState } } } } } } }`],
    ];
    for (const [query, variables] of queries) {
      const { expected, stats } = await both(query, variables);
      expect(expected.body.errors).toBeUndefined();
      expect(stats).toMatchObject({ executed: 1, handedBack: 0 });
    }
  });

  it('never executes a mutation, and then reads what it wrote (JSON, DateTime) alike', async () => {
    const before = await post(jit.url, '{ apiTokens { name } }', {}, token);
    const { stats } = await counted(async () => {
      for (const name of ['primo', 'secondo']) {
        const created = await post(jit.url, 'mutation($n: String!) { createApiToken(name: $n) { token } }', { n: name }, token);
        expect(created.body.errors).toBeUndefined();
      }
    });
    expect(stats).toEqual({ compiled: 0, uncompilable: 0, executed: 0, handedBack: 0 });
    const after = await post(jit.url, '{ apiTokens { name } }', {}, token);
    expect((after.body.data!['apiTokens'] as unknown[]).length).toBe((before.body.data!['apiTokens'] as unknown[]).length + 2);
    const trail = await both(AUDIT_TRAIL, { first: 20 });
    expect(trail.expected.body.errors).toBeUndefined();
  });

  it('reports errors with the same codes, messages and paths: graphql-js runs the erring operation again', async () => {
    const admin = await jit.loginAs(Role.ADMIN);
    const council = await jit.loginAs(Role.COUNCIL_MEMBER);
    const cases: { query: string; variables?: Record<string, unknown>; as?: string | null; code: string; handedBack: number }[] = [
      // From resolvers, once the operation runs: the compiled execution hands them back.
      { query: '{ spending(edition: "2020-2022", period: "2019-06-30") { period } }', code: 'NOT_FOUND', handedBack: 1 },
      { query: '{ users { username } }', code: 'FORBIDDEN', handedBack: 1 },
      { query: '{ entes { name } users { username } }', as: council, code: 'FORBIDDEN', handedBack: 1 },
      { query: INDICATORS, variables: { first: 5, after: 'not-a-cursor' }, code: 'BAD_USER_INPUT', handedBack: 1 },
      { query: INDICATORS, variables: { first: 10_000 }, code: 'PAGE_TOO_LARGE', handedBack: 1 },
      { query: INDICATORS, variables: { filter: { objectiveCode: '1.1' }, first: 5 }, code: 'BAD_USER_INPUT', handedBack: 1 },
      // Before execution (authentication, variables, limits): the plugin is never asked.
      { query: '{ planEditions { code } }', as: null, code: 'UNAUTHENTICATED', handedBack: 0 },
      { query: INDICATORS, variables: { first: 5, filter: { mandateLine: 'uno' } }, code: 'BAD_USER_INPUT', handedBack: 0 },
      { query: INDICATORS, variables: { first: 'cinque' }, code: 'BAD_USER_INPUT', handedBack: 0 },
      { query: `{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`, code: 'QUERY_TOO_DEEP', handedBack: 0 },
      { query: `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: indicators(first: 200) { edges { node { name targets { year value } results { text status } } } }`).join(' ')} }`, code: 'QUERY_TOO_COMPLEX', handedBack: 0 },
    ];
    for (const { query, variables, as, code, handedBack } of cases) {
      const { expected, stats } = await both(query, variables, as === undefined ? token : as);
      expect({ query, variables, code: codeOf(expected) }).toEqual({ query, variables, code });
      expect(stats).toMatchObject({ executed: 0, handedBack });
    }
    // An administrator reads the users: the same query now succeeds through the compiled query.
    expect((await both('{ users { username } }', {}, admin)).stats).toMatchObject({ executed: 1 });
  });
});

describe('rate limiting with GRAPHQL_JIT', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')], config: { rateLimitPerMinute: 5 } });
  });
  afterAll(() => t.stop());

  const remaining = (answer: Answer) => answer.headers.get('x-ratelimit-remaining');

  it('counts compiled executions, and an operation graphql-js runs again only once', async () => {
    for (const query of ['{ planEditions { code } }', '{ spending(edition: "2020-2022", period: "2019-06-30") { period } }']) {
      // The quota is per user: a fresh one for each query.
      const token = await t.loginAs(Role.AUDITOR);
      const answers: Answer[] = [];
      const { stats } = await counted(async () => {
        for (let i = 0; i < 6; i += 1) answers.push(await post(t.url, query, {}, token));
      });
      expect(answers.slice(0, 5).map(remaining)).toEqual(['4', '3', '2', '1', '0']);
      expect(answers.slice(0, 5).map(codeOf)).toEqual(Array(5).fill(query.includes('spending') ? 'NOT_FOUND' : undefined));
      expect(codeOf(answers[5])).toBe('TOO_MANY_REQUESTS');
      // Requests 2 to 5 went through the compiled query; the 6th was refused before execution (429).
      expect(answers[5].status).toBe(429);
      expect(stats.executed + stats.handedBack).toBe(4);
    }
  });
});

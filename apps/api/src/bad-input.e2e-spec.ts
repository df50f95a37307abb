import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

/** A fixed seed keeps the run reproducible; FUZZ_SEED and FUZZ_RUNS explore further by hand. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261204);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 25);

/** The served schema, as committed (schema.spec.ts keeps it equal to the code). */
const SCHEMA = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; code?: string; message?: string } | null;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // Not JSON (a report, a page): only the status matters here.
  }
  return { status: res.status, body };
}

/** A failure of the service rather than of the input: a 5xx, or an INTERNAL_SERVER_ERROR in the body. */
function internalFailure(answer: Answer): boolean {
  return answer.status >= 500 || Boolean(answer.body?.errors?.some((e) => e.extensions?.['code'] === 'INTERNAL_SERVER_ERROR')) || answer.body?.code === 'INTERNAL_SERVER_ERROR';
}

/** A 400-class answer with a stable code and an Italian message (never the service's internal one). */
function expectRefused(answer: Answer, status: number, code: string) {
  const error = answer.body?.errors?.[0] ?? { message: answer.body?.message ?? '', extensions: { code: answer.body?.code } };
  expect({ status: answer.status, code: error.extensions?.['code'] }).toEqual({ status, code });
  expect(error.message).toMatch(/non (valid|è|sono|ammess)|Indicare|Accesso|Token/);
  expect(error.message).not.toMatch(/Errore interno|syntax|invalid input|SELECT|select /);
}

describe('bad input answers 400-class, never 500', () => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  /** Real identifiers of the fixture, so that malformed values also reach the checks behind the lookups. */
  const known = { goalIds: [] as string[], indicatorIds: [] as string[] };

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')] });
    tokens['AUDITOR'] = t.defaultToken!;
    for (const role of [Role.PLANNING_OFFICE, Role.ADMIN]) tokens[role] = await t.loginAs(role);
    tokens['DEPARTMENT_HEAD'] = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['SVIL_ECON'] });
    const tree = await t.gql<{ planEditions: { mandateLines: { strategicObjectives: { operationalObjectives: { goals: { id: string }[]; indicators: { id: string }[] }[] }[] }[] }[] }>(
      '{ planEditions { mandateLines { strategicObjectives { operationalObjectives { goals { id } indicators { id } } } } } }',
    );
    const operational = tree.data!.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives)));
    known.goalIds = operational.flatMap((o) => o.goals.map((g) => g.id));
    known.indicatorIds = operational.flatMap((o) => o.indicators.map((i) => i.id));
  });
  afterAll(() => t.stop());

  const graphql = (body: unknown, headers: Record<string, string> = {}) =>
    send(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const asAuditor = () => ({ authorization: `Bearer ${tokens['AUDITOR']}` });

  describe('the cases found by outside testing', () => {
    it('refuses an API-token-shaped header whose id is not a UUID as a bad token, without a statement', async () => {
      for (const id of ['-'.repeat(36), 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa-', '0'.repeat(36)]) {
        const before = t.counter.totalStatements;
        const answer = await graphql({ query: '{ planEditions { code } }' }, { authorization: `Bearer dupm_${id}_${'a'.repeat(43)}` });
        expectRefused(answer, 401, 'UNAUTHENTICATED');
        expect(t.counter.totalStatements - before).toBe(0);
      }
    });

    it('refuses a NUL character in a text filter, as a variable and as a literal', async () => {
      const variables = await graphql({ query: 'query($f: IndicatorFilter) { indicators(filter: $f, first: 5) { totalCount } }', variables: { f: { text: 'serv\u0000izi' } } }, asAuditor());
      expectRefused(variables, 400, 'BAD_USER_INPUT');
      const literal = await graphql({ query: '{ indicators(filter: { text: "serv\\u0000izi" }, first: 5) { totalCount } }' }, asAuditor());
      expectRefused(literal, 400, 'BAD_USER_INPUT');
    });

    it('refuses an invalid DateTime in auditTrail(filter: {from})', async () => {
      for (const from of ['not-a-date', '2020-02-30T10:00:00Z', '2020-13-01T00:00:00Z', '+275760-09-14T00:00:00Z', '2020-06-30']) {
        const answer = await graphql({ query: 'query($f: AuditTrailFilter) { auditTrail(filter: $f, first: 5) { totalCount } }', variables: { f: { from } } }, asAuditor());
        expectRefused(answer, 400, 'BAD_USER_INPUT');
      }
      // Written inline, the value fails validation (graphql-js quotes the scalar's Italian message).
      const literal = await graphql({ query: '{ auditTrail(filter: { from: "ieri" }, first: 5) { totalCount } }' }, asAuditor());
      expectRefused(literal, 400, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses an impossible date in a report URL', async () => {
      for (const file of ['2020-02-30.pdf', '2020-06-31.xlsx', '2020-00-10.html']) {
        const answer = await send(`${t.url}/reports/2020-2022/${file}`, { headers: asAuditor() });
        expectRefused(answer, 400, 'BAD_USER_INPUT');
      }
    });

    it('refuses a repeated query parameter in a report URL', async () => {
      for (const query of ['ambito=linea-1&ambito=linea-2', 'ambito=completo&ambito=completo']) {
        const answer = await send(`${t.url}/reports/2020-2022/2020-06-30.pdf?${query}`, { headers: asAuditor() });
        expectRefused(answer, 400, 'BAD_USER_INPUT');
      }
    });
  });

  describe('malformed values thrown at every argument of every root field', () => {
    const roots = [SCHEMA.getQueryType()!, SCHEMA.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields()).map((field) => ({ operation: type === SCHEMA.getQueryType() ? 'query' : 'mutation', field })),
    );
    const withArguments = roots.filter(({ field }) => field.args.length > 0);

    it('covers the API', () => {
      expect(withArguments.map(({ field }) => field.name)).toEqual(expect.arrayContaining(['indicators', 'auditTrail', 'setGoalStatus', 'login', 'reportDownloads']));
    });

    it.each(withArguments.map(({ operation, field }) => [`${operation} ${field.name}`, operation, field] as const))('%s', async (_label, operation, field) => {
      const document = operationFor(operation, field);
      await fc.assert(
        fc.asyncProperty(argumentValues(field, known), fc.constantFrom('AUDITOR', 'PLANNING_OFFICE', 'ADMIN', 'DEPARTMENT_HEAD'), async (variables, role) => {
          const answer = await graphql({ query: document, variables }, { authorization: `Bearer ${tokens[role]}` });
          if (internalFailure(answer)) throw new Error(`${answer.status} ${JSON.stringify(answer.body)} for ${JSON.stringify(variables)} as ${role}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  });

  describe('malformed headers and URLs', () => {
    it('never fails on a malformed Authorization, cookie, CSRF, content type or forwarded address', async () => {
      const uuid = fc.uuid();
      const hexish = fc.string({ unit: fc.constantFrom(...'0123456789abcdef-xyZ_'), minLength: 30, maxLength: 40 });
      const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });
      const authorization = fc.oneof(
        fc.tuple(hexish, fc.string({ minLength: 0, maxLength: 60 })).map(([id, secret]) => `Bearer dupm_${id}_${secret.replace(/[^\x21-\x7e]/g, 'a')}`),
        uuid.map((id) => `Bearer dupm_${id}_${'A'.repeat(43)}`),
        fc.tuple(printable, printable, printable).map(([a, b, c]) => `Bearer ${Buffer.from(a).toString('base64url')}.${Buffer.from(b).toString('base64url')}.${Buffer.from(c).toString('base64url')}`),
        printable,
        printable.map((p) => `Bearer ${p}`),
      );
      const cookie = fc.oneof(printable.map((p) => `dupm_session=${encodeURIComponent(p)}`), printable.map((p) => `dupm_session=${p.replace(/[;,\s]/g, '')}; dupm_csrf=x`), printable.map((p) => p.replace(/[\r\n]/g, '')));
      const headers = fc.record(
        {
          authorization,
          cookie,
          'x-csrf-token': printable,
          'content-type': fc.constantFrom('application/json', 'application/json; charset=latin1', 'application/graphql-response+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
          accept: fc.constantFrom('*/*', 'application/graphql-response+json', 'text/html', 'application/xml', ''),
          'x-forwarded-for': fc.oneof(printable, fc.ipV4(), fc.ipV6(), fc.constant('1.2.3.4, 5.6.7.8, unknown')),
        },
        { requiredKeys: [] },
      );
      const queries = fc.constantFrom('{ me { username } }', '{ __typename }', 'mutation { logout }', '{ planEditions { code } }');
      await fc.assert(
        fc.asyncProperty(headers, queries, async (h, query) => {
          const answer = await send(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify({ query }) });
          if (internalFailure(answer)) throw new Error(`${answer.status} ${JSON.stringify(answer.body)} for ${JSON.stringify(h)}`);
        }),
        { numRuns: RUNS * 12, seed: SEED, endOnFailure: true },
      );
    });

    it('never fails on a malformed report URL', async () => {
      const segment = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('2020-2022', '%00', '..', '%2e%2e', 'x'.repeat(300)));
      const file = fc.oneof(
        fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2020-06-30', '2020-02-30', '0000-00-00', '9999-12-31', '2020-6-30')), fc.constantFrom('pdf', 'xlsx', 'html', 'PDF', 'exe', '')).map(([d, f]) => `${d}.${f}`),
        fc.string({ maxLength: 30 }),
      );
      const query = fc.oneof(
        fc.constant(''),
        fc.string({ maxLength: 40 }).map((s) => `ambito=${encodeURIComponent(s)}`),
        fc.array(fc.constantFrom('ambito=completo', 'ambito=linea-1', 'ambito=settore-SVIL_ECON', 'ambito[]=x', 'ambito[a][b]=c', 'ambito=%00', 'ambito=linea-99999999999', 'altro=1'), { minLength: 1, maxLength: 4 }).map((p) => p.join('&')),
      );
      await fc.assert(
        fc.asyncProperty(segment, file, query, async (edition, name, q) => {
          const url = `${t.url}/reports/${encodeURIComponent(edition)}/${encodeURIComponent(name)}${q ? `?${q}` : ''}`;
          const answer = await send(url, { headers: asAuditor() });
          if (internalFailure(answer)) throw new Error(`${answer.status} ${JSON.stringify(answer.body)} for ${url}`);
        }),
        { numRuns: RUNS * 6, seed: SEED, endOnFailure: true },
      );
    });
  });
});

/** `query($a: T, …) { field(a: $a, …) { __typename } }` for a root field. */
function operationFor(operation: string, field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${operation}(${variables}) { ${field.name}(${args})${selection} }`;
}

const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '\uffff', '\ud800', '%', '_', "'; drop table app_user; --", '\\', 'x'.repeat(5000), '2020-06-30', '2020-2022', 'linea-1', 'SVIL_ECON', 'completo', '999001', 'ñ€😀'];
const NASTY_DATES = ['2020-06-30', '2020-12-31', '2020-02-30', '2020-13-01', '0000-01-01', '9999-12-31', '20-06-30', '2020-6-30', 'ieri', ''];
const NASTY_DATE_TIMES = ['2020-06-30T10:00:00Z', '2999-01-01T00:00:00Z', 'not-a-date', '2020-02-30T10:00:00Z', '+275760-09-14T00:00:00Z', '-000001-01-01T00:00:00Z', '2020-06-30', '0', ''];
const NASTY_DECIMALS = ['0', '12.5', '-1', '100', '1e5', '99999999999999999999999999999999.99', '0.0000000000001', 'NaN', '1,5', ''];

/** Values for one argument: mostly of its type (to reach the resolvers), often wrong, sometimes of no type at all. */
function valueOf(type: GraphQLInputType, known: { goalIds: string[]; indicatorIds: string[] }, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
  const wrapped = (): fc.Arbitrary<unknown> => {
    if (isNonNullType(type)) return valueOf(type.ofType, known, depth);
    if (isListType(type)) return fc.array(valueOf(type.ofType, known, depth + 1), { maxLength: depth > 1 ? 2 : 12 });
    if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), fc.string());
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, known, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
    }
    switch (type.name) {
      case 'ID':
        return fc.oneof(fc.constantFrom(...known.goalIds, ...known.indicatorIds), fc.uuid(), fc.constantFrom(...NASTY_STRINGS), fc.string());
      case 'Int':
        return fc.oneof(fc.integer({ min: -3, max: 300 }), fc.constantFrom(0, -1, 2147483647, -2147483648, 2020, 2022, 1_000_000));
      case 'Float':
        return fc.double({ noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'LocalDate':
        return fc.constantFrom(...NASTY_DATES);
      case 'DateTime':
        return fc.constantFrom(...NASTY_DATE_TIMES);
      case 'Decimal':
        return fc.constantFrom(...NASTY_DECIMALS);
      case 'JSON':
        return fc.jsonValue();
      default:
        return fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 80 }));
    }
  };
  return fc.oneof({ weight: 6, arbitrary: wrapped() }, { weight: 1, arbitrary: anything });
}

function argumentValues(field: GraphQLField<unknown, unknown>, known: { goalIds: string[]; indicatorIds: string[] }): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(field.args.map((a: GraphQLArgument) => [a.name, valueOf(a.type, known)])), { requiredKeys: [] });
}

import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { listOf, pageOf, queryLimitsPlugin } from './query-limits.plugin';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    a: A
  }
  type A {
    n: Int
    b: A
  }
`);

/** `depth` nested `b` fields under `a`, i.e. an operation of depth depth + 2. */
const nested = (depth: number) => `{ a { ${'b { '.repeat(depth)}n${' }'.repeat(depth)} } }`;

describe('queryLimitsPlugin', () => {
  let server: ApolloServer;

  beforeAll(async () => {
    server = new ApolloServer({
      schema,
      rootValue: { a: () => ({ n: 1, b: () => ({ n: 2 }) }) },
      plugins: [queryLimitsPlugin({ schema: () => schema, maxDepth: 4, maxCost: 6 })],
    });
    await server.start();
  });
  afterAll(() => server.stop());

  async function run(query: string) {
    const response = await server.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult;
  }

  it('executes an operation within both limits', async () => {
    const result = await run(nested(1)); // depth 3, cost 3
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { b: { n: 2 } } });
  });

  it('accepts exactly the maximum depth', async () => {
    expect((await run(nested(2))).errors).toBeUndefined(); // depth 4
  });

  it('rejects a deeper operation with QUERY_TOO_DEEP before any resolver runs', async () => {
    const result = await run(nested(3)); // depth 5
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 5, maxDepth: 4 });
    expect(result.errors?.[0].message).toBe('La richiesta è troppo annidata: profondità 5, massimo consentito 4.');
  });

  it('sees depth hidden in fragments', async () => {
    const result = await run('{ a { ...F } } fragment F on A { b { b { b { n } } } }');
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 5 });
  });

  it('rejects a shallow but wide operation with QUERY_TOO_COMPLEX', async () => {
    const result = await run('{ a { n x1: b { n } x2: b { n } x3: b { n } } }'); // 1 + 1 + 3 × 2 = 8 fields
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 8, maxCost: 6 });
  });
});

describe('cost estimators', () => {
  it('listOf multiplies the children by the expected length', () => {
    expect(listOf(10)({ childComplexity: 3 })).toBe(31);
  });

  it('pageOf uses `first`, capped at the maximum page, defaulting to it', () => {
    expect(pageOf(200)({ args: { first: 5 }, childComplexity: 2 })).toBe(11);
    expect(pageOf(200)({ args: { first: 10_000 }, childComplexity: 2 })).toBe(401);
    expect(pageOf(200)({ args: {}, childComplexity: 2 })).toBe(401);
    expect(pageOf(200)({ args: { first: null }, childComplexity: 1 })).toBe(201);
  });
});

import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError, GraphQLScalarType, isObjectType, type GraphQLSchema } from 'graphql';
import { jitExecutionPlugin, jitExecutionStats } from './jit-execution.plugin';
import { DecimalScalar, JsonScalar, LocalDateScalar } from './scalars';

const SDL = /* GraphQL */ `
  scalar Decimal
  scalar LocalDate
  scalar JSON
  enum Colour { RED GREEN }
  input Filter { colour: Colour, from: LocalDate, tags: [String!], nested: Range }
  input Range { from: LocalDate, to: LocalDate, tags: [String!] }
  input Tree { label: String, children: [Tree!] }
  interface Named { name: String! }
  type Person implements Named { name: String! age: Int }
  type Office implements Named { name: String! floor: Int }
  union Anything = Person | Office
  type Item {
    id: ID!
    amount: Decimal
    day: LocalDate
    doc: JSON
    colour: Colour
    ratio: Float
    flag: Boolean
    children: [Item!]!
    parent: Item
    mustExist: String!
    echo(filter: Filter, limit: Int = 10, colours: [Colour!]): String
    tree(tree: Tree): String
  }
  type Query {
    items(first: Int): [Item!]!
    named: [Named!]!
    anything: [Anything]
    failing: String
    forbidden: String
    count: Int
  }
  type Mutation { bump: Int! }
`;

const item = (n: number, depth: number): Record<string, unknown> => ({
  id: `i${n}`,
  amount: n % 2 ? '475193437.97' : null,
  day: '2020-06-30',
  doc: { before: { a: [1, 'x', null] }, n },
  colour: n % 2 ? 'RED' : 'GREEN',
  ratio: n / 3,
  flag: n % 2 === 0,
  children: depth > 0 ? [item(n * 10 + 1, depth - 1), item(n * 10 + 2, depth - 1)] : [],
  parent: null,
  mustExist: n === 122 ? null : `m${n}`,
});

/** JSON with sorted keys: resolvers read arguments by name, graphql-jit orders them differently. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** A schema with resolvers set on its fields, like the one Nest builds. */
function buildTestSchema(calls: { bump: number; items: number }): GraphQLSchema {
  const schema = buildSchema(SDL);
  const scalars: Record<string, GraphQLScalarType> = { Decimal: DecimalScalar, LocalDate: LocalDateScalar, JSON: JsonScalar };
  for (const [name, scalar] of Object.entries(scalars)) Object.assign(schema.getType(name) as GraphQLScalarType, { serialize: scalar.serialize, parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });
  const fields = (type: string) => {
    const t = schema.getType(type);
    if (!isObjectType(t)) throw new Error(type);
    return t.getFields();
  };
  fields('Query')['items'].resolve = async (_root, args: { first?: number | null }) => {
    calls.items += 1;
    return [1, 2, 3].slice(0, args.first ?? 3).map((n) => item(n, 2));
  };
  fields('Query')['named'].resolve = () => [{ kind: 'Person', name: 'Ada', age: 36 }, { kind: 'Office', name: 'Anagrafe', floor: 2 }];
  fields('Query')['anything'].resolve = async () => [{ kind: 'Office', name: 'Tributi', floor: 1 }, null, { kind: 'Person', name: 'Bob', age: null }];
  fields('Query')['failing'].resolve = () => {
    throw new Error('database exploded');
  };
  fields('Query')['forbidden'].resolve = async () => {
    throw new GraphQLError('Operazione non consentita.', { extensions: { code: 'FORBIDDEN' } });
  };
  fields('Mutation')['bump'].resolve = () => (calls.bump += 1);
  fields('Item')['echo'].resolve = (_item, args: unknown) => canonical(args);
  fields('Item')['tree'].resolve = (_item, args: unknown) => canonical(args);
  const resolveType = (value: { kind: string }) => value.kind;
  for (const abstract of ['Named', 'Anything']) Object.assign(schema.getType(abstract)!, { resolveType });
  return schema;
}

async function startServer(jit: boolean, options: Parameters<typeof jitExecutionPlugin>[0] = {}) {
  const calls = { bump: 0, items: 0 };
  const schema = buildTestSchema(calls);
  const server = new ApolloServer({ schema, plugins: jit ? [jitExecutionPlugin(options)] : [] });
  await server.start();
  const run = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const response = await server.executeOperation({ query, variables, operationName });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { status: response.http.status, body: response.body.singleResult };
  };
  return { server, calls, run };
}

type Server = Awaited<ReturnType<typeof startServer>>;

describe('jitExecutionPlugin', () => {
  let plain: Server;
  let jit: Server;

  beforeAll(async () => {
    plain = await startServer(false);
    jit = await startServer(true, { compileAfter: 0 });
  });
  afterAll(async () => {
    await plain.server.stop();
    await jit.server.stop();
  });

  /** Runs the operation on both servers; the answers must be byte-identical. */
  async function same(query: string, variables?: Record<string, unknown>, operationName?: string) {
    const expected = await plain.run(query, variables, operationName);
    const actual = await jit.run(query, variables, operationName);
    expect(JSON.stringify(actual.body)).toBe(JSON.stringify(expected.body));
    expect(actual.status).toBe(expected.status);
    return actual.body;
  }

  /** Counter deltas while `action` runs. */
  async function counted(action: () => Promise<unknown>) {
    const before = { ...jitExecutionStats };
    await action();
    return Object.fromEntries(Object.entries(jitExecutionStats).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
  }

  it('answers queries from a compiled query, identical to graphql-js: fragments, aliases, scalars, enums, abstract types', async () => {
    const query = /* GraphQL */ `
      query Tree($first: Int) {
        items(first: $first) { ...ItemFields children { ...ItemFields children { id ...ItemFields } } mustExist }
        merged: items(first: 1) { children { id } children { amount ...ItemFields } ... on Item { children { day } } }
        second: items(first: 1) { id amount }
        named { __typename name ... on Person { age } ... on Office { floor } }
        anything { __typename ... on Named { name } ... on Person { age } }
      }
      fragment ItemFields on Item { id amount day doc colour ratio flag __typename parent { id } }
    `;
    const stats = await counted(async () => {
      const body = await same(query, { first: 2 });
      expect(body.errors).toBeUndefined();
      expect((body.data as { items: unknown[] }).items).toHaveLength(2);
    });
    expect(stats).toEqual({ compiled: 1, uncompilable: 0, executed: 1, handedBack: 0 });
  });

  it('passes the same coerced arguments to resolvers: literals, variables, defaults, input objects, enums, lists', async () => {
    const query = /* GraphQL */ `
      query Args($f: Filter, $c: [Colour!], $limit: Int) {
        items(first: 1) {
          a: echo
          b: echo(filter: { colour: RED, from: "2020-06-30", tags: "x", nested: { tags: ["y", "z"], to: "2020-12-31" } }, limit: 3)
          c: echo(filter: $f, colours: $c, limit: $limit)
          d: echo(filter: { colour: $cOne }, colours: [GREEN])
        }
      }
    `.replace('$cOne', 'GREEN');
    for (const variables of [
      {},
      { f: { colour: 'GREEN', from: '2021-12-31', tags: ['a'], nested: { from: '2020-01-01', tags: 'solo' } }, c: ['RED', 'GREEN'], limit: null },
      { f: null, c: 'RED', limit: 5 },
    ]) {
      const stats = await counted(() => same(query, variables));
      expect(stats['executed']).toBe(1);
    }
  });

  it.each([
    [{ a: true, b: true }],
    [{ a: true, b: false }],
    [{ a: false, b: true }],
    [{ a: false, b: false }],
  ])('leaves @include/@skip to graphql-js (graphql-jit mishandles them on fragment spreads) (%j)', async (variables) => {
    const query = /* GraphQL */ `
      query Conditions($a: Boolean!, $b: Boolean!) {
        items(first: 2) {
          id
          amount @include(if: $a)
          day @skip(if: $a)
          ...Leaf @include(if: $b)
          children { ...Leaf @skip(if: $b) ...Leaf ... @include(if: $a) { colour } }
          parent @include(if: false) { id }
          both: children @include(if: $a) @skip(if: $b) { id }
        }
        again: items(first: 1) { ...Leaf }
      }
      fragment Leaf on Item { flag ratio @include(if: $b) }
    `;
    const stats = await counted(() => same(query, variables));
    expect(stats).toEqual({ compiled: 0, uncompilable: 0, executed: 0, handedBack: 0 });
  });

  it('hands resolver errors back to graphql-js, which reports them as usual', async () => {
    for (const query of ['{ count failing items(first: 1) { id } }', '{ forbidden }', '{ items(first: 1) { id } named { name } forbidden }']) {
      const stats = await counted(async () => {
        const body = await same(query);
        expect(body.errors).toHaveLength(1);
      });
      expect(stats).toMatchObject({ executed: 0, handedBack: 1 });
    }
    expect((await jit.run('{ forbidden }')).body.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('hands a null in a non-null field back to graphql-js', async () => {
    // Item 122 (a grandchild of item 1) has no mustExist: null propagates up to `children`.
    const stats = await counted(async () => {
      const body = await same('{ items(first: 1) { id children { id children { id mustExist } } } named { name } }');
      expect(body.errors?.[0].path).toEqual(['items', 0, 'children', 1, 'children', 1, 'mustExist']);
    });
    expect(stats).toMatchObject({ executed: 0, handedBack: 1 });
  });

  it('hands variables that do not coerce back to graphql-js (same BAD_USER_INPUT, same status)', async () => {
    const query = 'query($first: Int, $f: Filter) { items(first: $first) { echo(filter: $f) } }';
    for (const variables of [{ first: 'tre' }, { f: { from: '2020-02-30' } }, { f: { colour: 'BLUE' } }, { f: { unknown: 1 } }]) {
      const stats = await counted(async () => {
        const body = await same(query, variables);
        expect(body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
      });
      expect(stats).toMatchObject({ executed: 0, handedBack: 1 });
    }
  });

  it('never runs a mutation: graphql-js executes it once', async () => {
    const before = jit.calls.bump;
    const stats = await counted(async () => {
      expect((await jit.run('mutation { bump }')).body).toEqual({ data: { bump: before + 1 } });
      expect((await jit.run('mutation Twice { bump }')).body).toEqual({ data: { bump: before + 2 } });
    });
    expect(jit.calls.bump).toBe(before + 2);
    expect(stats).toEqual({ compiled: 0, uncompilable: 0, executed: 0, handedBack: 0 });
  });

  it('leaves operations with variables of a recursive input type to graphql-js (graphql-jit cannot compile them)', async () => {
    const query = 'query($t: Tree) { items(first: 1) { tree(tree: $t) literal: tree(tree: { children: [{ label: "a", children: [] }] }) } }';
    const stats = await counted(() => same(query, { t: { label: 'root', children: [{ label: 'leaf' }] } }));
    expect(stats).toEqual({ compiled: 0, uncompilable: 0, executed: 0, handedBack: 0 });
    // A literal of that type is fine: compiled as usual.
    expect(await counted(() => same('{ items(first: 1) { tree(tree: { children: [{ label: "a" }] }) } }'))).toMatchObject({ compiled: 1, executed: 1 });
  });

  it('leaves introspection to graphql-js', async () => {
    const stats = await counted(async () => {
      await same('{ __schema { queryType { name } } }');
      await same('query { a: __type(name: "Item") { name fields { name } } items(first: 1) { __typename } }');
    });
    expect(stats).toEqual({ compiled: 0, uncompilable: 0, executed: 0, handedBack: 0 });
  });

  it('picks the requested operation of a document holding several', async () => {
    const query = 'query One { items(first: 1) { id } } query Two { named { name } } mutation Three { bump }';
    await same(query, undefined, 'One');
    const stats = await counted(() => same(query, undefined, 'Two'));
    expect(stats).toMatchObject({ compiled: 1, executed: 1 });
  });

  it('leaves a document with several operations and no operationName to graphql-js, which reports it', async () => {
    const body = await same('query One { items(first: 1) { id } } query Two { named { name } }');
    expect(body.errors?.[0]).toMatchObject({
      message: 'Must provide operation name if query contains multiple operations.',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
  });

  it('compiles an operation only once it has been seen compileAfter times, and keeps a bounded number', async () => {
    const lazy = await startServer(true, { compileAfter: 1, maxOperations: 2 });
    try {
      const q = (n: number) => `{ items(first: ${n}) { id } }`;
      expect(await counted(() => lazy.run(q(1)))).toMatchObject({ compiled: 0, executed: 0 });
      expect(await counted(() => lazy.run(q(1)))).toMatchObject({ compiled: 1, executed: 1 });
      expect(await counted(() => lazy.run(q(1)))).toMatchObject({ compiled: 0, executed: 1 });
      // Two other operations push the first one out: it starts over.
      await lazy.run(q(2));
      await lazy.run(q(3));
      expect(await counted(() => lazy.run(q(1)))).toMatchObject({ compiled: 0, executed: 0 });
      expect(await counted(() => lazy.run(q(1)))).toMatchObject({ compiled: 1, executed: 1 });
    } finally {
      await lazy.server.stop();
    }
  });
});

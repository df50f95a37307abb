import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const PAGE = /* GraphQL */ `
  query Page($filter: IndicatorFilter, $first: Int, $after: String) {
    indicators(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id name objectiveCode position results(period: "2020-06-30") { status text } } }
    }
  }
`;

interface PageData {
  indicators: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; objectiveCode: string; position: number; results: { status: string; text: string }[] } }[];
  };
}

describe('read API on the Livorno plan', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
  });
  afterAll(() => t.stop());

  const count = async (filter: Record<string, unknown>) => {
    const res = await t.gql<PageData>(PAGE, { filter, first: 1 });
    expect(res.errors).toBeUndefined();
    return res.data!.indicators.totalCount;
  };

  it('reports the plan as approved at 30/06/2020 in the summary, and the amended plan later', async () => {
    const q = `{ planEditions(code: "2020-2022") { summary { asOf mandateLines strategicDirections strategicObjectives operationalObjectives goals indicators }
                after: summary(period: "2020-12-31") { strategicObjectives operationalObjectives } } }`;
    const res = await t.gql<{ planEditions: { summary: Record<string, unknown>; after: Record<string, number> }[] }>(q);
    expect(res.errors).toBeUndefined();
    expect(res.data!.planEditions[0].summary).toEqual({
      asOf: '2020-06-30', mandateLines: 10, strategicDirections: 45, strategicObjectives: 20, operationalObjectives: 68, goals: 229, indicators: 210,
    });
    // CC 163/2020 (30/09/2020) added 1.06 and 1.06.01: they count only after that date.
    expect(res.data!.planEditions[0].after).toEqual({ strategicObjectives: 21, operationalObjectives: 69 });
  });

  it('pages through all 210 indicators with keyset cursors, in plan order, without gaps or repeats', async () => {
    const seen: string[] = [];
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: Awaited<ReturnType<typeof t.gql<PageData>>> = await t.gql<PageData>(PAGE, { first: 50, after });
      expect(res.errors).toBeUndefined();
      const conn: PageData['indicators'] = res.data!.indicators;
      expect(conn.totalCount).toBe(210);
      seen.push(...conn.edges.map((e) => e.node.id));
      codes.push(...conn.edges.map((e) => e.node.objectiveCode));
      pages += 1;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(210);
    expect(new Set(seen).size).toBe(210);
    const numeric = codes.map((c) => c.split('.').map(Number));
    const sorted = [...numeric].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(numeric).toEqual(sorted);
    expect(codes.at(-1)).toBe('10.01.02');
  });

  it('filters by objective, line, result status, department and text', async () => {
    expect(await count({ objectiveCode: '9.02.15' })).toBe(24);
    expect(await count({ objectiveCode: '9.02' })).toBe(87);
    expect(await count({ mandateLine: 9 })).toBe(90);
    expect(await count({ mandateLine: 10 })).toBe(6);
    expect(await count({ edition: '2020-2022', period: '2020-06-30', resultStatus: 'DEFERRED' })).toBe(57);
    expect(await count({ resultStatus: 'EMPTY' })).toBe(4);
    expect(await count({ objectiveCode: '2.01.02' })).toBe(0);
    expect(await count({ text: 'videosorveglianza' })).toBeGreaterThanOrEqual(1);
    expect(await count({ department: 'NO_SUCH_DEPARTMENT' })).toBe(0);
    const withDepartment = await count({ department: 'DIR_GEN' });
    expect(withDepartment).toBeGreaterThan(0);
    expect(withDepartment).toBeLessThan(210);
  });

  it('computes spending totals and ratios exactly, with "not computable" for zero denominators', async () => {
    const q = `{ spending(edition: "2020-2022", period: "2020-06-30") {
      grandTotal { assestato impegnato liquidatoCompetenza residuiPassivi liquidatoResidui impegnatoSuAssestato liquidatoSuImpegnato liquidatoResiduiSuResidui }
      missions { mission { code } total { assestato impegnatoSuAssestato liquidatoSuImpegnato liquidatoResiduiSuResidui }
                 programmes { programme { id } amounts { impegnatoSuAssestato liquidatoSuImpegnato liquidatoResiduiSuResidui } } } } }`;
    type Ratios = { impegnatoSuAssestato: string | null; liquidatoSuImpegnato: string | null; liquidatoResiduiSuResidui: string | null };
    const res = await t.gql<{
      spending: {
        grandTotal: Record<string, string>;
        missions: { mission: { code: string }; total: Ratios & { assestato: string }; programmes: { programme: { id: string }; amounts: Ratios }[] }[];
      };
    }>(q);
    expect(res.errors).toBeUndefined();
    const s = res.data!.spending;
    expect(s.grandTotal).toEqual({
      assestato: '475193437.97', impegnato: '165859777.40', liquidatoCompetenza: '67044663.76', residuiPassivi: '39555990.19',
      liquidatoResidui: '18976776.37', impegnatoSuAssestato: '34.90', liquidatoSuImpegnato: '40.42', liquidatoResiduiSuResidui: '47.97',
    });
    expect(s.missions).toHaveLength(20);
    expect(s.missions.flatMap((m) => m.programmes)).toHaveLength(58);
    const m1 = s.missions.find((m) => m.mission.code === '01')!;
    expect(m1.total).toMatchObject({ assestato: '49037904.18', impegnatoSuAssestato: '49.60', liquidatoSuImpegnato: '54.92', liquidatoResiduiSuResidui: '48.93' });
    const ratios = [...s.missions.map((m) => m.total), ...s.missions.flatMap((m) => m.programmes.map((p) => p.amounts)), s.grandTotal as unknown as Ratios]
      .flatMap((r) => [r.impegnatoSuAssestato, r.liquidatoSuImpegnato, r.liquidatoResiduiSuResidui]);
    expect(ratios).toHaveLength(237);
    expect(ratios.filter((r) => r === null)).toHaveLength(23);
  });

  it('answers bad input with Italian messages and stable codes', async () => {
    const badCursor = await t.gql(PAGE, { first: 5, after: 'not-a-cursor' });
    expect(badCursor.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badCursor.errors?.[0].message).toMatch(/Cursore di paginazione non valido/);

    const bigPage = await t.gql(PAGE, { first: 10_000 });
    expect(bigPage.errors?.[0].extensions?.['code']).toBe('PAGE_TOO_LARGE');

    const badCode = await t.gql(PAGE, { filter: { objectiveCode: '1.1' }, first: 5 });
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.objectiveCode' });

    const missing = await t.gql(`{ spending(edition: "2020-2022", period: "2019-06-30") { period } }`);
    expect(missing.errors?.[0].extensions?.['code']).toBe('NOT_FOUND');

    const badDate = await t.gql(`{ spending(edition: "2020-2022", period: "2020-02-30") { period } }`);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(badDate.errors?.[0].extensions?.['code']);

    const badVariables = await t.gql(PAGE, { first: 5, filter: { mandateLine: 'uno' } });
    expect(badVariables.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');

    const unknownField = await t.gql(`{ planEditions { nope } }`);
    expect(unknownField.errors?.[0].extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects a depth bomb and a cost bomb before running any resolver', async () => {
    // The plan's types have no cycles; introspection's do, so that is where a depth bomb lives.
    const nested = (depth: number): string => (depth === 0 ? 'name' : `ofType { ${nested(depth - 1)} }`);
    // Baseline: what any authenticated request costs before execution (the viewer lookup).
    let before = t.counter.totalStatements;
    await t.gql('{ __typename }');
    const perRequest = t.counter.totalStatements - before;
    before = t.counter.totalStatements;
    const deep = await t.gql(`{ __schema { types { fields { type { ${nested(30)} } } } } }`);
    expect(deep.errors?.[0].extensions?.['code']).toBe('QUERY_TOO_DEEP');

    const aliases = Array.from({ length: 120 }, (_, i) => `a${i}: indicators(first: 200) { edges { node { name targets { year value } results { text status } } } }`).join('\n');
    const costly = await t.gql(`{ ${aliases} }`);
    expect(costly.errors?.[0].extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect(t.counter.totalStatements - before).toBe(2 * perRequest);
  });
});

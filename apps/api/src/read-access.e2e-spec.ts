import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const TREE = `{ planEditions { title mandateLines { strategicObjectives { operationalObjectives {
  goals { statuses { period narrative } } indicators { results { period text } } } } } } }`;
const INDICATORS = `query($f: IndicatorFilter) { indicators(filter: $f, first: 200) { totalCount edges { node { results { text } } } } }`;
const SPENDING = `{ spending(edition: "2020-2022", period: "2020-06-30") { grandTotal { assestato } } }`;

interface Tree {
  planEditions: { title: string; mandateLines: { strategicObjectives: { operationalObjectives: { goals: { statuses: unknown[] }[]; indicators: { results: unknown[] }[] }[] }[] }[] }[];
}
const statusesIn = (t: Tree) =>
  t.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.goals.flatMap((g) => g.statuses)))));
const resultsIn = (t: Tree) =>
  t.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.indicators.flatMap((i) => i.results)))));

describe('who reads what', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022'), readShippedDataset('fixture-minimal')] });
  });
  afterAll(() => t.stop());

  it('confines every read to the viewer\'s ente', async () => {
    const other = await t.loginAs(Role.AUDITOR, { enteIstat: '999001' });
    const tree = await t.gql<Tree>(TREE, {}, other);
    expect(tree.data!.planEditions.map((e) => e.title)).toEqual(['Documento Unico di Programmazione 2020-2022']);
    expect(statusesIn(tree.data!)).toHaveLength(1);
    expect((await t.gql<{ indicators: { totalCount: number } }>(INDICATORS, {}, other)).data!.indicators.totalCount).toBe(1);
    expect((await t.gql<{ spending: { grandTotal: { assestato: string } } }>(SPENDING, {}, other)).data!.spending.grandTotal.assestato).toBe('100000.00');
    expect((await t.gql<{ entes: { istatCode: string }[] }>('{ entes { istatCode } }', {}, other)).data!.entes).toEqual([{ istatCode: '999001' }]);
    expect((await t.gql<{ planEditions: unknown[] }>('{ planEditions(ente: "049009") { code } }', {}, other)).data!.planEditions).toEqual([]);
    const livorno = await t.gql<{ indicators: { totalCount: number } }>(INDICATORS, {});
    expect(livorno.data!.indicators.totalCount).toBe(210);
  });

  it('shows council members statuses and results only once the Giunta has taken note', async () => {
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    // Livorno's report at 30/06/2020 was approved by the council: visible.
    const approved = (await t.gql<Tree>(TREE, {}, council)).data!;
    expect(statusesIn(approved)).toHaveLength(229);
    expect(resultsIn(approved)).toHaveLength(210);
    expect((await t.gql(SPENDING, {}, council)).errors).toBeUndefined();

    await t.db.orm.em.getConnection().execute(`update reporting_period p set state = 'IN_REVIEW' from ente e where e.id = p.ente_id and e.istat_code = '049009'`);
    try {
      const draft = (await t.gql<Tree>(TREE, {}, council)).data!;
      expect(statusesIn(draft)).toHaveLength(0);
      expect(resultsIn(draft)).toHaveLength(0);
      const page = (await t.gql<{ indicators: { totalCount: number; edges: { node: { results: unknown[] } }[] } }>(INDICATORS, { f: { resultStatus: 'DEFERRED' } }, council)).data!;
      expect(page.indicators.totalCount).toBe(0);
      const all = (await t.gql<{ indicators: { totalCount: number; edges: { node: { results: unknown[] } }[] } }>(INDICATORS, { f: { text: 'Rendicontazione' } }, council)).data!;
      expect(all.indicators.edges.flatMap((e) => e.node.results)).toHaveLength(0);
      const spending = await t.gql(SPENDING, {}, council);
      expect(spending.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
      // Auditors and the planning office still read the drafts.
      expect(statusesIn((await t.gql<Tree>(TREE, {})).data!)).toHaveLength(229);
      expect(statusesIn((await t.gql<Tree>(TREE, {}, await t.loginAs(Role.PLANNING_OFFICE))).data!)).toHaveLength(229);
      expect((await t.gql<{ indicators: { totalCount: number } }>(INDICATORS, { f: { resultStatus: 'DEFERRED' } })).data!.indicators.totalCount).toBe(57);
    } finally {
      await t.db.orm.em.getConnection().execute(`update reporting_period p set state = 'APPROVED_BY_COUNCIL' from ente e where e.id = p.ente_id and e.istat_code = '049009'`);
    }
  });
});

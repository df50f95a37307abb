import { readShippedDataset, scaleDataset } from '@dup/seed';
import { WHOLE_TREE_QUERY } from '@dup/testing';
import { startTestServer, type TestServer } from './testing/test-server';

interface TreeData {
  planEditions: {
    code: string;
    summary: Record<string, number>;
    mandateLines: {
      number: number;
      strategicObjectives: {
        code: string;
        operationalObjectives: {
          code: string;
          goals: { title: string; departments: { lead: boolean; department: { code: string } | null }[]; statuses: { narrative: string }[] }[];
          indicators: { name: string; results: { text: string }[] }[];
        }[];
      }[];
    }[];
  }[];
}

const goalsOf = (data: TreeData) =>
  data.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.goals))));
const indicatorsOf = (data: TreeData) =>
  data.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.indicators))));

describe('GraphQL whole tree over HTTP', () => {
  describe('on the minimal fixture', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')] });
    });
    afterAll(() => t.stop());

    it('returns every level of the fixture', async () => {
      const res = await t.gql<TreeData>(WHOLE_TREE_QUERY);
      expect(res.errors).toBeUndefined();
      const [edition] = res.data!.planEditions;
      expect(edition.code).toBe('2020-2022');
      expect(edition.summary).toEqual({ mandateLines: 1, strategicDirections: 1, strategicObjectives: 1, operationalObjectives: 1, goals: 1, indicators: 1 });
      const op = edition.mandateLines[0].strategicObjectives[0].operationalObjectives[0];
      expect(op.code).toBe('1.01.01');
      expect(op.goals[0]).toMatchObject({
        title: 'Rilanciare i mercati rionali',
        departments: [{ lead: true, department: { code: 'SVIL_ECON' } }],
        statuses: [{ narrative: 'Avviata la riqualificazione del primo mercato.' }],
      });
      expect(op.indicators[0]).toMatchObject({ name: 'N. mercati riqualificati', results: [{ text: 'N. 1' }] });
    });

    it('serves /health with the database state', async () => {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
    });
  });

  describe('SQL statements per whole-tree query', () => {
    const livorno = readShippedDataset('livorno-dup-2020-2022');

    async function statementsFor(datasetFactor: number): Promise<{ statements: number; goals: number; indicators: number }> {
      const t = await startTestServer({ datasets: [scaleDataset(livorno, datasetFactor)] });
      try {
        await t.gql(WHOLE_TREE_QUERY); // warm-up: metadata and connection pool
        const before = t.counter.totalStatements;
        const res = await t.gql<TreeData>(WHOLE_TREE_QUERY);
        const statements = t.counter.totalStatements - before;
        expect(res.errors).toBeUndefined();
        return { statements, goals: goalsOf(res.data!).length, indicators: indicatorsOf(res.data!).length };
      } finally {
        await t.stop();
      }
    }

    it('is the same fixed number on Livorno and on Livorno ×10', async () => {
      const once = await statementsFor(1);
      const tenfold = await statementsFor(10);
      expect(once.goals).toBe(229);
      expect(tenfold.goals).toBe(2290);
      expect(tenfold.indicators).toBe(once.indicators * 10);
      expect(tenfold.statements).toBe(once.statements);
      // One statement per tree level and lookup, not per row: far fewer than the 229 goals.
      expect(once.statements).toBeLessThanOrEqual(30);
    });
  });
});

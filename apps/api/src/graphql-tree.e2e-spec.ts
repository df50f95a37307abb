import { readShippedDataset, scaleDataset } from '@dup/seed';
import { EDITION_PROGRESS_STATEMENTS, EDITION_TREE_STATEMENTS } from '@dup/plan-read';
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
    /**
     * Cold: the edition's read model is built (planEditions, the data version, the fixed list of
     * tree statements) plus what authentication costs. Warm: the read model is
     * cached under an unchanged data version, so only planEditions, the version and
     * authentication remain. Both are exact, by construction, whatever the data size.
     */
    const WARM = 3; // the viewer (authentication), planEditions, the data version
    // + the tree; the summary is counted from the tree itself (the domain's inForceAt), no statement.
    const COLD = WARM + EDITION_TREE_STATEMENTS;
    // After a status write only the progress is reloaded.
    const AFTER_PROGRESS_WRITE = WARM + EDITION_PROGRESS_STATEMENTS;
    const RUNS = 5;

    interface Counts {
      cold: number;
      warm: number[];
      afterWrite: number;
      warmAfterWrite: number;
      afterStructureWrite: number;
      goals: number;
      indicators: number;
    }

    async function countStatements(t: TestServer): Promise<{ statements: number; data: TreeData }> {
      const before = t.counter.totalStatements;
      const res = await t.gql<TreeData>(WHOLE_TREE_QUERY);
      const statements = t.counter.totalStatements - before;
      expect(res.errors).toBeUndefined();
      return { statements, data: res.data! };
    }

    async function statementsFor(datasetFactor: number): Promise<Counts> {
      const t = await startTestServer({ datasets: [scaleDataset(livorno, datasetFactor)] });
      try {
        const cold = await countStatements(t);
        const warm: number[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          const run = await countStatements(t);
          expect(run.data).toEqual(cold.data);
          warm.push(run.statements);
        }
        // A write committed by anyone (here: plain SQL) changes the data version: the next
        // query rebuilds the read model and shows the new text, never the cached one.
        const narrative = `Aggiornato dal test ${datasetFactor}`;
        await t.db.orm.em
          .getConnection()
          .execute(`update goal_status set narrative = ? where id = (select id from goal_status order by id limit 1)`, [narrative]);
        const afterWrite = await countStatements(t);
        expect(goalsOf(afterWrite.data).flatMap((g) => g.statuses.map((s) => s.narrative))).toContain(narrative);
        const warmAfterWrite = await countStatements(t);
        expect(warmAfterWrite.data).toEqual(afterWrite.data);
        // A write to the structure (a goal's title) rebuilds the whole tree.
        const title = `Titolo dal test ${datasetFactor}`;
        await t.db.orm.em.getConnection().execute(`update goal set title = ? where id = (select id from goal order by id limit 1)`, [title]);
        const afterStructureWrite = await countStatements(t);
        expect(goalsOf(afterStructureWrite.data).map((g) => g.title)).toContain(title);
        expect(goalsOf(afterStructureWrite.data).flatMap((g) => g.statuses.map((s) => s.narrative))).toContain(narrative);
        return {
          cold: cold.statements,
          warm,
          afterWrite: afterWrite.statements,
          warmAfterWrite: warmAfterWrite.statements,
          afterStructureWrite: afterStructureWrite.statements,
          goals: goalsOf(cold.data).length,
          indicators: indicatorsOf(cold.data).length,
        };
      } finally {
        await t.stop();
      }
    }

    it('is the same exact number on Livorno and on Livorno ×10, on every run', async () => {
      const once = await statementsFor(1);
      const tenfold = await statementsFor(10);
      expect(once.goals).toBe(229);
      expect(tenfold.goals).toBe(2290);
      expect(tenfold.indicators).toBe(once.indicators * 10);
      for (const counts of [once, tenfold]) {
        expect(counts.cold).toBe(COLD);
        expect(counts.afterWrite).toBe(AFTER_PROGRESS_WRITE);
        expect(counts.afterStructureWrite).toBe(COLD);
        expect(counts.warm).toEqual(Array.from({ length: RUNS }, () => WARM));
        expect(counts.warmAfterWrite).toBe(WARM);
      }
    }, 240_000);
  });
});

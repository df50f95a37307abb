import { PlanEdition } from '@dup/domain';
import { SqlStatementCounter } from '@dup/database';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { EDITION_TREE_STATEMENTS, type EditionTree } from './edition-tree';
import { EDITION_PROGRESS_STATEMENTS } from './edition-progress';
import { cachedEditionTree, readPlanDataVersions } from './edition-tree-cache';

const goalsOf = (tree: EditionTree) => tree.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.goals)));
const indicatorsOf = (tree: EditionTree) => tree.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.indicators)));

describe('the edition read model after writes', () => {
  let db: TestDatabase;
  let counter: SqlStatementCounter;
  let edition: { id: string; mandateId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('fixture-minimal'));
    counter = new SqlStatementCounter(db.orm);
    const row = await db.orm.em.fork().findOneOrFail(PlanEdition, { code: '2020-2022' });
    edition = { id: row.id, mandateId: row.mandate.id };
  });
  afterAll(() => db.drop());

  /** What a request does: read the versions, then get the tree; with the statements it cost. */
  const read = () =>
    counter.measure(async () => {
      const em = db.orm.em.fork();
      return cachedEditionTree(em, await readPlanDataVersions(em), edition);
    });
  const sql = (statement: string, params: unknown[] = []) => db.orm.em.getConnection().execute(statement, params);

  it('reloads only the progress after a status, result or target write, and shows it', async () => {
    const cold = await read();
    expect(cold.statements).toBe(1 + EDITION_TREE_STATEMENTS);
    expect((await read()).statements).toBe(1);

    await sql(`update goal_status set narrative = 'Nuova narrazione'`);
    const afterStatus = await read();
    expect(afterStatus.statements).toBe(1 + EDITION_PROGRESS_STATEMENTS);
    expect(goalsOf(afterStatus.result)[0].statusList.map((s) => s.narrative)).toEqual(['Nuova narrazione']);
    // The structure is the cached one; the tree handed out before is never changed.
    expect(afterStatus.result.ente).toBe(cold.result.ente);
    expect(goalsOf(afterStatus.result)[0].departments).toBe(goalsOf(cold.result)[0].departments);
    expect(goalsOf(cold.result)[0].statusList.map((s) => s.narrative)).not.toEqual(['Nuova narrazione']);
    expect(afterStatus.result.strategicObjectives[0]).toBe(afterStatus.result.mandateLines[0].strategicObjectives[0]);

    await sql(`update indicator_result set text = 'N. 2'`);
    await sql(`update indicator_target set text = 'Almeno 3'`);
    const afterResult = await read();
    expect(afterResult.statements).toBe(1 + EDITION_PROGRESS_STATEMENTS);
    expect(indicatorsOf(afterResult.result)[0].resultList.map((r) => r.text)).toEqual(['N. 2']);
    expect(indicatorsOf(afterResult.result)[0].targets.every((t) => t.text === 'Almeno 3')).toBe(true);
    expect(goalsOf(afterResult.result)[0].statusList.map((s) => s.narrative)).toEqual(['Nuova narrazione']);
    expect((await read()).statements).toBe(1);
  });

  it('rebuilds the whole tree after a write to the structure, alone or with progress in the same transaction', async () => {
    await sql(`update goal set title = 'Titolo cambiato'`);
    const afterTitle = await read();
    expect(afterTitle.statements).toBe(1 + EDITION_TREE_STATEMENTS);
    expect(goalsOf(afterTitle.result)[0].title).toBe('Titolo cambiato');

    const em = db.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.getConnection().execute(`update goal_status set narrative = 'Insieme'`, [], 'all', tx.getTransactionContext());
      await tx.getConnection().execute(`update goal set description = 'Descrizione cambiata'`, [], 'all', tx.getTransactionContext());
    });
    const afterBoth = await read();
    expect(afterBoth.statements).toBe(1 + EDITION_TREE_STATEMENTS);
    expect(goalsOf(afterBoth.result)[0]).toMatchObject({ description: 'Descrizione cambiata', statusList: [expect.objectContaining({ narrative: 'Insieme' })] });
  });

  it('bumps each version once per transaction, and a rolled-back write bumps nothing', async () => {
    const before = (await readPlanDataVersions(db.orm.em.fork()))!;
    const em = db.orm.em.fork();
    await em.transactional(async (tx) => {
      for (const narrative of ['uno', 'due']) await tx.getConnection().execute(`update goal_status set narrative = ?`, [narrative], 'all', tx.getTransactionContext());
    });
    const progress = (await readPlanDataVersions(db.orm.em.fork()))!;
    expect(progress).toEqual({ version: before.version + 1n, structure: before.structure });
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        await tx.getConnection().execute(`update goal set title = 'mai'`, [], 'all', tx.getTransactionContext());
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await readPlanDataVersions(db.orm.em.fork())).toEqual(progress);
  });

  it('lets requests at one version share one build, and serves an older reader the newer tree', async () => {
    await sql(`update goal_status set narrative = 'Condivisa'`);
    const em = db.orm.em.fork();
    const versions = (await readPlanDataVersions(em))!;
    const { statements, result } = await counter.measure(() =>
      Promise.all([cachedEditionTree(db.orm.em.fork(), versions, edition), cachedEditionTree(db.orm.em.fork(), versions, edition)]),
    );
    expect(statements).toBe(EDITION_PROGRESS_STATEMENTS);
    expect(result[0]).toBe(result[1]);
    const older = await counter.measure(() => cachedEditionTree(db.orm.em.fork(), { ...versions, version: versions.version - 1n }, edition));
    expect(older).toEqual({ statements: 0, result: result[0] });
  });
});

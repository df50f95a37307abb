import * as E from '@dup/domain';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import * as M from '../mappers';
import { loadEditionProgress } from './edition-progress';

/** The progress as the entity mappers give it: what the rows read straight must equal. */
async function progressThroughEntities(db: TestDatabase, editionId: string) {
  const em = db.orm.em.fork();
  const byObjective = { objective: { edition: editionId } };
  const [statuses, targets, results] = await Promise.all([
    em.find(E.GoalStatus, { goal: byObjective }, { populate: ['period'], strategy: 'joined' }),
    em.find(E.IndicatorTarget, { indicator: byObjective }, { orderBy: { year: 'asc', id: 'asc' } }),
    em.find(E.IndicatorResult, { indicator: byObjective }, { populate: ['period'], strategy: 'joined' }),
  ]);
  const grouped = <V, R>(items: V[], key: (v: V) => string, map: (v: V) => R, sort?: (a: R, b: R) => number) =>
    new Map([...M.groupBy(items, key)].map(([k, list]) => [k, sort ? list.map(map).sort(sort) : list.map(map)]));
  return {
    statuses: grouped(statuses, (s) => s.goal.id, M.toGoalStatus, M.byPeriod),
    targets: grouped(targets, (t) => t.indicator.id, M.toTarget),
    results: grouped(results, (r) => r.indicator.id, M.toResult, M.byPeriod),
  };
}

describe('loadEditionProgress', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
    // Every optional field set somewhere, so that none is compared only as null.
    const sql = (statement: string) => db.orm.em.getConnection().execute(statement);
    await sql(`update goal_status set declared_state = 'DEFERRED', percent_complete = 12.5, deferred_to = '2020-12-31', deferral_text = 'Rinviata', updated_at = '2020-07-01 10:00:00.123789+00'
                where id = (select id from goal_status order by id limit 1)`);
    // Livorno's indicators have no targets: give the first ones some, of every shape.
    const em = db.orm.em.fork();
    const indicators = await em.find(E.Indicator, {}, { orderBy: { id: 'asc' }, limit: 3 });
    for (const [n, indicator] of indicators.entries()) {
      em.create(E.IndicatorTarget, { ente: indicator.ente, indicator, year: 2021, comparator: E.Comparator.GE, value: '3.75', unit: 'n.' });
      em.create(E.IndicatorTarget, { ente: indicator.ente, indicator, year: 2020, text: `Obiettivo ${n}` });
    }
    await em.flush();
    await sql(`update indicator_result set status = 'DEFERRED', deferred_to = '2020-12-31', unit = '%' where id = (select id from indicator_result order by id limit 1)`);
  }, 300_000);
  afterAll(() => db.drop());

  it('reads exactly what the entity mappers give, field for field and in the same order', async () => {
    const edition = await db.orm.em.fork().findOneOrFail(E.PlanEdition, { code: '2020-2022' });
    const direct = await loadEditionProgress(db.orm.em.fork(), edition);
    const expected = await progressThroughEntities(db, edition.id);
    expect(direct.statuses.size).toBeGreaterThan(200);
    expect(direct.results.size).toBeGreaterThan(150);
    expect(direct.targets.size).toBe(3);
    const sorted = (map: Map<string, unknown[]>) => [...map].sort(([a], [b]) => a.localeCompare(b));
    for (const kind of ['statuses', 'targets', 'results'] as const) expect(sorted(direct[kind])).toEqual(sorted(expected[kind]));
  });
});

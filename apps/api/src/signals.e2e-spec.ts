import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const QUEUE = `query($p: LocalDate!) { reviewQueue(edition: "2020-2022", period: $p) {
  objectiveCode goals goalsWithoutStatus deferredGoals indicators indicatorsWithoutResult deferredIndicators
  contradictions { kind goalPosition indicatorPositions message } } }`;

interface Queue {
  reviewQueue: {
    objectiveCode: string;
    indicatorsWithoutResult: number;
    deferredIndicators: number;
    contradictions: { kind: string; goalPosition: number; indicatorPositions: number[]; message: string }[];
  }[];
}

describe('review signals on the Livorno plan', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    // 2.04.01 has 8 indicators, all deferred to 31/12: declaring its first goal completed contradicts them.
    await t.db.orm.em.getConnection().execute(
      `update goal_status s set declared_state = 'COMPLETED', percent_complete = 100
         from goal g join operational_objective o on o.id = g.objective_id
        where s.goal_id = g.id and o.code = '2.04.01' and g.position = 1`,
    );
  });
  afterAll(() => t.stop());

  it('lists the objectives to review, with the contradiction explained', async () => {
    const res = await t.gql<Queue>(QUEUE, { p: '2020-06-30' });
    expect(res.errors).toBeUndefined();
    const queue = res.data!.reviewQueue;
    const op = queue.find((q) => q.objectiveCode === '2.04.01')!;
    expect(op.deferredIndicators).toBe(8);
    expect(op.contradictions).toEqual([
      {
        kind: 'COMPLETED_WITH_DEFERRED_INDICATORS',
        goalPosition: 1,
        indicatorPositions: [1, 2, 3, 4, 5, 6, 7, 8],
        message: 'Finalità dichiarata completata ma con indicatori rinviati (n. 1, n. 2, n. 3, n. 4, n. 5, n. 6, n. 7, n. 8).',
      },
    ]);
    // The four empty results of the document (10.01.01 ×3, 2.03.01 ×1) show up as missing results.
    expect(queue.filter((q) => q.indicatorsWithoutResult > 0).map((q) => [q.objectiveCode, q.indicatorsWithoutResult])).toEqual([
      ['2.03.01', 1],
      ['10.01.01', 3],
    ]);
    expect(queue.map((q) => q.objectiveCode)).toEqual(['2.03.01', '2.04.01', '10.01.01']);
  });

  it('exposes signals on goals and objectives in the tree', async () => {
    const res = await t.gql<{ indicators: { edges: unknown[] } }>(
      `{ planEditions { mandateLines { number strategicObjectives { operationalObjectives { code
          signals(period: "2020-06-30") { contradictions { kind } }
          goals { position signals(period: "2020-06-30") { hasStatus deferred indicators deferredIndicators contradictions { kind } } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const ops = (res.data as unknown as { planEditions: { mandateLines: { strategicObjectives: { operationalObjectives: { code: string; signals: { contradictions: unknown[] }; goals: { position: number; signals: Record<string, unknown> }[] }[] }[] }[] }[] })
      .planEditions[0].mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives));
    const op = ops.find((o) => o.code === '2.04.01')!;
    expect(op.signals.contradictions).toHaveLength(1);
    expect(op.goals[0].signals).toEqual({ hasStatus: true, deferred: false, indicators: 8, deferredIndicators: 8, contradictions: [{ kind: 'COMPLETED_WITH_DEFERRED_INDICATORS' }] });
    const deferredGoal = ops.find((o) => o.code === '4.02.02')!.goals[0].signals;
    expect(deferredGoal).toMatchObject({ deferred: true });
    expect(ops.flatMap((o) => o.signals.contradictions)).toHaveLength(1);
  });

  it('keeps drafts from council members and lets them read noted periods', async () => {
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    // The review queue is the planning office's and the auditors' tool, not the council's.
    expect((await t.gql<Queue>(QUEUE, { p: '2020-06-30' }, council)).errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const noted = await t.gql(`{ planEditions { mandateLines { strategicObjectives { operationalObjectives { signals(period: "2020-06-30") { goals } } } } } }`, {}, council);
    expect(noted.errors).toBeUndefined();
    await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'IN_REVIEW' where cutoff_date = '2020-06-30'`);
    const draft = await t.gql(`{ planEditions { mandateLines { strategicObjectives { operationalObjectives { signals(period: "2020-06-30") { goals } } } } } }`, {}, council);
    expect(draft.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    expect(draft.errors?.[0].message).toMatch(/presi d'atto dalla Giunta/);
    await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'APPROVED_BY_COUNCIL' where cutoff_date = '2020-06-30'`);
  });
});

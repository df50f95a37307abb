import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { livornoTargets, M, ok } from './testing/write-fixtures';

const GOAL = `query($id: ID!) { goal(id: $id) {
  id position title description
  departments { lead printedName years department { code } }
  statuses { period declaredState narrative }
  indicators { position name }
  operationalObjective { code title indicators { position } strategicObjective { code lineNumber } }
} }`;

interface GoalResult {
  goal: {
    id: string;
    position: number;
    title: string;
    departments: { lead: boolean; printedName: string; years: number[]; department: { code: string } | null }[];
    statuses: { period: string; declaredState: string | null; narrative: string }[];
    indicators: { position: number; name: string }[];
    operationalObjective: { code: string; title: string; indicators: { position: number }[]; strategicObjective: { code: string; lineNumber: number } };
  } | null;
}

describe('goal(id): one goal of the plan, from the cached read model', () => {
  let t: TestServer;
  let ids: Awaited<ReturnType<typeof livornoTargets>>;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022'), readShippedDataset('fixture-minimal')] });
    ids = await livornoTargets(t);
  });
  afterAll(() => t.stop());

  const goal = (id: string, token?: string) => t.gql<GoalResult>(GOAL, { id }, token);

  it('answers a goal with its objective path, departments, statuses and indicators', async () => {
    const res = await goal(ids.goalId);
    expect(res.errors).toBeUndefined();
    const g = res.data!.goal!;
    expect(g.id).toBe(ids.goalId);
    expect(g.position).toBe(1);
    expect(g.operationalObjective).toMatchObject({ code: '1.01.01', strategicObjective: { code: '1.01', lineNumber: 1 } });
    expect(g.departments.find((d) => d.lead)?.department?.code).toBe('URB_PROG');
    expect(g.departments.some((d) => !d.lead && d.department?.code === 'EDIL_SUAP')).toBe(true);
    expect(g.statuses.map((s) => s.period)).toEqual(['2020-06-30']);

    // 9.02.22 prints three indicators after its first goal: the same list the plan tree gives.
    const em = t.db.orm.em.fork();
    const [row] = await em.getConnection().execute<{ id: string }[]>(
      `select g.id from goal g join operational_objective o on o.id = g.objective_id join ente e on e.id = g.ente_id
        where e.istat_code = '049009' and o.code = '9.02.22' and g.position = 1`,
    );
    const linked = (await goal(row.id)).data!.goal!;
    expect(linked.indicators.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(linked.operationalObjective.code).toBe('9.02.22');
  });

  it('costs a fixed number of statements once the read model is cached', async () => {
    await goal(ids.goalId);
    const before = t.counter.totalStatements;
    const res = await goal(ids.goalId);
    expect(res.errors).toBeUndefined();
    // The viewer, the goal's edition and the data version: the tree itself is cached.
    expect(t.counter.totalStatements - before).toBe(3);
  });

  it.each([
    ['another ente', () => ids.foreignGoalId],
    ['an unknown id', () => '00000000-0000-4000-8000-000000000000'],
  ])('answers NOT_FOUND for %s, in Italian', async (_what, id) => {
    const res = await goal(id());
    expect(res.errors?.[0].extensions?.['code']).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toMatch(/^Finalità non trovat/);
    expect(res.data?.goal ?? null).toBeNull();
  });

  it('refuses a malformed id before execution, in Italian', async () => {
    const res = await goal('non-un-id');
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(res.errors?.[0].message).toMatch(/non è un identificativo valido/);
    expect(res.data?.goal ?? null).toBeNull();
  });

  it("finds another ente's goal for that ente's users only", async () => {
    const other = await t.loginAs(Role.AUDITOR, { enteIstat: '999001' });
    expect((await goal(ids.foreignGoalId, other)).data!.goal!.id).toBe(ids.foreignGoalId);
    expect((await goal(ids.goalId, other)).errors?.[0].extensions?.['code']).toBe('NOT_FOUND');
  });

  it('shows council members the statuses of periods the Giunta has taken note of, and no draft', async () => {
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    const office = await t.loginAs(Role.PLANNING_OFFICE);
    await ok(t, M.openPeriod, { e: '2020-2022', d: '2020-12-31' }, office);
    await ok(
      t,
      M.setStatus,
      { input: { goalId: ids.goalId, period: '2020-12-31', declaredState: 'IN_PROGRESS', narrative: 'Bozza del secondo semestre.', expectedVersion: null } },
      office,
    );

    const forAuditor = (await goal(ids.goalId)).data!.goal!;
    expect(forAuditor.statuses.map((s) => s.period)).toEqual(['2020-06-30', '2020-12-31']);
    const forCouncil = await goal(ids.goalId, council);
    expect(forCouncil.errors).toBeUndefined();
    expect(forCouncil.data!.goal!.statuses.map((s) => s.period)).toEqual(['2020-06-30']);
    expect(forCouncil.data!.goal!.title).toBe(forAuditor.title);
  });
});

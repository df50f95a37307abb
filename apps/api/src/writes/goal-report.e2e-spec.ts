import { Indicator, Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from '../testing/test-server';
import { livornoTargets, M, ok, resultVersion, statusVersion, traceCounts } from '../testing/write-fixtures';

const SAVE = `mutation($input: SaveGoalReportInput!) {
  saveGoalReport(input: $input) { status { narrative declaredState percentComplete version } results { text value status version } } }`;
const PERIOD = '2020-12-31';

/** The goal form's save: status and indicator results together, all or nothing. */
describe('saveGoalReport', () => {
  let t: TestServer;
  let office: string;
  let lead: string;
  let goalId: string;
  let indicatorIds: string[];
  let otherObjectiveIndicator: string;

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    office = await t.loginAs(Role.PLANNING_OFFICE);
    lead = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG'] });
    await ok(t, M.openPeriod, { e: '2020-2022', d: PERIOD }, office);
    ({ goalId } = await livornoTargets(t));
    const em = t.db.orm.em.fork();
    const indicators = await em.find(Indicator, { objective: { code: '1.01.01', ente: { istatCode: '049009' } } }, { orderBy: { position: 'asc' }, limit: 2 });
    indicatorIds = indicators.map((i) => i.id);
    otherObjectiveIndicator = (await em.findOneOrFail(Indicator, { objective: { code: '1.02.01', ente: { istatCode: '049009' } } })).id;
  });
  afterAll(() => t.stop());

  const input = (over: Record<string, unknown> = {}) => ({
    goalId,
    period: PERIOD,
    status: { narrative: 'VAS avviata per il piano operativo.', declaredState: 'IN_PROGRESS', percentComplete: 40, expectedVersion: null },
    results: [
      { indicatorId: indicatorIds[0], text: 'Raggiunti 12 procedimenti', value: '12', status: 'REPORTED', expectedVersion: null },
      { indicatorId: indicatorIds[1], text: '', status: 'DEFERRED', deferredTo: '2021-06-30', expectedVersion: null },
    ],
    ...over,
  });

  it('writes nothing when one part fails, and names the failing part', async () => {
    const before = await traceCounts(t);
    const bad = input({
      results: [
        { indicatorId: indicatorIds[0], text: 'Raggiunti 12 procedimenti', value: '12', status: 'REPORTED', expectedVersion: null },
        // DEFERRED needs a later cut-off: this part is refused.
        { indicatorId: indicatorIds[1], text: '', status: 'DEFERRED', deferredTo: '2020-06-30', expectedVersion: null },
      ],
    });
    const res = await t.gql(SAVE, { input: bad }, lead);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', part: 'result', indicatorId: indicatorIds[1], field: 'deferredTo' });
    expect(await traceCounts(t)).toEqual(before);
    expect(await statusVersion(t, goalId, PERIOD)).toBeNull();
    expect(await resultVersion(t, indicatorIds[0], PERIOD)).toBeNull();
  });

  it('refuses an indicator of another objective and a repeated indicator', async () => {
    const foreign = await t.gql(SAVE, { input: input({ results: [{ indicatorId: otherObjectiveIndicator, text: 'x', status: 'REPORTED' }] }) }, lead);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', indicatorId: otherObjectiveIndicator });
    const twice = await t.gql(SAVE, { input: input({ results: [0, 1].map(() => ({ indicatorId: indicatorIds[0], text: 'x', status: 'REPORTED' })) }) }, lead);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'results' });
    expect(await statusVersion(t, goalId, PERIOD)).toBeNull();
  });

  it('saves status and results together, audited one by one, and then detects a stale version', async () => {
    const saved = await ok<{ saveGoalReport: { status: { version: number; percentComplete: string }; results: { version: number; value: string | null }[] } }>(
      t,
      SAVE,
      { input: input() },
      lead,
    );
    expect(saved.saveGoalReport.status).toMatchObject({ version: 1, percentComplete: '40.00' });
    expect(saved.saveGoalReport.results.map((r) => [r.version, r.value])).toEqual([
      [1, '12.0000'],
      [1, null],
    ]);
    const audit = await t.db.orm.em
      .getConnection()
      .execute<{ operation: string }[]>("select operation from audit_entry where operation in ('SET_GOAL_STATUS', 'RECORD_INDICATOR_RESULT') order by id");
    expect(audit.map((a) => a.operation)).toEqual(['SET_GOAL_STATUS', 'RECORD_INDICATOR_RESULT', 'RECORD_INDICATOR_RESULT']);

    // Someone else saved the status meanwhile: the whole save is refused with the current text.
    await ok(
      t,
      M.setStatus,
      { input: { goalId, period: PERIOD, narrative: "Aggiornato dall'ufficio.", declaredState: 'IN_PROGRESS', expectedVersion: 1 } },
      office,
    );
    const stale = await t.gql(
      SAVE,
      { input: input({ status: { narrative: 'Mia versione', declaredState: 'IN_PROGRESS', expectedVersion: 1 }, results: [] }) },
      lead,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      part: 'status',
      currentVersion: 2,
      current: { narrative: "Aggiornato dall'ufficio." },
    });
  });

  it('lets the only department a goal lists report it, though the document marks no capofila', async () => {
    const [sole] = await t.db.orm.em.getConnection().execute<{ goal_id: string; code: string }[]>(
      `select g.id as goal_id, d.code from goal g join goal_department gd on gd.goal_id = g.id join department d on d.id = gd.department_id
        join operational_objective o on o.id = g.objective_id
       where not gd.lead and (select count(*) from goal_department x where x.goal_id = g.id) = 1 and o.introduced_by_id is null
       order by string_to_array(o.code, '.')::int[], g.position limit 1`,
    );
    const soleHead = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: [sole.code] });
    const saved = await ok<{ saveGoalReport: { status: { version: number } } }>(
      t,
      SAVE,
      {
        input: {
          goalId: sole.goal_id,
          period: PERIOD,
          status: { narrative: 'Unico settore responsabile.', declaredState: 'IN_PROGRESS', expectedVersion: null },
        },
      },
      soleHead,
    );
    expect(saved.saveGoalReport.status.version).toBe(1);
    const contribution = await t.gql(M.contribute, { g: sole.goal_id, p: PERIOD, d: sole.code, t: 'Contributo' }, soleHead);
    expect(contribution.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    expect(contribution.errors?.[0].message).toMatch(/scrive lo stato di attuazione/);
  });

  it('is refused to roles that do not enter data', async () => {
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    expect((await t.gql(SAVE, { input: input() }, council)).errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });
});

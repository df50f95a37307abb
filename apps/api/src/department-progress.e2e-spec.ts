import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { DEPARTMENT_PROGRESS, pairsInDatabase } from './testing/department-fixtures';
import { startTestServer, type TestServer } from './testing/test-server';
import { M, ok, outcome, traceCounts } from './testing/write-fixtures';

const E = '2020-2022';
const APPROVED = '2020-06-30';
const OPEN = '2020-12-31';

interface Progress {
  department: { code: string; name: string };
  goalsLed: number;
  goalsLedWithStatus: number;
  goalsInvolved: number;
  contributions: number;
  indicators: number;
  indicatorsWithResult: number;
  review: {
    state: string;
    comment: string | null;
    submissionNote: string | null;
    missingGoalsAtSubmission: number | null;
    missingIndicatorsAtSubmission: number | null;
  } | null;
  missingGoals: { id: string; title: string }[];
  missingIndicators: { id: string; objectiveCode: string; position: number }[];
}

/** Each department's figures computed from the tables, for the comparison with the API. */
async function progressInDatabase(t: TestServer, cutoff: string) {
  const pairs = await pairsInDatabase(t, cutoff);
  const [statuses, contributions, results] = await Promise.all([
    t.db.orm.em
      .getConnection()
      .execute<{ goal_id: string }[]>(`select s.goal_id from goal_status s join reporting_period p on p.id = s.period_id where p.cutoff_date = ?`, [cutoff]),
    t.db.orm.em
      .getConnection()
      .execute<{ goal_id: string; code: string }[]>(
        `select c.goal_id, d.code from goal_contribution c join department d on d.id = c.department_id join reporting_period p on p.id = c.period_id where p.cutoff_date = ?`,
        [cutoff],
      ),
    t.db.orm.em.getConnection().execute<{ code: string; indicators: string; with_result: string }[]>(
      `select d.code, count(i.id) as indicators, count(i.id) filter (where r.status is not null and r.status <> 'EMPTY') as with_result
         from (select distinct gd.department_id, g.objective_id from goal_department gd join goal g on g.id = gd.goal_id
               where gd.lead or (select count(*) from goal_department x where x.goal_id = g.id) = 1) led
         join department d on d.id = led.department_id join indicator i on i.objective_id = led.objective_id
         left join indicator_result r on r.indicator_id = i.id and r.period_id = (select id from reporting_period where cutoff_date = ?)
        group by d.code`,
      [cutoff],
    ),
  ]);
  const withStatus = new Set(statuses.map((s) => s.goal_id));
  const contributed = new Set(contributions.map((c) => `${c.goal_id}|${c.code}`));
  const byCode = new Map<string, Omit<Progress, 'department' | 'review' | 'missingGoals' | 'missingIndicators'>>();
  for (const p of pairs) {
    const row = byCode.get(p.code) ?? { goalsLed: 0, goalsLedWithStatus: 0, goalsInvolved: 0, contributions: 0, indicators: 0, indicatorsWithResult: 0 };
    if (p.lead) {
      row.goalsLed += 1;
      if (withStatus.has(p.goalId)) row.goalsLedWithStatus += 1;
    } else {
      row.goalsInvolved += 1;
      if (contributed.has(`${p.goalId}|${p.code}`)) row.contributions += 1;
    }
    byCode.set(p.code, row);
  }
  for (const r of results) Object.assign(byCode.get(r.code)!, { indicators: Number(r.indicators), indicatorsWithResult: Number(r.with_result) });
  return byCode;
}

describe('department progress, submission with what is missing, and the review queue by department', () => {
  let t: TestServer;
  let office: string;
  let head: string;
  let smallHead: string;

  const progress = async (period: string, token: string | null) => {
    const res = await t.gql<{ departmentProgress: Progress[] }>(DEPARTMENT_PROGRESS, { e: E, p: period }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.departmentProgress;
  };
  const submit = (d: string, r: string | null, token: string) =>
    t.gql<{ submitDepartmentForReview: Record<string, unknown> }>(
      `mutation($p: LocalDate!, $d: String!, $r: String) { submitDepartmentForReview(period: $p, departmentCode: $d, incompleteReason: $r) {
        state submissionNote missingGoalsAtSubmission missingIndicatorsAtSubmission } }`,
      { p: OPEN, d, r },
      token,
    );

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    office = await t.loginAs(Role.PLANNING_OFFICE);
    head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'] });
    smallHead = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['DIP_LLPP'] });
    await ok(t, M.openPeriod, { e: E, d: OPEN }, office);
  });
  afterAll(() => t.stop());

  describe('departmentProgress', () => {
    it('gives every department with goals the figures the tables give, the empty results of the document missing', async () => {
      const rows = await progress(APPROVED, office);
      const expected = await progressInDatabase(t, APPROVED);
      expect(rows.map((r) => r.department.code).sort()).toEqual([...expected.keys()].sort());
      expect(rows.map((r) => r.department.name)).toEqual([...rows.map((r) => r.department.name)].sort((a, b) => a.localeCompare(b)));
      for (const row of rows) {
        const { department, review, missingGoals, missingIndicators, ...figures } = row;
        expect({ code: department.code, ...figures }).toEqual({ code: department.code, ...expected.get(department.code) });
        expect(review).toBeNull();
        expect(missingGoals).toHaveLength(figures.goalsLed - figures.goalsLedWithStatus);
        expect(missingIndicators).toHaveLength(figures.indicators - figures.indicatorsWithResult);
      }
      // The document's four empty results are what is missing at 30/06/2020: 2.03.01's (its goal
      // lists one department, which reports it) and 10.01.01's three.
      const missing = new Set(rows.flatMap((r) => r.missingIndicators.map((i) => `${i.objectiveCode}/${i.position}`)));
      expect([...missing].map((k) => k.split('/')[0]).sort()).toEqual(['10.01.01', '10.01.01', '10.01.01', '2.03.01']);
      expect(rows.every((r) => r.missingGoals.length === 0)).toBe(true);
    });

    it("shows a department head only their department, and follows the period's writes", async () => {
      const [before] = await progress(OPEN, head);
      expect(before).toMatchObject({
        department: { code: 'AMB_MOB' },
        goalsLed: 31,
        goalsLedWithStatus: 0,
        contributions: 0,
        indicatorsWithResult: 0,
        review: null,
      });
      expect(before.missingGoals).toHaveLength(31);
      expect(before.missingIndicators).toHaveLength(before.indicators);
      await ok(t, M.setStatus, { input: { goalId: before.missingGoals[0].id, period: OPEN, narrative: 'In corso.', declaredState: 'IN_PROGRESS' } }, head);
      await ok(t, M.recordResult, { input: { indicatorId: before.missingIndicators[0].id, period: OPEN, text: 'N. 4', value: 4, status: 'REPORTED' } }, head);
      const [after] = await progress(OPEN, head);
      expect(after).toMatchObject({ goalsLedWithStatus: 1, indicatorsWithResult: 1 });
      expect(after.missingGoals.map((g) => g.id)).toEqual(before.missingGoals.slice(1).map((g) => g.id));
      expect(after.missingIndicators.map((i) => i.id)).toEqual(before.missingIndicators.slice(1).map((i) => i.id));
      const { department: _d, review: _r, missingGoals: _g, missingIndicators: _i, ...figures } = after;
      expect(figures).toEqual((await progressInDatabase(t, OPEN)).get('AMB_MOB'));
    });

    it('is refused to council members and unknown periods', async () => {
      const council = await t.gql(DEPARTMENT_PROGRESS, { e: E, p: APPROVED }, await t.loginAs(Role.COUNCIL_MEMBER));
      expect(outcome(council)).toBe('FORBIDDEN');
      expect(outcome(await t.gql(DEPARTMENT_PROGRESS, { e: E, p: '2022-12-31' }, office))).toBe('NOT_FOUND');
    });
  });

  describe('submitDepartmentForReview with what is missing', () => {
    it('refuses an incomplete submission without a reason, counting what is missing, and writes nothing', async () => {
      const [mine] = await progress(OPEN, head);
      const before = await traceCounts(t);
      for (const reason of [null, '   ']) {
        const res = await submit('AMB_MOB', reason, head);
        expect(res.errors![0].extensions).toEqual({
          code: 'INCOMPLETE_SUBMISSION',
          missingGoals: mine.missingGoals.length,
          missingIndicators: mine.missingIndicators.length,
        });
        expect(res.errors![0].message).toBe(
          `Per il periodo al 31/12/2020 il settore Ambiente e mobilità ha ancora ${mine.missingGoals.length} finalità senza stato di attuazione e ${mine.missingIndicators.length} indicatori senza risultato: completare i dati oppure indicare il motivo dell'invio incompleto.`,
        );
      }
      expect(await traceCounts(t)).toEqual(before);
      expect(outcome(await submit('AMB_MOB', 'x'.repeat(10_001), head))).toBe('BAD_USER_INPUT');
    });

    it('accepts it with a reason, kept with the counts on the review and in the audit trail; the comment of a return reaches the department', async () => {
      const [mine] = await progress(OPEN, head);
      const reason = 'Le finalità della mobilità dipendono dal bando regionale, non ancora pubblicato.';
      const res = await submit('AMB_MOB', reason, head);
      const counts = { missingGoalsAtSubmission: mine.missingGoals.length, missingIndicatorsAtSubmission: mine.missingIndicators.length };
      expect(res.data!.submitDepartmentForReview).toEqual({ state: 'SUBMITTED', submissionNote: reason, ...counts });
      const trail = await ok<{ auditTrail: { edges: { node: { operation: string; after: Record<string, unknown> } }[] } }>(
        t,
        M.auditTrail,
        { first: 5 },
        t.defaultToken,
      );
      const entry = trail.auditTrail.edges.map((e) => e.node).find((n) => n.operation === 'SUBMIT_FOR_REVIEW')!;
      expect(entry.after).toMatchObject({ departmentCode: 'AMB_MOB', submissionNote: reason, ...counts });

      await ok(t, M.review, { p: OPEN, d: 'AMB_MOB', x: 'RETURN', c: 'Completare almeno gli indicatori della ZTL.' }, office);
      const [returned] = await progress(OPEN, head);
      expect(returned.review).toEqual({ state: 'RETURNED', comment: 'Completare almeno gli indicatori della ZTL.', submissionNote: reason, ...counts });
    });

    it('accepts a complete submission without a reason, recording nothing missing', async () => {
      const [small] = await progress(OPEN, smallHead);
      expect(small).toMatchObject({ department: { code: 'DIP_LLPP' }, goalsLed: 1, goalsInvolved: 0 });
      expect(outcome(await submit('DIP_LLPP', null, smallHead))).toBe('INCOMPLETE_SUBMISSION');
      await ok(
        t,
        M.setStatus,
        { input: { goalId: small.missingGoals[0].id, period: OPEN, narrative: 'Concluso.', declaredState: 'COMPLETED', percentComplete: 100 } },
        smallHead,
      );
      for (const indicator of small.missingIndicators) {
        await ok(
          t,
          M.recordResult,
          { input: { indicatorId: indicator.id, period: OPEN, text: 'Rinviato al 2021.', status: 'DEFERRED', deferredTo: '2021-06-30' } },
          smallHead,
        );
      }
      const res = await submit('DIP_LLPP', null, smallHead);
      expect(res.data!.submitDepartmentForReview).toEqual({
        state: 'SUBMITTED',
        submissionNote: null,
        missingGoalsAtSubmission: 0,
        missingIndicatorsAtSubmission: 0,
      });
      const [done] = await progress(OPEN, smallHead);
      expect(done).toMatchObject({
        goalsLedWithStatus: 1,
        indicatorsWithResult: small.indicators,
        missingGoals: [],
        missingIndicators: [],
        review: { state: 'SUBMITTED' },
      });
    });
  });

  describe('reviewQueue by department', () => {
    const QUEUE = `query($p: LocalDate!, $d: String) { reviewQueue(edition: "2020-2022", period: $p, department: $d) {
      objectiveId objectiveCode goals contradictions { goalId goalPosition } goalSignals { goalId goalPosition goalTitle hasStatus indicatorsWithoutResult } } }`;
    type Queue = {
      reviewQueue: {
        objectiveId: string;
        objectiveCode: string;
        goals: number;
        contradictions: { goalId: string; goalPosition: number }[];
        goalSignals: { goalId: string; goalPosition: number; goalTitle: string; hasStatus: boolean }[];
      }[];
    };

    it("lists only the objectives where the department leads or is involved, each goal's signals naming the goal", async () => {
      const all = await ok<Queue>(t, QUEUE, { p: OPEN }, office);
      const mine = await ok<Queue>(t, QUEUE, { p: OPEN, d: 'AMB_MOB' }, office);
      const pairs = (await pairsInDatabase(t, OPEN)).filter((p) => p.code === 'AMB_MOB');
      expect(mine.reviewQueue.map((q) => q.objectiveCode)).toEqual([...new Set(pairs.map((p) => p.opCode))]);
      expect(all.reviewQueue.length).toBeGreaterThan(mine.reviewQueue.length);
      for (const entry of mine.reviewQueue) {
        expect(entry.goalSignals.map((g) => g.goalPosition)).toEqual(Array.from({ length: entry.goals }, (_v, i) => i + 1));
        expect(entry.goalSignals.every((g) => g.goalTitle.length > 0)).toBe(true);
        // The ids link to the department's goals (the ones departmentGoals lists).
        for (const p of pairs.filter((x) => x.opCode === entry.objectiveCode)) expect(entry.goalSignals[p.position - 1].goalId).toBe(p.goalId);
      }
      expect(outcome(await t.gql(QUEUE, { p: OPEN, d: 'NON_ESISTE' }, office))).toBe('NOT_FOUND');
    });

    it('names the goal of a contradiction by id', async () => {
      const [mine] = await progress(OPEN, smallHead);
      const goalId = (
        await ok<{ departmentGoals: { edges: { node: { goal: { id: string } } }[] } }>(
          t,
          `{ departmentGoals(edition: "2020-2022", period: "${OPEN}") { edges { node { goal { id } } } } }`,
          {},
          smallHead,
        )
      ).departmentGoals.edges[0].node.goal.id;
      // The office corrects the submitted goal into a contradiction: completed at 80%.
      await ok(
        t,
        M.setStatus,
        { input: { goalId, period: OPEN, expectedVersion: 1, narrative: 'Concluso.', declaredState: 'COMPLETED', percentComplete: '80' } },
        office,
      );
      const res = await ok<Queue>(t, QUEUE, { p: OPEN, d: 'DIP_LLPP' }, office);
      expect(res.reviewQueue.map((q) => q.objectiveCode)).toEqual(['2.01.02']);
      const [entry] = res.reviewQueue;
      expect(entry.contradictions).toEqual([{ goalId, goalPosition: 1 }]);
      expect(entry.goalSignals[0]).toMatchObject({ goalId, goalPosition: 1, hasStatus: true });
      expect(mine.review?.state).toBe('SUBMITTED');
    });
  });
});

import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from '../testing/test-server';
import { INCOMPLETE, livornoTargets, M, ok, outcome, resultVersion, statusVersion, traceCounts } from '../testing/write-fixtures';

const P = '2020-12-31';

describe('write API rules: periods, locking, validation, history and audit', () => {
  let t: TestServer;
  let office: string;
  let lead: string;
  let involved: string;
  let auditor: string;
  let ids: Awaited<ReturnType<typeof livornoTargets>>;
  const status = (input: Record<string, unknown>, token = office) =>
    t.gql<{ setGoalStatus: { version: number; narrative: string; asOfLabel: string } }>(
      M.setStatus,
      { input: { goalId: ids.goalId, period: P, declaredState: 'IN_PROGRESS', ...input } },
      token,
    );
  const result = (input: Record<string, unknown>, token = office) =>
    t.gql(M.recordResult, { input: { indicatorId: ids.indicatorId, period: P, status: 'REPORTED', text: 'N. 3', ...input } }, token);

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    ids = await livornoTargets(t);
    office = await t.loginAs(Role.PLANNING_OFFICE, { username: 'ufficio-programmazione' });
    lead = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG'], username: 'dirigente-urbanistica' });
    involved = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['EDIL_SUAP'] });
    auditor = await t.loginAs(Role.AUDITOR);
  });
  afterAll(() => t.stop());

  describe('periods', () => {
    it('refuses writes in the approved Livorno period with PERIOD_LOCKED and an Italian message', async () => {
      const res = await status({ period: '2020-06-30', expectedVersion: 1, narrative: 'Tentativo.' });
      expect(res.errors![0]).toMatchObject({
        extensions: { code: 'PERIOD_LOCKED', periodState: 'APPROVED_BY_COUNCIL' },
        message: expect.stringMatching(/approvato dal Consiglio/),
      });
    });

    it('opens a period with the kind derived from the cut-off, once', async () => {
      const opened = await ok<{ openReportingPeriod: Record<string, string> }>(t, M.openPeriod, { e: '2020-2022', d: P }, office);
      expect(opened.openReportingPeriod).toMatchObject({ cutoffDate: P, kind: 'YEAR_END', state: 'OPEN' });
      expect(outcome(await t.gql(M.openPeriod, { e: '2020-2022', d: P }, office))).toBe('CONFLICT');
    });

    it.each([
      ['2021-03-31', 'cutoffDate'],
      ['2023-06-30', 'cutoffDate'],
      ['2019-12-31', 'cutoffDate'],
    ])('refuses the cut-off %s naming the field', async (d, field) => {
      const res = await t.gql(M.openPeriod, { e: '2020-2022', d }, office);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('walks the life cycle with the acts, refusing skipped steps and missing acts', async () => {
      const e = '2020-2022';
      const d = '2021-06-30';
      await ok(t, M.openPeriod, { e, d }, office);
      const go = (s: string, extra: Record<string, unknown> = {}) =>
        t.gql<{ setReportingPeriodState: Record<string, unknown> }>(M.setPeriodState, { e, d, s, ...extra }, office);
      expect((await go('IN_REVIEW')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
      expect(outcome(await go('COLLECTION_CLOSED'))).toBe('OK');
      expect((await go('OPEN')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' }); // back only by reopening
      expect(outcome(await go('IN_REVIEW'))).toBe('OK');
      expect((await go('NOTED_BY_GIUNTA')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actNumber' });
      expect((await go('NOTED_BY_GIUNTA', { n: '12', ad: '2021-05-01' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actDate' });
      const noted = await go('NOTED_BY_GIUNTA', { n: '301', ad: '2021-09-10', k: 'DECISIONE' });
      expect(noted.data!.setReportingPeriodState).toMatchObject({ state: 'NOTED_BY_GIUNTA', notedBy: { number: '301', body: 'GIUNTA' } });
      expect((await go('OPEN')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
      const approved = await go('APPROVED_BY_COUNCIL', { n: '150', ad: '2021-10-20' });
      expect(approved.data!.setReportingPeriodState).toMatchObject({ state: 'APPROVED_BY_COUNCIL', approvedBy: { number: '150', body: 'CONSIGLIO' } });
      expect(outcome(await status({ period: d, narrative: 'Troppo tardi.' }))).toBe('PERIOD_LOCKED');
    });

    it('lets the planning office write once collection is closed but not department heads', async () => {
      const d = '2022-06-30';
      await ok(t, M.openPeriod, { e: '2020-2022', d }, office);
      await ok(t, M.setPeriodState, { e: '2020-2022', d, s: 'COLLECTION_CLOSED' }, office);
      expect(outcome(await status({ period: d, narrative: 'Correzione in revisione.' }, office))).toBe('OK');
      expect(outcome(await status({ period: d, expectedVersion: 1, narrative: 'Dal dirigente.' }, lead))).toBe('PERIOD_LOCKED');
    });
  });

  describe('goal status', () => {
    it('creates with a null version, then needs the version read; a stale write gets CONFLICT with the current text', async () => {
      const created = await status({ narrative: 'Avviata la **progettazione**.', percentComplete: '25.5' });
      expect(created.data!.setGoalStatus).toMatchObject({ version: 1, asOfLabel: 'al 31/12/2020' });
      const second = await status({ expectedVersion: 1, narrative: 'Progettazione conclusa.' }, lead);
      expect(second.data!.setGoalStatus).toMatchObject({ version: 2, author: 'dirigente-urbanistica' });
      const stale = await status({ expectedVersion: 1, narrative: 'Scritto su una versione vecchia.' });
      expect(stale.errors![0]).toMatchObject({
        message: expect.stringMatching(/modificato da un altro utente \(versione attuale 2\)/),
        extensions: { code: 'CONFLICT', currentVersion: 2, current: { narrative: 'Progettazione conclusa.', version: 2, author: 'dirigente-urbanistica' } },
      });
      const recreate = await status({ expectedVersion: null, narrative: 'Di nuovo da zero.' });
      expect(recreate.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(await statusVersion(t, ids.goalId, P)).toBe(2);
    });

    it.each([
      [{ narrative: '   ' }, 'narrative'],
      [{ narrative: 'x'.repeat(50_001) }, 'narrative'],
      [{ narrative: 'x', percentComplete: '100.5' }, 'percentComplete'],
      [{ narrative: 'x', percentComplete: '12.345' }, 'percentComplete'],
      [{ narrative: 'x', deferredTo: '2021-06-30' }, 'declaredState'],
      [{ narrative: '', declaredState: 'DEFERRED' }, 'deferredTo'],
      [{ narrative: '', declaredState: 'DEFERRED', deferredTo: '2020-06-30' }, 'deferredTo'],
      [{ narrative: '', declaredState: 'DEFERRED', deferredTo: '2021-03-31' }, 'deferredTo'],
      [{ narrative: 'x', asOfLabel: 'y'.repeat(201) }, 'asOfLabel'],
    ])('rejects %j naming the field %s, and leaves no trace', async (input, field) => {
      const before = await traceCounts(t);
      const res = await status({ expectedVersion: 2, ...input });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await traceCounts(t)).toEqual(before);
    });

    it('accepts a deferral to a later cut-off with an empty narrative', async () => {
      const res = await status({
        expectedVersion: 2,
        narrative: '',
        declaredState: 'DEFERRED',
        deferredTo: '2021-12-31',
        deferralText: 'Sarà rendicontata al 31.12.2021',
      });
      expect(res.data!.setGoalStatus).toMatchObject({ version: 3 });
    });

    it('keeps every version, including the imported one it overwrote', async () => {
      const history = await ok<{ goalStatusHistory: { version: number; narrative: string }[] }>(t, M.statusHistory, { g: ids.goalId, p: P }, auditor);
      expect(history.goalStatusHistory.map((v) => v.version)).toEqual([1, 2, 3]);
      expect(history.goalStatusHistory[1].narrative).toBe('Progettazione conclusa.');
    });

    it('shows the previous period narrative for reference', async () => {
      const res = await ok<{
        planEditions: {
          mandateLines: {
            strategicObjectives: {
              operationalObjectives: { code: string; goals: { id: string; previousStatus: { period: string; narrative: string } | null }[] }[];
            }[];
          }[];
        }[];
      }>(t, M.previousStatus, { p: P }, lead);
      const goals = res.planEditions[0].mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.goals)));
      const goal = goals.find((g) => g.id === ids.goalId)!;
      expect(goal.previousStatus).toMatchObject({ period: '2020-06-30', narrative: expect.stringMatching(/Carta per la rigenerazione urbana/) });
    });

    it('copies an imported status into the history before its first overwrite', async () => {
      await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'OPEN' where cutoff_date = '2020-06-30'`);
      try {
        await ok(
          t,
          M.setStatus,
          { input: { goalId: ids.goalId, period: '2020-06-30', expectedVersion: 1, narrative: 'Rettifica.', declaredState: 'IN_PROGRESS' } },
          office,
        );
      } finally {
        await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'APPROVED_BY_COUNCIL' where cutoff_date = '2020-06-30'`);
      }
      const history = await ok<{ goalStatusHistory: { version: number; narrative: string; author: string }[] }>(
        t,
        M.statusHistory,
        { g: ids.goalId, p: '2020-06-30' },
        auditor,
      );
      expect(history.goalStatusHistory).toEqual([
        expect.objectContaining({ version: 1, narrative: expect.stringMatching(/Carta per la rigenerazione urbana/) }),
        expect.objectContaining({ version: 2, narrative: 'Rettifica.', author: 'ufficio-programmazione' }),
      ]);
    });
  });

  describe('indicator results and targets', () => {
    it('records a result, rejects a stale one and keeps the history', async () => {
      expect(outcome(await result({ text: 'N. 3 incontri', value: '3', unit: 'incontri' }, lead))).toBe('OK');
      const stale = await result({ expectedVersion: null, text: 'N. 4' });
      expect(stale.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: 1,
        current: { text: 'N. 3 incontri', value: '3.0000', unit: 'incontri' },
      });
      expect(outcome(await result({ expectedVersion: 1, text: '', status: 'DEFERRED', deferredTo: '2021-06-30' }))).toBe('OK');
      const history = await ok<{ indicatorResultHistory: { version: number; status: string }[] }>(t, M.resultHistory, { i: ids.indicatorId, p: P }, involved);
      expect(history.indicatorResultHistory.map((v) => [v.version, v.status])).toEqual([
        [1, 'REPORTED'],
        [2, 'DEFERRED'],
      ]);
    });

    it.each([
      [{ text: '  ' }, 'text'],
      [{ text: 'x', unit: 'giorni' }, 'unit'],
      [{ text: 'x', value: '1.23456' }, 'value'],
      [{ text: 'x', status: 'DEFERRED' }, 'deferredTo'],
      [{ text: 'x', deferredTo: '2021-06-30' }, 'status'],
    ])('rejects %j naming the field %s, and leaves no trace', async (input, field) => {
      const before = await traceCounts(t);
      const res = await result({ expectedVersion: await resultVersion(t, ids.indicatorId, P), ...input });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await traceCounts(t)).toEqual(before);
    });

    it('sets targets: value with comparator, yes/no and qualitative text, one per year of the edition', async () => {
      const res = await ok<{ setIndicatorTargets: Record<string, unknown>[] }>(
        t,
        M.setTargets,
        {
          i: ids.indicatorId,
          t: [
            { year: 2022, text: 'Avvio del nuovo piano operativo' },
            { year: 2020, comparator: 'GE', value: '95', unit: '%', text: '≥ 95%' },
            { year: 2021, yesNo: true },
          ],
        },
        office,
      );
      expect(res.setIndicatorTargets).toEqual([
        { year: 2020, comparator: 'GE', value: '95.0000', unit: '%', text: '≥ 95%' },
        { year: 2021, comparator: null, value: null, unit: null, text: 'sì' },
        { year: 2022, comparator: null, value: null, unit: null, text: 'Avvio del nuovo piano operativo' },
      ]);
      const replaced = await ok<{ setIndicatorTargets: Record<string, unknown>[] }>(
        t,
        M.setTargets,
        {
          i: ids.indicatorId,
          t: [
            { year: 2021, text: 'NO' },
            { year: 2022, comparator: 'LE', value: '30', unit: 'giorni' },
          ],
        },
        office,
      );
      expect(replaced.setIndicatorTargets.map((x) => x['text'] ?? x['value'])).toEqual(['no', '30.0000']);
    });

    it.each([
      [[{ year: 2019, text: 'x' }], 'targets.0.year'],
      [[{ year: 2020, value: '95' }], 'targets.0.comparator'],
      [[{ year: 2020, comparator: 'GE' }], 'targets.0.value'],
      [
        [
          { year: 2020, text: 'x' },
          { year: 2020, text: 'y' },
        ],
        'targets.1.year',
      ],
      [[{ year: 2020, yesNo: false, text: 'x' }], 'targets.0.yesNo'],
      [[{ year: 2020 }], 'targets.0.text'],
    ])('rejects targets %j naming %s, and leaves no trace', async (targets, field) => {
      const before = await traceCounts(t);
      const res = await t.gql(M.setTargets, { i: ids.indicatorId, t: targets }, office);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await traceCounts(t)).toEqual(before);
    });
  });

  describe('contributions and reviews', () => {
    it('lets an involved department sign a versioned contribution', async () => {
      const first = await ok<{ addGoalContribution: { version: number } }>(
        t,
        M.contribute,
        { g: ids.goalId, p: P, d: 'EDIL_SUAP', t: 'Istruttoria delle pratiche.' },
        involved,
      );
      expect(first.addGoalContribution.version).toBe(1);
      const stale = await t.gql(M.contribute, { g: ids.goalId, p: P, d: 'EDIL_SUAP', t: 'Senza versione.' }, office);
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, current: { text: 'Istruttoria delle pratiche.' } });
      const res = await t.gql(M.contribute, { g: ids.goalId, p: P, d: 'SERV_FIN', t: 'x' }, office);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentCode' });
    });

    it('locks the department head once submitted, unlocks on return, locks again once accepted', async () => {
      const version = () => statusVersion(t, ids.goalId, P);
      await ok(t, M.submit, { p: P, d: 'URB_PROG', r: INCOMPLETE }, lead);
      expect(outcome(await t.gql(M.submit, { p: P, d: 'URB_PROG', r: INCOMPLETE }, lead))).toBe('CONFLICT');
      const locked = await status({ expectedVersion: await version(), narrative: "Dopo l'invio." }, lead);
      expect(locked.errors![0]).toMatchObject({
        extensions: { code: 'PERIOD_LOCKED', reviewState: 'SUBMITTED' },
        message: expect.stringMatching(/inviate in revisione/),
      });
      expect(outcome(await result({ expectedVersion: await resultVersion(t, ids.indicatorId, P), text: 'N. 5' }, lead))).toBe('PERIOD_LOCKED');
      // The planning office still corrects.
      expect(outcome(await status({ expectedVersion: await version(), narrative: "Correzione dell'ufficio." }))).toBe('OK');
      const noComment = await t.gql(M.review, { p: P, d: 'URB_PROG', x: 'RETURN' }, office);
      expect(noComment.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
      const returned = await ok<{ reviewDepartment: Record<string, unknown> }>(
        t,
        M.review,
        { p: P, d: 'URB_PROG', x: 'RETURN', c: 'Precisare le date.' },
        office,
      );
      expect(returned.reviewDepartment).toMatchObject({ state: 'RETURNED', comment: 'Precisare le date.', reviewedBy: 'ufficio-programmazione' });
      expect(outcome(await status({ expectedVersion: await version(), narrative: 'Date precisate.' }, lead))).toBe('OK');
      await ok(t, M.submit, { p: P, d: 'URB_PROG', r: INCOMPLETE }, lead);
      await ok(t, M.review, { p: P, d: 'URB_PROG', x: 'ACCEPT' }, office);
      const accepted = await status({ expectedVersion: await version(), narrative: "Dopo l'accettazione." }, lead);
      expect(accepted.errors![0].extensions).toMatchObject({ code: 'PERIOD_LOCKED', reviewState: 'ACCEPTED' });
      // The involved department's contribution is not locked by the lead's review.
      expect(outcome(await t.gql(M.contribute, { g: ids.goalId, p: P, d: 'EDIL_SUAP', t: 'Aggiornamento.', v: 1 }, involved))).toBe('OK');
      const reviews = await ok<{ departmentReviews: { departmentCode: string; state: string }[] }>(t, M.reviews, { p: P }, auditor);
      expect(reviews.departmentReviews).toEqual([{ departmentCode: 'URB_PROG', state: 'ACCEPTED', comment: null }]);
    });
  });

  describe('audit trail', () => {
    type Trail = {
      auditTrail: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Record<string, unknown> }[] };
    };
    const trail = (variables: Record<string, unknown>, token = auditor) => ok<Trail>(t, M.auditTrail, variables, token);

    it('holds one row per successful write of each mutation type, with before and after', async () => {
      const all = await trail({ first: 200 });
      const ops = new Set(all.auditTrail.edges.map((e) => e.node['operation']));
      for (const op of [
        'OPEN_PERIOD',
        'SET_PERIOD_STATE',
        'CREATE_ACT',
        'SET_GOAL_STATUS',
        'ADD_GOAL_CONTRIBUTION',
        'RECORD_INDICATOR_RESULT',
        'SET_INDICATOR_TARGETS',
        'SUBMIT_FOR_REVIEW',
        'REVIEW_RETURN',
        'REVIEW_ACCEPT',
      ]) {
        expect(ops).toContain(op);
      }
      const update = all.auditTrail.edges.map((e) => e.node).find((n) => n['operation'] === 'SET_GOAL_STATUS' && n['before']);
      expect(update).toMatchObject({
        actorRole: expect.any(String),
        via: 'jwt',
        entityType: 'GoalStatus',
        before: { goalId: ids.goalId, version: expect.any(Number), narrative: expect.any(String) },
        after: { goalId: ids.goalId, version: expect.any(Number) },
        requestId: expect.any(String),
      });
      expect((update!['after'] as { version: number }).version).toBe((update!['before'] as { version: number }).version + 1);
    });

    it('records user administration in the same trail', async () => {
      const admin = await t.loginAs(Role.ADMIN);
      await ok(
        t,
        `mutation { createUser(input: { username: "nuovo-revisore", displayName: "Nuovo Revisore", role: AUDITOR, password: "una-password-lunga-2024" }) { id } }`,
        {},
        admin,
      );
      const rows = await trail({ f: { operation: 'CREATE_USER' } }, admin);
      expect(rows.auditTrail.edges[0].node).toMatchObject({ entityType: 'User', after: { username: 'nuovo-revisore', role: 'AUDITOR' } });
      // Neither the hash nor the password itself, nor a field holding either (mustChangePassword is a flag).
      expect(JSON.stringify(rows)).not.toMatch(/scrypt|"password(Hash)?"|una-password-lunga/i);
    });

    it('filters by user, entity, period and dates', async () => {
      const byUser = await trail({ f: { user: 'dirigente-urbanistica' }, first: 200 });
      expect(byUser.auditTrail.totalCount).toBeGreaterThan(0);
      expect(new Set(byUser.auditTrail.edges.map((e) => e.node['actor']))).toEqual(new Set(['dirigente-urbanistica']));
      const byEntity = await trail({ f: { entityType: 'IndicatorResult' }, first: 200 });
      expect(new Set(byEntity.auditTrail.edges.map((e) => e.node['entityId'])).size).toBe(1);
      const byPeriod = await trail({ f: { period: P }, first: 200 });
      const periodIds = new Set(byPeriod.auditTrail.edges.map((e) => e.node['periodId']));
      expect(periodIds.size).toBe(1);
      const future = await trail({ f: { from: new Date(Date.now() + 3_600_000).toISOString() } });
      expect(future.auditTrail.totalCount).toBe(0);
      const past = await trail({ f: { to: new Date(Date.now() + 3_600_000).toISOString(), entityType: 'GoalStatus' } });
      expect(past.auditTrail.totalCount).toBeGreaterThan(0);
      expect((await trail({ f: { period: '2030-06-30' } })).auditTrail.totalCount).toBe(0);
    });

    it('pages with cursors in both directions without gaps or repeats, and refuses oversized pages', async () => {
      const total = (await trail({ first: 1 })).auditTrail.totalCount;
      for (const old of [false, true]) {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const page: Trail = await trail({ first: 7, after, old });
          seen.push(...page.auditTrail.edges.map((e) => String(e.node['id'])));
          after = page.auditTrail.pageInfo.hasNextPage ? page.auditTrail.pageInfo.endCursor : null;
        } while (after);
        expect(seen).toHaveLength(total);
        expect(new Set(seen).size).toBe(total);
        const numeric = seen.map(Number);
        expect(numeric).toEqual([...numeric].sort((a, b) => (old ? a - b : b - a)));
      }
      expect(outcome(await t.gql(M.auditTrail, { first: 100_000 }, auditor))).toBe('PAGE_TOO_LARGE');
      expect((await t.gql(M.auditTrail, { first: 5, after: 'rotto' }, auditor)).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    });
  });
});

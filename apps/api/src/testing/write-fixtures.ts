import { Goal, Indicator, Role } from '@dup/domain';
import type { GraphQLResponse, TestServer } from './test-server';

/** GraphQL documents of the write API used by the e2e tests (and their shapes). */
export const M = {
  openPeriod: `mutation($e: String!, $d: LocalDate!) { openReportingPeriod(edition: $e, cutoffDate: $d) { id cutoffDate kind state } }`,
  setPeriodState: `mutation($e: String!, $d: LocalDate!, $s: PeriodState!, $n: String, $ad: LocalDate, $k: ActKind) {
    setReportingPeriodState(edition: $e, cutoffDate: $d, state: $s, actNumber: $n, actDate: $ad, actKind: $k) { id state notedBy { number body } approvedBy { number body } } }`,
  setStatus: `mutation($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { id period narrative declaredState percentComplete asOfLabel deferredTo version author } }`,
  contribute: `mutation($g: ID!, $p: LocalDate!, $d: String!, $t: String!, $v: Int) {
    addGoalContribution(goalId: $g, period: $p, departmentCode: $d, text: $t, expectedVersion: $v) { id departmentCode text version author } }`,
  recordResult: `mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id period text value unit status deferredTo version author } }`,
  setTargets: `mutation($i: ID!, $t: [IndicatorTargetInput!]!) { setIndicatorTargets(indicatorId: $i, targets: $t) { year comparator value unit text } }`,
  submit: `mutation($p: LocalDate!, $d: String!, $r: String) {
    submitDepartmentForReview(period: $p, departmentCode: $d, incompleteReason: $r) { id state departmentCode version submittedBy } }`,
  review: `mutation($p: LocalDate!, $d: String!, $x: ReviewDecision!, $c: String) {
    reviewDepartment(period: $p, departmentCode: $d, decision: $x, comment: $c) { id state comment reviewedBy version } }`,
  statusHistory: `query($g: ID!, $p: LocalDate!) { goalStatusHistory(goalId: $g, period: $p) { version narrative declaredState author } }`,
  resultHistory: `query($i: ID!, $p: LocalDate!) { indicatorResultHistory(indicatorId: $i, period: $p) { version text status author } }`,
  contributions: `query($g: ID!, $p: LocalDate!) { goalContributions(goalId: $g, period: $p) { departmentCode text version } }`,
  reviews: `query($p: LocalDate!) { departmentReviews(period: $p) { departmentCode state comment } }`,
  auditTrail: `query($f: AuditTrailFilter, $first: Int, $after: String, $old: Boolean) {
    auditTrail(filter: $f, first: $first, after: $after, oldestFirst: $old) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id occurredAt actor actorRole via operation entityType entityId periodId before after requestId } } } }`,
  previousStatus: `query($p: LocalDate!) { planEditions(code: "2020-2022", ente: "049009") { mandateLines { strategicObjectives { operationalObjectives {
    code goals { id position previousStatus(period: $p) { period narrative } } } } } } }`,
};

/** The reason sent with submissions of departments whose new period is still incomplete. */
export const INCOMPLETE = 'Dati parziali: il periodo è appena stato aperto.';

/** Livorno ids the tests write to: goal 1.01.01 #1 (lead URB_PROG, involved EDIL_SUAP) and indicator 1.01.01 #1; foreign ids are '' without fixture-minimal. */
export async function livornoTargets(t: TestServer): Promise<{ goalId: string; indicatorId: string; foreignGoalId: string; foreignIndicatorId: string }> {
  const em = t.db.orm.em.fork();
  const goal = await em.findOneOrFail(Goal, { objective: { code: '1.01.01', ente: { istatCode: '049009' } }, position: 1 });
  const indicator = await em.findOneOrFail(Indicator, { objective: { code: '1.01.01', ente: { istatCode: '049009' } }, position: 1 });
  // From the fixture-minimal ente, when the test loaded it.
  const foreignGoal = await em.findOne(Goal, { ente: { istatCode: '999001' } }, { orderBy: { position: 'asc' } });
  const foreignIndicator = await em.findOne(Indicator, { ente: { istatCode: '999001' } }, { orderBy: { position: 'asc' } });
  return { goalId: goal.id, indicatorId: indicator.id, foreignGoalId: foreignGoal?.id ?? '', foreignIndicatorId: foreignIndicator?.id ?? '' };
}

/** Tokens of every actor of the authorization matrix. */
export async function actorTokens(t: TestServer) {
  const auditorJwt = await t.loginAs(Role.AUDITOR);
  const created = await t.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "matrice") { token } }`, {}, auditorJwt);
  if (!created.data) throw new Error(`createApiToken failed: ${JSON.stringify(created.errors)}`);
  return {
    ADMIN: await t.loginAs(Role.ADMIN),
    PLANNING_OFFICE: await t.loginAs(Role.PLANNING_OFFICE),
    DEPARTMENT_HEAD_LEAD: await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG'] }),
    DEPARTMENT_HEAD_INVOLVED: await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['EDIL_SUAP'] }),
    DEPARTMENT_HEAD_NOT_INVOLVED: await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['SERV_FIN'] }),
    COUNCIL_MEMBER: await t.loginAs(Role.COUNCIL_MEMBER),
    AUDITOR: auditorJwt,
    AUDITOR_API_TOKEN: created.data.createApiToken.token,
    ANONYMOUS: null as string | null,
  };
}

export type Actor = keyof Awaited<ReturnType<typeof actorTokens>>;

/** The error code of a response, or OK. */
export const outcome = (res: Pick<GraphQLResponse<unknown>, 'errors'>): string => (res.errors?.length ? String(res.errors[0].extensions?.['code']) : 'OK');

/** Runs a mutation and fails the test with the errors when it did not succeed. */
export async function ok<T>(t: TestServer, query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`expected success, got ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The current version of the goal's status in a period (null when none), read from the database. */
export async function statusVersion(t: TestServer, goalId: string, period: string): Promise<number | null> {
  const rows = await t.db.orm.em
    .getConnection()
    .execute<{ version: number }[]>('select s.version from goal_status s join reporting_period p on p.id = s.period_id where s.goal_id = ? and p.cutoff_date = ?', [goalId, period]);
  return rows[0]?.version ?? null;
}

export async function resultVersion(t: TestServer, indicatorId: string, period: string): Promise<number | null> {
  const rows = await t.db.orm.em
    .getConnection()
    .execute<{ version: number }[]>('select r.version from indicator_result r join reporting_period p on p.id = r.period_id where r.indicator_id = ? and p.cutoff_date = ?', [indicatorId, period]);
  return rows[0]?.version ?? null;
}

export async function contributionVersion(t: TestServer, goalId: string, period: string, department: string): Promise<number | null> {
  const rows = await t.db.orm.em.getConnection().execute<{ version: number }[]>(
    `select c.version from goal_contribution c join reporting_period p on p.id = c.period_id join department d on d.id = c.department_id
     where c.goal_id = ? and p.cutoff_date = ? and d.code = ?`,
    [goalId, period, department],
  );
  return rows[0]?.version ?? null;
}

/** Row counts that a failed write must leave unchanged. */
export async function traceCounts(t: TestServer): Promise<Record<string, number>> {
  const [row] = await t.db.orm.em.getConnection().execute<Record<string, string>[]>(
    `select (select count(*) from audit_entry) audit, (select count(*) from goal_status) statuses, (select count(*) from goal_status_version) status_versions,
            (select count(*) from indicator_result) results, (select count(*) from indicator_result_version) result_versions,
            (select count(*) from goal_contribution) contributions, (select count(*) from department_review) reviews,
            (select count(*) from indicator_target) targets, (select count(*) from reporting_period) periods`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

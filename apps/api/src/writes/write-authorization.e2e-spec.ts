import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type GraphQLResponse, type TestServer } from '../testing/test-server';
import {
  actorTokens,
  contributionVersion,
  INCOMPLETE,
  livornoTargets,
  M,
  ok,
  outcome,
  resultVersion,
  statusVersion,
  type Actor,
} from '../testing/write-fixtures';

/**
 * The role × operation matrix of docs/authorization.md, over HTTP with real tokens. Columns:
 * administrator, planning office, department heads (lead of the goal / only involved / not
 * involved), council member, auditor by JWT and by read-only API token, anonymous.
 */
const ACTORS: Actor[] = [
  'ADMIN',
  'PLANNING_OFFICE',
  'DEPARTMENT_HEAD_LEAD',
  'DEPARTMENT_HEAD_INVOLVED',
  'DEPARTMENT_HEAD_NOT_INVOLVED',
  'COUNCIL_MEMBER',
  'AUDITOR',
  'AUDITOR_API_TOKEN',
  'ANONYMOUS',
];
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
// prettier-ignore
const MATRIX: Record<string, string[]> = {
  //                          ADMIN  OFFICE LEAD  INVOLVED NONE COUNCIL AUDITOR TOKEN ANON
  openReportingPeriod:       [F,     'OK',  F,    F,       F,   F,      F,      F,    U],
  setReportingPeriodState:   [F,     'OK',  F,    F,       F,   F,      F,      F,    U],
  reopenReportingPeriod:     ['OK',  F,     F,    F,       F,   F,      F,      F,    U],
  setGoalStatus:             [F,     'OK',  'OK', F,       F,   F,      F,      F,    U],
  addGoalContribution:       [F,     'OK',  F,    'OK',    F,   F,      F,      F,    U],
  recordIndicatorResult:     [F,     'OK',  'OK', F,       F,   F,      F,      F,    U],
  saveGoalReport:            [F,     'OK',  'OK', F,       F,   F,      F,      F,    U],
  setIndicatorTargets:       [F,     'OK',  F,    F,       F,   F,      F,      F,    U],
  submitDepartmentForReview: [F,     'OK',  'OK', 'OK',    'OK', F,     F,      F,    U],
  reviewDepartment:          [F,     'OK',  F,    F,       F,   F,      F,      F,    U],
  goalStatusHistory:         [F,     'OK',  'OK', 'OK',    F,   F,      'OK',   'OK', U],
  indicatorResultHistory:    [F,     'OK',  'OK', 'OK',    F,   F,      'OK',   'OK', U],
  goalContributions:         ['OK',  'OK',  'OK', 'OK',    'OK', F,     'OK',   'OK', U],
  departmentReviews:         ['OK',  'OK',  'OK', 'OK',    'OK', F,     'OK',   'OK', U],
  previousStatus:            ['OK',  'OK',  'OK', 'OK',    'OK', F,     'OK',   'OK', U],
  auditTrail:                ['OK',  F,     F,    F,       F,   F,      'OK',   'OK', U],
  departmentGoals:           ['OK',  'OK',  'OK', 'OK',    'OK', F,     'OK',   'OK', U],
  departmentProgress:        ['OK',  'OK',  'OK', 'OK',    'OK', F,     'OK',   'OK', U],
  reviewQueue:               ['OK',  'OK',  'OK', 'OK',    'OK', F,     'OK',   'OK', U],
  setReportText:             [F,     'OK',  F,    F,       F,   F,      F,      F,    U],
  auditOperations:           ['OK',  F,     F,    F,       F,   F,      'OK',   'OK', U],
  users:                     ['OK',  F,     F,    F,       F,   F,      F,      F,    U],
  resetUserPassword:         ['OK',  F,     F,    F,       F,   F,      F,      F,    U],
  setUserDepartments:        ['OK',  F,     F,    F,       F,   F,      F,      F,    U],
  updateUser:                ['OK',  F,     F,    F,       F,   F,      F,      F,    U],
  createAmendment:           ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  addStrategicObjective:     ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  updateStrategicObjective:  ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  addOperationalObjective:   ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  updateOperationalObjective:['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  retireObjective:           ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  addGoal:                   ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  updateGoal:                ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  addIndicator:              ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
  createPlanEdition:         ['OK',  'OK',  F,    F,       F,   F,      F,      F,    U],
};

/** Per actor, so that each allowed structure edit adds something new (codes, act numbers, editions). */
const ACTOR_NUMBER: Partial<Record<Actor, number>> = { ADMIN: 1, PLANNING_OFFICE: 2 };
const nth = (actor: Actor) => ACTOR_NUMBER[actor] ?? 9;

const WRITE_PERIOD = '2020-12-31';
const REVIEW_PERIOD = '2021-12-31';
const OWN_DEPARTMENT: Partial<Record<Actor, string>> = {
  DEPARTMENT_HEAD_LEAD: 'URB_PROG',
  DEPARTMENT_HEAD_INVOLVED: 'EDIL_SUAP',
  DEPARTMENT_HEAD_NOT_INVOLVED: 'SERV_FIN',
};

const STRUCTURE = {
  addSo: 'mutation($a: ID!, $c: String!) { addStrategicObjective(amendmentId: $a, input: { code: $c, title: "Prova" }) { strategicObjective { code } } }',
  updateSo:
    'mutation($a: ID!, $title: String) { updateStrategicObjective(amendmentId: $a, code: "1.06", input: { title: $title }) { strategicObjective { code } } }',
  addOp: 'mutation($a: ID!, $c: String!) { addOperationalObjective(amendmentId: $a, input: { code: $c, title: "Prova" }) { operationalObjective { code } } }',
  updateOp:
    'mutation($a: ID!, $title: String) { updateOperationalObjective(amendmentId: $a, code: "1.06.01", input: { title: $title }) { operationalObjective { code } } }',
  retire: 'mutation($a: ID!, $c: String!) { retireObjective(amendmentId: $a, code: $c) { operationalObjective { code } } }',
  addGoal: 'mutation($a: ID!, $title: String) { addGoal(amendmentId: $a, objectiveCode: "1.06.01", input: { title: $title }) { goal { position } } }',
  updateGoal: 'mutation($a: ID!, $g: ID!, $title: String) { updateGoal(amendmentId: $a, goalId: $g, input: { title: $title }) { goal { position } } }',
  addIndicator:
    'mutation($a: ID!, $name: String!) { addIndicator(amendmentId: $a, objectiveCode: "1.06.01", input: { name: $name, kind: COUNT }) { operationalObjective { code } } }',
};

describe('write API authorization: role × operation', () => {
  let t: TestServer;
  let tokens: Record<Actor, string | null>;
  let ids: Awaited<ReturnType<typeof livornoTargets>>;
  let targetUserId: string;
  let amendmentId: string;

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022'), readShippedDataset('fixture-minimal')] });
    tokens = await actorTokens(t);
    ids = await livornoTargets(t);
    await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'], username: 'utente-bersaglio' });
    [{ id: targetUserId }] = await t.db.orm.em.getConnection().execute<{ id: string }[]>(`select id from app_user where username = 'utente-bersaglio'`);
    const office = tokens.PLANNING_OFFICE;
    for (const d of [WRITE_PERIOD, REVIEW_PERIOD, '2022-06-30']) await ok(t, M.openPeriod, { e: '2020-2022', d }, office);
    await ok(t, M.setStatus, { input: { goalId: ids.goalId, period: WRITE_PERIOD, narrative: 'Prima versione.', declaredState: 'IN_PROGRESS' } }, office);
    await ok(t, M.recordResult, { input: { indicatorId: ids.indicatorId, period: WRITE_PERIOD, text: 'N. 1', status: 'REPORTED' } }, office);
    await ok(t, M.submit, { p: REVIEW_PERIOD, d: 'SEGR_GEN', r: INCOMPLETE }, office);
    amendmentId = (
      await ok<{ createAmendment: { id: string } }>(
        t,
        'mutation { createAmendment(input: { edition: "2020-2022", actBody: CONSIGLIO, actNumber: "matrice", actDate: "2021-02-01", effectiveDate: "2021-02-01", description: "Matrice" }) { id } }',
        {},
        office,
      )
    ).createAmendment.id;
  });
  afterAll(() => t.stop());

  const OPERATIONS: Record<string, (token: string | null, actor: Actor) => Promise<GraphQLResponse>> = {
    openReportingPeriod: (token) => t.gql(M.openPeriod, { e: '2020-2022', d: '2021-06-30' }, token),
    setReportingPeriodState: (token) => t.gql(M.setPeriodState, { e: '2020-2022', d: '2022-06-30', s: 'COLLECTION_CLOSED' }, token),
    // Runs after setReportingPeriodState (matrix order): the period's collection is closed by then.
    reopenReportingPeriod: (token) =>
      t.gql(
        'mutation { reopenReportingPeriod(edition: "2020-2022", cutoffDate: "2022-06-30", reason: "Correzione di un dato errato.") { revision } }',
        {},
        token,
      ),
    setGoalStatus: async (token, actor) =>
      t.gql(
        M.setStatus,
        {
          input: {
            goalId: ids.goalId,
            period: WRITE_PERIOD,
            expectedVersion: await statusVersion(t, ids.goalId, WRITE_PERIOD),
            narrative: `Scritto da ${actor}.`,
            declaredState: 'IN_PROGRESS',
          },
        },
        token,
      ),
    addGoalContribution: async (token, actor) =>
      t.gql(
        M.contribute,
        {
          g: ids.goalId,
          p: WRITE_PERIOD,
          d: 'EDIL_SUAP',
          t: `Contributo di ${actor}.`,
          v: await contributionVersion(t, ids.goalId, WRITE_PERIOD, 'EDIL_SUAP'),
        },
        token,
      ),
    recordIndicatorResult: async (token, actor) =>
      t.gql(
        M.recordResult,
        {
          input: {
            indicatorId: ids.indicatorId,
            period: WRITE_PERIOD,
            expectedVersion: await resultVersion(t, ids.indicatorId, WRITE_PERIOD),
            text: `N. 2 (${actor})`,
            status: 'REPORTED',
          },
        },
        token,
      ),
    saveGoalReport: async (token, actor) =>
      t.gql(
        'mutation($input: SaveGoalReportInput!) { saveGoalReport(input: $input) { status { version } results { version } } }',
        {
          input: {
            goalId: ids.goalId,
            period: WRITE_PERIOD,
            status: { expectedVersion: await statusVersion(t, ids.goalId, WRITE_PERIOD), narrative: `Salvato da ${actor}.`, declaredState: 'IN_PROGRESS' },
            results: [
              {
                indicatorId: ids.indicatorId,
                expectedVersion: await resultVersion(t, ids.indicatorId, WRITE_PERIOD),
                text: `N. 3 (${actor})`,
                status: 'REPORTED',
              },
            ],
          },
        },
        token,
      ),
    setIndicatorTargets: (token) => t.gql(M.setTargets, { i: ids.indicatorId, t: [{ year: 2021, comparator: 'GE', value: '95', unit: '%' }] }, token),
    submitDepartmentForReview: (token, actor) => t.gql(M.submit, { p: REVIEW_PERIOD, d: OWN_DEPARTMENT[actor] ?? 'DIR_GEN', r: INCOMPLETE }, token),
    reviewDepartment: (token) => t.gql(M.review, { p: REVIEW_PERIOD, d: 'SEGR_GEN', x: 'ACCEPT' }, token),
    goalStatusHistory: (token) => t.gql(M.statusHistory, { g: ids.goalId, p: WRITE_PERIOD }, token),
    indicatorResultHistory: (token) => t.gql(M.resultHistory, { i: ids.indicatorId, p: WRITE_PERIOD }, token),
    goalContributions: (token) => t.gql(M.contributions, { g: ids.goalId, p: WRITE_PERIOD }, token),
    departmentReviews: (token) => t.gql(M.reviews, { p: REVIEW_PERIOD }, token),
    previousStatus: (token) => t.gql(M.previousStatus, { p: WRITE_PERIOD }, token),
    auditTrail: (token) => t.gql(M.auditTrail, { first: 5 }, token),
    departmentGoals: (token) => t.gql(`{ departmentGoals(edition: "2020-2022", period: "${WRITE_PERIOD}", first: 5) { totalCount } }`, {}, token),
    departmentProgress: (token) => t.gql(`{ departmentProgress(edition: "2020-2022", period: "${WRITE_PERIOD}") { goalsLed } }`, {}, token),
    reviewQueue: (token) => t.gql(`{ reviewQueue(edition: "2020-2022", period: "${WRITE_PERIOD}", department: "URB_PROG") { objectiveCode } }`, {}, token),
    setReportText: (token, actor) =>
      t.gql(
        'mutation($p: LocalDate, $m: String) { setReportText(edition: "2020-2022", key: statusIntro, period: $p, markdown: $m) { key origin } }',
        { p: WRITE_PERIOD, m: `Introduzione scritta da ${actor}.` },
        token,
      ),
    auditOperations: (token) => t.gql('{ auditOperations { code label } }', {}, token),
    users: (token) => t.gql('{ users { id username departments { code } } }', {}, token),
    resetUserPassword: (token) =>
      t.gql('mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "password-temporanea") { id } }', { id: targetUserId }, token),
    setUserDepartments: (token) =>
      t.gql('mutation($id: ID!) { setUserDepartments(id: $id, departmentCodes: ["AMB_MOB", "SVM"]) { id } }', { id: targetUserId }, token),
    updateUser: (token, actor) =>
      t.gql('mutation($id: ID!, $n: String) { updateUser(id: $id, displayName: $n) { id } }', { id: targetUserId, n: `Rinominato da ${actor}` }, token),
    createAmendment: (token, actor) =>
      t.gql(
        'mutation($n: String!) { createAmendment(input: { edition: "2020-2022", actBody: CONSIGLIO, actNumber: $n, actDate: "2021-03-01", effectiveDate: "2021-03-01", description: "Prova" }) { id } }',
        { n: `M-${nth(actor)}` },
        token,
      ),
    addStrategicObjective: (token, actor) => t.gql(STRUCTURE.addSo, { a: amendmentId, c: `9.${70 + nth(actor)}` }, token),
    updateStrategicObjective: (token, actor) => t.gql(STRUCTURE.updateSo, { a: amendmentId, title: `Titolo di ${actor}` }, token),
    addOperationalObjective: (token, actor) => t.gql(STRUCTURE.addOp, { a: amendmentId, c: `1.06.${50 + nth(actor)}` }, token),
    updateOperationalObjective: (token, actor) => t.gql(STRUCTURE.updateOp, { a: amendmentId, title: `Titolo di ${actor}` }, token),
    retireObjective: (token, actor) => t.gql(STRUCTURE.retire, { a: amendmentId, c: ['1.05.01', '1.05.02', '1.05.03'][nth(actor) - 1] ?? '1.04.01' }, token),
    addGoal: (token, actor) => t.gql(STRUCTURE.addGoal, { a: amendmentId, title: `Finalità di ${actor}` }, token),
    updateGoal: (token, actor) => t.gql(STRUCTURE.updateGoal, { a: amendmentId, g: ids.goalId, title: `Finalità rinominata da ${actor}` }, token),
    addIndicator: (token, actor) => t.gql(STRUCTURE.addIndicator, { a: amendmentId, name: `Indicatore di ${actor}` }, token),
    createPlanEdition: (token, actor) =>
      t.gql('mutation($y: Int!) { createPlanEdition(from: "2020-2022", startYear: $y) { goals } }', { y: 2020 + nth(actor) }, token),
  };

  describe.each(Object.keys(MATRIX))('%s', (operation) => {
    it.each(ACTORS.map((actor, i) => [actor, MATRIX[operation][i]]))('%s → %s', async (actor, expected) => {
      const res = await OPERATIONS[operation](tokens[actor as Actor], actor as Actor);
      expect({ actor, outcome: outcome(res), message: res.errors?.[0]?.message }).toMatchObject({ actor, outcome: expected });
    });
  });

  it('covers every mutation of the write API in the matrix', async () => {
    const res = await t.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>('{ __schema { mutationType { fields { name } } } }');
    const writeMutations = res
      .data!.__schema.mutationType.fields.map((f) => f.name)
      .filter((n) => !['login', 'logout', 'changePassword', 'createApiToken', 'revokeApiToken', 'createUser', 'setUserActive'].includes(n));
    expect(writeMutations.sort()).toEqual(
      Object.keys(MATRIX)
        .filter((k) => OPERATIONS[k] && !/History|Contributions|Reviews|previous|audit|department(Goals|Progress)|reviewQueue|^users$/.test(k))
        .sort(),
    );
  });

  it('gives NOT_FOUND for ids of another ente, whoever asks', async () => {
    const foreign = [
      t.gql(M.setStatus, { input: { goalId: ids.foreignGoalId, period: '2020-06-30', narrative: 'x', declaredState: 'IN_PROGRESS' } }, tokens.PLANNING_OFFICE),
      t.gql(
        M.setStatus,
        { input: { goalId: ids.foreignGoalId, period: '2020-06-30', narrative: 'x', declaredState: 'IN_PROGRESS' } },
        tokens.DEPARTMENT_HEAD_LEAD,
      ),
      t.gql(M.recordResult, { input: { indicatorId: ids.foreignIndicatorId, period: '2020-06-30', text: 'x', status: 'REPORTED' } }, tokens.PLANNING_OFFICE),
      t.gql(M.contribute, { g: ids.foreignGoalId, p: '2020-06-30', d: 'SVIL_ECON', t: 'x' }, tokens.PLANNING_OFFICE),
      t.gql(M.setTargets, { i: ids.foreignIndicatorId, t: [] }, tokens.PLANNING_OFFICE),
      t.gql(M.statusHistory, { g: ids.foreignGoalId, p: '2020-06-30' }, tokens.AUDITOR),
      t.gql(M.resultHistory, { i: ids.foreignIndicatorId, p: '2020-06-30' }, tokens.AUDITOR),
      t.gql(M.openPeriod, { e: 'non-esiste', d: '2021-06-30' }, tokens.PLANNING_OFFICE),
    ];
    expect((await Promise.all(foreign)).map(outcome)).toEqual(foreign.map(() => 'NOT_FOUND'));
    // An id that is not a UUID names nothing: refused before execution.
    const malformed = await t.gql(
      M.setStatus,
      { input: { goalId: 'non-un-uuid', period: '2020-06-30', narrative: 'x', declaredState: 'IN_PROGRESS' } },
      tokens.PLANNING_OFFICE,
    );
    expect(outcome(malformed)).toBe('BAD_USER_INPUT');
  });

  it('refuses a lead department head a contribution signed by their own lead department', async () => {
    const res = await t.gql(M.contribute, { g: ids.goalId, p: WRITE_PERIOD, d: 'URB_PROG', t: 'Contributo del capofila.' }, tokens.DEPARTMENT_HEAD_LEAD);
    expect(outcome(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/capofila/);
  });

  it('tells an involved department head why they cannot write the status', async () => {
    const res = await t.gql(
      M.setStatus,
      { input: { goalId: ids.goalId, period: WRITE_PERIOD, expectedVersion: 1, narrative: 'x', declaredState: 'IN_PROGRESS' } },
      tokens.DEPARTMENT_HEAD_INVOLVED,
    );
    expect(res.errors![0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/non ne è capofila: può aggiungere un contributo/),
    });
  });

  it('refuses every write to a read-only API token with an Italian message, whatever the role', async () => {
    const res = await t.gql(M.openPeriod, { e: '2020-2022', d: '2022-12-31' }, tokens.AUDITOR_API_TOKEN);
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/sola lettura/) });
  });

  it('lets a department head with two departments act for either', async () => {
    const token = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['SERV_FIN', 'URB_PROG'] });
    const version = await statusVersion(t, ids.goalId, WRITE_PERIOD);
    await ok(
      t,
      M.setStatus,
      { input: { goalId: ids.goalId, period: WRITE_PERIOD, expectedVersion: version, narrative: 'Due settori.', declaredState: 'IN_PROGRESS' } },
      token,
    );
  });
});

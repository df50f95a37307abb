import { Goal, Indicator, Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { M, ok, outcome } from './testing/write-fixtures';

const P = '2020-12-31';

const TRAIL = /* GraphQL */ `
  query($f: AuditTrailFilter, $first: Int, $after: String) {
    auditTrail(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id operation operationLabel entityType entityId actor
        subject { objectiveCode goalId goalPosition goalTitle indicatorId indicatorName departmentCode departmentName periodCutoff label } } }
    }
  }
`;

type Subject = Record<string, string | number | null>;
type Node = { id: string; operation: string; operationLabel: string; entityType: string; entityId: string; actor: string; subject: Subject };
type Trail = { auditTrail: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] } };

/** The "Registro" screen's needs: each entry described in the plan's terms, and filters by department and objective. */
describe('audit trail for people: subjects, labels and filters (Livorno)', () => {
  let t: TestServer;
  let office: string;
  let head: string;
  let admin: string;
  let auditor: string;
  const goals: Record<string, Goal> = {};
  const indicators: Record<string, Indicator> = {};
  const trail = (variables: Record<string, unknown>, token = auditor) => ok<Trail>(t, TRAIL, variables, token);
  const nodes = async (filter: Record<string, unknown>) => (await trail({ f: filter, first: 200 })).auditTrail.edges.map((e) => e.node);

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    office = await t.loginAs(Role.PLANNING_OFFICE, { username: 'ufficio' });
    head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'], username: 'dirigente-ambiente' });
    admin = await t.loginAs(Role.ADMIN);
    auditor = await t.loginAs(Role.AUDITOR);
    const em = t.db.orm.em.fork();
    const goal = (code: string, position: number) => em.findOneOrFail(Goal, { objective: { code }, position });
    const indicator = (code: string, position: number) => em.findOneOrFail(Indicator, { objective: { code }, position });
    goals['7.01.01#2'] = await goal('7.01.01', 2); // SVIL_ECO leads, AMB_MOB involved
    goals['6.01.01#1'] = await goal('6.01.01', 1); // AMB_MOB leads
    goals['1.01.01#1'] = await goal('1.01.01', 1); // URB_PROG leads, AMB_MOB not listed
    indicators['9.02.22#1'] = await indicator('9.02.22', 1); // objective without AMB_MOB
    indicators['6.01.01#1'] = await indicator('6.01.01', 1);

    const status = (goalId: string, token: string) =>
      ok(t, M.setStatus, { input: { goalId, period: P, declaredState: 'IN_PROGRESS', narrative: 'Attività avviate nel semestre.' } }, token);
    await ok(t, M.openPeriod, { e: '2020-2022', d: P }, office);
    await status(goals['7.01.01#2'].id, office);
    await status(goals['6.01.01#1'].id, head);
    await status(goals['1.01.01#1'].id, office);
    await ok(t, M.recordResult, { input: { indicatorId: indicators['9.02.22#1'].id, period: P, status: 'REPORTED', text: 'Documento approvato.' } }, office);
    await ok(t, M.setTargets, { i: indicators['6.01.01#1'].id, t: [{ year: 2021, comparator: 'GE', value: '10' }] }, office);
    await ok(t, M.contribute, { g: goals['7.01.01#2'].id, p: P, d: 'AMB_MOB', t: 'Monitoraggio della qualità delle acque.' }, head);
    await ok(t, M.submit, { p: P, d: 'AMB_MOB', r: 'Invio parziale: mancano dati di altri uffici.' }, head);
    await ok(t, M.review, { p: P, d: 'AMB_MOB', x: 'RETURN', c: 'Completare la finalità 6.01.01/2.' }, office);
    await ok(t, `mutation { createUser(input: { username: "m.rossi", displayName: "Mario Rossi", role: COUNCIL_MEMBER, password: "una-password-lunga" }) { id } }`, {}, admin);
    const text = `mutation($m: String) { setReportText(edition: "2020-2022", period: "2020-12-31", key: statusIntro, markdown: $m) { key } }`;
    await ok(t, text, { m: 'Premessa provvisoria.' }, office);
    await ok(t, text, { m: null }, office); // the row is deleted: its entries must still say what they were about
  });
  afterAll(() => t.stop());

  it('describes each entry in the terms of the plan, with an Italian label and operation', async () => {
    const all = await nodes({});
    const find = (operation: string, predicate: (n: Node) => boolean = () => true) => {
      const hit = all.find((n) => n.operation === operation && predicate(n));
      if (!hit) throw new Error(`no ${operation} entry`);
      return hit;
    };
    const g = goals['7.01.01#2'];
    expect(find('SET_GOAL_STATUS', (n) => n.subject['goalId'] === g.id)).toMatchObject({
      operationLabel: 'Stato di attuazione della finalità',
      subject: {
        objectiveCode: '7.01.01',
        goalPosition: 2,
        goalTitle: g.title,
        indicatorId: null,
        departmentCode: 'SVIL_ECO',
        departmentName: 'Sviluppo economico, turismo, Sportello Europa',
        periodCutoff: P,
        label: expect.stringMatching(/^Finalità 2 dell'obiettivo 7\.01\.01 — Individuare finanziamenti per futuri progetti/),
      },
    });
    expect(find('ADD_GOAL_CONTRIBUTION').subject).toMatchObject({
      goalId: g.id,
      departmentCode: 'AMB_MOB',
      label: expect.stringMatching(/^Contributo del settore Ambiente e mobilità alla finalità 2 dell'obiettivo 7\.01\.01 — /),
    });
    const result = find('RECORD_INDICATOR_RESULT').subject;
    expect(result).toMatchObject({
      objectiveCode: '9.02.22',
      indicatorId: indicators['9.02.22#1'].id,
      indicatorName: indicators['9.02.22#1'].name,
      goalPosition: 1,
      departmentCode: 'DIR_GEN',
      periodCutoff: P,
    });
    expect(result['label']).toMatch(/^Indicatore «Documento di analisi dei soggetti.*» \(9\.02\.22\)$/);
    expect(find('SET_INDICATOR_TARGETS').subject).toMatchObject({ objectiveCode: '6.01.01', indicatorId: indicators['6.01.01#1'].id, periodCutoff: null, label: expect.stringMatching(/^Indicatore «N\. colonnine ricarica/) });
    expect(find('SUBMIT_FOR_REVIEW')).toMatchObject({ operationLabel: 'Invio alla revisione', subject: { departmentCode: 'AMB_MOB', periodCutoff: P, label: 'Revisione del settore Ambiente e mobilità — periodo al 31/12/2020' } });
    expect(find('REVIEW_RETURN').operationLabel).toBe('Revisione: finalità restituite al settore');
    expect(find('OPEN_PERIOD').subject).toMatchObject({ periodCutoff: P, label: 'Periodo al 31/12/2020' });
    expect(find('CREATE_USER', (n) => n.subject['label'] === 'Utente m.rossi').subject['objectiveCode']).toBeNull();
    const texts = all.filter((n) => n.operation === 'SET_REPORT_TEXT');
    expect(texts.map((n) => n.subject['label'])).toEqual([
      'Testo del rapporto «introduzione allo stato di attuazione» — periodo al 31/12/2020',
      'Testo del rapporto «introduzione allo stato di attuazione» — periodo al 31/12/2020',
    ]);
    // Every operation this test recorded has its Italian wording (no "Operazione X" fallback).
    expect(all.filter((n) => n.operationLabel.startsWith('Operazione '))).toEqual([]);
  });

  it('resolves the subjects of a page in a fixed number of statements, whatever its size', async () => {
    const measure = async (first: number) => {
      await trail({ first }); // warm the viewer's rows so only the query itself is compared
      const before = t.counter.totalStatements;
      const page = await trail({ first });
      return { statements: t.counter.totalStatements - before, entries: page.auditTrail.edges.length };
    };
    const small = await measure(2);
    const large = await measure(50);
    expect(large.entries).toBeGreaterThan(10);
    expect(large.statements).toBe(small.statements);
  });

  it('filters by department: its goals, the indicators of its objectives, its contributions and reviews', async () => {
    const byDepartment = await nodes({ department: 'AMB_MOB' });
    const summary = byDepartment.map((n) => `${n.operation} ${n.subject['objectiveCode'] ?? ''}`.trim()).sort();
    expect(summary).toEqual([
      'ADD_GOAL_CONTRIBUTION 7.01.01',
      'REVIEW_RETURN',
      'SET_GOAL_STATUS 6.01.01',
      'SET_GOAL_STATUS 7.01.01',
      'SET_INDICATOR_TARGETS 6.01.01',
      'SUBMIT_FOR_REVIEW',
    ]);
    // DIR_GEN leads the goal of the 9.02.22 indicator: the result is about that department.
    expect((await nodes({ department: 'DIR_GEN' })).map((n) => n.operation)).toEqual(['RECORD_INDICATOR_RESULT']);
  });

  it('combines the department with the user, operation and date filters', async () => {
    const mine = await nodes({ department: 'AMB_MOB', user: 'dirigente-ambiente' });
    expect(mine.map((n) => n.operation).sort()).toEqual(['ADD_GOAL_CONTRIBUTION', 'SET_GOAL_STATUS', 'SUBMIT_FOR_REVIEW']);
    expect((await nodes({ department: 'AMB_MOB', operation: 'SET_GOAL_STATUS' })).map((n) => n.subject['objectiveCode']).sort()).toEqual(['6.01.01', '7.01.01']);
    expect(await nodes({ department: 'AMB_MOB', to: '2000-01-01T00:00:00Z' })).toEqual([]);
    expect(await nodes({ department: 'AMB_MOB', period: '2020-06-30' })).toEqual([]);
    expect((await nodes({ department: 'AMB_MOB', period: P })).length).toBe(5); // the targets have no period
  });

  it('pages a filtered trail with cursors, without gaps or repeats, and counts the filtered total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Trail = await trail({ f: { department: 'AMB_MOB' }, first: 4, after });
      expect(page.auditTrail.totalCount).toBe(6);
      seen.push(...page.auditTrail.edges.map((e) => e.node.id));
      after = page.auditTrail.pageInfo.hasNextPage ? page.auditTrail.pageInfo.endCursor : null;
      if (!after) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it('filters by strategic or operational objective code', async () => {
    const ops = async (objectiveCode: string, extra: Record<string, unknown> = {}) => (await nodes({ objectiveCode, ...extra })).map((n) => n.operation).sort();
    expect(await ops('7.01.01')).toEqual(['ADD_GOAL_CONTRIBUTION', 'SET_GOAL_STATUS']);
    expect(await ops('7.01')).toEqual(['ADD_GOAL_CONTRIBUTION', 'SET_GOAL_STATUS']);
    expect(await ops('7.01.02')).toEqual([]);
    expect(await ops('9.02')).toEqual(['RECORD_INDICATOR_RESULT']);
    expect(await ops('6.01.01')).toEqual(['SET_GOAL_STATUS', 'SET_INDICATOR_TARGETS']);
    expect(await ops('6.01.01', { edition: '2020-2022' })).toEqual(['SET_GOAL_STATUS', 'SET_INDICATOR_TARGETS']);
    expect(await ops('6.01.01', { edition: '2099-2101' })).toEqual([]);
    expect(await ops('7.01', { department: 'DIR_GEN' })).toEqual([]);
    // "7.0" must not match 7.01 (codes are compared segment by segment, not as text prefixes).
    expect(outcome(await t.gql(TRAIL, { f: { objectiveCode: '7.0' } }, auditor))).toBe('BAD_USER_INPUT');
  });

  it('refuses malformed codes and unknown departments with coded Italian errors', async () => {
    const bad = await t.gql(TRAIL, { f: { objectiveCode: 'obiettivo 7' } }, auditor);
    expect(bad.errors![0]).toMatchObject({ message: expect.stringContaining('non valido'), extensions: { code: 'BAD_USER_INPUT', field: 'objectiveCode' } });
    const unknown = await t.gql(TRAIL, { f: { department: 'NESSUNO' } }, auditor);
    expect(unknown.errors![0]).toMatchObject({ message: 'Settore "NESSUNO" non trovato.', extensions: { code: 'NOT_FOUND', field: 'department' } });
  });

  it('lists the operations with their Italian labels for the filter, to auditors and administrators only', async () => {
    const query = `{ auditOperations { code label } }`;
    const list = (await ok<{ auditOperations: { code: string; label: string }[] }>(t, query, {}, auditor)).auditOperations;
    expect(list).toContainEqual({ code: 'SET_GOAL_STATUS', label: 'Stato di attuazione della finalità' });
    expect(list).toContainEqual({ code: 'RESET_USER_PASSWORD', label: expect.stringContaining('password') });
    expect(list.map((o) => o.label)).toEqual([...list.map((o) => o.label)].sort((a, b) => a.localeCompare(b, 'it')));
    expect(outcome(await t.gql(query, {}, admin))).toBe('OK');
    expect(outcome(await t.gql(query, {}, office))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(query, {}, null))).toBe('UNAUTHENTICATED');
  });
});

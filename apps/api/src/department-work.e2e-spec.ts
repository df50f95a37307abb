import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { DEPARTMENT_GOALS, pairsInDatabase, type GoalsPage } from './testing/department-fixtures';
import { startTestServer, type GraphQLResponse, type TestServer } from './testing/test-server';
import { M, ok, outcome } from './testing/write-fixtures';

const E = '2020-2022';
const APPROVED = '2020-06-30';
const OPEN = '2020-12-31';

describe('departments at work: me, goal context and departmentGoals on the Livorno plan', () => {
  let t: TestServer;
  let office: string;
  let head: string;

  const goals = (variables: Record<string, unknown>, token: string | null = head) =>
    t.gql<GoalsPage>(DEPARTMENT_GOALS, { e: E, p: APPROVED, ...variables }, token);
  const allNodes = async (variables: Record<string, unknown>, token: string | null = head) => {
    const res = await goals({ first: 200, ...variables }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.departmentGoals;
  };

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    office = await t.loginAs(Role.PLANNING_OFFICE);
    head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'] });
    await ok(t, M.openPeriod, { e: E, d: OPEN }, office);
  });
  afterAll(() => t.stop());

  describe('me', () => {
    it("names the viewer's departments, by name, and the ente", async () => {
      const twoDepartments = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG', 'AMB_MOB'] });
      const res = await t.gql<{ me: Record<string, unknown> }>(
        '{ me { username role departments { code name } ente { name istatCode } } }',
        {},
        twoDepartments,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.me).toMatchObject({
        role: 'DEPARTMENT_HEAD',
        departments: [
          { code: 'AMB_MOB', name: 'Ambiente e mobilità' },
          { code: 'URB_PROG', name: 'Urbanistica e programmi complessi' },
        ],
        ente: { istatCode: '049009', name: 'Comune di Livorno' },
      });
      const forOffice = await t.gql<{ me: Record<string, unknown> }>('{ me { departments { code } ente { istatCode } } }', {}, office);
      expect(forOffice.data!.me).toEqual({ departments: [], ente: { istatCode: '049009' } });
    });
  });

  describe('goal context from the read model', () => {
    const TREE = `{ planEditions { mandateLines { strategicObjectives { code operationalObjectives { code
      goals { position operationalObjective { code strategicObjective { code } } indicators { position goalPosition } } } } } } }`;
    type Tree = {
      planEditions: {
        mandateLines: {
          strategicObjectives: {
            code: string;
            operationalObjectives: {
              code: string;
              goals: {
                position: number;
                operationalObjective: { code: string; strategicObjective: { code: string } };
                indicators: { position: number; goalPosition: number }[];
              }[];
            }[];
          }[];
        }[];
      }[];
    };

    it('gives every goal its objective and the indicators printed with it, without a statement per goal', async () => {
      await t.gql(TREE); // builds and caches the read model
      const before = t.counter.totalStatements;
      const res = await t.gql<Tree>(TREE);
      // The viewer, planEditions and the data version: the read model is cached.
      expect(t.counter.totalStatements - before).toBe(3);
      expect(res.errors).toBeUndefined();
      const strategic = res.data!.planEditions[0].mandateLines.flatMap((l) => l.strategicObjectives);
      const ops = strategic.flatMap((s) => s.operationalObjectives.map((o) => ({ ...o, strategicCode: s.code })));
      const all = ops.flatMap((o) => o.goals.map((g) => ({ g, o })));
      expect(all).toHaveLength(229);
      for (const { g, o } of all) expect(g.operationalObjective).toEqual({ code: o.code, strategicObjective: { code: o.strategicCode } });
      // 9.02.22 prints three indicators after its first goal and one after the second.
      const riparti = ops.find((o) => o.code === '9.02.22')!;
      expect(riparti.goals.map((g) => g.indicators.map((i) => i.position))).toEqual([[1, 2, 3], [4], []]);
      const linked = all.filter(({ g }) => g.indicators.length > 0).map(({ g, o }) => `${o.code}/${g.position}`);
      expect(linked.every((k) => /^9\.02\.(15|21|22)\//.test(k))).toBe(true);
      for (const { g } of all) for (const i of g.indicators) expect(i.goalPosition).toBe(g.position);
    });
  });

  describe('departmentGoals', () => {
    it("lists a department head's goals in plan order, as the tables say", async () => {
      const expected = (await pairsInDatabase(t, APPROVED)).filter((p) => p.code === 'AMB_MOB');
      const page = await allNodes({});
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.map((e) => [e.node.goal.id, e.node.relation])).toEqual(expected.map((p) => [p.goalId, p.lead ? 'LEAD' : 'INVOLVED']));
      // 18 marked capofila, 13 where AMB_MOB is the only department listed.
      expect(expected.filter((p) => p.lead)).toHaveLength(31);
      const first = page.edges[0].node;
      expect(first.department).toEqual({ code: 'AMB_MOB', name: 'Ambiente e mobilità' });
      // The approved period: every goal has its status, the reference is the period before (none).
      expect(page.edges.every((e) => e.node.status?.period === APPROVED && e.node.previousStatus === null && e.node.contribution === null)).toBe(true);
    });

    it('filters by relation, objective code (strategic or operational), text without accents and case', async () => {
      const expected = (await pairsInDatabase(t, APPROVED)).filter((p) => p.code === 'AMB_MOB');
      const lead = await allNodes({ f: { relation: 'LEAD' } });
      expect(lead.totalCount).toBe(31);
      expect(lead.edges.every((e) => e.node.relation === 'LEAD')).toBe(true);
      const involved = await allNodes({ f: { relation: 'INVOLVED' } });
      expect(involved.totalCount).toBe(expected.length - 31);
      const soCode = expected[expected.length - 1].opCode.slice(0, -3);
      const so = await allNodes({ f: { objectiveCode: soCode } });
      expect(so.edges.map((e) => e.node.goal.id)).toEqual(expected.filter((p) => p.opCode.startsWith(`${soCode}.`)).map((p) => p.goalId));
      expect(so.totalCount).toBeGreaterThan(0);
      const op = await allNodes({ f: { objectiveCode: so.edges[0].node.goal.operationalObjective.code } });
      expect(op.edges.every((e) => e.node.goal.operationalObjective.code === so.edges[0].node.goal.operationalObjective.code)).toBe(true);
      const word = so.edges[0].node.goal.title.split(/\s+/).find((w) => w.length > 6)!;
      const byText = await allNodes({ f: { text: word.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '') } });
      expect(byText.edges.map((e) => e.node.goal.id)).toContain(so.edges[0].node.goal.id);
      const nothing = await allNodes({ f: { text: 'nessuna finalità contiene questo testo' } });
      expect(nothing).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('pages with opaque cursors, at a fixed number of statements whatever the page size', async () => {
      const all = await allNodes({});
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: GraphQLResponse<GoalsPage> = await goals({ first: 10, after });
        const page = res.data!.departmentGoals;
        seen.push(...page.edges.map((e) => e.node.goal.id));
        pages += 1;
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.edges.map((e) => e.node.goal.id));
      expect(pages).toBe(Math.ceil(all.totalCount / 10));
      const statements = async (first: number, token: string) => {
        const before = t.counter.totalStatements;
        const res = await goals({ first }, token);
        expect(res.errors).toBeUndefined();
        return t.counter.totalStatements - before;
      };
      // The viewer (a department head's departments take a second statement), the edition, the
      // data version, the departments and the period's contributions: the read model is cached.
      expect(await statements(1, head)).toBe(6);
      expect(await statements(200, head)).toBe(6);
      expect(await statements(1, office)).toBe(5);
      expect(await statements(200, office)).toBe(5);
      const invalid = await goals({ after: 'not-a-cursor' });
      expect(invalid.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('gives the planning office every department, and refuses what a role may not see', async () => {
      const everything = await allNodes({ first: 200 }, office);
      expect(everything.totalCount).toBe((await pairsInDatabase(t, APPROVED)).length);
      const other = await allNodes({ f: { department: 'URB_PROG' } }, office);
      expect(other.edges.every((e) => e.node.department.code === 'URB_PROG')).toBe(true);

      const forbidden = await goals({ f: { department: 'URB_PROG' } });
      expect(forbidden.errors![0]).toMatchObject({
        extensions: { code: 'FORBIDDEN', field: 'department' },
        message: expect.stringMatching(/non è tra i suoi/),
      });
      const council = await goals({}, await t.loginAs(Role.COUNCIL_MEMBER));
      expect(council.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/consiglieri consultano il piano/) });
      expect(outcome(await goals({ f: { department: 'NON_ESISTE' } }, office))).toBe('NOT_FOUND');
      expect(outcome(await goals({ p: '2021-06-30' }, office))).toBe('NOT_FOUND');
      expect(outcome(await t.gql(DEPARTMENT_GOALS, { e: '1999-2001', p: APPROVED }, office))).toBe('NOT_FOUND');
      const badCode = await goals({ f: { objectiveCode: '4.1' } });
      expect(badCode.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.objectiveCode' });
      expect(outcome(await goals({ first: 0 }))).toBe('PAGE_TOO_LARGE');
      // Auditors read it with their read-only API tokens too.
      expect(outcome(await goals({}, t.defaultToken))).toBe('OK');
    });

    it('shows the open period: no status yet, the previous one as reference, contributions, missing only', async () => {
      const open = (f: Record<string, unknown> = {}) => allNodes({ p: OPEN, f });
      const missingLead = await open({ relation: 'LEAD', missingOnly: true });
      expect(missingLead.totalCount).toBe(31);
      const target = missingLead.edges[0].node;
      expect(target).toMatchObject({ status: null, previousStatus: { period: APPROVED } });
      // A Decimal typed as a JSON number, as the web form sends it.
      const written = await ok<{ setGoalStatus: { percentComplete: string } }>(
        t,
        M.setStatus,
        { input: { goalId: target.goal.id, period: OPEN, narrative: 'Avviati i lavori.', declaredState: 'IN_PROGRESS', percentComplete: 60.5 } },
        head,
      );
      expect(written.setGoalStatus.percentComplete).toBe('60.50');
      const after = await open({ relation: 'LEAD', missingOnly: true });
      expect(after.totalCount).toBe(30);
      expect(after.edges.map((e) => e.node.goal.id)).not.toContain(target.goal.id);
      const updated = (await open({ relation: 'LEAD' })).edges.find((e) => e.node.goal.id === target.goal.id)!.node;
      expect(updated.status).toMatchObject({ period: OPEN, narrative: 'Avviati i lavori.', percentComplete: '60.50', version: 1 });

      const involved = (await open({ relation: 'INVOLVED', missingOnly: true })).edges[0].node;
      expect(involved.contribution).toBeNull();
      await ok(t, M.contribute, { g: involved.goal.id, p: OPEN, d: 'AMB_MOB', t: 'Parere sul progetto.' }, head);
      const withContribution = (await open({ relation: 'INVOLVED' })).edges.find((e) => e.node.goal.id === involved.goal.id)!.node;
      expect(withContribution.contribution).toEqual({ departmentCode: 'AMB_MOB', text: 'Parere sul progetto.', version: 1 });
      expect((await open({ relation: 'INVOLVED', missingOnly: true })).edges.map((e) => e.node.goal.id)).not.toContain(involved.goal.id);
    });

    it('leaves out goals of objectives introduced after the cut-off', async () => {
      const conn = t.db.orm.em.getConnection();
      const before = await allNodes({ f: { objectiveCode: '9.02.22' } }, office);
      expect(before.totalCount).toBeGreaterThan(0);
      // Riparti Livorno (9.02.22) took effect on 29/06/2020; moved after the cut-off, it is not yet part of the plan.
      await conn.execute(`update amendment set effective_date = '2020-07-15' where effective_date = '2020-06-29'`);
      try {
        expect((await allNodes({ f: { objectiveCode: '9.02.22' } }, office)).totalCount).toBe(0);
        expect((await allNodes({ p: OPEN, f: { objectiveCode: '9.02.22' } }, office)).totalCount).toBe(before.totalCount);
      } finally {
        await conn.execute(`update amendment set effective_date = '2020-06-29' where effective_date = '2020-07-15'`);
      }
    });
  });
});

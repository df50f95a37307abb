import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { ok, outcome } from './testing/write-fixtures';

/*
 * A new edition of the DUP from the previous one: DUP 2021-2023 from Livorno's 2020-2022. The
 * structure is copied with links to the predecessors, and the old edition is left exactly as it
 * was (compared as a dump of every row of its plan, before and after).
 */

const PLAN_TABLES_OF_EDITION = `
  select 'strategic_objective' as t, to_jsonb(s) as row from strategic_objective s where s.edition_id = $1
  union all select 'strategic_objective_mission', to_jsonb(m) from strategic_objective_mission m join strategic_objective s on s.id = m.objective_id where s.edition_id = $1
  union all select 'operational_objective', to_jsonb(o) from operational_objective o where o.edition_id = $1
  union all select 'objective_owner', to_jsonb(r) from objective_owner r join operational_objective o on o.id = r.objective_id where o.edition_id = $1
  union all select 'objective_programme', to_jsonb(r) from objective_programme r join operational_objective o on o.id = r.objective_id where o.edition_id = $1
  union all select 'goal', to_jsonb(g) from goal g join operational_objective o on o.id = g.objective_id where o.edition_id = $1
  union all select 'goal_department', to_jsonb(d) from goal_department d join goal g on g.id = d.goal_id join operational_objective o on o.id = g.objective_id where o.edition_id = $1
  union all select 'goal_status', to_jsonb(s) from goal_status s join goal g on g.id = s.goal_id join operational_objective o on o.id = g.objective_id where o.edition_id = $1
  union all select 'indicator', to_jsonb(i) from indicator i join operational_objective o on o.id = i.objective_id where o.edition_id = $1
  union all select 'indicator_target', to_jsonb(x) from indicator_target x join indicator i on i.id = x.indicator_id join operational_objective o on o.id = i.objective_id where o.edition_id = $1
  union all select 'indicator_result', to_jsonb(x) from indicator_result x join indicator i on i.id = x.indicator_id join operational_objective o on o.id = i.objective_id where o.edition_id = $1
  union all select 'plan_edition', to_jsonb(e) from plan_edition e where e.id = $1
  union all select 'reporting_period', to_jsonb(p) from reporting_period p where p.edition_id = $1
  union all select 'amendment', to_jsonb(a) from amendment a where a.edition_id = $1
  union all select 'edition_act', to_jsonb(a) from edition_act a where a.edition_id = $1
  order by 1, 2`;

const CREATE = `mutation($from: String!, $y: Int!) { createPlanEdition(from: $from, startYear: $y) {
  edition { code title startYear endYear } strategicObjectives operationalObjectives goals indicators
} }`;

interface LinkedPlan {
  planEditions: {
    summary: { strategicObjectives: number; operationalObjectives: number; goals: number; indicators: number };
    periods: unknown[];
    amendments: unknown[];
    strategicObjectives: {
      code: string;
      introducedBy: unknown;
      predecessor: { editionCode: string; code: string; title: string } | null;
      successors: { editionCode: string; code: string }[];
      operationalObjectives: {
        code: string;
        title: string;
        programmes: { id: string }[];
        predecessor: { editionCode: string; code: string } | null;
        successors: { editionCode: string; code: string }[];
        goals: {
          position: number;
          title: string;
          statuses: unknown[];
          departments: { department: { code: string } | null; lead: boolean; years: number[] }[];
          predecessor: { editionCode: string; code: string; position: number } | null;
          successors: { editionCode: string; code: string; position: number }[];
        }[];
        indicators: { position: number; name: string; targets: { year: number }[]; results: unknown[] }[];
      }[];
    }[];
  }[];
}

const LINKED = `query($code: String!) { planEditions(code: $code) {
  summary { strategicObjectives operationalObjectives goals indicators }
  periods { cutoffDate } amendments { id }
  strategicObjectives {
    code introducedBy { id } predecessor { editionCode code title } successors { editionCode code }
    operationalObjectives {
      code title programmes { id } predecessor { editionCode code } successors { editionCode code }
      goals { position title statuses { period } departments { department { code } lead years } predecessor { editionCode code position } successors { editionCode code position } }
      indicators { position name targets { year } results { period } }
    }
  }
} }`;

describe('createPlanEdition: DUP 2021-2023 from 2020-2022', () => {
  let t: TestServer;
  let office: string;
  let oldEditionId: string;
  const dump = () => t.db.orm.em.getConnection().execute<{ t: string; row: unknown }[]>(PLAN_TABLES_OF_EDITION.replace(/\$1/g, `'${oldEditionId}'`));

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022'), readShippedDataset('fixture-minimal')] });
    t.defaultToken = await t.loginAs(Role.AUDITOR);
    office = await t.loginAs(Role.PLANNING_OFFICE);
    [{ id: oldEditionId }] = await t.db.orm.em.getConnection().execute<{ id: string }[]>(`select id from plan_edition where code = '2020-2022'`);
  });
  afterAll(() => t.stop());

  it('copies the structure, links every objective and goal to its predecessor, and leaves 2020-2022 untouched', async () => {
    const before = await dump();
    expect(before.length).toBeGreaterThan(1000);
    const created = await ok<{ createPlanEdition: unknown }>(t, CREATE, { from: '2020-2022', y: 2021 }, office);
    expect(created.createPlanEdition).toEqual({
      edition: { code: '2021-2023', title: 'Documento Unico di Programmazione 2021-2023', startYear: 2021, endYear: 2023 },
      strategicObjectives: 21,
      operationalObjectives: 69,
      goals: 229,
      indicators: expect.any(Number),
    });
    expect(await dump()).toEqual(before);

    const [next] = (await ok<LinkedPlan>(t, LINKED, { code: '2021-2023' }, t.defaultToken)).planEditions;
    const [old] = (await ok<LinkedPlan>(t, LINKED, { code: '2020-2022' }, t.defaultToken)).planEditions;
    // The new edition has no period, amendment, status nor result: only the structure.
    expect(next.periods).toEqual([]);
    expect(next.amendments).toEqual([]);
    const nextOps = next.strategicObjectives.flatMap((s) => s.operationalObjectives);
    const oldOps = old.strategicObjectives.flatMap((s) => s.operationalObjectives);
    expect(nextOps.flatMap((o) => o.goals).every((g) => g.statuses.length === 0)).toBe(true);
    expect(nextOps.flatMap((o) => o.indicators).every((i) => i.results.length === 0)).toBe(true);
    expect(next.summary).toEqual({ ...old.summary, strategicObjectives: 21, operationalObjectives: 69, goals: 229, indicators: old.summary.indicators });
    // 1.06, added by amendment in 2020-2022, is part of the new plan from its approval.
    expect(next.strategicObjectives.every((s) => s.introducedBy === null)).toBe(true);
    // Same codes, titles, programmes, goals and indicators, each linked to its predecessor.
    expect(next.strategicObjectives.map((s) => [s.code, s.predecessor?.editionCode, s.predecessor?.code])).toEqual(
      old.strategicObjectives.map((s) => [s.code, '2020-2022', s.code]),
    );
    expect(nextOps.map((o) => [o.code, o.title, o.programmes, o.predecessor])).toEqual(
      oldOps.map((o) => [o.code, o.title, o.programmes, { editionCode: '2020-2022', code: o.code }]),
    );
    expect(nextOps.flatMap((o) => o.goals.map((g) => [o.code, g.position, g.title, g.predecessor]))).toEqual(
      oldOps.flatMap((o) => o.goals.map((g) => [o.code, g.position, g.title, { editionCode: '2020-2022', code: o.code, position: g.position }])),
    );
    expect(nextOps.flatMap((o) => o.indicators.map((i) => [o.code, i.position, i.name]))).toEqual(
      oldOps.flatMap((o) => o.indicators.map((i) => [o.code, i.position, i.name])),
    );
    // Department rows and targets keep only the years of the new edition (2021-2023).
    const years = nextOps.flatMap((o) => o.goals.flatMap((g) => g.departments.flatMap((d) => d.years)));
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y >= 2021 && y <= 2023)).toBe(true);
    expect(nextOps.flatMap((o) => o.indicators.flatMap((i) => i.targets.map((x) => x.year))).every((y) => y >= 2021 && y <= 2023)).toBe(true);
    // Followed the other way: the old edition's objectives and goals name their successors.
    expect(
      old.strategicObjectives.every((s) => s.successors.length === 1 && s.successors[0].editionCode === '2021-2023' && s.successors[0].code === s.code),
    ).toBe(true);
    expect(oldOps[0].goals[0].successors).toEqual([{ editionCode: '2021-2023', code: oldOps[0].code, position: 1 }]);

    const audit = await t.db.orm.em
      .getConnection()
      .execute<{ after: { from: string; code: string } }[]>(`select after from audit_entry where operation = 'CREATE_EDITION'`);
    expect(audit.map((a) => [a.after.code, a.after.from])).toEqual([['2021-2023', '2020-2022']]);
  });

  it('carries forward a chain, leaving behind what the previous edition retired', async () => {
    const { createAmendment } = await ok<{ createAmendment: { id: string } }>(
      t,
      `mutation { createAmendment(input: { edition: "2021-2023", actBody: CONSIGLIO, actNumber: "30", actDate: "2022-03-01", effectiveDate: "2022-03-01", description: "Soppressione di 9.02.22" }) { id } }`,
      {},
      office,
    );
    await ok(t, 'mutation($a: ID!) { retireObjective(amendmentId: $a, code: "9.02.22") { operationalObjective { code } } }', { a: createAmendment.id }, office);
    const created = await ok<{ createPlanEdition: { operationalObjectives: number } }>(t, CREATE, { from: '2021-2023', y: 2022 }, office);
    expect(created.createPlanEdition.operationalObjectives).toBe(68);
    const chain = await ok<{
      planEditions: { strategicObjectives: { code: string; successors: { editionCode: string }[]; predecessor: { editionCode: string } | null }[] }[];
    }>(t, '{ planEditions(code: "2021-2023") { strategicObjectives { code predecessor { editionCode } successors { editionCode } } } }', {}, t.defaultToken);
    expect(chain.planEditions[0].strategicObjectives[0]).toEqual({
      code: '1.01',
      predecessor: { editionCode: '2020-2022' },
      successors: [{ editionCode: '2022-2024' }],
    });
  });

  it('refuses an edition that exists or overlaps, and an unknown source, writing nothing', async () => {
    const editions = () => t.db.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from plan_edition');
    const before = await editions();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ from: '2020-2022', y: 2021 }, 'EDITION_EXISTS', /L'edizione 2021-2023 del DUP esiste già/],
      [{ from: '2020-2022', y: 2020 }, 'EDITION_EXISTS', /L'edizione 2020-2022 del DUP esiste già/],
      [{ from: '2020-2022', y: 2019 }, 'EDITION_OVERLAP', /deve iniziare dopo il 2020/],
      [{ from: 'non-esiste', y: 2023 }, 'NOT_FOUND', /Edizione del DUP non trovato: non-esiste/],
    ];
    for (const [variables, code, message] of cases) {
      const res = await t.gql(CREATE, variables, office);
      expect({ code: outcome(res), message: res.errors?.[0]?.message }).toEqual({ code, message: expect.stringMatching(message) });
    }
    expect(outcome(await t.gql(CREATE, { from: '2020-2022', y: 2023 }, t.defaultToken))).toBe('FORBIDDEN');
    expect(await editions()).toEqual(before);
  });
});

import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { ok, outcome } from './testing/write-fixtures';

/*
 * Plan amendments on the Livorno DUP 2020-2022: the plan "as of" a date (the seed's own
 * amendments, CC 103/2020 and CC 163/2020), then the planning office's structure edits, each
 * tied to an amendment, with their validation, audit and the read model kept current.
 */

const AS_OF = `query($a: LocalDate!, $b: LocalDate!) { planEditions(code: "2020-2022") {
  a: summary(asOf: $a) { asOf strategicObjectives operationalObjectives goals indicators }
  b: summary(asOf: $b) { asOf strategicObjectives operationalObjectives goals indicators }
  latest: summary { asOf strategicObjectives operationalObjectives }
  soA: strategicObjectives(asOf: $a) { code operationalObjectives { code } }
  soB: strategicObjectives(asOf: $b) { code operationalObjectives { code } }
  linesA: mandateLines(asOf: $a) { number strategicObjectives { code } }
} }`;

interface AsOfAnswer {
  planEditions: {
    a: Counts;
    b: Counts;
    latest: Counts;
    soA: { code: string; operationalObjectives: { code: string }[] }[];
    soB: { code: string; operationalObjectives: { code: string }[] }[];
    linesA: { number: number; strategicObjectives: { code: string }[] }[];
  }[];
}
interface Counts {
  asOf: string;
  strategicObjectives: number;
  operationalObjectives: number;
  goals: number;
  indicators: number;
}

const CREATE_AMENDMENT = `mutation($input: CreateAmendmentInput!) { createAmendment(input: $input) { id effectiveDate description act { number date } } }`;
const ADD_OP = `mutation($a: ID!, $input: OperationalObjectiveInput!) { addOperationalObjective(amendmentId: $a, input: $input) {
  edition { code }
  operationalObjective { id code title ownerLabel owners { id } programmes { id } introducedBy { effectiveDate act { number } } retiredBy { id } strategicObjective { code } }
} }`;
const UPDATE_OP = `mutation($a: ID!, $code: String!, $input: OperationalObjectiveInput!) { updateOperationalObjective(amendmentId: $a, code: $code, input: $input) {
  operationalObjective { code title ownerLabel owners { id } programmes { id } }
} }`;
const ADD_SO = `mutation($a: ID!, $input: StrategicObjectiveInput!) { addStrategicObjective(amendmentId: $a, input: $input) { strategicObjective { code title lineNumber missions { code } } } }`;
const RETIRE = `mutation($a: ID!, $code: String!) { retireObjective(amendmentId: $a, code: $code) {
  strategicObjective { code retiredBy { effectiveDate } }
  operationalObjective { code retiredBy { effectiveDate act { number } } }
} }`;
const ADD_GOAL = `mutation($a: ID!, $o: String!, $input: GoalInput!) { addGoal(amendmentId: $a, objectiveCode: $o, input: $input) {
  goal { id position title departments { department { code } lead reportingLead years } operationalObjective { code } }
} }`;
const UPDATE_GOAL = `mutation($a: ID!, $g: ID!, $input: GoalInput!) { updateGoal(amendmentId: $a, goalId: $g, input: $input) { goal { title departments { department { code } lead years } } } }`;
const ADD_INDICATOR = `mutation($a: ID!, $o: String!, $input: IndicatorInput!) { addIndicator(amendmentId: $a, objectiveCode: $o, input: $input) {
  operationalObjective { code indicators { position name kind targets { year comparator value } } }
} }`;

/** Registers an amendment of DUP 2020-2022 by a council deliberation. */
const amend = (t: TestServer) => (number: string, actDate: string, effectiveDate: string, description: string, token: string) =>
  ok<{ createAmendment: { id: string; effectiveDate: string } }>(
    t,
    CREATE_AMENDMENT,
    { input: { edition: '2020-2022', actBody: 'CONSIGLIO', actNumber: number, actDate, effectiveDate, description } },
    token,
  );

const counts = async (t: TestServer, date: string): Promise<Counts> =>
  (
    await ok<{ planEditions: { summary: Counts }[] }>(
      t,
      'query($d: LocalDate!) { planEditions(code: "2020-2022") { summary(asOf: $d) { asOf strategicObjectives operationalObjectives goals indicators } } }',
      { d: date },
      t.defaultToken,
    )
  ).planEditions[0].summary;

describe('plan amendments: the plan as of a date, and structure edits tied to an act', () => {
  let t: TestServer;
  let office: string;
  let admin: string;
  let owners: string[];
  const amendBy = (...args: Parameters<ReturnType<typeof amend>>) => amend(t)(...args);

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022'), readShippedDataset('fixture-minimal')] });
    t.defaultToken = await t.loginAs(Role.AUDITOR);
    office = await t.loginAs(Role.PLANNING_OFFICE);
    admin = await t.loginAs(Role.ADMIN);
    const tree = await ok<{ planEditions: { strategicObjectives: { code: string; operationalObjectives: { code: string; owners: { id: string }[] }[] }[] }[] }>(
      t,
      '{ planEditions(code: "2020-2022") { strategicObjectives { code operationalObjectives { code owners { id } } } } }',
      {},
      office,
    );
    owners = tree.planEditions[0].strategicObjectives
      .flatMap((s) => s.operationalObjectives)
      .find((o) => o.code === '1.01.01')!
      .owners.map((o) => o.id);
  });
  afterAll(() => t.stop());

  it('answers the plan as reported at 30/06/2020 (20 SO / 68 OP) and as of 01/10/2020 (with 1.06 and 1.06.01)', async () => {
    const res = await ok<AsOfAnswer>(t, AS_OF, { a: '2020-06-30', b: '2020-10-01' }, t.defaultToken);
    const [e] = res.planEditions;
    expect(e.a).toMatchObject({ asOf: '2020-06-30', strategicObjectives: 20, operationalObjectives: 68 });
    expect(e.b).toMatchObject({ asOf: '2020-10-01', strategicObjectives: 21, operationalObjectives: 69 });
    // Without a date: the latest reporting period, as the report counts it.
    expect(e.latest).toMatchObject({ asOf: '2020-06-30', strategicObjectives: 20, operationalObjectives: 68 });
    expect(e.soA.map((s) => s.code)).not.toContain('1.06');
    expect(e.soB.find((s) => s.code === '1.06')!.operationalObjectives.map((o) => o.code)).toEqual(['1.06.01']);
    expect(e.linesA.find((l) => l.number === 1)!.strategicObjectives.map((s) => s.code)).toEqual(['1.01', '1.02', '1.03', '1.04', '1.05']);
    // CC 103/2020 took effect on 29/06/2020: 9.02.22 is in the plan from that day, not the day before.
    expect(await counts(t, '2020-06-28')).toMatchObject({ operationalObjectives: 67 });
    expect(e.soA.flatMap((s) => s.operationalObjectives).map((o) => o.code)).toContain('9.02.22');
  });

  it('adds, edits and retires objectives through amendments, each in force from its effective date', async () => {
    // Warm the read model first: the writes below must show up in the next read, not after a restart.
    expect(await counts(t, '2021-03-01')).toMatchObject({ strategicObjectives: 21, operationalObjectives: 69 });
    const { createAmendment: march } = await amendBy('21', '2021-02-15', '2021-03-01', 'Nuovo obiettivo operativo per il PNRR', office);
    const added = await ok<{ addOperationalObjective: { edition: { code: string }; operationalObjective: Record<string, unknown> } }>(
      t,
      ADD_OP,
      {
        a: march.id,
        input: {
          code: '1.06.02',
          title: 'Monitorare i progetti finanziati dal PNRR',
          ownerLabel: 'Sindaco',
          ownerIds: owners,
          programmeCodes: ['01.01', '01.03'],
        },
      },
      office,
    );
    expect(added.addOperationalObjective.operationalObjective).toMatchObject({
      code: '1.06.02',
      owners: owners.map((id) => ({ id })),
      programmes: [{ id: '01.01' }, { id: '01.03' }],
      introducedBy: { effectiveDate: '2021-03-01', act: { number: '21' } },
      retiredBy: null,
      strategicObjective: { code: '1.06' },
    });
    expect(await counts(t, '2021-02-28')).toMatchObject({ operationalObjectives: 69 });
    expect(await counts(t, '2021-03-01')).toMatchObject({ operationalObjectives: 70 });

    const edited = await ok<{ updateOperationalObjective: { operationalObjective: Record<string, unknown> } }>(
      t,
      UPDATE_OP,
      { a: march.id, code: '1.06.02', input: { title: 'Monitorare i progetti del PNRR', programmeCodes: ['01.03'], ownerLabel: 'Sindaco Luca Salvetti' } },
      admin,
    );
    expect(edited.updateOperationalObjective.operationalObjective).toEqual({
      code: '1.06.02',
      title: 'Monitorare i progetti del PNRR',
      ownerLabel: 'Sindaco Luca Salvetti',
      owners: owners.map((id) => ({ id })),
      programmes: [{ id: '01.03' }],
    });

    const { createAmendment: june } = await amendBy('64', '2021-05-20', '2021-06-01', "Soppressione dell'obiettivo 1.06.01", office);
    const retired = await ok<{ retireObjective: { operationalObjective: unknown } }>(t, RETIRE, { a: june.id, code: '1.06.01' }, office);
    expect(retired.retireObjective.operationalObjective).toEqual({ code: '1.06.01', retiredBy: { effectiveDate: '2021-06-01', act: { number: '64' } } });
    expect(await counts(t, '2021-05-31')).toMatchObject({ operationalObjectives: 70 });
    expect(await counts(t, '2021-06-01')).toMatchObject({ operationalObjectives: 69 });
    // The report at 30/06/2020 is unaffected by all of this.
    expect(await counts(t, '2020-06-30')).toMatchObject({ strategicObjectives: 20, operationalObjectives: 68 });
    // Without a date the edition lists every objective it ever had, the retired one marked.
    const all = await ok<{
      planEditions: { strategicObjectives: { code: string; operationalObjectives: { code: string; retiredBy: { effectiveDate: string } | null }[] }[] }[];
    }>(
      t,
      '{ planEditions(code: "2020-2022") { strategicObjectives { code operationalObjectives { code retiredBy { effectiveDate } } } } }',
      {},
      t.defaultToken,
    );
    expect(all.planEditions[0].strategicObjectives.find((s) => s.code === '1.06')!.operationalObjectives).toEqual([
      { code: '1.06.01', retiredBy: { effectiveDate: '2021-06-01' } },
      { code: '1.06.02', retiredBy: null },
    ]);

    // A new strategic objective, then a goal and an indicator under the new operational objective.
    const so = await ok<{ addStrategicObjective: { strategicObjective: unknown } }>(
      t,
      ADD_SO,
      { a: june.id, input: { code: '1.07', title: 'Livorno digitale', missionCodes: ['01', '14'] } },
      office,
    );
    expect(so.addStrategicObjective.strategicObjective).toEqual({
      code: '1.07',
      title: 'Livorno digitale',
      lineNumber: 1,
      missions: [{ code: '01' }, { code: '14' }],
    });
    const goal = await ok<{ addGoal: { goal: { id: string } & Record<string, unknown> } }>(
      t,
      ADD_GOAL,
      {
        a: march.id,
        o: '1.06.02',
        input: {
          title: 'Cruscotto dei progetti',
          departments: [
            { departmentCode: 'URB_PROG', lead: true, years: [2022, 2021] },
            { departmentCode: 'SERV_FIN', years: [2021] },
          ],
        },
      },
      office,
    );
    expect(goal.addGoal.goal).toMatchObject({
      position: 1,
      title: 'Cruscotto dei progetti',
      departments: [
        { department: { code: 'URB_PROG' }, lead: true, reportingLead: true, years: [2021, 2022] },
        { department: { code: 'SERV_FIN' }, lead: false, reportingLead: false, years: [2021] },
      ],
      operationalObjective: { code: '1.06.02' },
    });
    const updatedGoal = await ok<{ updateGoal: { goal: unknown } }>(
      t,
      UPDATE_GOAL,
      {
        a: march.id,
        g: goal.addGoal.goal.id,
        input: { title: 'Cruscotto pubblico dei progetti', departments: [{ departmentCode: 'SERV_FIN', lead: true, years: [2022] }] },
      },
      office,
    );
    expect(updatedGoal.updateGoal.goal).toEqual({
      title: 'Cruscotto pubblico dei progetti',
      departments: [{ department: { code: 'SERV_FIN' }, lead: true, years: [2022] }],
    });
    const indicator = await ok<{ addIndicator: { operationalObjective: { indicators: unknown[] } } }>(
      t,
      ADD_INDICATOR,
      {
        a: march.id,
        o: '1.06.02',
        input: { name: 'Progetti monitorati', kind: 'COUNT', goalId: goal.addGoal.goal.id, targets: [{ year: 2022, comparator: 'GE', value: '30' }] },
      },
      office,
    );
    expect(indicator.addIndicator.operationalObjective.indicators).toEqual([
      { position: 1, name: 'Progetti monitorati', kind: 'COUNT', targets: [{ year: 2022, comparator: 'GE', value: '30.0000' }] },
    ]);

    // Every edit is in the audit trail, with its act.
    const audit = await t.db.orm.em
      .getConnection()
      .execute<{ operation: string; after: { act?: { number: string } } }[]>(
        `select operation, after from audit_entry where operation in ('CREATE_AMENDMENT', 'ADD_OBJECTIVE', 'UPDATE_OBJECTIVE', 'RETIRE_OBJECTIVE', 'ADD_GOAL', 'UPDATE_GOAL', 'ADD_INDICATOR') order by occurred_at`,
      );
    expect(audit.map((a) => [a.operation, a.after.act?.number ?? null])).toEqual([
      ['CREATE_AMENDMENT', '21'],
      ['ADD_OBJECTIVE', '21'],
      ['UPDATE_OBJECTIVE', '21'],
      ['CREATE_AMENDMENT', '64'],
      ['RETIRE_OBJECTIVE', '64'],
      ['ADD_OBJECTIVE', '64'],
      ['ADD_GOAL', '21'],
      ['UPDATE_GOAL', '21'],
      ['ADD_INDICATOR', '21'],
    ]);
  });

  it('refuses bad edits with an Italian message and a stable code, writing nothing', async () => {
    const { createAmendment: amendment } = await amendBy('90', '2021-07-10', '2021-07-15', 'Variazione di luglio', office);
    const before = await counts(t, '2021-12-31');
    const auditBefore = await t.db.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from audit_entry');
    const addOp = (input: Record<string, unknown>) => () => t.gql(ADD_OP, { a: amendment.id, input: { title: 'Obiettivo di prova', ...input } }, office);
    // Run one after the other: each must find the plan exactly as the previous refusal left it.
    const cases: [() => Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>, string, RegExp][] = [
      [addOp({ code: '1.01.01' }), 'DUPLICATE_CODE', /Esiste già un obiettivo operativo con codice 1\.01\.01 nell'edizione 2020-2022/],
      [addOp({ code: '1.6.1' }), 'INVALID_CODE', /ha la forma N\.NN\.NN/],
      [addOp({ code: '2.01.99', strategicCode: '1.06' }), 'INVALID_CODE', /non appartiene all'obiettivo strategico 1\.06/],
      [addOp({ code: '1.06.09', programmeCodes: ['01.01', '99.99'] }), 'UNKNOWN_PROGRAMME', /Programma di bilancio sconosciuto: 99\.99/],
      [addOp({ code: '1.06.09', ownerIds: ['00000000-0000-4000-8000-000000000000'] }), 'UNKNOWN_OWNER', /Responsabile politico sconosciuto/],
      // 1.06.01 was retired from 01/06/2021: nothing goes under it, nothing in it changes.
      [
        () => t.gql(ADD_GOAL, { a: amendment.id, o: '1.06.01', input: { title: 'x' } }, office),
        'OBJECTIVE_RETIRED',
        /è stato soppresso con effetto dal 01\/06\/2021/,
      ],
      [() => t.gql(UPDATE_OP, { a: amendment.id, code: '1.06.01', input: { title: 'x' } }, office), 'OBJECTIVE_RETIRED', /soppresso/],
      [() => t.gql(RETIRE, { a: amendment.id, code: '1.06.01' }, office), 'OBJECTIVE_RETIRED', /già stato soppresso/],
      [
        () =>
          t.gql(
            ADD_GOAL,
            { a: amendment.id, o: '1.06.02', input: { title: 'x', departments: [{ departmentCode: 'NON_ESISTE', lead: true, years: [2021] }] } },
            office,
          ),
        'UNKNOWN_DEPARTMENT',
        /Settore sconosciuto: NON_ESISTE/,
      ],
      [
        () => t.gql(ADD_GOAL, { a: amendment.id, o: '1.06.02', input: { title: 'x', departments: [{ departmentCode: 'URB_PROG', years: [2024] }] } }, office),
        'BAD_USER_INPUT',
        /fuori dal triennio 2020-2022/,
      ],
      [
        () =>
          t.gql(
            ADD_GOAL,
            {
              a: amendment.id,
              o: '1.06.02',
              input: {
                title: 'x',
                departments: [
                  { departmentCode: 'URB_PROG', lead: true },
                  { departmentCode: 'SERV_FIN', lead: true },
                ],
              },
            },
            office,
          ),
        'BAD_USER_INPUT',
        /un solo settore capofila/,
      ],
      [
        () => t.gql(ADD_SO, { a: amendment.id, input: { code: '2.07', lineNumber: 1, title: 'x' } }, office),
        'INVALID_CODE',
        /non appartiene alla linea di mandato 1/,
      ],
      [
        () => t.gql(ADD_SO, { a: amendment.id, input: { code: '1.08', title: 'x', missionCodes: ['77'] } }, office),
        'UNKNOWN_MISSION',
        /Missione di bilancio sconosciuta: 77/,
      ],
      [
        () =>
          t.gql(
            CREATE_AMENDMENT,
            { input: { edition: '2020-2022', actBody: 'CONSIGLIO', actNumber: '91', actDate: '2023-01-10', effectiveDate: '2023-01-10', description: 'x' } },
            office,
          ),
        'BAD_USER_INPUT',
        /negli anni dell'edizione \(2020-2022\)/,
      ],
      [
        () =>
          t.gql(
            CREATE_AMENDMENT,
            {
              input: {
                edition: '2020-2022',
                actBody: 'CONSIGLIO',
                actNumber: '90',
                actDate: '2021-07-10',
                effectiveDate: '2021-07-15',
                description: 'Di nuovo',
              },
            },
            office,
          ),
        'CONFLICT',
        /già registrato come variazione/,
      ],
    ];
    for (const [run, code, message] of cases) {
      const res = await run();
      expect({ code: outcome(res), message: res.errors?.[0]?.message }).toEqual({ code, message: expect.stringMatching(message) });
    }
    expect(await counts(t, '2021-12-31')).toEqual(before);
    const auditAfter = await t.db.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from audit_entry');
    expect(auditAfter).toEqual(auditBefore);
  });

  it('lets only the planning office and the administrator edit the structure', async () => {
    const { createAmendment: amendment } = await amendBy('95', '2021-09-10', '2021-09-15', 'Variazione di settembre', admin);
    for (const role of [Role.AUDITOR, Role.COUNCIL_MEMBER]) {
      const res = await t.gql(ADD_OP, { a: amendment.id, input: { code: '1.06.05', title: 'x' } }, await t.loginAs(role));
      expect(outcome(res)).toBe('FORBIDDEN');
    }
    const head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG'] });
    expect(outcome(await t.gql(RETIRE, { a: amendment.id, code: '1.06.02' }, head))).toBe('FORBIDDEN');
    expect(outcome(await t.gql(RETIRE, { a: amendment.id, code: '1.06.02' }, null))).toBe('UNAUTHENTICATED');
  });
});

import { computeSpending, PlanRuleViolation } from '@dup/domain';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { loadDataset, readShippedDataset } from '../demo-seed';
import type { PlanDataset } from '../dataset/plan-dataset';
import { livornoImport } from '../importers/livorno/test-source';

/** Every figure below is read back from PostgreSQL, not from the dataset file. */
describe('loading Livorno DUP 2020-2022 at 30/06/2020 into PostgreSQL', () => {
  let db: TestDatabase;
  let loadMs = 0;
  const livorno = readShippedDataset('livorno-dup-2020-2022');

  const one = async (sql: string, params: unknown[] = []) => {
    const rows = await db.orm.em.getConnection().execute<Record<string, unknown>[]>(sql, params);
    return rows[0];
  };
  const count = async (sql: string, params: unknown[] = []) => Number(Object.values(await one(sql, params))[0]);
  /** A fingerprint of every row of every plan table, to prove a reload writes nothing. */
  const fingerprint = async (istat: string) =>
    one(
      `select md5(string_agg(t, '|' order by t)) as h, count(*) as n from (
         select row(g.*)::text as t from goal g join ente e on e.id = g.ente_id where e.istat_code = ?
         union all select row(s.*)::text from goal_status s join ente e on e.id = s.ente_id where e.istat_code = ?
         union all select row(r.*)::text from indicator_result r join ente e on e.id = r.ente_id where e.istat_code = ?
         union all select row(d.*)::text from goal_department d join ente e on e.id = d.ente_id where e.istat_code = ?
         union all select row(i.*)::text from indicator i join ente e on e.id = i.ente_id where e.istat_code = ?
         union all select row(o.*)::text from operational_objective o join ente e on e.id = o.ente_id where e.istat_code = ?
         union all select row(x.*)::text from spending_row x join ente e on e.id = x.ente_id where e.istat_code = ?
         union all select row(cs.*)::text from council_session cs join ente e on e.id = cs.ente_id where e.istat_code = ?
         union all select row(cm.*)::text from council_session_member cm join ente e on e.id = cm.ente_id where e.istat_code = ?
         union all select row(cv.*)::text from council_vote cv join ente e on e.id = cv.ente_id where e.istat_code = ?) all_rows`,
      Array(10).fill(istat),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('fixture-minimal'));
    const started = Date.now();
    await loadDataset(db.orm, livorno);
    loadMs = Date.now() - started;
    process.stdout.write(`Livorno dataset loaded in ${loadMs} ms\n`);
  });
  afterAll(() => db.drop());

  const REPORTED_SO = `select count(*) from strategic_objective s join ente e on e.id = s.ente_id left join amendment a on a.id = s.introduced_by_id
                        where e.istat_code = '049009' and (a.id is null or a.effective_date <= '2020-06-30')`;
  const REPORTED_OP = `select count(*) from operational_objective o join ente e on e.id = o.ente_id left join amendment a on a.id = o.introduced_by_id
                        where e.istat_code = '049009' and (a.id is null or a.effective_date <= '2020-06-30')`;
  const OF_LIVORNO = `join ente e on e.id = t.ente_id where e.istat_code = '049009'`;

  it('holds 10 mandate lines, 45 directions, 20 strategic and 68 operational objectives as reported', async () => {
    expect(await count(`select count(*) from mandate_line t ${OF_LIVORNO}`)).toBe(10);
    expect(await count(`select count(*) from strategic_direction t ${OF_LIVORNO}`)).toBe(45);
    expect(await count(REPORTED_SO)).toBe(20);
    expect(await count(REPORTED_OP)).toBe(68);
    // CC 163/2020 added 1.06 and 1.06.01 after the cut-off: stored, with their act, but not reported.
    const added = await one(
      `select string_agg(o.code, ',') as codes, max(act.number) as act from operational_objective o join amendment a on a.id = o.introduced_by_id
         join act on act.id = a.act_id where a.effective_date > '2020-06-30'`,
    );
    expect(added).toEqual({ codes: '1.06.01', act: '163' });
  });

  it('holds 229 goals: 223 narratives (one "ad agosto 2020") and 6 deferred', async () => {
    expect(await count(`select count(*) from goal t ${OF_LIVORNO}`)).toBe(229);
    expect(await count(`select count(*) from goal_status t ${OF_LIVORNO} and t.deferred_to is null and t.narrative <> ''`)).toBe(223);
    expect(await count(`select count(*) from goal_status t ${OF_LIVORNO} and t.as_of_label = 'ad agosto 2020'`)).toBe(1);
    expect(await count(`select count(*) from goal_status t ${OF_LIVORNO} and t.declared_state = 'DEFERRED' and t.deferred_to = '2020-12-31'`)).toBe(6);
  });

  it('holds 210 indicators (9.02.21 first row read as an indicator) with their results', async () => {
    expect(await count(`select count(*) from indicator t ${OF_LIVORNO}`)).toBe(210);
    expect(await count(`select count(*) from indicator_result t ${OF_LIVORNO}`)).toBe(210);
    expect(await count(`select count(*) from indicator_result t ${OF_LIVORNO} and t.status = 'DEFERRED'`)).toBe(57);
    expect(await count(`select count(*) from indicator_result t ${OF_LIVORNO} and t.status = 'EMPTY' and t.text = ''`)).toBe(4);
    const grouped = await one(
      `select count(*) filter (where i.group_label is not null) as labelled, count(*) filter (where i.goal_id is not null) as linked
         from indicator i join operational_objective o on o.id = i.objective_id where o.code in ('9.02.15', '9.02.21', '9.02.22')`,
    );
    expect(Number(grouped['labelled'])).toBeGreaterThan(0);
    expect(Number(grouped['linked'])).toBe(24 + 3 + 4);
    const odd = await one(`select text, value from indicator_result r join indicator i on i.id = r.indicator_id where r.text = 'N. .450'`);
    expect(odd).toEqual({ text: 'N. .450', value: null });
    const n17 = await count(`select count(*) from indicator_result where text = 'N. 17' and value = 17`);
    expect(n17).toBeGreaterThanOrEqual(1);
  });

  it('holds 466 goal–department links, 128 lead markers and 24 department names (23 departments + "tutti i settori")', async () => {
    expect(await count(`select count(*) from goal_department t ${OF_LIVORNO}`)).toBe(466);
    expect(await count(`select count(*) from goal_department t ${OF_LIVORNO} and t.lead`)).toBe(128);
    expect(await count(`select count(*) from department t ${OF_LIVORNO}`)).toBe(23);
    expect(await count(`select count(*) from goal_department t ${OF_LIVORNO} and t.department_id is null and t.all_departments_label like 'Tutti i %'`)).toBe(12);
    expect(await count(`select count(distinct coalesce(t.department_id::text, 'ALL')) from goal_department t ${OF_LIVORNO}`)).toBe(24);
    expect(await count(`select count(*) from (select goal_id from goal_department where lead group by goal_id having count(*) > 1) x`)).toBe(0);
  });

  it('holds 10 political owners plus the collective owner of 9.02.22, and the 10 acts', async () => {
    expect(await count(`select count(*) from political_owner t ${OF_LIVORNO} and t.person_name is not null`)).toBe(10);
    const owners = await one(
      `select o.owner_label, string_agg(p.role || ':' || coalesce(p.person_name, ''), ',' order by oo.position) as owners
         from operational_objective o join objective_owner oo on oo.objective_id = o.id join political_owner p on p.id = oo.owner_id
        where o.code = '9.02.22' group by o.owner_label`,
    );
    expect(owners).toEqual({ owner_label: 'Sindaco Luca Salvetti e Giunta Comunale', owners: 'SINDACO:Luca Salvetti,GIUNTA:' });
    const acts = await db.orm.em.getConnection().execute<{ a: string }[]>(
      `select body || ' ' || kind || ' ' || number || '/' || extract(year from date) as a from act t ${OF_LIVORNO} order by date, number`,
    );
    expect(acts.map((r) => r.a).sort()).toEqual(
      [
        'CONSIGLIO DELIBERAZIONE 122/2019', 'GIUNTA DELIBERAZIONE 794/2019', 'CONSIGLIO DELIBERAZIONE 225/2019', 'CONSIGLIO DELIBERAZIONE 100/2020',
        'CONSIGLIO DELIBERAZIONE 65/2020', 'CONSIGLIO DELIBERAZIONE 103/2020', 'CONSIGLIO DELIBERAZIONE 163/2020', 'GIUNTA DELIBERAZIONE 175/2020',
        'GIUNTA DECISIONE 253/2020', 'CONSIGLIO DELIBERAZIONE 195/2020',
      ].sort(),
    );
  });

  it('holds the minutes of CC 195/2020: 33 members, 30 present, two roll-call votes with the names', async () => {
    const session = await one(
      `select s.held_on::text as held_on, s.start_time, s.kind, s.president_name, s.secretary_name, act.number
         from council_session s join act on act.id = s.act_id join ente e on e.id = s.ente_id where e.istat_code = '049009'`,
    );
    expect(session).toEqual({ held_on: '2020-11-13', start_time: '14:45', kind: 'STRAORDINARIA', president_name: 'Pietro Caruso', secretary_name: 'Maria Luisa Massai', number: '195' });
    expect(await count(`select count(*) from council_session_member t ${OF_LIVORNO}`)).toBe(33);
    expect(await count(`select count(*) from council_session_member t ${OF_LIVORNO} and t.present`)).toBe(30);
    expect(await count(`select count(*) from council_session_member t ${OF_LIVORNO} and t.attendance_mode = 'IN_PERSON'`)).toBe(3);
    const tallies = await db.orm.em.getConnection().execute<{ position: number; kind: string; tally: string; abstained: string | null }[]>(
      `select m.position, m.kind, string_agg(v.choice || '=' || n, ',' order by v.choice) as tally,
              (select string_agg(cm.name, ',') from council_vote a join council_session_member cm on cm.id = a.member_id where a.motion_id = m.id and a.choice = 'ABSTAINED') as abstained
         from council_motion m join (select motion_id, choice, count(*) as n from council_vote group by motion_id, choice) v on v.motion_id = m.id
         join ente e on e.id = m.ente_id where e.istat_code = '049009' group by m.id, m.position, m.kind order by m.position`,
    );
    expect(tallies).toEqual([
      { position: 1, kind: 'DELIBERATION', tally: 'ABSENT=3,ABSTAINED=1,AGAINST=11,FAVOURABLE=18', abstained: 'CARUSO PIETRO' },
      { position: 2, kind: 'IMMEDIATE_EXECUTABILITY', tally: 'ABSENT=3,AGAINST=11,FAVOURABLE=19', abstained: null },
    ]);
    expect(await count(`select count(*) from council_session_signatory t ${OF_LIVORNO}`)).toBe(2);
  });

  it('refuses a session record whose absent member votes, writing nothing', async () => {
    const before = await fingerprint('049009');
    const broken: PlanDataset = structuredClone(livorno);
    broken.goalStatuses[0].narrative = 'neanche questa';
    const vote = broken.councilSessions![0].motions[0].votes.find((v) => v.memberName === 'TORNAR DANIELE')!;
    vote.choice = 'FAVOURABLE';
    await expect(loadDataset(db.orm, broken)).rejects.toThrow(/TORNAR DANIELE risulta assente.*\[SESSION_ABSENT_VOTER\]/);
    expect(await fingerprint('049009')).toEqual(before);
  });

  it('reproduces the printed spending table: 79 rows, totals to the cent, 214 ratios equal, 23 not computable', async () => {
    const rows = await db.orm.em.getConnection().execute<{ programme_id: string; assestato: string; impegnato: string; liquidato_competenza: string; residui_passivi: string; liquidato_residui: string }[]>(
      `select programme_id, assestato, impegnato, liquidato_competenza, residui_passivi, liquidato_residui from spending_row t ${OF_LIVORNO}`,
    );
    const computed = computeSpending(
      rows.map((r) => ({
        mission: r.programme_id.slice(0, 2),
        programme: r.programme_id.slice(3),
        amounts: { assestato: r.assestato, impegnato: r.impegnato, liquidatoCompetenza: r.liquidato_competenza, residuiPassivi: r.residui_passivi, liquidatoResidui: r.liquidato_residui },
      })),
    );
    const table = new Map<string, { amounts: Record<string, string>; ratios: (string | null)[] }>();
    const ratiosOf = (r: { impegnatoSuAssestato: string | null; liquidatoSuImpegnato: string | null; liquidatoResiduiSuResidui: string | null }) => [
      r.impegnatoSuAssestato, r.liquidatoSuImpegnato, r.liquidatoResiduiSuResidui,
    ];
    for (const m of computed.missions) {
      for (const p of m.programmes) table.set(`${p.mission}.${p.programme}`, { amounts: { ...p.amounts }, ratios: ratiosOf(p.ratios) });
      table.set(m.mission, { amounts: { ...m.total }, ratios: ratiosOf(m.ratios) });
    }
    table.set('TOTALE', { amounts: { ...computed.grandTotal }, ratios: ratiosOf(computed.grandRatios) });
    expect(table.size).toBe(79);

    const printed = livornoImport().printedSpending;
    expect(printed).toHaveLength(79);
    let equal = 0;
    let notComputable = 0;
    for (const row of printed) {
      const mine = table.get(row.key)!;
      expect({ key: row.key, ...mine.amounts }).toEqual({ key: row.key, ...row.amounts });
      row.ratios.forEach((value, k) => {
        if (mine.ratios[k] === null) {
          expect(value).toBe('0.00'); // printed as 0,00% by the document
          notComputable += 1;
        } else {
          expect(mine.ratios[k]).toBe(value);
          equal += 1;
        }
      });
    }
    expect(equal).toBe(214);
    expect(notComputable).toBe(23);
    expect(computed.grandTotal.assestato).toBe('475193437.97');
    expect(ratiosOf(computed.grandRatios)).toEqual(['34.90', '40.42', '47.97']);
  });

  it('changes nothing when loaded again, and never touches another ente', async () => {
    const livornoBefore = await fingerprint('049009');
    const otherBefore = await fingerprint('999001');
    await loadDataset(db.orm, livorno);
    expect(await fingerprint('049009')).toEqual(livornoBefore);
    expect(await fingerprint('999001')).toEqual(otherBefore);
    expect(Number(otherBefore['n'])).toBeGreaterThan(0);
  });

  it('writes nothing when a dataset breaks a rule, and says why in Italian', async () => {
    const before = await fingerprint('049009');
    const broken: PlanDataset = structuredClone(livorno);
    const goal = broken.goals.find((g) => g.departments.length > 1)!;
    goal.departments.forEach((d) => (d.lead = true));
    broken.goalStatuses[0].narrative = 'questa modifica non deve arrivare al database';
    await expect(loadDataset(db.orm, broken)).rejects.toThrow(PlanRuleViolation);
    await expect(loadDataset(db.orm, broken)).rejects.toThrow(/un solo settore capofila.*\[MULTIPLE_LEADS\]/);

    const unknownProgramme: PlanDataset = structuredClone(livorno);
    unknownProgramme.goalStatuses[0].narrative = 'neanche questa';
    unknownProgramme.spending[57].programme = '77';
    await expect(loadDataset(db.orm, unknownProgramme)).rejects.toThrow(/PROGRAMME_UNKNOWN/);
    expect(await fingerprint('049009')).toEqual(before);
  });
});

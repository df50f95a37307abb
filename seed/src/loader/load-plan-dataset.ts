import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import type { PlanDataset } from '../dataset/plan-dataset';
import { loadCouncilSessions } from './load-council-sessions';
import { assertLockedPeriodsUnchanged, LOCKED_STATES } from './locked-periods';
import { syncByKey } from './upsert';

export interface LoadCounts {
  mandateLines: number;
  strategicDirections: number;
  strategicObjectives: number;
  operationalObjectives: number;
  goals: number;
  goalDepartments: number;
  leadMarkers: number;
  departments: number;
  indicators: number;
  goalStatuses: number;
  indicatorResults: number;
  spendingRows: number;
  acts: number;
  councilSessions: number;
}

const ownerKey = (role: string, person?: string | null) => `${role}:${person ?? ''}`;
const actKey = (a: { body: string; kind: string; number: string; date: string }) => `${a.body}|${a.kind}|${a.number}|${a.date}`;

/**
 * Writes a dataset into the database through the domain entities and rules. Everything is
 * matched by natural keys, so loading the same dataset again changes nothing; the caller runs
 * it inside one transaction. Only the dataset's own ente is touched.
 */
export async function loadPlanDataset(em: EntityManager, ds: PlanDataset, progress: (step: string) => void = () => undefined): Promise<LoadCounts> {
  validateDataset(ds);

  progress('ente e atti');
  const [ente] = [
    ...syncByKey({
      em,
      entity: E.Ente,
      existing: await em.find(E.Ente, { istatCode: ds.ente.istatCode }),
      wanted: [ds.ente],
      keyOfExisting: (e) => e.istatCode,
      keyOfWanted: (e) => e.istatCode,
      data: (e) => ({ name: e.name, istatCode: e.istatCode, issuingOffice: e.issuingOffice }),
    }).values(),
  ];
  const tenant = { ente };

  const actRows = syncByKey({
    em,
    entity: E.Act,
    existing: await em.find(E.Act, { ente }),
    wanted: ds.acts,
    keyOfExisting: actKey,
    keyOfWanted: actKey,
    data: (a) => ({ ...tenant, body: a.body as E.ActBody, kind: a.kind as E.ActKind, number: a.number, date: a.date, subject: a.subject }),
  });
  const actByDatasetKey = new Map(ds.acts.map((a) => [a.key, actRows.get(actKey(a))!]));
  const act = (key: string | undefined, where: string) => {
    if (!key) return undefined;
    const found = actByDatasetKey.get(key);
    if (!found) throw new E.PlanRuleViolation('ACT_UNKNOWN', `Atto sconosciuto ${key}`, where);
    return found;
  };

  progress('mandato e linee');
  const [mandate] = [
    ...syncByKey({
      em,
      entity: E.Mandate,
      existing: await em.find(E.Mandate, { ente }),
      wanted: [ds.mandate],
      keyOfExisting: (m) => String(m.startYear),
      keyOfWanted: (m) => String(m.startYear),
      data: (m) => ({ ...tenant, title: m.title, startYear: m.startYear, endYear: m.endYear, mayor: m.mayor, approvedBy: act(m.approvedByActKey, 'mandato') }),
    }).values(),
  ];
  const lines = syncByKey({
    em,
    entity: E.MandateLine,
    existing: await em.find(E.MandateLine, { mandate }),
    wanted: ds.mandateLines,
    keyOfExisting: (l) => String(l.number),
    keyOfWanted: (l) => String(l.number),
    data: (l) => ({ ...tenant, mandate, number: l.number, title: l.title, alternateTitles: l.alternateTitles, description: l.description }),
  });
  const existingDirections = await em.find(E.StrategicDirection, { line: { mandate } });
  let directionCount = 0;
  for (const l of ds.mandateLines) {
    const line = lines.get(String(l.number))!;
    directionCount += l.directions.length;
    syncByKey({
      em,
      entity: E.StrategicDirection,
      existing: existingDirections.filter((d) => d.line.id === line.id),
      wanted: l.directions.map((text, i) => ({ text, position: i + 1 })),
      keyOfExisting: (d) => String(d.position),
      keyOfWanted: (d) => String(d.position),
      data: (d) => ({ ...tenant, line, position: d.position, text: d.text }),
      removeOthers: true,
    });
  }

  progress('edizione, atti e variazioni');
  const [edition] = [
    ...syncByKey({
      em,
      entity: E.PlanEdition,
      existing: await em.find(E.PlanEdition, { ente, code: ds.edition.code }),
      wanted: [ds.edition],
      keyOfExisting: (e) => e.code,
      keyOfWanted: (e) => e.code,
      data: (e) => ({ ...tenant, mandate, code: e.code, title: e.title, startYear: e.startYear, endYear: e.endYear }),
    }).values(),
  ];
  syncByKey({
    em,
    entity: E.EditionAct,
    existing: await em.find(E.EditionAct, { edition }),
    wanted: ds.edition.acts,
    keyOfExisting: (a) => `${a.act.id}|${a.role}`,
    keyOfWanted: (a) => `${act(a.actKey, 'edizione')!.id}|${a.role}`,
    data: (a) => ({ ...tenant, edition, act: act(a.actKey, 'edizione')!, role: a.role as E.EditionActRole, note: a.note }),
    removeOthers: true,
  });
  const amendments = syncByKey({
    em,
    entity: E.Amendment,
    existing: await em.find(E.Amendment, { edition }),
    wanted: ds.edition.amendments,
    keyOfExisting: (a) => a.act.id,
    keyOfWanted: (a) => act(a.actKey, 'variazione')!.id,
    data: (a) => ({ ...tenant, edition, act: act(a.actKey, 'variazione')!, effectiveDate: a.effectiveDate, description: a.description }),
  });
  const amendment = (key: string | undefined) => (key ? amendments.get(act(key, 'variazione')!.id) : undefined);

  progress('settori e responsabili politici');
  const departments = syncByKey({
    em,
    entity: E.Department,
    existing: await em.find(E.Department, { ente }),
    wanted: ds.departments,
    keyOfExisting: (d) => d.code,
    keyOfWanted: (d) => d.code,
    data: (d) => ({ ...tenant, code: d.code, name: d.name, kind: d.kind as E.DepartmentKind, aliases: d.aliases }),
  });
  const owners = syncByKey({
    em,
    entity: E.PoliticalOwner,
    existing: await em.find(E.PoliticalOwner, { ente }),
    wanted: ds.politicalOwners,
    keyOfExisting: (o) => ownerKey(o.role, o.personName),
    keyOfWanted: (o) => ownerKey(o.role, o.personName),
    data: (o) => ({ ...tenant, role: o.role as E.OwnerRole, personName: o.personName }),
  });
  const ownerByDatasetKey = new Map(ds.politicalOwners.map((o) => [o.key, owners.get(ownerKey(o.role, o.personName))!]));

  progress('obiettivi strategici e operativi');
  const missions = new Map((await em.find(E.Mission, {})).map((m) => [m.code, m]));
  const programmes = new Map((await em.find(E.Programme, {})).map((p) => [p.id, p]));
  const strategic = syncByKey({
    em,
    entity: E.StrategicObjective,
    existing: await em.find(E.StrategicObjective, { edition }),
    wanted: ds.strategicObjectives,
    keyOfExisting: (s) => s.code,
    keyOfWanted: (s) => s.code,
    data: (s) => ({
      ...tenant,
      edition,
      line: lines.get(String(s.lineNumber))!,
      code: s.code,
      title: s.title,
      alternateTitles: s.alternateTitles,
      description: s.description,
      partecipate: s.partecipate,
      introducedBy: amendment(s.introducedByActKey),
    }),
  });
  const existingSoMissions = await em.find(E.StrategicObjectiveMission, { objective: { edition } });
  for (const s of ds.strategicObjectives) {
    const objective = strategic.get(s.code)!;
    syncByKey({
      em,
      entity: E.StrategicObjectiveMission,
      existing: existingSoMissions.filter((m) => m.objective.id === objective.id),
      wanted: s.missions.map((code, i) => ({ code, position: i + 1 })),
      keyOfExisting: (m) => `${m.position}`,
      keyOfWanted: (m) => `${m.position}`,
      data: (m) => ({ ...tenant, objective, mission: required(missions.get(m.code), 'MISSION_UNKNOWN', `Missione ${m.code}`, s.code), position: m.position }),
      removeOthers: true,
    });
  }
  const operational = syncByKey({
    em,
    entity: E.OperationalObjective,
    existing: await em.find(E.OperationalObjective, { edition }),
    wanted: ds.operationalObjectives,
    keyOfExisting: (o) => o.code,
    keyOfWanted: (o) => o.code,
    data: (o) => ({
      ...tenant,
      edition,
      strategicObjective: required(strategic.get(o.strategicCode), 'SO_UNKNOWN', `Obiettivo strategico ${o.strategicCode}`, o.code),
      code: o.code,
      title: o.title,
      alternateTitles: o.alternateTitles,
      ownerLabel: o.ownerLabel,
      goalsHeading: o.goalsHeading,
      introducedBy: amendment(o.introducedByActKey),
    }),
  });
  const existingOwners = await em.find(E.ObjectiveOwner, { objective: { edition } });
  const existingProgrammes = await em.find(E.ObjectiveProgramme, { objective: { edition } });
  for (const o of ds.operationalObjectives) {
    const objective = operational.get(o.code)!;
    syncByKey({
      em,
      entity: E.ObjectiveOwner,
      existing: existingOwners.filter((r) => r.objective.id === objective.id),
      wanted: o.ownerKeys.map((key, i) => ({ key, position: i + 1 })),
      keyOfExisting: (r) => `${r.position}`,
      keyOfWanted: (r) => `${r.position}`,
      data: (r) => ({
        ...tenant,
        objective,
        owner: required(ownerByDatasetKey.get(r.key), 'OWNER_UNKNOWN', `Responsabile ${r.key}`, o.code),
        position: r.position,
      }),
      removeOthers: true,
    });
    syncByKey({
      em,
      entity: E.ObjectiveProgramme,
      existing: existingProgrammes.filter((r) => r.objective.id === objective.id),
      wanted: o.programmes.map((p, i) => ({ id: `${p.mission}.${p.programme}`, position: i + 1 })),
      keyOfExisting: (r) => `${r.position}`,
      keyOfWanted: (r) => `${r.position}`,
      data: (r) => ({
        ...tenant,
        objective,
        programme: required(programmes.get(r.id), 'PROGRAMME_UNKNOWN', `Programma ${r.id}`, o.code),
        position: r.position,
      }),
      removeOthers: true,
    });
  }

  progress('finalità e settori coinvolti');
  const goalKey = (opCode: string, order: number) => `${opCode}/${order}`;
  const goals = syncByKey({
    em,
    entity: E.Goal,
    existing: await em.find(E.Goal, { objective: { edition } }, { populate: ['objective'] }),
    wanted: ds.goals,
    keyOfExisting: (g) => goalKey(g.objective.getEntity().code, g.position), keyOfWanted: (g) => goalKey(g.opCode, g.order),
    data: (g) => ({ ...tenant, objective: required(operational.get(g.opCode), 'OP_UNKNOWN', `Obiettivo operativo ${g.opCode}`, `finalità ${g.order}`), position: g.order, title: g.title, description: g.description, departmentsHeading: g.departmentsHeading }),
  });
  const existingRows = await em.find(E.GoalDepartment, { goal: { objective: { edition } } });
  let goalDepartments = 0;
  let leads = 0;
  for (const g of ds.goals) {
    const goal = goals.get(goalKey(g.opCode, g.order))!;
    goalDepartments += g.departments.length;
    leads += g.departments.filter((d) => d.lead).length;
    syncByKey({
      em,
      entity: E.GoalDepartment,
      existing: existingRows.filter((r) => r.goal.id === goal.id),
      wanted: g.departments.map((d, i) => ({ ...d, position: i + 1 })),
      keyOfExisting: (r) => `${r.position}`,
      keyOfWanted: (r) => `${r.position}`,
      data: (d) => ({
        ...tenant,
        goal,
        position: d.position,
        department: d.departmentCode
          ? required(departments.get(d.departmentCode), 'DEPARTMENT_UNKNOWN', `Settore ${d.departmentCode}`, goalKey(g.opCode, g.order))
          : undefined,
        allDepartmentsLabel: d.allDepartmentsLabel,
        printedName: d.printedName,
        lead: d.lead,
        years: d.years,
        note: d.note,
      }),
      removeOthers: true,
    });
  }

  progress('indicatori');
  const indicatorKey = (opCode: string, order: number) => `${opCode}#${order}`;
  const indicators = syncByKey({
    em,
    entity: E.Indicator,
    existing: await em.find(E.Indicator, { objective: { edition } }, { populate: ['objective'] }),
    wanted: ds.indicators,
    keyOfExisting: (i) => indicatorKey(i.objective.getEntity().code, i.position),
    keyOfWanted: (i) => indicatorKey(i.opCode, i.order),
    data: (i) => ({
      ...tenant,
      objective: required(operational.get(i.opCode), 'OP_UNKNOWN', `Obiettivo operativo ${i.opCode}`, `indicatore ${i.order}`),
      goal: i.goalOrder
        ? required(goals.get(goalKey(i.opCode, i.goalOrder)), 'GOAL_UNKNOWN', `Finalità ${i.goalOrder}`, indicatorKey(i.opCode, i.order))
        : undefined,
      groupLabel: i.groupLabel,
      position: i.order,
      name: i.name,
      unit: i.unit,
      kind: i.kind as E.IndicatorKind,
      polarity: i.polarity as E.Polarity,
    }),
  });
  const existingTargets = await em.find(E.IndicatorTarget, { indicator: { objective: { edition } } });
  for (const i of ds.indicators) {
    const indicator = indicators.get(indicatorKey(i.opCode, i.order))!;
    syncByKey({
      em,
      entity: E.IndicatorTarget,
      existing: existingTargets.filter((t) => t.indicator.id === indicator.id),
      wanted: i.targets,
      keyOfExisting: (t) => String(t.year),
      keyOfWanted: (t) => String(t.year),
      data: (t) => ({ ...tenant, indicator, year: t.year, comparator: t.comparator as E.Comparator | undefined, value: t.value, unit: t.unit, text: t.text }),
      removeOthers: true,
    });
  }

  progress('periodi, stati di attuazione e risultati');
  const existingPeriods = await em.find(E.ReportingPeriod, { edition });
  const lockedPeriodIds = new Set(existingPeriods.filter((p) => LOCKED_STATES.includes(p.state)).map((p) => p.id));
  const periods = syncByKey({
    em,
    entity: E.ReportingPeriod,
    existing: existingPeriods,
    wanted: ds.periods,
    keyOfExisting: (p) => p.cutoffDate,
    keyOfWanted: (p) => p.cutoffDate,
    data: (p) => ({
      ...tenant,
      edition,
      cutoffDate: p.cutoffDate,
      kind: p.kind as E.PeriodKind,
      state: p.state as E.PeriodState,
      notedBy: act(p.notedByActKey, `periodo ${p.cutoffDate}`),
      approvedBy: act(p.approvedByActKey, `periodo ${p.cutoffDate}`),
    }),
  });
  const period = (cutoff: string, where: string) => required(periods.get(cutoff), 'PERIOD_UNKNOWN', `Periodo ${cutoff}`, where);
  syncByKey({
    em,
    entity: E.GoalStatus,
    existing: await em.find(E.GoalStatus, { goal: { objective: { edition } } }, { populate: ['goal.objective', 'period'] }),
    wanted: ds.goalStatuses,
    keyOfExisting: (s) => `${goalKey(s.goal.getEntity().objective.getEntity().code, s.goal.getEntity().position)}@${s.period.getEntity().cutoffDate}`,
    keyOfWanted: (s) => `${goalKey(s.opCode, s.goalOrder)}@${s.period}`,
    data: (s) => ({
      ...tenant,
      goal: required(goals.get(goalKey(s.opCode, s.goalOrder)), 'GOAL_UNKNOWN', `Finalità ${goalKey(s.opCode, s.goalOrder)}`, 'stato'),
      period: period(s.period, goalKey(s.opCode, s.goalOrder)),
      narrative: s.narrative,
      asOfLabel: s.asOfLabel,
      declaredState: s.declaredState as E.DeclaredState | undefined,
      percentComplete: s.percentComplete === undefined ? undefined : s.percentComplete.toFixed(2),
      deferredTo: s.deferredTo,
      deferralText: s.deferralText,
    }),
  });
  syncByKey({
    em,
    entity: E.IndicatorResult,
    existing: await em.find(E.IndicatorResult, { indicator: { objective: { edition } } }, { populate: ['indicator.objective', 'period'] }),
    wanted: ds.indicatorResults,
    keyOfExisting: (r) =>
      `${indicatorKey(r.indicator.getEntity().objective.getEntity().code, r.indicator.getEntity().position)}@${r.period.getEntity().cutoffDate}`,
    keyOfWanted: (r) => `${indicatorKey(r.opCode, r.indicatorOrder)}@${r.period}`,
    data: (r) => ({
      ...tenant,
      indicator: required(
        indicators.get(indicatorKey(r.opCode, r.indicatorOrder)),
        'INDICATOR_UNKNOWN',
        `Indicatore ${indicatorKey(r.opCode, r.indicatorOrder)}`,
        'risultato',
      ),
      period: period(r.period, indicatorKey(r.opCode, r.indicatorOrder)),
      text: r.text,
      value: r.value,
      unit: r.unit,
      status: r.status as E.ResultStatus,
      deferredTo: r.deferredTo,
    }),
  });

  progress('spese per missioni e programmi');
  await loadSpendingVersions(em, ds, tenant, period, programmes);

  if (ds.reportTexts) {
    // Absent from a dataset means "not managed by it": texts edited in the application stay.
    progress('testi del rapporto');
    syncByKey({
      em,
      entity: E.ReportText,
      existing: await em.find(E.ReportText, { edition }, { populate: ['period'] }),
      wanted: ds.reportTexts,
      keyOfExisting: (t) => `${t.period ? t.period.getEntity().cutoffDate : '*'}@${t.key}`,
      keyOfWanted: (t) => `${t.period ?? '*'}@${t.key}`,
      data: (t) => ({ ...tenant, edition, period: t.period ? period(t.period, `testo ${t.key}`) : null, key: t.key, markdown: t.markdown, updatedBy: 'seed' }),
    });
  }

  let councilSessions = 0;
  if (ds.councilSessions) {
    progress('sedute del consiglio');
    councilSessions = await loadCouncilSessions(em, ente, ds.councilSessions, (key, where) => act(key, where)!);
  }

  progress('scrittura');
  assertLockedPeriodsUnchanged(em, lockedPeriodIds);
  await em.flush();
  return {
    acts: ds.acts.length,
    mandateLines: ds.mandateLines.length,
    strategicDirections: directionCount,
    strategicObjectives: ds.strategicObjectives.length,
    operationalObjectives: ds.operationalObjectives.length,
    goals: ds.goals.length,
    goalDepartments,
    leadMarkers: leads,
    departments: ds.departments.length,
    indicators: ds.indicators.length,
    goalStatuses: ds.goalStatuses.length,
    indicatorResults: ds.indicatorResults.length,
    spendingRows: ds.spending.length,
    councilSessions,
  };
}

/**
 * The dataset's spending table of each period, as a load (SpendingExtract) by `seed`: a
 * period without one gets version 1, a period whose latest version differs gets a new
 * version, and the same figures again change nothing.
 */
async function loadSpendingVersions(
  em: EntityManager,
  ds: PlanDataset,
  tenant: { ente: E.Ente },
  period: (cutoff: string, where: string) => E.ReportingPeriod,
  programmes: Map<string, E.Programme>,
): Promise<void> {
  const byPeriod = new Map<string, PlanDataset['spending']>();
  for (const row of ds.spending) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  for (const [cutoff, rows] of byPeriod) {
    const target = period(cutoff, 'spese');
    const figures = rows.map((s) => ({
      programmeId: `${s.mission}.${s.programme}`,
      amounts: { assestato: s.assestato, impegnato: s.impegnato, liquidatoCompetenza: s.liquidatoCompetenza, residuiPassivi: s.residuiPassivi, liquidatoResidui: s.liquidatoResidui },
    }));
    const seen = new Set<string>();
    for (const f of figures) {
      if (seen.has(f.programmeId)) throw new Error(`Chiave duplicata nel dataset: ${cutoff}@${f.programmeId}`);
      seen.add(f.programmeId);
    }
    const latest = await em.findOne(E.SpendingExtract, { period: target.id }, { orderBy: { version: 'desc' } });
    if (latest) {
      const current = await em.find(E.SpendingRow, { extract: latest });
      const currentFigures = current.map((r) => ({
        programmeId: r.programme.id,
        amounts: { assestato: r.assestato, impegnato: r.impegnato, liquidatoCompetenza: r.liquidatoCompetenza, residuiPassivi: r.residuiPassivi, liquidatoResidui: r.liquidatoResidui },
      }));
      if (E.sameSpendingFigures(figures, currentFigures)) continue;
    }
    const extract = em.create(E.SpendingExtract, {
      ...tenant, period: target, version: (latest?.version ?? 0) + 1, sha256: E.spendingFiguresSha256(figures),
      fileName: `dataset ${ds.edition.code}`, loadedBy: 'seed', rowCount: figures.length,
    });
    for (const f of figures) {
      em.create(E.SpendingRow, {
        ...tenant, extract,
        programme: required(programmes.get(f.programmeId), 'PROGRAMME_UNKNOWN', `Programma ${f.programmeId}`, 'spese'),
        ...f.amounts,
      });
    }
  }
}

function required<V>(value: V | undefined, code: string, what: string, where: string): V {
  if (value === undefined) throw new E.PlanRuleViolation(code, `${what} non trovato`, where);
  return value;
}

/** Domain rules checked before anything is written. */
export function validateDataset(ds: PlanDataset): void {
  const lineNumbers = new Set(ds.mandateLines.map((l) => l.number));
  for (const s of ds.strategicObjectives) {
    if (!lineNumbers.has(s.lineNumber)) throw new E.PlanRuleViolation('LINE_UNKNOWN', `Linea di mandato ${s.lineNumber} non trovata`, s.code);
    E.assertStrategicUnderLine(s.code, s.lineNumber);
  }
  for (const o of ds.operationalObjectives) E.assertOperationalUnderStrategic(o.code, o.strategicCode);
  for (const g of ds.goals) {
    const where = `finalità ${g.opCode}/${g.order}`;
    E.assertAtMostOneLead(g.departments, where);
    for (const d of g.departments) {
      E.assertDepartmentRowTarget(d, where);
      E.assertYearsWithinEdition(d.years, ds.edition.startYear, ds.edition.endYear, where);
    }
  }
  for (const s of ds.councilSessions ?? []) E.assertSessionRecordConsistent(s, `seduta ${s.actKey}`);
  for (const s of ds.goalStatuses) E.assertPercent(s.percentComplete, `stato ${s.opCode}/${s.goalOrder}`);
  for (const row of ds.spending) {
    for (const field of ['assestato', 'impegnato', 'liquidatoCompetenza', 'residuiPassivi', 'liquidatoResidui'] as const) {
      E.assertNonNegativeAmount(row[field], field, `spesa ${row.mission}.${row.programme}`);
    }
  }
}

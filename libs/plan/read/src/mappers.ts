import type * as E from '@dup/domain';
import { PERIOD_TRANSITIONS, REOPENABLE_STATES } from '@dup/domain';
import * as T from './types';

const nul = <V>(v: V | undefined): V | null => (v === undefined ? null : v);

/*
 * Entity → DTO mappers. A DTO never holds an entity: the tree DTOs outlive the request's
 * entity manager in the read-model cache. Relations a DTO shows must have been populated.
 */

export const toEnte = (e: E.Ente): T.EnteType => ({ id: e.id, name: e.name, istatCode: e.istatCode, issuingOffice: e.issuingOffice });

export const toAct = (a: E.Act): T.ActType => ({ id: a.id, body: a.body, kind: a.kind, number: a.number, date: a.date, subject: a.subject });

const actOrNull = (ref: { unwrap(): E.Act } | undefined): T.ActType | null => (ref ? toAct(ref.unwrap()) : null);

/** Needs `approvedBy` populated. */
export const toMandate = (m: E.Mandate): T.MandateType => ({
  id: m.id,
  title: m.title,
  startYear: m.startYear,
  endYear: m.endYear,
  mayor: m.mayor,
  approvedBy: actOrNull(m.approvedBy),
});

export const toEdition = (e: E.PlanEdition): T.PlanEditionType => ({
  id: e.id,
  code: e.code,
  title: e.title,
  startYear: e.startYear,
  endYear: e.endYear,
  enteId: e.ente.id,
  mandateId: e.mandate.id,
});

/** Needs `notedBy` and `approvedBy` populated. */
export const toPeriod = (p: E.ReportingPeriod): T.ReportingPeriodType => ({
  id: p.id,
  cutoffDate: p.cutoffDate,
  kind: p.kind,
  state: p.state,
  notedBy: actOrNull(p.notedBy),
  approvedBy: actOrNull(p.approvedBy),
  nextStates: [...PERIOD_TRANSITIONS[p.state]],
  revision: p.revision,
  reopenable: REOPENABLE_STATES.includes(p.state),
});

/** Needs `act` populated. */
export const toAmendment = (a: E.Amendment): T.AmendmentType => ({
  id: a.id,
  effectiveDate: a.effectiveDate,
  description: a.description,
  act: toAct(a.act.unwrap()),
});

/** Needs `act` populated. */
export const toEditionAct = (r: E.EditionAct): T.EditionActType => ({ role: r.role, note: r.note ?? null, act: toAct(r.act.unwrap()) });

export const toLine = (l: E.MandateLine): T.MandateLineType => ({
  id: l.id,
  number: l.number,
  title: l.title,
  alternateTitles: l.alternateTitles,
  description: l.description,
  directions: [],
  strategicObjectives: [],
});

export const toDirection = (d: E.StrategicDirection): T.StrategicDirectionType => ({ id: d.id, position: d.position, text: d.text });

/** Needs `line`, `introducedBy.act` and `retiredBy.act` populated; children are attached by the caller. */
export const toStrategic = (s: E.StrategicObjective): T.StrategicObjectiveType => ({
  id: s.id,
  code: s.code,
  title: s.title,
  alternateTitles: s.alternateTitles,
  description: s.description,
  partecipate: nul(s.partecipate),
  lineNumber: s.line.unwrap().number,
  missions: [],
  operationalObjectives: [],
  introducedBy: s.introducedBy ? toAmendment(s.introducedBy.unwrap()) : null,
  retiredBy: s.retiredBy ? toAmendment(s.retiredBy.unwrap()) : null,
  lineId: s.line.id,
  predecessorId: s.predecessor?.id ?? null,
});

/** Needs `introducedBy.act` and `retiredBy.act` populated; children are attached by the caller. */
export const toOperational = (o: E.OperationalObjective): T.OperationalObjectiveType => ({
  id: o.id,
  code: o.code,
  title: o.title,
  alternateTitles: o.alternateTitles,
  ownerLabel: o.ownerLabel,
  goalsHeading: nul(o.goalsHeading),
  owners: [],
  programmes: [],
  goals: [],
  indicators: [],
  introducedBy: o.introducedBy ? toAmendment(o.introducedBy.unwrap()) : null,
  retiredBy: o.retiredBy ? toAmendment(o.retiredBy.unwrap()) : null,
  predecessorId: o.predecessor?.id ?? null,
});

export const toDepartment = (d: E.Department): T.DepartmentType => ({ id: d.id, code: d.code, name: d.name, kind: d.kind, aliases: d.aliases });

export const toOwner = (o: E.PoliticalOwner): T.PoliticalOwnerType => ({ id: o.id, role: o.role, personName: nul(o.personName) });

export const toMission = (m: E.Mission): T.MissionType => ({ code: m.code, name: nul(m.name) });

export const toProgramme = (p: E.Programme, mission: E.Mission): T.ProgrammeType => ({
  id: p.id,
  code: p.code,
  name: p.name,
  confirmed: p.confirmed,
  mission: toMission(mission),
});

/** Children are attached by the caller. */
export const toGoal = (g: E.Goal): T.GoalType => ({
  id: g.id,
  position: g.position,
  title: g.title,
  description: g.description,
  departmentsHeading: nul(g.departmentsHeading),
  departments: [],
  statusList: [],
  predecessorId: g.predecessor?.id ?? null,
});

/** Needs `department` populated. */
export const toGoalDepartment = (r: E.GoalDepartment): T.GoalDepartmentType => ({
  position: r.position,
  department: r.department ? toDepartment(r.department.unwrap()) : null,
  allDepartments: !r.department,
  allDepartmentsLabel: nul(r.allDepartmentsLabel),
  printedName: r.printedName,
  lead: r.lead,
  // Refined by the edition tree, which sees all of the goal's rows (reportingLeadRows).
  reportingLead: r.lead,
  years: r.years,
  note: nul(r.note),
});

/** Needs `period` populated. */
export const toGoalStatus = (s: E.GoalStatus): T.GoalStatusType => ({
  id: s.id,
  period: s.period.unwrap().cutoffDate,
  narrative: s.narrative,
  asOfLabel: s.asOfLabel,
  declaredState: nul(s.declaredState),
  percentComplete: nul(s.percentComplete),
  deferredTo: nul(s.deferredTo),
  deferralText: nul(s.deferralText),
  version: s.version,
  author: s.author,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** Needs `goal` and `objective` populated; targets and results are attached by the caller. */
export const toIndicator = (i: E.Indicator): T.IndicatorType => ({
  id: i.id,
  position: i.position,
  name: i.name,
  unit: nul(i.unit),
  kind: i.kind,
  polarity: i.polarity,
  groupLabel: nul(i.groupLabel),
  goalPosition: i.goal ? i.goal.unwrap().position : null,
  objectiveCode: i.objective.unwrap().code,
  targets: [],
  resultList: [],
});

export const toTarget = (t: E.IndicatorTarget): T.IndicatorTargetType => ({
  year: t.year,
  comparator: nul(t.comparator),
  value: nul(t.value),
  unit: nul(t.unit),
  text: nul(t.text),
});

/** Needs `period` populated. */
export const toResult = (r: E.IndicatorResult): T.IndicatorResultType => ({
  id: r.id,
  period: r.period.unwrap().cutoffDate,
  text: r.text,
  value: nul(r.value),
  unit: nul(r.unit),
  status: r.status,
  deferredTo: nul(r.deferredTo),
  version: r.version,
  author: r.author,
  updatedAt: r.updatedAt,
});

/** Groups `items` by `keyOf`, keeping their order. */
export function groupBy<V>(items: readonly V[], keyOf: (item: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Period order (ISO dates sort as strings). */
export const byPeriod = <V extends { period: string }>(a: V, b: V) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);

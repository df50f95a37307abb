import type * as E from '@dup/domain';
import * as T from './types';

const nul = <V>(v: V | undefined): V | null => (v === undefined ? null : v);

export const toEnte = (e: E.Ente): T.EnteType => ({ id: e.id, name: e.name, istatCode: e.istatCode, issuingOffice: e.issuingOffice });

export const toAct = (a: E.Act): T.ActType => ({ id: a.id, body: a.body, kind: a.kind, number: a.number, date: a.date, subject: a.subject });

export const toMandate = (m: E.Mandate): T.MandateType => ({
  id: m.id,
  title: m.title,
  startYear: m.startYear,
  endYear: m.endYear,
  mayor: m.mayor,
  approvedById: m.approvedBy?.id ?? null,
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

export const toPeriod = (p: E.ReportingPeriod): T.ReportingPeriodType => ({
  id: p.id,
  cutoffDate: p.cutoffDate,
  kind: p.kind,
  state: p.state,
  notedById: p.notedBy?.id ?? null,
  approvedById: p.approvedBy?.id ?? null,
});

export const toLine = (l: E.MandateLine, editionId: string): T.MandateLineType => ({
  id: l.id,
  number: l.number,
  title: l.title,
  alternateTitles: l.alternateTitles,
  description: l.description,
  editionId,
});

export const toDirection = (d: E.StrategicDirection): T.StrategicDirectionType => ({ id: d.id, position: d.position, text: d.text });

export const toStrategic = (s: E.StrategicObjective, lineNumber: number): T.StrategicObjectiveType => ({
  id: s.id,
  code: s.code,
  title: s.title,
  alternateTitles: s.alternateTitles,
  description: s.description,
  partecipate: nul(s.partecipate),
  lineNumber,
  lineId: s.line.id,
  introducedById: s.introducedBy?.id ?? null,
});

export const toOperational = (o: E.OperationalObjective): T.OperationalObjectiveType => ({
  id: o.id,
  code: o.code,
  title: o.title,
  alternateTitles: o.alternateTitles,
  ownerLabel: o.ownerLabel,
  goalsHeading: nul(o.goalsHeading),
  introducedById: o.introducedBy?.id ?? null,
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

export const toGoal = (g: E.Goal): T.GoalType => ({
  id: g.id,
  position: g.position,
  title: g.title,
  description: g.description,
  objectiveId: g.objective.id,
});

export const toGoalDepartment = (r: E.GoalDepartment): T.GoalDepartmentType => ({
  position: r.position,
  department: null,
  allDepartments: !r.department,
  allDepartmentsLabel: nul(r.allDepartmentsLabel),
  printedName: r.printedName,
  lead: r.lead,
  years: r.years,
  note: nul(r.note),
  departmentId: r.department?.id ?? null,
});

export const toGoalStatus = (s: E.GoalStatus, period: string): T.GoalStatusType => ({
  id: s.id,
  period,
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

export const toIndicator = (i: E.Indicator, goalPosition: number | null): T.IndicatorType => ({
  id: i.id,
  position: i.position,
  name: i.name,
  unit: nul(i.unit),
  kind: i.kind,
  polarity: i.polarity,
  groupLabel: nul(i.groupLabel),
  goalPosition,
  objectiveId: i.objective.id,
  goalId: i.goal?.id ?? null,
});

export const toTarget = (t: E.IndicatorTarget): T.IndicatorTargetType => ({
  year: t.year,
  comparator: nul(t.comparator),
  value: nul(t.value),
  unit: nul(t.unit),
  text: nul(t.text),
});

export const toResult = (r: E.IndicatorResult, period: string): T.IndicatorResultType => ({
  id: r.id,
  period,
  text: r.text,
  value: nul(r.value),
  unit: nul(r.unit),
  status: r.status,
  deferredTo: nul(r.deferredTo),
  version: r.version,
  author: r.author,
  updatedAt: r.updatedAt,
  indicatorId: r.indicator.id,
});

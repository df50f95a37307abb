import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import * as M from '../mappers';
import type * as T from '../types';
import { loadEditionProgress } from './edition-progress';

/** Everything the plan tree shows for one edition, as DTOs that carry their children. */
export interface EditionTree {
  editionId: string;
  ente: T.EnteType;
  mandate: T.MandateType;
  acts: T.EditionActType[];
  amendments: T.AmendmentType[];
  periods: T.ReportingPeriodType[];
  mandateLines: T.MandateLineType[];
  strategicObjectives: T.StrategicObjectiveType[];
  /** Plan summaries by requested period ('' = latest), filled on demand. */
  summaries: Map<string, T.PlanSummaryType>;
}

/** The statements one tree build issues, whatever the data size: see loadEditionTree. */
export const EDITION_TREE_STATEMENTS = 17;
const joined = { strategy: 'joined' } as const;

/** Marks the rows that report the goal's status (see the domain's reportingLeadRows). */
function withReportingLead(rows: T.GoalDepartmentType[]): T.GoalDepartmentType[] {
  const leads = E.reportingLeadRows(rows, (r) => r.department !== null);
  return rows.map((r) => ({ ...r, reportingLead: leads.includes(r) }));
}

/**
 * Loads the whole tree of an edition with a fixed list of statements (EDITION_TREE_STATEMENTS),
 * one per level, each fetching everything its level shows through joined `populate`, all filtered
 * by the edition rather than by parent ids, so they run concurrently and their number never
 * depends on the data or on timing. The DTOs are assembled level by level in memory.
 */
export async function loadEditionTree(em: EntityManager, edition: { id: string; mandateId: string }): Promise<EditionTree> {
  const ed = edition.id;
  const byObjective = { objective: { edition: ed } };
  const [
    editions,
    lines,
    directions,
    acts,
    amendments,
    periods,
    strategic,
    missions,
    operational,
    owners,
    programmes,
    goals,
    departments,
    indicators,
    progress,
  ] = await Promise.all([
    em.find(E.PlanEdition, { id: ed }, { populate: ['ente', 'mandate.approvedBy'], ...joined }),
    em.find(E.MandateLine, { mandate: edition.mandateId }, { orderBy: { number: 'asc' } }),
    em.find(E.StrategicDirection, { line: { mandate: edition.mandateId } }, { orderBy: { position: 'asc' } }),
    em.find(E.EditionAct, { edition: ed }, { populate: ['act'], orderBy: { act: { date: 'asc' }, role: 'asc' }, ...joined }),
    em.find(E.Amendment, { edition: ed }, { populate: ['act'], orderBy: { effectiveDate: 'asc' }, ...joined }),
    em.find(E.ReportingPeriod, { edition: ed }, { populate: ['notedBy', 'approvedBy'], orderBy: { cutoffDate: 'asc' }, ...joined }),
    em.find(E.StrategicObjective, { edition: ed }, { populate: ['line', 'introducedBy.act', 'retiredBy.act'], orderBy: { code: 'asc' }, ...joined }),
    em.find(E.StrategicObjectiveMission, { objective: { edition: ed } }, { populate: ['mission'], orderBy: { position: 'asc' }, ...joined }),
    em.find(E.OperationalObjective, { edition: ed }, { populate: ['introducedBy.act', 'retiredBy.act'], orderBy: { code: 'asc' }, ...joined }),
    em.find(E.ObjectiveOwner, byObjective, { populate: ['owner'], orderBy: { position: 'asc' }, ...joined }),
    em.find(E.ObjectiveProgramme, byObjective, { populate: ['programme.mission'], orderBy: { position: 'asc' }, ...joined }),
    em.find(E.Goal, byObjective, { orderBy: { position: 'asc' } }),
    em.find(E.GoalDepartment, { goal: byObjective }, { populate: ['department'], orderBy: { position: 'asc' }, ...joined }),
    em.find(E.Indicator, byObjective, { populate: ['goal', 'objective'], orderBy: { position: 'asc' }, ...joined }),
    // Statuses, targets and results: EDITION_PROGRESS_STATEMENTS of the total, reloaded alone after a progress write.
    loadEditionProgress(em, edition),
  ]);
  const [editionEntity] = editions;
  if (!editionEntity) throw new Error(`Edizione ${ed} non trovata`);

  const directionsByLine = M.groupBy(directions, (d) => d.line.id);
  const missionsByStrategic = M.groupBy(missions, (m) => m.objective.id);
  const operationalByStrategic = M.groupBy(operational, (o) => o.strategicObjective.id);
  const ownersByOperational = M.groupBy(owners, (o) => o.objective.id);
  const programmesByOperational = M.groupBy(programmes, (p) => p.objective.id);
  const goalsByOperational = M.groupBy(goals, (g) => g.objective.id);
  const departmentsByGoal = M.groupBy(departments, (d) => d.goal.id);
  const indicatorsByOperational = M.groupBy(indicators, (i) => i.objective.id);
  const none: never[] = [];

  const toGoal = (g: E.Goal): T.GoalType => ({
    ...M.toGoal(g),
    departments: withReportingLead((departmentsByGoal.get(g.id) ?? none).map(M.toGoalDepartment)),
    statusList: progress.statuses.get(g.id) ?? none,
  });
  const toIndicator = (i: E.Indicator): T.IndicatorType => ({
    ...M.toIndicator(i),
    targets: progress.targets.get(i.id) ?? none,
    resultList: progress.results.get(i.id) ?? none,
  });
  const toOperational = (o: E.OperationalObjective): T.OperationalObjectiveType => ({
    ...M.toOperational(o),
    owners: (ownersByOperational.get(o.id) ?? none).map((r) => M.toOwner(r.owner.unwrap())),
    programmes: (programmesByOperational.get(o.id) ?? none).map((r) => {
      const programme = r.programme.unwrap();
      return M.toProgramme(programme, programme.mission.unwrap());
    }),
    goals: (goalsByOperational.get(o.id) ?? none).map(toGoal),
    indicators: (indicatorsByOperational.get(o.id) ?? none).map(toIndicator),
  });
  const strategicObjectives = strategic.map((s): T.StrategicObjectiveType => ({
    ...M.toStrategic(s),
    missions: (missionsByStrategic.get(s.id) ?? none).map((r) => M.toMission(r.mission.unwrap())),
    operationalObjectives: (operationalByStrategic.get(s.id) ?? none).map(toOperational),
  }));
  const strategicByLine = M.groupBy(strategicObjectives, (s) => s.lineId);
  const mandateLines = lines.map((l): T.MandateLineType => ({
    ...M.toLine(l),
    directions: (directionsByLine.get(l.id) ?? none).map(M.toDirection),
    strategicObjectives: strategicByLine.get(l.id) ?? [],
  }));
  return {
    editionId: ed,
    ente: M.toEnte(editionEntity.ente.unwrap()),
    mandate: M.toMandate(editionEntity.mandate.unwrap()),
    acts: acts.map(M.toEditionAct),
    amendments: amendments.map(M.toAmendment),
    periods: periods.map(M.toPeriod),
    mandateLines,
    strategicObjectives,
    summaries: new Map(),
  };
}

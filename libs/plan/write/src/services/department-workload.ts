import { indicatorsOfGoal, ResultStatus } from '@dup/domain';
import { inForceAt, type EditionIndex, type GoalPlace, PlanTypes } from '@dup/plan-read';

/** A department's relation to a goal; ANY only as a filter. */
export enum GoalRelation {
  LEAD = 'LEAD',
  INVOLVED = 'INVOLVED',
  ANY = 'ANY',
}

/** One department listed on one goal in force at the period, with what the period holds for it. */
export interface DepartmentGoalItem {
  place: GoalPlace;
  department: PlanTypes.DepartmentType;
  relation: GoalRelation.LEAD | GoalRelation.INVOLVED;
  status: PlanTypes.GoalStatusType | null;
  previousStatus: PlanTypes.GoalStatusType | null;
  /** Of the indicators pertinent to the goal (the domain's indicatorsOfGoal rule). */
  indicatorsWithoutResult: number;
}

/** What one department has to report for a period, and what is still missing. */
export interface DepartmentWorkload {
  department: PlanTypes.DepartmentType;
  led: DepartmentGoalItem[];
  involved: DepartmentGoalItem[];
  /** Indicators of the objectives where the department leads a goal: its head records their results. */
  indicators: PlanTypes.IndicatorType[];
  missingGoals: PlanTypes.GoalType[];
  missingIndicators: PlanTypes.IndicatorType[];
}

/** A result that is absent or EMPTY is missing, as in the review signals. */
export function resultMissing(indicator: PlanTypes.IndicatorType, cutoff: string): boolean {
  const result = indicator.resultList.find((r) => r.period === cutoff);
  return !result || result.status === ResultStatus.EMPTY;
}

function indicatorsWithoutResult(place: GoalPlace, cutoff: string): number {
  // The domain rule works on ids: goal positions stand in for goal ids within one objective.
  const byId = new Map(place.objective.indicators.map((i) => [i.id, i]));
  const own = indicatorsOfGoal(
    String(place.goal.position),
    place.objective.indicators.map((i) => ({ id: i.id, position: i.position, goalId: i.goalPosition == null ? null : String(i.goalPosition) })),
  );
  return own.filter((i) => resultMissing(byId.get(i.id)!, cutoff)).length;
}

/** Items per index and cut-off: the index lives as long as its tree, the cut-offs are its periods. */
const itemsCache = new WeakMap<EditionIndex, Map<string, DepartmentGoalItem[]>>();

/**
 * Every (goal, department) pair of the goals in force at the cut-off, in plan order; within a
 * goal the lead first, then by department code. A department listed twice on a goal counts
 * once, as lead if either row leads. The "all departments" entry names no department and is
 * not a relation of any (as for the write permissions).
 */
export function departmentGoalItems(index: EditionIndex, cutoff: string): DepartmentGoalItem[] {
  let byCutoff = itemsCache.get(index);
  if (!byCutoff) itemsCache.set(index, (byCutoff = new Map()));
  const cached = byCutoff.get(cutoff);
  if (cached) return cached;
  const items: DepartmentGoalItem[] = [];
  for (const place of index.goals) {
    if (!inForceAt(place, cutoff)) continue;
    const relations = new Map<string, { department: PlanTypes.DepartmentType; lead: boolean }>();
    for (const row of place.goal.departments) {
      if (!row.department) continue;
      const seen = relations.get(row.department.id);
      relations.set(row.department.id, { department: row.department, lead: row.reportingLead || Boolean(seen?.lead) });
    }
    const statuses = place.goal.statusList;
    const status = statuses.find((s) => s.period === cutoff) ?? null;
    const previousStatus = statuses.filter((s) => s.period < cutoff).at(-1) ?? null;
    const missingResults = indicatorsWithoutResult(place, cutoff);
    const ordered = [...relations.values()].sort((a, b) => Number(b.lead) - Number(a.lead) || a.department.code.localeCompare(b.department.code));
    for (const { department, lead } of ordered) {
      items.push({
        place,
        department,
        relation: lead ? GoalRelation.LEAD : GoalRelation.INVOLVED,
        status,
        previousStatus,
        indicatorsWithoutResult: missingResults,
      });
    }
  }
  byCutoff.set(cutoff, items);
  return items;
}

/** The workload of each department that leads or is involved in a goal in force, by department id. */
export function departmentWorkloads(items: readonly DepartmentGoalItem[], cutoff: string): Map<string, DepartmentWorkload> {
  const workloads = new Map<string, DepartmentWorkload>();
  const objectivesLed = new Map<string, Set<PlanTypes.OperationalObjectiveType>>();
  for (const item of items) {
    const id = item.department.id;
    let w = workloads.get(id);
    if (!w) {
      w = { department: item.department, led: [], involved: [], indicators: [], missingGoals: [], missingIndicators: [] };
      workloads.set(id, w);
      objectivesLed.set(id, new Set());
    }
    if (item.relation === GoalRelation.LEAD) {
      w.led.push(item);
      if (!item.status) w.missingGoals.push(item.place.goal);
      const led = objectivesLed.get(id)!;
      if (!led.has(item.place.objective)) {
        // Items come in plan order, so the objectives (and their indicators) do too.
        led.add(item.place.objective);
        w.indicators.push(...item.place.objective.indicators);
      }
    } else {
      w.involved.push(item);
    }
  }
  for (const w of workloads.values()) w.missingIndicators = w.indicators.filter((i) => resultMissing(i, cutoff));
  return workloads;
}

/** A department with nothing to report for the period. */
export const emptyWorkload = (department: PlanTypes.DepartmentType): DepartmentWorkload => ({
  department,
  led: [],
  involved: [],
  indicators: [],
  missingGoals: [],
  missingIndicators: [],
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { Goal, GoalDepartment, Indicator, OperationalObjective, reportingLeadRows, Role, type Viewer } from '@dup/domain';
import { DomainError, notFound } from '@dup/graphql-kit';
import { checkId } from './write-context';

/** A goal of the viewer's ente with its edition, or NOT_FOUND (other entes' ids included). */
export async function findGoal(em: EntityManager, viewer: Viewer, goalId: string): Promise<{ goal: Goal; editionId: string }> {
  checkId(goalId, 'Finalità');
  const goal = await em.findOne(Goal, { id: goalId, ente: viewer.enteId }, { populate: ['objective'] });
  if (!goal) throw notFound('Finalità', goalId);
  return { goal, editionId: goal.objective.getEntity().edition.id };
}

/** An indicator of the viewer's ente with its objective and edition, or NOT_FOUND. */
export async function findIndicator(em: EntityManager, viewer: Viewer, indicatorId: string): Promise<{ indicator: Indicator; objective: OperationalObjective; editionId: string }> {
  checkId(indicatorId, 'Indicatore');
  const indicator = await em.findOne(Indicator, { id: indicatorId, ente: viewer.enteId }, { populate: ['objective'] });
  if (!indicator) throw notFound('Indicatore', indicatorId);
  const objective = indicator.objective.getEntity();
  return { indicator, objective, editionId: objective.edition.id };
}

/** The department rows of a goal that belong to the viewer (lead or involved). */
async function viewerRowsOfGoal(em: EntityManager, viewer: Viewer, goal: Goal): Promise<GoalDepartment[]> {
  if (viewer.departmentIds.length === 0) return [];
  return em.find(GoalDepartment, { goal, department: { $in: [...viewer.departmentIds] } });
}

/** Of the given goal rows, those that report the goal's status (capofila, or the only department listed). */
export function reportingLeads(rows: readonly GoalDepartment[]): GoalDepartment[] {
  const byGoal = new Map<string, GoalDepartment[]>();
  for (const row of rows) byGoal.set(row.goal.id, [...(byGoal.get(row.goal.id) ?? []), row]);
  return [...byGoal.values()].flatMap((goalRows) => reportingLeadRows(goalRows, (r) => Boolean(r.department)));
}

/**
 * The viewer's departments that lead the goal (capofila): they write its status. Empty for the
 * planning office, which needs none. A department head without one gets FORBIDDEN, told whether
 * a contribution is what they may add instead.
 */
export async function requireGoalLead(em: EntityManager, viewer: Viewer, goal: Goal): Promise<string[]> {
  if (viewer.role !== Role.DEPARTMENT_HEAD) return [];
  const rows = await viewerRowsOfGoal(em, viewer, goal);
  const own = new Set(viewer.departmentIds);
  const lead = reportingLeads(await em.find(GoalDepartment, { goal }))
    .map((r) => r.department?.id)
    .filter((id): id is string => Boolean(id && own.has(id)));
  if (lead.length) return lead;
  throw new DomainError(
    'FORBIDDEN',
    rows.length
      ? 'Il suo settore è coinvolto nella finalità ma non ne è capofila: può aggiungere un contributo, non scrivere lo stato di attuazione.'
      : 'Nessuno dei suoi settori è coinvolto nella finalità: non può modificarne lo stato di attuazione.',
  );
}

/** Whether the viewer's departments appear in the goal at all (history reads). */
export async function isGoalConcerned(em: EntityManager, viewer: Viewer, goal: Goal): Promise<boolean> {
  return (await viewerRowsOfGoal(em, viewer, goal)).length > 0;
}

/**
 * The viewer's departments that lead a goal of the indicator's objective: they record its
 * results. FORBIDDEN for a department head without one; empty for the planning office.
 */
export async function requireObjectiveLead(em: EntityManager, viewer: Viewer, objective: OperationalObjective): Promise<string[]> {
  if (viewer.role !== Role.DEPARTMENT_HEAD) return [];
  const own = new Set(viewer.departmentIds);
  const lead = [
    ...new Set(
      reportingLeads(await em.find(GoalDepartment, { goal: { objective } }))
        .map((r) => r.department?.id)
        .filter((id): id is string => Boolean(id && own.has(id))),
    ),
  ];
  if (lead.length) return lead;
  throw new DomainError(
    'FORBIDDEN',
    "I risultati degli indicatori sono registrati dal settore capofila di una finalità dell'obiettivo operativo: nessuno dei suoi settori lo è.",
  );
}

/** Whether the viewer's departments appear in any goal of the objective (history reads). */
export async function isObjectiveConcerned(em: EntityManager, viewer: Viewer, objective: OperationalObjective): Promise<boolean> {
  return (await objectiveRowsOfViewer(em, viewer, objective)).length > 0;
}

function objectiveRowsOfViewer(em: EntityManager, viewer: Viewer, objective: OperationalObjective): Promise<GoalDepartment[]> {
  if (viewer.departmentIds.length === 0) return Promise.resolve([]);
  return em.find(GoalDepartment, { goal: { objective }, department: { $in: [...viewer.departmentIds] } });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { assertAtMostOneLead, assertDepartmentRowTarget, assertYearsWithinEdition, Goal, GoalDepartment, type PlanEdition, type Viewer } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { checkId, notFound } from '@dup/graphql-kit';
import { MAX_LABEL, MAX_NARRATIVE, text } from '../validation';
import type { WriteContext } from '../write-context';
import { amendmentSnapshot } from './amendments.service';
import type { StructureChange } from './objectives.service';
import { asApiError, assertNotRetired, findDepartments, findOperational, loadAmendment } from './structure-checks';

export interface GoalDepartmentInput {
  departmentCode?: string | null;
  allDepartmentsLabel?: string | null;
  lead?: boolean | null;
  years?: number[] | null;
  note?: string | null;
}

export interface GoalInput {
  title?: string | null;
  description?: string | null;
  departments?: GoalDepartmentInput[] | null;
}

interface DepartmentRowSnapshot {
  department: string | null;
  allDepartmentsLabel: string | null;
  lead: boolean;
  years: number[];
}

const goalSnapshot = (g: Goal, departments: DepartmentRowSnapshot[]) => ({ position: g.position, title: g.title, description: g.description, departments });

/** Validates the department rows (one target each, at most one lead, years in the edition) and writes them in order. */
async function replaceDepartments(
  tx: EntityManager,
  viewer: Viewer,
  goal: Goal,
  edition: PlanEdition,
  rows: GoalDepartmentInput[],
): Promise<DepartmentRowSnapshot[]> {
  const clean = rows.map((r, i) => {
    const where = `departments.${i}`;
    const departmentCode = r.departmentCode?.trim() || undefined;
    const allDepartmentsLabel = r.allDepartmentsLabel?.trim() || undefined;
    asApiError(() => assertDepartmentRowTarget({ departmentCode, allDepartmentsLabel }, where), where);
    const years = [...(r.years ?? [])].sort((a, b) => a - b);
    asApiError(() => assertYearsWithinEdition(years, edition.startYear, edition.endYear, where), `${where}.years`);
    return { departmentCode, allDepartmentsLabel, lead: Boolean(r.lead), years, note: text(`${where}.note`, r.note, MAX_LABEL, true) || undefined };
  });
  asApiError(() => assertAtMostOneLead(clean, 'departments'), 'departments');
  const departments = await findDepartments(
    tx,
    viewer,
    clean.flatMap((r) => (r.departmentCode ? [r.departmentCode] : [])),
  );
  await tx.nativeDelete(GoalDepartment, { goal });
  clean.forEach((r, i) => {
    const department = r.departmentCode ? departments.get(r.departmentCode)! : undefined;
    tx.create(GoalDepartment, {
      ente: viewer.enteId,
      goal,
      position: i + 1,
      department,
      allDepartmentsLabel: r.allDepartmentsLabel,
      printedName: department?.name ?? r.allDepartmentsLabel ?? '',
      lead: r.lead,
      years: r.years,
      note: r.note,
    });
  });
  return clean.map((r) => ({ department: r.departmentCode ?? null, allDepartmentsLabel: r.allDepartmentsLabel ?? null, lead: r.lead, years: r.years }));
}

async function currentDepartments(tx: EntityManager, goal: Goal): Promise<DepartmentRowSnapshot[]> {
  const rows = await tx.find(GoalDepartment, { goal }, { populate: ['department'], orderBy: { position: 'asc' } });
  return rows.map((r) => ({
    department: r.department?.getEntity().code ?? null,
    allDepartmentsLabel: r.allDepartmentsLabel ?? null,
    lead: r.lead,
    years: r.years,
  }));
}

/** Adds a goal (finalità) at the end of an operational objective in force at the amendment's date. */
export async function addGoal(ctx: WriteContext, amendmentId: string, objectiveCode: string, input: GoalInput): Promise<StructureChange> {
  const { viewer } = ctx;
  const title = text('title', input.title, MAX_LABEL * 5);
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const objective = await findOperational(tx, amendment, objectiveCode, 'objectiveCode');
    assertNotRetired(objective, amendment, 'objectiveCode');
    assertNotRetired(objective.strategicObjective.getEntity(), amendment, 'objectiveCode');
    const [{ max }] = await tx
      .getConnection()
      .execute<{ max: number | null }[]>('select max(position) as max from goal where objective_id = ?', [objective.id], 'all', tx.getTransactionContext());
    const goal = tx.create(Goal, {
      ente: viewer.enteId,
      objective,
      position: (max ?? 0) + 1,
      title,
      description: text('description', input.description, MAX_NARRATIVE, true),
    });
    await tx.flush();
    const departments = await replaceDepartments(tx, viewer, goal, amendment.edition.getEntity(), input.departments ?? []);
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'ADD_GOAL',
      entityType: 'Goal',
      entityId: goal.id,
      after: { objective: objective.code, ...goalSnapshot(goal, departments), ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return { editionId: amendment.edition.id, mandateId: amendment.edition.getEntity().mandate.id, goalId: goal.id };
  });
}

/** Edits a goal: title, description, and the department rows (lead, years) when given. */
export async function updateGoal(ctx: WriteContext, amendmentId: string, goalId: string, input: GoalInput): Promise<StructureChange> {
  const { viewer } = ctx;
  checkId(goalId, 'Finalità');
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const goal = await tx.findOne(
      Goal,
      { id: goalId, ente: viewer.enteId, objective: { edition: amendment.edition } },
      { populate: ['objective.retiredBy', 'objective.strategicObjective.retiredBy'] },
    );
    if (!goal) throw notFound('Finalità', goalId);
    const objective = goal.objective.getEntity();
    assertNotRetired(objective, amendment, 'goalId');
    assertNotRetired(objective.strategicObjective.getEntity(), amendment, 'goalId');
    const before = goalSnapshot(goal, await currentDepartments(tx, goal));
    if (input.title != null) goal.title = text('title', input.title, MAX_LABEL * 5);
    if (input.description != null) goal.description = text('description', input.description, MAX_NARRATIVE, true);
    const departments = input.departments ? await replaceDepartments(tx, viewer, goal, amendment.edition.getEntity(), input.departments) : before.departments;
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'UPDATE_GOAL',
      entityType: 'Goal',
      entityId: goal.id,
      before,
      after: { ...goalSnapshot(goal, departments), ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return { editionId: amendment.edition.id, mandateId: amendment.edition.getEntity().mandate.id, goalId: goal.id };
  });
}

import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { Department, GoalContribution, GoalDepartment, Role, type Viewer } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { findGoal, reportingLeads } from './department-access';
import { MAX_NARRATIVE, text } from './validation';
import {
  assertDepartmentsOpen,
  assertPeriodWritable,
  checkExpectedVersion,
  conflict,
  lockPeriodForWrite,
  runVersionedWrite,
  type WriteContext,
} from './write-context';

export interface AddGoalContribution {
  goalId: string;
  period: string;
  departmentCode: string;
  text: string;
  /** Null when the department has no contribution yet for this goal and period. */
  expectedVersion?: number | null;
}

export interface GoalContributionView {
  id: string;
  goalId: string;
  period: string;
  departmentCode: string;
  departmentName: string;
  text: string;
  version: number;
  author: string;
  createdAt: Date;
  updatedAt: Date;
}

const WHAT = 'Il contributo del settore';

export const toContributionView = (c: GoalContribution, periodCutoff: string, department: Department): GoalContributionView => ({
  id: c.id,
  goalId: c.goal.id,
  period: periodCutoff,
  departmentCode: department.code,
  departmentName: department.name,
  text: c.text,
  version: c.version,
  author: c.author,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/**
 * A signed contribution of a department involved in a goal without leading it (one per goal,
 * period and department, versioned like statuses). The lead writes the status instead.
 */
export async function addGoalContribution(ctx: WriteContext, input: AddGoalContribution): Promise<GoalContributionView> {
  const body = text('text', input.text, MAX_NARRATIVE);
  const { viewer } = ctx;
  return runVersionedWrite(
    ctx.em,
    async (tx) => {
      const { goal, editionId } = await findGoal(tx, viewer, input.goalId);
      const department = await tx.findOne(Department, { ente: viewer.enteId, code: input.departmentCode });
      if (!department) throw notFound('Settore', input.departmentCode);
      const ownDepartment = viewer.departmentIds.includes(department.id);
      if (viewer.role === Role.DEPARTMENT_HEAD && !ownDepartment) {
        throw new DomainError('FORBIDDEN', `Il settore ${department.name} non è tra i suoi: può firmare contributi solo per i propri settori.`);
      }
      const rows = await tx.find(GoalDepartment, { goal });
      const row = rows.find((r) => r.department?.id === department.id);
      if (!row || reportingLeads(rows).includes(row)) {
        const message = row
          ? `Il settore ${department.name} scrive lo stato di attuazione della finalità (ne è il capofila o l'unico settore): non un contributo.`
          : `Il settore ${department.name} non è coinvolto nella finalità.`;
        // For a department head this is about what they may do; for the planning office, a wrong input.
        throw viewer.role === Role.DEPARTMENT_HEAD ? new DomainError('FORBIDDEN', message) : badUserInput('departmentCode', message);
      }
      const period = await lockPeriodForWrite(tx, editionId, input.period);
      assertPeriodWritable(period, viewer);
      await assertDepartmentsOpen(tx, viewer, period, [department.id]);

      const show = (c: GoalContribution) => toContributionView(c, period.cutoffDate, department);
      const current = await tx.findOne(GoalContribution, { goal, period, department }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      checkExpectedVersion(current, input.expectedVersion, WHAT, show);
      const before = current ? show(current) : null;
      const contribution = current ?? tx.create(GoalContribution, { ente: viewer.enteId, goal, period, department, text: body, author: viewer.username });
      contribution.text = body;
      contribution.author = viewer.username;
      contribution.version = current ? current.version + 1 : 1;
      await tx.flush();
      const after = show(contribution);
      await recordAudit(tx, viewer, {
        operation: 'ADD_GOAL_CONTRIBUTION',
        entityType: 'GoalContribution',
        entityId: contribution.id,
        periodId: period.id,
        before,
        after,
        requestId: ctx.requestId,
      });
      return after;
    },
    async (fresh) => {
      const current = await fresh.findOne(
        GoalContribution,
        { goal: input.goalId, period: { cutoffDate: input.period }, department: { code: input.departmentCode }, ente: viewer.enteId },
        { populate: ['period', 'department'] },
      );
      return conflict(WHAT, current, (c) => toContributionView(c, c.period.getEntity().cutoffDate, c.department.getEntity()));
    },
  );
}

/** The contributions of a goal in a period, by department code. */
export async function goalContributions(em: EntityManager, viewer: Viewer, goalId: string, cutoffDate: string): Promise<GoalContributionView[]> {
  const { goal, editionId } = await findGoal(em, viewer, goalId);
  const rows = await em.find(
    GoalContribution,
    { goal, period: { edition: editionId, cutoffDate } },
    { populate: ['period', 'department'], orderBy: { department: { code: 'asc' } } },
  );
  return rows.map((c) => toContributionView(c, c.period.getEntity().cutoffDate, c.department.getEntity()));
}

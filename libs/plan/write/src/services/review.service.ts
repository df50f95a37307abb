import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { Department, DepartmentReview, PlanEdition, ReportingPeriod, ReviewState, Role, type Viewer } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { editionIndex, loadEditionTree } from '@dup/plan-read';
import { departmentGoalItems, departmentWorkloads } from './department-workload';
import { MAX_TEXT, text } from './validation';
import { assertPeriodWritable, italianDate, type WriteContext } from './write-context';

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
}

export interface DepartmentReviewView {
  id: string;
  period: string;
  departmentCode: string;
  departmentName: string;
  state: ReviewState;
  comment: string | null;
  submissionNote: string | null;
  missingGoalsAtSubmission: number | null;
  missingIndicatorsAtSubmission: number | null;
  submittedBy: string;
  submittedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  version: number;
}

export const toReviewView = (r: DepartmentReview, period: Pick<ReportingPeriod, 'cutoffDate'>, department: Department): DepartmentReviewView => ({
  id: r.id,
  period: period.cutoffDate,
  departmentCode: department.code,
  departmentName: department.name,
  state: r.state,
  comment: r.comment ?? null,
  submissionNote: r.submissionNote ?? null,
  missingGoalsAtSubmission: r.missingGoalsAtSubmission ?? null,
  missingIndicatorsAtSubmission: r.missingIndicatorsAtSubmission ?? null,
  submittedBy: r.submittedBy,
  submittedAt: r.submittedAt,
  reviewedBy: r.reviewedBy ?? null,
  reviewedAt: r.reviewedAt ?? null,
  version: r.version,
});

/**
 * The period of the viewer's ente at a cut-off; `edition` disambiguates when several editions
 * report at the same date. Locked for update when `lock`: a submission then waits for the
 * department's in-flight writes, and later writes see it.
 */
export async function findPeriodByCutoff(em: EntityManager, viewer: Viewer, cutoffDate: string, edition?: string | null, lock = false): Promise<ReportingPeriod> {
  const periods = await em.find(
    ReportingPeriod,
    { ente: viewer.enteId, cutoffDate, ...(edition ? { edition: { code: edition } } : {}) },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (periods.length === 0) throw notFound('Periodo di rendicontazione', italianDate(cutoffDate));
  if (periods.length > 1) throw badUserInput('edition', "Più edizioni hanno un periodo a questa scadenza: indicare l'edizione.");
  return periods[0];
}

async function findDepartment(em: EntityManager, viewer: Viewer, code: string): Promise<Department> {
  const department = await em.findOne(Department, { ente: viewer.enteId, code });
  if (!department) throw notFound('Settore', code);
  return department;
}

/**
 * A department head (of that department) or the planning office hands the department's goals to
 * review. What is still missing (goals it leads without a status, results of the indicators it
 * records) is counted once the period is locked, so no write of the period can slip in between;
 * with anything missing the submission needs a reason (INCOMPLETE_SUBMISSION otherwise). The
 * reason and the counts are kept on the review and in the audit entry.
 */
export async function submitDepartmentForReview(
  ctx: WriteContext,
  cutoffDate: string,
  departmentCode: string,
  edition?: string | null,
  incompleteReason?: string | null,
): Promise<DepartmentReviewView> {
  const reason = text('incompleteReason', incompleteReason, MAX_TEXT, true) || null;
  const { viewer } = ctx;
  return ctx.em.transactional(async (tx) => {
    const department = await findDepartment(tx, viewer, departmentCode);
    if (viewer.role === Role.DEPARTMENT_HEAD && !viewer.departmentIds.includes(department.id)) {
      throw new DomainError('FORBIDDEN', `Il settore ${department.name} non è tra i suoi: può inviare in revisione solo i propri settori.`);
    }
    const period = await findPeriodByCutoff(tx, viewer, cutoffDate, edition, true);
    assertPeriodWritable(period, viewer);
    const review = await tx.findOne(DepartmentReview, { period, department }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (review && review.state !== ReviewState.RETURNED) {
      throw new DomainError(
        'CONFLICT',
        review.state === ReviewState.SUBMITTED
          ? `Le finalità del settore ${department.name} sono già in revisione.`
          : `Le finalità del settore ${department.name} sono già state accettate.`,
        { currentState: review.state, currentVersion: review.version },
      );
    }
    const missing = await missingAtSubmission(tx, period, department);
    if ((missing.goals || missing.indicators) && !reason) {
      throw new DomainError(
        'INCOMPLETE_SUBMISSION',
        `Per il periodo al ${italianDate(cutoffDate)} il settore ${department.name} ha ancora ${count(missing.goals, 'finalità', 'finalità')} senza stato di attuazione e ${count(missing.indicators, 'indicatore', 'indicatori')} senza risultato: completare i dati oppure indicare il motivo dell'invio incompleto.`,
        { missingGoals: missing.goals, missingIndicators: missing.indicators },
      );
    }
    const before = review ? toReviewView(review, period, department) : null;
    const now = new Date();
    const row =
      review ?? tx.create(DepartmentReview, { ente: viewer.enteId, period, department, state: ReviewState.SUBMITTED, submittedBy: viewer.username, submittedAt: now });
    row.state = ReviewState.SUBMITTED;
    row.submittedBy = viewer.username;
    row.submittedAt = now;
    row.submissionNote = reason ?? undefined;
    row.missingGoalsAtSubmission = missing.goals;
    row.missingIndicatorsAtSubmission = missing.indicators;
    row.version = review ? review.version + 1 : 1;
    await tx.flush();
    const after = toReviewView(row, period, department);
    await recordAudit(tx, viewer, { operation: 'SUBMIT_FOR_REVIEW', entityType: 'DepartmentReview', entityId: row.id, periodId: period.id, before, after, requestId: ctx.requestId });
    return after;
  });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the department still misses for the period, by the same rule as `departmentProgress`.
 * Read in the writing transaction, from the database rather than the shared read-model cache,
 * through a fork that keeps the transaction (its own identity map, the same connection).
 */
async function missingAtSubmission(tx: EntityManager, period: ReportingPeriod, department: Department): Promise<{ goals: number; indicators: number }> {
  const reader = tx.fork({ keepTransactionContext: true });
  const edition = await reader.findOneOrFail(PlanEdition, { id: period.edition.id }, { fields: ['id', 'mandate'] });
  const tree = await loadEditionTree(reader, { id: edition.id, mandateId: edition.mandate.id });
  const workload = departmentWorkloads(departmentGoalItems(editionIndex(tree), period.cutoffDate), period.cutoffDate).get(department.id);
  return { goals: workload?.missingGoals.length ?? 0, indicators: workload?.missingIndicators.length ?? 0 };
}

/**
 * The planning office accepts a submission, or returns it with a comment (required) so the
 * department can correct. An accepted department can still be returned, e.g. after reopening.
 */
export async function reviewDepartment(
  ctx: WriteContext,
  cutoffDate: string,
  departmentCode: string,
  decision: ReviewDecision,
  comment: string | null | undefined,
  edition?: string | null,
): Promise<DepartmentReviewView> {
  const note = text('comment', comment, MAX_TEXT, decision === ReviewDecision.ACCEPT) || null;
  const { viewer } = ctx;
  return ctx.em.transactional(async (tx) => {
    const department = await findDepartment(tx, viewer, departmentCode);
    const period = await findPeriodByCutoff(tx, viewer, cutoffDate, edition, true);
    assertPeriodWritable(period, viewer);
    const review = await tx.findOne(DepartmentReview, { period, department }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const allowed = decision === ReviewDecision.ACCEPT ? [ReviewState.SUBMITTED] : [ReviewState.SUBMITTED, ReviewState.ACCEPTED];
    if (!review || !allowed.includes(review.state)) {
      throw new DomainError('CONFLICT', `Le finalità del settore ${department.name} non sono in revisione per il periodo al ${italianDate(cutoffDate)}.`, {
        currentState: review?.state ?? null,
        currentVersion: review?.version ?? null,
      });
    }
    const before = toReviewView(review, period, department);
    review.state = decision === ReviewDecision.ACCEPT ? ReviewState.ACCEPTED : ReviewState.RETURNED;
    review.comment = note ?? undefined;
    review.reviewedBy = viewer.username;
    review.reviewedAt = new Date();
    review.version += 1;
    await tx.flush();
    const after = toReviewView(review, period, department);
    await recordAudit(tx, viewer, { operation: `REVIEW_${decision}`, entityType: 'DepartmentReview', entityId: review.id, periodId: period.id, before, after, requestId: ctx.requestId });
    return after;
  });
}

/** Every department review of a period, by department code. */
export async function departmentReviews(em: EntityManager, viewer: Viewer, cutoffDate: string, edition?: string | null): Promise<DepartmentReviewView[]> {
  const period = await findPeriodByCutoff(em, viewer, cutoffDate, edition);
  const rows = await em.find(DepartmentReview, { period }, { populate: ['department'], orderBy: { department: { code: 'asc' } } });
  return rows.map((r) => toReviewView(r, period, r.department.getEntity()));
}

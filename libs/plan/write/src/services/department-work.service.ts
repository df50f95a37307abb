import { Department, DepartmentReview, GoalContribution, PlanEdition, Role, type Viewer } from '@dup/domain';
import { badUserInput, decodeCursor, DomainError, encodeCursor, notFound } from '@dup/graphql-kit';
import { editionIndex, PlanMappers, type PlanReadContext, PlanTypes } from '@dup/plan-read';
import { toContributionView, type GoalContributionView } from './contribution.service';
import { departmentGoalItems, departmentWorkloads, emptyWorkload, GoalRelation, type DepartmentGoalItem, type DepartmentWorkload } from './department-workload';
import { toReviewView, type DepartmentReviewView } from './review.service';
import { italianDate } from './write-context';

export interface DepartmentGoalsFilter {
  department?: string | null;
  relation?: GoalRelation | null;
  missingOnly?: boolean | null;
  objectiveCode?: string | null;
  text?: string | null;
}

export interface DepartmentGoalNode {
  goal: PlanTypes.GoalType;
  relation: GoalRelation;
  department: PlanTypes.DepartmentType;
  status: PlanTypes.GoalStatusType | null;
  previousStatus: PlanTypes.GoalStatusType | null;
  contribution: GoalContributionView | null;
  indicatorsWithoutResult: number;
}

export interface DepartmentGoalPage {
  rows: { cursor: string; node: DepartmentGoalNode }[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface DepartmentProgressView {
  department: PlanTypes.DepartmentType;
  goalsLed: number;
  goalsLedWithStatus: number;
  goalsInvolved: number;
  contributions: number;
  indicatorsWithResult: number;
  indicators: number;
  review: DepartmentReviewView | null;
  missingGoals: PlanTypes.GoalType[];
  missingIndicators: PlanTypes.IndicatorType[];
}

/** Who may see the departments' work: not council members, who read the plan and the documents instead. */
export function requireDepartmentWorkReader(viewer: Viewer): void {
  if (viewer.role === Role.COUNCIL_MEMBER) {
    throw new DomainError(
      'FORBIDDEN',
      "Il lavoro dei settori sul periodo in corso è riservato ai settori, all'ufficio programmazione e ai revisori: i consiglieri consultano il piano e i documenti approvati.",
      { role: viewer.role },
    );
  }
}

/**
 * The edition's read model, the period and the period's contributions and departments: a fixed
 * number of statements whatever the number of goals (edition, data version, departments,
 * contributions; the tree itself is cached or built with its own fixed list).
 */
async function loadWork(ctx: PlanReadContext, viewer: Viewer, edition: string, cutoff: string) {
  const row = await ctx.em.findOne(PlanEdition, { code: edition, ente: viewer.enteId }, { fields: ['id', 'mandate'] });
  if (!row) throw notFound('Edizione', edition);
  const ofPeriod = { edition: row.id, cutoffDate: cutoff };
  const [tree, departments, contributionRows] = await Promise.all([
    ctx.loaders.editionTree({ id: row.id, mandateId: row.mandate.id }),
    ctx.em.find(Department, { ente: viewer.enteId }, { orderBy: { name: 'asc' } }),
    ctx.em.find(GoalContribution, { period: ofPeriod }, { populate: ['department'], strategy: 'joined' }),
  ]);
  const period = tree.periods.find((p) => p.cutoffDate === cutoff);
  if (!period) throw notFound('Periodo di rendicontazione', `${edition} al ${italianDate(cutoff)}`);
  const contributions = new Map<string, GoalContributionView>(
    contributionRows.map((c) => [`${c.goal.id}|${c.department.id}`, toContributionView(c, cutoff, c.department.getEntity())]),
  );
  return { editionId: row.id, items: departmentGoalItems(editionIndex(tree), cutoff), departments, contributions, ofPeriod };
}

/**
 * The departments a request is about: the one asked for, or every department (null) for the
 * planning office, auditors and administrators, and their own for a department head, who may
 * ask only for one of them.
 */
function departmentScope(viewer: Viewer, departments: Department[], code: string | null | undefined): Department[] | null {
  if (code) {
    const department = departments.find((d) => d.code === code);
    if (!department) throw notFound('Settore', code);
    if (viewer.role === Role.DEPARTMENT_HEAD && !viewer.departmentIds.includes(department.id)) {
      throw new DomainError('FORBIDDEN', `Il settore ${department.name} non è tra i suoi: può consultare solo le finalità dei propri settori.`, { field: 'department' });
    }
    return [department];
  }
  return viewer.role === Role.DEPARTMENT_HEAD ? departments.filter((d) => viewer.departmentIds.includes(d.id)) : null;
}

const OBJECTIVE_CODE = /^\d+\.\d{2}(\.\d{2})?$/;
const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const codeParts = (code: string) => code.split('.').map(Number);

/** Plan order of an item: objective code (numerically), goal position, lead first, department code. */
type ItemKey = [number[], number, number, string];
const keyOf = (item: DepartmentGoalItem): ItemKey => [
  codeParts(item.place.objective.code),
  item.place.goal.position,
  item.relation === GoalRelation.LEAD ? 0 : 1,
  item.department.code,
];

function compareKeys(a: ItemKey, b: ItemKey): number {
  for (let i = 0; i < Math.max(a[0].length, b[0].length); i += 1) if ((a[0][i] ?? 0) !== (b[0][i] ?? 0)) return (a[0][i] ?? 0) - (b[0][i] ?? 0);
  return a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

function decodeItemKey(after: string): ItemKey {
  const [code, position, rank, department] = decodeCursor(after, 4);
  if (!Array.isArray(code) || !code.every(Number.isInteger) || !Number.isInteger(position) || !Number.isInteger(rank) || typeof department !== 'string') {
    throw badUserInput('after', 'Cursore di paginazione non valido: usare un valore "endCursor" restituito dal servizio.');
  }
  return [code as number[], position as number, rank as number, department];
}

/** The filter as a predicate over items; validated before any statement runs. */
function filterOf(filter: DepartmentGoalsFilter) {
  const objectiveCode = filter.objectiveCode?.trim();
  if (objectiveCode && !OBJECTIVE_CODE.test(objectiveCode)) {
    throw badUserInput('filter.objectiveCode', 'Codice obiettivo non valido: usare la forma "1.01" (strategico) o "1.01.01" (operativo).');
  }
  const text = filter.text?.trim() ? folded(filter.text.trim()) : null;
  const relation = filter.relation ?? GoalRelation.ANY;
  return (contributions: Map<string, GoalContributionView>) => (item: DepartmentGoalItem): boolean => {
    if (relation !== GoalRelation.ANY && item.relation !== relation) return false;
    const { objective, goal } = item.place;
    if (objectiveCode && objective.code !== objectiveCode && !objective.code.startsWith(`${objectiveCode}.`)) return false;
    if (filter.missingOnly) {
      const done = item.relation === GoalRelation.LEAD ? item.status !== null : contributions.has(`${goal.id}|${item.department.id}`);
      if (done) return false;
    }
    if (text && ![goal.title, goal.description, objective.code, objective.title].some((s) => folded(s).includes(text))) return false;
    return true;
  };
}

/** A page of the goals of one or more departments for a period, in plan order (Relay connection). */
export async function departmentGoals(
  ctx: PlanReadContext,
  viewer: Viewer,
  args: { edition: string; period: string; filter: DepartmentGoalsFilter; first: number; after?: string | null },
): Promise<DepartmentGoalPage> {
  requireDepartmentWorkReader(viewer);
  const afterKey = args.after ? decodeItemKey(args.after) : null;
  const filter = filterOf(args.filter);
  const { items, departments, contributions } = await loadWork(ctx, viewer, args.edition, args.period);
  const scope = departmentScope(viewer, departments, args.filter.department);
  const inScope = scope ? new Set(scope.map((d) => d.id)) : null;
  const keep = filter(contributions);
  const selected = items.filter((item) => (!inScope || inScope.has(item.department.id)) && keep(item));
  const start = afterKey ? selected.findIndex((item) => compareKeys(keyOf(item), afterKey) > 0) : 0;
  const rest = start < 0 ? [] : selected.slice(start);
  const page = rest.slice(0, args.first);
  return {
    rows: page.map((item) => ({
      cursor: encodeCursor(keyOf(item)),
      node: {
        goal: item.place.goal,
        relation: item.relation,
        department: item.department,
        status: item.status,
        previousStatus: item.previousStatus,
        contribution: item.relation === GoalRelation.INVOLVED ? (contributions.get(`${item.place.goal.id}|${item.department.id}`) ?? null) : null,
        indicatorsWithoutResult: item.indicatorsWithoutResult,
      },
    })),
    totalCount: selected.length,
    hasNextPage: rest.length > args.first,
    hasPreviousPage: Boolean(args.after),
  };
}

/**
 * Progress of each department for a period: every department that leads or is involved in a
 * goal in force (the planning office, auditors, administrators), or the viewer's own (a
 * department head), in order of name.
 */
export async function departmentProgress(ctx: PlanReadContext, viewer: Viewer, edition: string, cutoff: string): Promise<DepartmentProgressView[]> {
  requireDepartmentWorkReader(viewer);
  const { items, departments, contributions, ofPeriod } = await loadWork(ctx, viewer, edition, cutoff);
  const reviews = await ctx.em.find(DepartmentReview, { period: ofPeriod }, { populate: ['department'], strategy: 'joined' });
  const reviewOf = new Map(reviews.map((r) => [r.department.id, toReviewView(r, { cutoffDate: cutoff }, r.department.getEntity())]));
  const workloads = departmentWorkloads(items, cutoff);
  const scope = departmentScope(viewer, departments, null) ?? departments.filter((d) => workloads.has(d.id));
  return scope.map((department) => {
    const w: DepartmentWorkload = workloads.get(department.id) ?? emptyWorkload(PlanMappers.toDepartment(department));
    return {
      department: w.department,
      goalsLed: w.led.length,
      goalsLedWithStatus: w.led.length - w.missingGoals.length,
      goalsInvolved: w.involved.length,
      contributions: w.involved.filter((i) => contributions.has(`${i.place.goal.id}|${department.id}`)).length,
      indicators: w.indicators.length,
      indicatorsWithResult: w.indicators.length - w.missingIndicators.length,
      review: reviewOf.get(department.id) ?? null,
      missingGoals: w.missingGoals,
      missingIndicators: w.missingIndicators,
    };
  });
}

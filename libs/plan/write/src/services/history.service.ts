import type { EntityManager } from '@mikro-orm/postgresql';
import { GoalStatus, GoalStatusVersion, IndicatorResult, IndicatorResultVersion, ReportingPeriod, Role, type Viewer } from '@dup/domain';
import { DomainError, notFound } from '@dup/graphql-kit';
import { findGoal, findIndicator, isGoalConcerned, isObjectiveConcerned } from './department-access';
import { italianDate } from './write-context';
import type { GoalStatusVersionType, IndicatorResultVersionType } from '../graphql/write.types';

type StatusFields = Pick<GoalStatusVersion, 'version' | 'narrative' | 'asOfLabel' | 'declaredState' | 'percentComplete' | 'deferredTo' | 'deferralText' | 'author' | 'createdAt'>;
type ResultFields = Pick<IndicatorResultVersion, 'version' | 'text' | 'value' | 'unit' | 'status' | 'deferredTo' | 'author' | 'createdAt'>;

const toStatusVersion = (v: StatusFields): GoalStatusVersionType => ({
  version: v.version,
  narrative: v.narrative,
  asOfLabel: v.asOfLabel,
  declaredState: v.declaredState ?? null,
  percentComplete: v.percentComplete ?? null,
  deferredTo: v.deferredTo ?? null,
  deferralText: v.deferralText ?? null,
  author: v.author,
  createdAt: v.createdAt,
});

const toResultVersion = (v: ResultFields): IndicatorResultVersionType => ({
  version: v.version,
  text: v.text,
  value: v.value ?? null,
  unit: v.unit ?? null,
  status: v.status,
  deferredTo: v.deferredTo ?? null,
  author: v.author,
  createdAt: v.createdAt,
});

const notConcerned = () => new DomainError('FORBIDDEN', 'La cronologia è consultabile dai dirigenti dei soli settori coinvolti.');

async function periodOf(em: EntityManager, editionId: string, cutoffDate: string): Promise<ReportingPeriod> {
  const period = await em.findOne(ReportingPeriod, { edition: editionId, cutoffDate });
  if (!period) throw notFound('Periodo di rendicontazione', italianDate(cutoffDate));
  return period;
}

/** Every version of a goal's status in a period, oldest first; empty when never written. */
export async function goalStatusHistory(em: EntityManager, viewer: Viewer, goalId: string, cutoffDate: string): Promise<GoalStatusVersionType[]> {
  const { goal, editionId } = await findGoal(em, viewer, goalId);
  if (viewer.role === Role.DEPARTMENT_HEAD && !(await isGoalConcerned(em, viewer, goal))) throw notConcerned();
  const period = await periodOf(em, editionId, cutoffDate);
  const status = await em.findOne(GoalStatus, { goal, period });
  if (!status) return [];
  const versions = await em.find(GoalStatusVersion, { status }, { orderBy: { version: 'asc' } });
  // A status never rewritten since the import has no history row yet: its current version is the history.
  if (!versions.some((v) => v.version === status.version)) {
    return [...versions.map(toStatusVersion), toStatusVersion({ ...status, createdAt: status.updatedAt })];
  }
  return versions.map(toStatusVersion);
}

/** Every version of an indicator's result in a period, oldest first. */
export async function indicatorResultHistory(em: EntityManager, viewer: Viewer, indicatorId: string, cutoffDate: string): Promise<IndicatorResultVersionType[]> {
  const { indicator, objective, editionId } = await findIndicator(em, viewer, indicatorId);
  if (viewer.role === Role.DEPARTMENT_HEAD && !(await isObjectiveConcerned(em, viewer, objective))) throw notConcerned();
  const period = await periodOf(em, editionId, cutoffDate);
  const result = await em.findOne(IndicatorResult, { indicator, period });
  if (!result) return [];
  const versions = await em.find(IndicatorResultVersion, { result }, { orderBy: { version: 'asc' } });
  if (!versions.some((v) => v.version === result.version)) {
    return [...versions.map(toResultVersion), toResultVersion({ ...result, createdAt: result.updatedAt })];
  }
  return versions.map(toResultVersion);
}

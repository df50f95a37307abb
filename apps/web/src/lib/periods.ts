import type { PeriodState } from '../gql/graphql';

export interface PeriodLike {
  cutoffDate: string;
  state: PeriodState;
}

/** States in which the data can still change: departments report while OPEN, the planning office until the Giunta takes note. */
export const COLLECTING: readonly PeriodState[] = ['OPEN', 'COLLECTION_CLOSED', 'IN_REVIEW'];

/**
 * The period people are working on: the latest one being collected or reviewed, else the latest
 * one already closed or approved (what a council member reads), else the latest planned.
 */
export function currentPeriod<P extends PeriodLike>(periods: readonly P[]): P | null {
  const byDate = [...periods].sort((a, b) => b.cutoffDate.localeCompare(a.cutoffDate));
  return byDate.find((p) => COLLECTING.includes(p.state)) ?? byDate.find((p) => p.state !== 'PLANNED') ?? byDate[0] ?? null;
}

/** The next half-year cut-off after a date: 30/06 or 31/12. */
export function nextCutoff(after: string | null, startYear: number): string {
  if (!after) return `${startYear}-06-30`;
  const [year, month] = after.split('-').map(Number);
  return month <= 6 ? `${year}-12-31` : `${year + 1}-06-30`;
}

/** States in which the Giunta has taken note: the report is final and council members read it. */
export const PUBLISHED: readonly PeriodState[] = ['NOTED_BY_GIUNTA', 'APPROVED_BY_COUNCIL'];

/** The latest period the Giunta has taken note of (what a council member reads), else the current one. */
export function latestPublished<P extends PeriodLike>(periods: readonly P[]): P | null {
  const byDate = [...periods].sort((a, b) => b.cutoffDate.localeCompare(a.cutoffDate));
  return byDate.find((p) => PUBLISHED.includes(p.state)) ?? currentPeriod(periods);
}

/**
 * The period the planning office would open next when nothing is being collected: the earliest
 * planned one after the latest period in use, else the next half-year cut-off within the edition's
 * years. Null while a period is open or in review, or when the edition has no cut-off left.
 */
export function periodToOpen<P extends PeriodLike>(
  periods: readonly P[],
  edition: { startYear: number; endYear: number },
): { cutoffDate: string; planned: boolean } | null {
  if (periods.some((p) => COLLECTING.includes(p.state))) return null;
  const used = periods.filter((p) => p.state !== 'PLANNED').map((p) => p.cutoffDate);
  const latest = used.sort().at(-1) ?? null;
  const planned = periods
    .filter((p) => p.state === 'PLANNED' && (!latest || p.cutoffDate > latest))
    .map((p) => p.cutoffDate)
    .sort()[0];
  if (planned) return { cutoffDate: planned, planned: true };
  const cutoffDate = nextCutoff(latest, edition.startYear);
  return Number(cutoffDate.slice(0, 4)) <= edition.endYear ? { cutoffDate, planned: false } : null;
}

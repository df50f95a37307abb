import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';

/** Period data the loader writes: what a period's approval (or the Giunta's note) freezes. */
// Spending rows belong to a load (SpendingExtract), which names the period: a new load is the change.
const PERIOD_DATA = [E.GoalStatus, E.IndicatorResult, E.SpendingExtract, E.ReportText] as const;

/**
 * The loader is a write path too (the `seed` command): once the Giunta took note of a period, or
 * the council approved it, a dataset that would change its statuses, results, spending or texts
 * is refused with PERIOD_LOCKED before anything is written, as every other channel is. Reloading
 * the same data changes nothing and passes. `lockedPeriodIds`: the periods locked before the
 * load, as stored (the dataset cannot unlock them).
 */
export function assertLockedPeriodsUnchanged(em: EntityManager, lockedPeriodIds: ReadonlySet<string>): void {
  if (lockedPeriodIds.size === 0) return;
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  for (const change of uow.getChangeSets()) {
    const entity = change.entity as { period?: { id: string } | null };
    if (!PERIOD_DATA.some((type) => change.entity instanceof type) || !entity.period || !lockedPeriodIds.has(entity.period.id)) continue;
    throw new E.PlanRuleViolation(
      'PERIOD_LOCKED',
      `Il periodo è stato preso d'atto dalla Giunta o approvato dal Consiglio: i suoi dati non si modificano (${change.name}, ${change.type}); per correggerli un amministratore riapre il periodo`,
      `periodo ${entity.period.id}`,
    );
  }
}

export const LOCKED_STATES: readonly E.PeriodState[] = [E.PeriodState.NOTED_BY_GIUNTA, E.PeriodState.APPROVED_BY_COUNCIL];

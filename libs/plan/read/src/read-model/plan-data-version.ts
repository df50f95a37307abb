import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Marks the plan data as changed in the current transaction. Writers normally need not call it:
 * triggers on every plan table do (migration PlanDataVersion). It is for a transaction that
 * changes what the read API shows by other means, so the whole read model is rebuilt (structure
 * version too). It must run inside the writing transaction, so that the new versions commit, or
 * roll back, with the data.
 */
export async function bumpPlanDataVersion(em: EntityManager): Promise<void> {
  await em.getConnection().execute('select bump_plan_structure_version()', [], 'all', em.getTransactionContext());
}

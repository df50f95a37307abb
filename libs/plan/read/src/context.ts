import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlanLoaders } from './loaders/plan-loaders';

/** What every plan resolver receives: a request-scoped entity manager and its loaders. */
export interface PlanReadContext {
  em: EntityManager;
  loaders: PlanLoaders;
  maxPageSize: number;
}

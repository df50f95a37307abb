import type { AuthContext } from '@dup/auth';
import type { RequestContextBase } from '@dup/graphql-kit';
import type { PlanLoaders } from './loaders/plan-loaders';

/** What every plan resolver receives: a request-scoped entity manager, the viewer and loaders. */
export interface PlanReadContext extends RequestContextBase, AuthContext {
  loaders: PlanLoaders;
  /**
   * Cut-off dates whose statuses and results this viewer may not read (drafts, for council
   * members). Filled by the query resolvers before any status or result is resolved.
   */
  hiddenCutoffs?: ReadonlySet<string>;
}

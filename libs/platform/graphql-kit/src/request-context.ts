import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '@dup/domain';

/** What every resolver receives with a request. */
export interface RequestContextBase {
  /** A fork of the entity manager for this request only. */
  em: EntityManager;
  /** Null for anonymous requests. */
  viewer: Viewer | null;
  /** Correlates logs, errors and audit rows of one request. */
  requestId: string;
  maxPageSize: number;
}

import type { EntityData, EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { AuditEntry, type Viewer } from '@dup/domain';

/** A write without a user behind it (CLI, seed, import), still attributed to an ente. */
export interface SystemActor {
  system: string;
  enteId: string;
}

export type AuditActor = Viewer | SystemActor;

export interface AuditRecord {
  /** Stable verb, e.g. `SET_GOAL_STATUS`, `OPEN_PERIOD`, `CREATE_USER`. */
  operation: string;
  /** Entity class name, e.g. `GoalStatus`. */
  entityType: string;
  entityId: string;
  periodId?: string | null;
  /** Snapshot before the write (null for a creation). Never secrets: callers pass plain snapshots. */
  before?: object | null;
  /** Snapshot after the write. */
  after?: object | null;
  requestId?: string | null;
}

const isSystem = (actor: AuditActor): actor is SystemActor => 'system' in actor;

/**
 * Appends one audit row through `em`, which must be the write's own transaction: the row then
 * commits or rolls back with the write, so the trail never shows a write that did not happen
 * nor misses one that did. Refusing to run outside a transaction makes that misuse loud.
 */
export async function recordAudit(em: EntityManager, actor: AuditActor, record: AuditRecord): Promise<string> {
  if (!em.isInTransaction()) throw new Error('recordAudit must run inside the transaction of the audited write');
  const row: EntityData<AuditEntry> = {
    ente: actor.enteId,
    actorUserId: isSystem(actor) ? undefined : actor.userId,
    actor: isSystem(actor) ? actor.system : actor.username,
    actorRole: isSystem(actor) ? undefined : actor.role,
    via: isSystem(actor) ? actor.system : actor.via,
    operation: record.operation,
    entityType: record.entityType,
    entityId: record.entityId,
    periodId: record.periodId ?? undefined,
    // Round-trip through JSON so Dates and class instances are stored as the API shows them.
    before: snapshot(record.before),
    after: snapshot(record.after),
    requestId: record.requestId ?? undefined,
  };
  // occurredAt is left to the column default (clock_timestamp()): database time, not app time.
  const id = await em.insert(AuditEntry, row as RequiredEntityData<AuditEntry>);
  return String(id);
}

function snapshot(value: object | null | undefined): Record<string, unknown> | undefined {
  return value == null ? undefined : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}

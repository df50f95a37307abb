import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Ente } from './ente.entity';

/**
 * Append-only trail of every write: who, when, what, before and after. A database trigger
 * refuses UPDATE, DELETE and TRUNCATE on this table, whoever connects.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['ente', 'occurredAt'] })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['actorUserId', 'occurredAt'] })
@Index({ properties: ['periodId', 'occurredAt'] })
export class AuditEntry {
  /** Monotonic: also the pagination key. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Ente, { ref: true, deleteRule: 'restrict' })
  ente!: Ref<Ente>;

  @Property({ type: 'timestamptz', defaultRaw: 'clock_timestamp()' })
  occurredAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string;

  /** Username, or `system` / `import` for writes without a user. */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text', nullable: true })
  actorRole?: string;

  /** `jwt`, `api-token:<id>`, `cli`, `seed`. */
  @Property({ type: 'text' })
  via!: string;

  /** e.g. `SET_GOAL_STATUS`, `RECORD_INDICATOR_RESULT`, `OPEN_PERIOD`. */
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text' })
  entityId!: string;

  @Property({ type: 'uuid', nullable: true })
  periodId?: string;

  @Property({ type: 'jsonb', nullable: true })
  before?: Record<string, unknown>;

  @Property({ type: 'jsonb', nullable: true })
  after?: Record<string, unknown>;

  @Property({ type: 'text', nullable: true })
  requestId?: string;
}

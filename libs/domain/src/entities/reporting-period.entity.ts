import { Check, Entity, Enum, ManyToOne, type Opt, Property, type Ref, Unique, Index } from '@mikro-orm/core';
import { PeriodKind, PeriodState } from '../enums';
import { Act } from './act.entity';
import { TenantEntity } from './base.entity';
import { PlanEdition } from './plan-edition.entity';

/** A half-year reporting checkpoint of an edition (30/06 or 31/12). */
@Entity({ tableName: 'reporting_period' })
@Unique({ properties: ['edition', 'cutoffDate'] })
@Index({ properties: ['ente', 'cutoffDate'] })
@Check({ name: 'reporting_period_revision_check', expression: 'revision > 0' })
export class ReportingPeriod extends TenantEntity {
  @ManyToOne(() => PlanEdition, { ref: true, deleteRule: 'cascade' })
  edition!: Ref<PlanEdition>;

  @Property({ type: 'date' })
  cutoffDate!: string;

  @Enum({ items: () => PeriodKind })
  kind!: PeriodKind;

  @Enum({ items: () => PeriodState })
  state!: PeriodState;

  /** The Giunta act that took note of the status report. */
  @ManyToOne(() => Act, { ref: true, nullable: true, deleteRule: 'set null' })
  notedBy?: Ref<Act>;

  /** The council act that approved the status report. */
  @ManyToOne(() => Act, { ref: true, nullable: true, deleteRule: 'set null' })
  approvedBy?: Ref<Act>;

  /**
   * 1, then one more at each reopening (PeriodReopening): the acts and frozen reports of an
   * earlier revision stay on record under its number.
   */
  @Property({ type: 'integer', default: 1 })
  revision: number & Opt = 1;
}

/**
 * An administrator's reopening of a period: the revision it closed, the state and acts it had
 * reached, and why it was reopened. Append-only history; the period itself moves to OPEN with
 * the next revision.
 */
@Entity({ tableName: 'period_reopening' })
@Unique({ properties: ['period', 'closedRevision'] })
export class PeriodReopening extends TenantEntity {
  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  /** The revision that ended with this reopening. */
  @Property({ type: 'integer' })
  closedRevision!: number;

  @Enum({ items: () => PeriodState })
  previousState!: PeriodState;

  @ManyToOne(() => Act, { ref: true, nullable: true, deleteRule: 'set null' })
  notedBy?: Ref<Act> | null;

  @ManyToOne(() => Act, { ref: true, nullable: true, deleteRule: 'set null' })
  approvedBy?: Ref<Act> | null;

  @Property({ type: 'text' })
  reason!: string;

  /** Username of the administrator. */
  @Property({ type: 'text' })
  reopenedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  reopenedAt: Date & Opt = new Date();
}

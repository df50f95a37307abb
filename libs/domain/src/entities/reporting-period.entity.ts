import { Entity, Enum, ManyToOne, Property, type Ref, Unique, Index } from '@mikro-orm/core';
import { PeriodKind, PeriodState } from '../enums';
import { Act } from './act.entity';
import { TenantEntity } from './base.entity';
import { PlanEdition } from './plan-edition.entity';

/** A half-year reporting checkpoint of an edition (30/06 or 31/12). */
@Entity({ tableName: 'reporting_period' })
@Unique({ properties: ['edition', 'cutoffDate'] })
@Index({ properties: ['ente', 'cutoffDate'] })
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
}

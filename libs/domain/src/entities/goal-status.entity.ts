import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { DeclaredState } from '../enums';
import { TenantEntity } from './base.entity';
import { Goal } from './goal.entity';
import { ReportingPeriod } from './reporting-period.entity';


/** Where a goal stands at a reporting period: one narrative (or a deferral) per goal and period. */
@Entity({ tableName: 'goal_status' })
@Unique({ properties: ['goal', 'period'] })
@Index({ properties: ['period', 'declaredState'] })
@Check({ name: 'goal_status_percent_check', expression: 'percent_complete is null or (percent_complete >= 0 and percent_complete <= 100)' })
@Check({ name: 'goal_status_version_check', expression: 'version > 0' })
export class GoalStatus extends TenantEntity {
  @ManyToOne(() => Goal, { ref: true, deleteRule: 'cascade' })
  goal!: Ref<Goal>;

  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  /** Markdown. */
  @Property({ type: 'text', default: '' })
  narrative: string & Opt = '';

  /** The as-of wording, which may differ from the cut-off ("ad agosto 2020"). */
  @Property({ type: 'text' })
  asOfLabel!: string;

  @Enum({ items: () => DeclaredState, nullable: true })
  declaredState?: DeclaredState;

  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  percentComplete?: string;

  /** Cut-off date of the later period the reporting was deferred to (that period may not exist yet). */
  @Property({ type: 'date', nullable: true })
  deferredTo?: string;

  /** The deferral sentence as printed. */
  @Property({ type: 'text', nullable: true })
  deferralText?: string;

  /** Optimistic-locking version, incremented by every write. */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  /** Who wrote this version (user id or import name). */
  @Property({ type: 'text', default: 'system' })
  author: string & Opt = 'system';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

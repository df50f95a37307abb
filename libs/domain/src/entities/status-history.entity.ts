import { Entity, Enum, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { DeclaredState, ResultStatus } from '../enums';
import { TenantEntity } from './base.entity';
import { GoalStatus } from './goal-status.entity';
import { IndicatorResult } from './indicator.entity';

/** Every version of a goal status ever written: history, not overwrite. */
@Entity({ tableName: 'goal_status_version' })
@Unique({ properties: ['status', 'version'] })
export class GoalStatusVersion extends TenantEntity {
  @ManyToOne(() => GoalStatus, { ref: true, deleteRule: 'cascade' })
  status!: Ref<GoalStatus>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  narrative!: string;

  @Property({ type: 'text' })
  asOfLabel!: string;

  @Enum({ items: () => DeclaredState, nullable: true })
  declaredState?: DeclaredState;

  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  percentComplete?: string;

  @Property({ type: 'date', nullable: true })
  deferredTo?: string;

  @Property({ type: 'text', nullable: true })
  deferralText?: string;

  @Property({ type: 'text' })
  author!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/** Every version of an indicator result ever written. */
@Entity({ tableName: 'indicator_result_version' })
@Unique({ properties: ['result', 'version'] })
export class IndicatorResultVersion extends TenantEntity {
  @ManyToOne(() => IndicatorResult, { ref: true, deleteRule: 'cascade' })
  result!: Ref<IndicatorResult>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  value?: string;

  @Property({ type: 'text', nullable: true })
  unit?: string;

  @Enum({ items: () => ResultStatus })
  status!: ResultStatus;

  @Property({ type: 'date', nullable: true })
  deferredTo?: string;

  @Property({ type: 'text' })
  author!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Comparator, IndicatorKind, Polarity, ResultStatus } from '../enums';
import { TenantEntity } from './base.entity';
import { Goal } from './goal.entity';
import { OperationalObjective } from './objectives.entity';
import { ReportingPeriod } from './reporting-period.entity';

/** An indicator of an operational objective, optionally tied to one of its goals or to a printed group. */
@Entity({ tableName: 'indicator' })
@Unique({ properties: ['objective', 'position'] })
@Index({ properties: ['goal'] })
@Index({ name: 'indicator_name_lower_idx', expression: 'create index "indicator_name_lower_idx" on "indicator" (lower("name") text_pattern_ops)' })
export class Indicator extends TenantEntity {
  @ManyToOne(() => OperationalObjective, { ref: true, deleteRule: 'cascade' })
  objective!: Ref<OperationalObjective>;

  @ManyToOne(() => Goal, { ref: true, nullable: true, deleteRule: 'set null' })
  goal?: Ref<Goal>;

  /** Group heading printed above the indicator, verbatim. */
  @Property({ type: 'text', nullable: true })
  groupLabel?: string;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  unit?: string;

  @Enum({ items: () => IndicatorKind })
  kind!: IndicatorKind;

  @Enum({ items: () => Polarity, default: Polarity.NONE })
  polarity: Polarity & Opt = Polarity.NONE;
}

/** Target of an indicator for one year: a value with a comparator, or qualitative text. */
@Entity({ tableName: 'indicator_target' })
@Unique({ properties: ['indicator', 'year'] })
@Check({ name: 'indicator_target_shape_check', expression: '(value is not null and comparator is not null) or text is not null' })
export class IndicatorTarget extends TenantEntity {
  @ManyToOne(() => Indicator, { ref: true, deleteRule: 'cascade' })
  indicator!: Ref<Indicator>;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => Comparator, nullable: true })
  comparator?: Comparator;

  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  value?: string;

  @Property({ type: 'text', nullable: true })
  unit?: string;

  @Property({ type: 'text', nullable: true })
  text?: string;
}

/** The result of an indicator at a reporting period, kept verbatim as reported. */
@Entity({ tableName: 'indicator_result' })
@Unique({ properties: ['indicator', 'period'] })
@Index({ properties: ['period', 'status'] })
@Check({ name: 'indicator_result_deferral_check', expression: "(status = 'DEFERRED') = (deferred_to is not null)" })
@Check({ name: 'indicator_result_version_check', expression: 'version > 0' })
export class IndicatorResult extends TenantEntity {
  @ManyToOne(() => Indicator, { ref: true, deleteRule: 'cascade' })
  indicator!: Ref<Indicator>;

  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  /** Verbatim text as reported, never rewritten. */
  @Property({ type: 'text', default: '' })
  text: string & Opt = '';

  /** Parsed value, only where unambiguous. */
  @Property({ type: 'decimal', precision: 20, scale: 4, nullable: true })
  value?: string;

  @Property({ type: 'text', nullable: true })
  unit?: string;

  @Enum({ items: () => ResultStatus })
  status!: ResultStatus;

  @Property({ type: 'date', nullable: true })
  deferredTo?: string;

  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'text', default: 'system' })
  author: string & Opt = 'system';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

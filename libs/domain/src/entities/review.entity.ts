import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { ReviewState } from '../enums';
import { TenantEntity } from './base.entity';
import { Department } from './department.entity';
import { Goal } from './goal.entity';
import { ReportingPeriod } from './reporting-period.entity';

/** A signed contribution of a department that is involved in a goal but does not lead it. */
@Entity({ tableName: 'goal_contribution' })
@Unique({ properties: ['goal', 'period', 'department'] })
@Index({ properties: ['period', 'department'] })
@Check({ name: 'goal_contribution_version_check', expression: 'version > 0' })
export class GoalContribution extends TenantEntity {
  @ManyToOne(() => Goal, { ref: true, deleteRule: 'cascade' })
  goal!: Ref<Goal>;

  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict' })
  department!: Ref<Department>;

  /** Markdown. */
  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  /** Username of the signer. */
  @Property({ type: 'text' })
  author!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** A department's goals for a period, submitted to the planning office and reviewed. */
@Entity({ tableName: 'department_review' })
@Unique({ properties: ['period', 'department'] })
export class DepartmentReview extends TenantEntity {
  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  @ManyToOne(() => Department, { ref: true, deleteRule: 'restrict' })
  department!: Ref<Department>;

  @Enum({ items: () => ReviewState })
  state!: ReviewState;

  /** The planning office's comment when returning or accepting. */
  @Property({ type: 'text', nullable: true })
  comment?: string;

  @Property({ type: 'text' })
  submittedBy!: string;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  /**
   * The department's note at the last submission: required when something was still missing
   * (the reason for submitting anyway), kept otherwise when given.
   */
  @Property({ type: 'text', nullable: true })
  submissionNote?: string;

  /** Goals the department leads that had no status for the period at the last submission. */
  @Property({ type: 'integer', nullable: true })
  missingGoalsAtSubmission?: number;

  /** Indicators of the objectives it leads a goal of that had no result at the last submission. */
  @Property({ type: 'integer', nullable: true })
  missingIndicatorsAtSubmission?: number;

  @Property({ type: 'text', nullable: true })
  reviewedBy?: string;

  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date;

  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;
}

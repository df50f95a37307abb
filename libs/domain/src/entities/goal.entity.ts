import { ArrayType, Check, Entity, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Department } from './department.entity';
import { OperationalObjective } from './objectives.entity';

/** Finalità: the unit of reporting inside an operational objective. */
@Entity({ tableName: 'goal' })
@Unique({ properties: ['objective', 'position'] })
@Check({ name: 'goal_position_check', expression: 'position > 0' })
export class Goal extends TenantEntity {
  @ManyToOne(() => OperationalObjective, { ref: true, deleteRule: 'cascade' })
  objective!: Ref<OperationalObjective>;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'text' })
  title!: string;

  /** Markdown. */
  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  /**
   * Heading of the departments column as the document printed it, when it differs from the
   * standard "Settori coinvolti" (Livorno prints "Settore coinvolti" for 66 goals).
   */
  @Property({ type: 'text', nullable: true })
  departmentsHeading?: string;
  /** The same goal in the edition this one was carried forward from. */
  @ManyToOne(() => Goal, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  predecessor?: Ref<Goal>;
}

/**
 * A department row of a goal. Years are per row because a department can be active in
 * fewer years than the goal itself. The "all departments" entry has no department.
 */
@Entity({ tableName: 'goal_department' })
@Unique({ properties: ['goal', 'position'] })
@Index({ properties: ['department'] })
@Index({ name: 'goal_department_lead_idx', expression: 'create index "goal_department_lead_idx" on "goal_department" ("department_id") where "lead"' })
@Check({
  name: 'goal_department_target_check',
  expression: '(department_id is not null) <> (all_departments_label is not null)',
})
@Check({ name: 'goal_department_years_check', expression: 'array_position(years, null) is null' })
export class GoalDepartment extends TenantEntity {
  @ManyToOne(() => Goal, { ref: true, deleteRule: 'cascade' })
  goal!: Ref<Goal>;

  @Property({ type: 'smallint' })
  position!: number;

  @ManyToOne(() => Department, { ref: true, nullable: true, deleteRule: 'restrict' })
  department?: Ref<Department>;

  /** Wording of the "all departments" entry, e.g. "Tutti i settori dell'Ente coinvolti nei programmi". */
  @Property({ type: 'text', nullable: true })
  allDepartmentsLabel?: string;

  /** The department wording as printed in the source row. */
  @Property({ type: 'text', default: '' })
  printedName: string & Opt = '';

  /** Capofila. */
  @Property({ type: 'boolean', default: false })
  lead: boolean & Opt = false;

  @Property({ type: new ArrayType((i) => Number(i)), columnType: 'smallint[]', default: '{}' })
  years: number[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  note?: string;
}

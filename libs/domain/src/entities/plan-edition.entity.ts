import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { EditionActRole } from '../enums';
import { Act } from './act.entity';
import { TenantEntity } from './base.entity';
import { Mandate } from './mandate.entity';

/** One edition of the DUP, e.g. "DUP 2020-2022", re-approved every year. */
@Entity({ tableName: 'plan_edition' })
@Unique({ properties: ['ente', 'code'] })
@Check({ name: 'plan_edition_years_check', expression: 'end_year >= start_year' })
export class PlanEdition extends TenantEntity {
  @ManyToOne(() => Mandate, { ref: true, deleteRule: 'restrict' })
  mandate!: Ref<Mandate>;

  /** e.g. `2020-2022`. */
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'smallint' })
  startYear!: number;

  @Property({ type: 'smallint' })
  endYear!: number;
}

/** An act in the history of an edition (draft, approval, status-report approval, …). */
@Entity({ tableName: 'edition_act' })
@Unique({ properties: ['edition', 'act', 'role'] })
export class EditionAct extends TenantEntity {
  @ManyToOne(() => PlanEdition, { ref: true, deleteRule: 'cascade' })
  edition!: Ref<PlanEdition>;

  @ManyToOne(() => Act, { ref: true, deleteRule: 'restrict' })
  act!: Ref<Act>;

  @Enum({ items: () => EditionActRole })
  role!: EditionActRole;

  @Property({ type: 'text', nullable: true })
  note?: string;
}

/** A mid-cycle amendment of an edition, effective from a date. */
@Entity({ tableName: 'amendment' })
@Unique({ properties: ['edition', 'act'] })
@Index({ properties: ['edition', 'effectiveDate'] })
export class Amendment extends TenantEntity {
  @ManyToOne(() => PlanEdition, { ref: true, deleteRule: 'cascade' })
  edition!: Ref<PlanEdition>;

  @ManyToOne(() => Act, { ref: true, deleteRule: 'restrict' })
  act!: Ref<Act>;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'text' })
  description!: string;
}

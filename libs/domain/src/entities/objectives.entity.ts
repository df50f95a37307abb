import { ArrayType, Entity, Index, ManyToOne, type Opt, Property, type Ref, Unique, Check } from '@mikro-orm/core';
import { Amendment, PlanEdition } from './plan-edition.entity';
import { TenantEntity } from './base.entity';
import { MandateLine } from './mandate.entity';
import { Mission, Programme } from './budget-catalogue.entity';
import { PoliticalOwner } from './political-owner.entity';

/** Obiettivo strategico (SeS), code `N.NN`, tied to budget Missioni. */
@Entity({ tableName: 'strategic_objective' })
@Unique({ properties: ['edition', 'code'] })
@Index({ properties: ['edition', 'line'] })
@Check({ name: 'strategic_objective_code_check', expression: "code ~ '^[0-9]+\\.[0-9]{2}$'" })
export class StrategicObjective extends TenantEntity {
  @ManyToOne(() => PlanEdition, { ref: true, deleteRule: 'cascade' })
  edition!: Ref<PlanEdition>;

  @ManyToOne(() => MandateLine, { ref: true, deleteRule: 'restrict' })
  line!: Ref<MandateLine>;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: new ArrayType(), columnType: 'text[]', default: '{}' })
  alternateTitles: string[] & Opt = [];

  /** Markdown. */
  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  /** Text about the public-owned companies (società partecipate) involved. */
  @Property({ type: 'text', nullable: true })
  partecipate?: string;

  /** Set when a mid-cycle amendment added the objective; it counts only from the amendment's date. */
  @ManyToOne(() => Amendment, { ref: true, nullable: true, deleteRule: 'set null' })
  introducedBy?: Ref<Amendment>;

  /** Set when an amendment removed the objective: it stays in the history, in force until that date. */
  @ManyToOne(() => Amendment, { ref: true, nullable: true, deleteRule: 'set null' })
  retiredBy?: Ref<Amendment>;

  /** The same objective in the edition this one was carried forward from (DUP 2020-2022 for 2021-2023). */
  @ManyToOne(() => StrategicObjective, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  predecessor?: Ref<StrategicObjective>;
}

/** A Missione declared by a strategic objective, in printed order. */
@Entity({ tableName: 'strategic_objective_mission' })
@Unique({ properties: ['objective', 'mission'] })
@Unique({ properties: ['objective', 'position'] })
export class StrategicObjectiveMission extends TenantEntity {
  @ManyToOne(() => StrategicObjective, { ref: true, deleteRule: 'cascade' })
  objective!: Ref<StrategicObjective>;

  @ManyToOne(() => Mission, { ref: true, deleteRule: 'restrict' })
  mission!: Ref<Mission>;

  @Property({ type: 'smallint' })
  position!: number;
}

/** Obiettivo operativo (SeO), code `N.NN.NN`. */
@Entity({ tableName: 'operational_objective' })
@Unique({ properties: ['edition', 'code'] })
@Index({ properties: ['strategicObjective'] })
@Check({ name: 'operational_objective_code_check', expression: "code ~ '^[0-9]+\\.[0-9]{2}\\.[0-9]{2}$'" })
export class OperationalObjective extends TenantEntity {
  /** Denormalised from the strategic objective so codes can be unique per edition. */
  @ManyToOne(() => PlanEdition, { ref: true, deleteRule: 'cascade' })
  edition!: Ref<PlanEdition>;

  @ManyToOne(() => StrategicObjective, { ref: true, deleteRule: 'cascade' })
  strategicObjective!: Ref<StrategicObjective>;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: new ArrayType(), columnType: 'text[]', default: '{}' })
  alternateTitles: string[] & Opt = [];

  /** The owners' wording exactly as printed ("Sindaco Luca Salvetti e Giunta Comunale"). */
  @Property({ type: 'text', default: '' })
  ownerLabel: string & Opt = '';

  /** Heading introducing the goals when it differs from the standard wording. */
  @Property({ type: 'text', nullable: true })
  goalsHeading?: string;

  @ManyToOne(() => Amendment, { ref: true, nullable: true, deleteRule: 'set null' })
  introducedBy?: Ref<Amendment>;

  @ManyToOne(() => Amendment, { ref: true, nullable: true, deleteRule: 'set null' })
  retiredBy?: Ref<Amendment>;

  @ManyToOne(() => OperationalObjective, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  predecessor?: Ref<OperationalObjective>;
}

/** A political owner of an operational objective, in printed order. */
@Entity({ tableName: 'objective_owner' })
@Unique({ properties: ['objective', 'owner'] })
@Unique({ properties: ['objective', 'position'] })
export class ObjectiveOwner extends TenantEntity {
  @ManyToOne(() => OperationalObjective, { ref: true, deleteRule: 'cascade' })
  objective!: Ref<OperationalObjective>;

  @ManyToOne(() => PoliticalOwner, { ref: true, deleteRule: 'restrict', index: true })
  owner!: Ref<PoliticalOwner>;

  @Property({ type: 'smallint' })
  position!: number;
}

/** A Missione/Programma pair of an operational objective, in printed order. */
@Entity({ tableName: 'objective_programme' })
@Unique({ properties: ['objective', 'programme'] })
@Unique({ properties: ['objective', 'position'] })
export class ObjectiveProgramme extends TenantEntity {
  @ManyToOne(() => OperationalObjective, { ref: true, deleteRule: 'cascade' })
  objective!: Ref<OperationalObjective>;

  @ManyToOne(() => Programme, { ref: true, deleteRule: 'restrict', index: true })
  programme!: Ref<Programme>;

  @Property({ type: 'smallint' })
  position!: number;
}

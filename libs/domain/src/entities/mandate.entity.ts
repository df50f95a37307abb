import { ArrayType, Check, Entity, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Act } from './act.entity';
import { TenantEntity } from './base.entity';

/** The five-year political mandate (linee programmatiche di mandato, art. 46 TUEL). */
@Entity({ tableName: 'mandate' })
@Unique({ properties: ['ente', 'startYear'] })
@Check({ name: 'mandate_years_check', expression: 'end_year >= start_year' })
export class Mandate extends TenantEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'smallint' })
  startYear!: number;

  @Property({ type: 'smallint' })
  endYear!: number;

  @Property({ type: 'text' })
  mayor!: string;

  @ManyToOne(() => Act, { ref: true, nullable: true, deleteRule: 'set null' })
  approvedBy?: Ref<Act>;
}

/** A line of the mandate (linea di mandato). */
@Entity({ tableName: 'mandate_line' })
@Unique({ properties: ['mandate', 'number'] })
@Check({ name: 'mandate_line_number_check', expression: 'number > 0' })
export class MandateLine extends TenantEntity {
  @ManyToOne(() => Mandate, { ref: true, deleteRule: 'cascade' })
  mandate!: Ref<Mandate>;

  @Property({ type: 'smallint' })
  number!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: new ArrayType(), columnType: 'text[]', default: '{}' })
  alternateTitles: string[] & Opt = [];

  @Property({ type: 'text', default: '' })
  description: string & Opt = '';
}

/** A strategic direction (indirizzo strategico) listed under a mandate line. */
@Entity({ tableName: 'strategic_direction' })
@Unique({ properties: ['line', 'position'] })
export class StrategicDirection extends TenantEntity {
  @ManyToOne(() => MandateLine, { ref: true, deleteRule: 'cascade' })
  line!: Ref<MandateLine>;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'text' })
  text!: string;
}

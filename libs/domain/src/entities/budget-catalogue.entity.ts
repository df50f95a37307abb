import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';

/**
 * Missione of the national harmonised budget classification (D.Lgs. 118/2011, all. 14).
 * National data shared by every ente, so it is the one table without an ente column.
 */
@Entity({ tableName: 'mission' })
@Check({ name: 'mission_code_check', expression: "code ~ '^[0-9]{2}$'" })
export class Mission {
  /** Two digits, `01`…`20`, `50`, `60`, `99`. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  /** Official name; null while no source confirms it. */
  @Property({ type: 'text', nullable: true })
  name?: string;
}

/** Programma inside a Missione. */
@Entity({ tableName: 'programme' })
@Unique({ properties: ['mission', 'code'] })
@Check({ name: 'programme_code_check', expression: "code ~ '^[0-9]{2}$'" })
export class Programme {
  /** Compound code `MM.PP`, e.g. `01.06`: stable and readable in foreign keys. */
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Mission, { ref: true, deleteRule: 'restrict' })
  mission!: Ref<Mission>;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  /** False for a programme loaded without a confirming source. */
  @Property({ type: 'boolean', default: true })
  confirmed: boolean & Opt = true;

  /** Where the name was confirmed. */
  @Property({ type: 'text', default: '' })
  source: string & Opt = '';
}

import { Check, Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A single row whose version changes in every transaction that writes plan data: PostgreSQL
 * triggers (migrations PlanDataVersion and PlanStructureVersion) bump it, so it commits or
 * rolls back with the write.
 * The read side compares it to decide whether its in-process read model is still current.
 */
@Entity({ tableName: 'plan_data_version' })
@Check({ name: 'plan_data_version_single_row_check', expression: 'id = 1' })
export class PlanDataVersion {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  @Property({ type: 'bigint' })
  version!: string;

  /**
   * Changes only with the plan's structure (everything but goal statuses, indicator results
   * and targets), so the read model rebuilds just the progress part after a status write.
   */
  @Property({ type: 'bigint', default: 1 })
  structureVersion!: string & Opt;
}

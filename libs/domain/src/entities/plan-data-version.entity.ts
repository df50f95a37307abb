import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A single row whose version changes in every transaction that writes plan data: PostgreSQL
 * triggers (migration PlanDataVersion) bump it, so it commits or rolls back with the write.
 * The read side compares it to decide whether its in-process read model is still current.
 */
@Entity({ tableName: 'plan_data_version' })
@Check({ name: 'plan_data_version_single_row_check', expression: 'id = 1' })
export class PlanDataVersion {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  @Property({ type: 'bigint' })
  version!: string;
}

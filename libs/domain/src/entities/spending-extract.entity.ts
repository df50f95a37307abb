import { Entity, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { ReportingPeriod } from './reporting-period.entity';

/**
 * One load of a period's spending table (an accounting-system extract, or the seed). Loads are
 * never overwritten: different figures make a new version, and the reports read the latest one.
 * The file's SHA-256 and who loaded it stay for the auditors.
 */
@Entity({ tableName: 'spending_extract' })
@Unique({ properties: ['period', 'version'] })
export class SpendingExtract extends TenantEntity {
  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  /** 1, 2, 3… per period, in load order. */
  @Property({ type: 'integer' })
  version!: number;

  /** SHA-256 of the loaded file's bytes, hex. */
  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'text' })
  fileName!: string;

  /** Username of who loaded it (`seed` or `migrazione` for the loads without a person). */
  @Property({ type: 'text' })
  loadedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  loadedAt: Date & Opt = new Date();

  @Property({ type: 'integer' })
  rowCount!: number;
}

import { Entity, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Act } from './act.entity';
import { TenantEntity } from './base.entity';
import { ReportingPeriod } from './reporting-period.entity';

/**
 * The bytes of a report of an approved period revision, rendered once and served from then on
 * (a printed copy is verified against them by SHA-256). Never updated: a reopening starts a new
 * revision, whose approval freezes new rows beside these.
 */
@Entity({ tableName: 'frozen_report' })
@Unique({ properties: ['period', 'revision', 'scope', 'format'] })
@Index({ properties: ['ente', 'sha256'] })
export class FrozenReport extends TenantEntity {
  @ManyToOne(() => ReportingPeriod, { ref: true, deleteRule: 'cascade' })
  period!: Ref<ReportingPeriod>;

  @Property({ type: 'integer' })
  revision!: number;

  /** "completo", "linea-N" or "settore-CODICE", as in the download URLs. */
  @Property({ type: 'text' })
  scope!: string;

  /** pdf, xlsx, html, or zip (the transparency package). */
  @Property({ type: 'text' })
  format!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'blob', lazy: true })
  bytes!: Buffer;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'integer', nullable: true })
  pageCount?: number | null;

  /** Lower-case hex SHA-256 of `bytes`. */
  @Property({ type: 'text' })
  sha256!: string;

  /** The council act that approved the revision. */
  @ManyToOne(() => Act, { ref: true, deleteRule: 'restrict' })
  approvedBy!: Ref<Act>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  frozenAt: Date & Opt = new Date();
}

import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { PlanEdition } from './plan-edition.entity';
import { ReportingPeriod } from './reporting-period.entity';

import { REPORT_TEXT_KEYS, type ReportTextKeyValue } from '../report-text-keys';

export { REPORT_TEXT_KEYS, type ReportTextKeyValue };

/**
 * A configurable text of the status report (Markdown): chapter prose the generator does not
 * compute. One per key for the whole edition (period null) and optionally one per period,
 * which wins. A unique expression index (migration ReportTexts) enforces "one per key and
 * scope", treating a null period as its own scope.
 */
@Entity({ tableName: 'report_text' })
@Index({ properties: ['edition'] })
@Index({
  name: 'report_text_scope_key_unique',
  expression: `create unique index "report_text_scope_key_unique" on "report_text" ("edition_id", coalesce("period_id", '00000000-0000-0000-0000-000000000000'::uuid), "key")`,
})
export class ReportText extends TenantEntity {
  @ManyToOne(() => PlanEdition, { ref: true, deleteRule: 'cascade' })
  edition!: Ref<PlanEdition>;

  @ManyToOne(() => ReportingPeriod, { ref: true, nullable: true, deleteRule: 'cascade' })
  period?: Ref<ReportingPeriod> | null;

  @Enum({ items: [...REPORT_TEXT_KEYS] })
  key!: ReportTextKeyValue;

  @Property({ type: 'text' })
  markdown!: string;

  /** Who last changed it (user login, or the seed). */
  @Property({ type: 'text' })
  updatedBy!: string;
}

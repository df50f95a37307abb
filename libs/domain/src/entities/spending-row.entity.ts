import { Check, Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Programme } from './budget-catalogue.entity';
import { SpendingExtract } from './spending-extract.entity';

/**
 * Spending of one Programma in one version of a period's spending table (SpendingExtract).
 * Amounts are exact (numeric(15,2), strings in TypeScript); totals and ratios are computed,
 * never stored.
 */
@Entity({ tableName: 'spending_row' })
@Unique({ properties: ['extract', 'programme'] })
@Check({
  name: 'spending_row_non_negative_check',
  expression:
    'assestato >= 0 and impegnato >= 0 and liquidato_competenza >= 0 and residui_passivi >= 0 and liquidato_residui >= 0',
})
export class SpendingRow extends TenantEntity {
  @ManyToOne(() => SpendingExtract, { ref: true, deleteRule: 'cascade' })
  extract!: Ref<SpendingExtract>;

  @ManyToOne(() => Programme, { ref: true, deleteRule: 'restrict', index: true })
  programme!: Ref<Programme>;

  /** Assestato (A): adjusted budget, competence basis. */
  @Property({ type: 'decimal', precision: 15, scale: 2 })
  assestato!: string;

  /** Impegnato (B): commitments on competence. */
  @Property({ type: 'decimal', precision: 15, scale: 2 })
  impegnato!: string;

  /** Liquidato competenza (C). */
  @Property({ type: 'decimal', precision: 15, scale: 2 })
  liquidatoCompetenza!: string;

  /** Residui passivi (D): liabilities carried over from earlier years. */
  @Property({ type: 'decimal', precision: 15, scale: 2 })
  residuiPassivi!: string;

  /** Liquidato residui (E). */
  @Property({ type: 'decimal', precision: 15, scale: 2 })
  liquidatoResidui!: string;
}

import { LockMode } from '@mikro-orm/postgresql';
import { Comparator, Indicator, IndicatorTarget, PlanEdition } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput } from '@dup/graphql-kit';
import { PlanMappers, type PlanTypes } from '@dup/plan-read';
import { findIndicator } from './department-access';
import { decimal, MAX_LABEL, optionalLabel, text } from './validation';
import type { WriteContext } from './write-context';

export interface IndicatorTargetInput {
  year: number;
  comparator?: Comparator | null;
  value?: string | null;
  unit?: string | null;
  text?: string | null;
  /** A yes/no target ("sì"/"no"), stored as that text. */
  yesNo?: boolean | null;
}

/** The canonical wording of yes/no targets, also recognised in free text. */
export const YES = 'sì';
export const NO = 'no';
const YES_NO_WORDS = new Map([
  ['sì', YES],
  ['si', YES],
  ['sí', YES],
  ['yes', YES],
  ['no', NO],
]);

/**
 * Replaces the targets of an indicator (the list is the complete set, one per year). A target
 * is a value with a comparator (≥ 95 %, ≤ 30 giorni; the wording may go in `text`), a yes/no,
 * or qualitative text. Yes/no is stored as the text "sì"/"no" (the column shape allows no
 * boolean and the printed DUP writes it so), and "si"/"SI"/"No" in text are normalised to it.
 */
export async function setIndicatorTargets(ctx: WriteContext, indicatorId: string, targets: IndicatorTargetInput[]): Promise<PlanTypes.IndicatorTargetType[]> {
  const { viewer } = ctx;
  return ctx.em.transactional(async (tx) => {
    const { indicator, editionId } = await findIndicator(tx, viewer, indicatorId);
    // Serialises concurrent replacements of the same indicator's targets.
    await tx.findOne(Indicator, { id: indicator.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const edition = await tx.findOneOrFail(PlanEdition, { id: editionId });
    const rows = targets.map((t, i) => validTarget(t, `targets.${i}`, edition));
    const years = rows.map((r) => r.year);
    const duplicate = years.find((y, i) => years.indexOf(y) !== i);
    if (duplicate !== undefined)
      throw badUserInput(`targets.${years.lastIndexOf(duplicate)}.year`, `Anno ripetuto: ${duplicate}. Indicare un valore atteso per anno.`);

    const existing = await tx.find(IndicatorTarget, { indicator }, { orderBy: { year: 'asc' } });
    const before = existing.map(PlanMappers.toTarget);
    existing.forEach((t) => tx.remove(t));
    await tx.flush();
    const created = rows.map((r) => tx.create(IndicatorTarget, { ente: viewer.enteId, indicator, ...r }));
    await tx.flush();
    const after = created.sort((a, b) => a.year - b.year).map(PlanMappers.toTarget);
    await recordAudit(tx, viewer, {
      operation: 'SET_INDICATOR_TARGETS',
      entityType: 'Indicator',
      entityId: indicator.id,
      before: { targets: before },
      after: { targets: after },
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** One target checked against the edition's years and the shapes a target can take. */
export function validTarget(t: IndicatorTargetInput, path: string, edition: PlanEdition) {
  if (!Number.isInteger(t.year) || t.year < edition.startYear || t.year > edition.endYear) {
    throw badUserInput(`${path}.year`, `L'anno deve essere tra ${edition.startYear} e ${edition.endYear}, gli anni dell'edizione.`);
  }
  const value = decimal(`${path}.value`, t.value);
  const unit = optionalLabel(`${path}.unit`, t.unit);
  let wording = text(`${path}.text`, t.text, MAX_LABEL * 5, true) || null;
  if (t.yesNo != null) {
    if (value != null || t.comparator || wording) throw badUserInput(`${path}.yesNo`, 'Un valore atteso sì/no non ha valore numerico, confronto né testo.');
    wording = t.yesNo ? YES : NO;
  } else if (wording && YES_NO_WORDS.has(wording.toLowerCase())) {
    wording = YES_NO_WORDS.get(wording.toLowerCase())!;
  }
  if (value != null && !t.comparator) throw badUserInput(`${path}.comparator`, 'Un valore atteso numerico richiede il confronto (≥, >, ≤, <, =).');
  if (t.comparator && value == null) throw badUserInput(`${path}.value`, 'Indicare il valore da confrontare.');
  if (unit && value == null) throw badUserInput(`${path}.unit`, "L'unità di misura accompagna un valore numerico.");
  if (value == null && !wording) throw badUserInput(`${path}.text`, 'Indicare un valore con confronto, un sì/no o un testo.');
  return { year: t.year, comparator: t.comparator ?? undefined, value: value ?? undefined, unit: unit ?? undefined, text: wording ?? undefined };
}

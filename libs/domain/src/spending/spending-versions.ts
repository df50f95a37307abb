import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { AMOUNT_KEYS, type SpendingAmounts } from './spending-math';

/** One programme's figures in a load of the spending table; `programmeId` is `MM.PP`. */
export interface SpendingFigures {
  programmeId: string;
  amounts: SpendingAmounts;
}

/**
 * True when two loads carry the same programmes with the same amounts (compared as exact
 * decimals, so `1234.5` equals `1234.50`): loading the same figures again is not a new version.
 */
export function sameSpendingFigures(a: readonly SpendingFigures[], b: readonly SpendingFigures[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((f) => [f.programmeId, f.amounts]));
  return a.every((f) => {
    const other = byId.get(f.programmeId);
    return other !== undefined && AMOUNT_KEYS.every((k) => new Decimal(f.amounts[k]).equals(other[k]));
  });
}

/**
 * SHA-256 of the figures' canonical text (programme;A;B;C;D;E per line, by programme, two
 * decimals): the fingerprint of a load without a file, such as the seed's. Same text as the
 * migration that turned the seed's rows into version 1.
 */
export function spendingFiguresSha256(figures: readonly SpendingFigures[]): string {
  const lines = [...figures]
    .sort((x, y) => (x.programmeId < y.programmeId ? -1 : x.programmeId > y.programmeId ? 1 : 0))
    .map((f) => [f.programmeId, ...AMOUNT_KEYS.map((k) => new Decimal(f.amounts[k]).toFixed(2))].join(';'));
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}

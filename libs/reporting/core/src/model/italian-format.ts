import type { DecimalString, IsoDate } from './report-model';

/**
 * Italian number and date formats, string-based so amounts are never rounded through floats.
 * Shared by every renderer so the PDF, the HTML and the cached spreadsheet values agree.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Groups the integer part by thousands with dots: "1234567" → "1.234.567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "4199059.32" → "4.199.059,32"; always `decimals` places (default 2), rounding half-up on the string. */
export function formatDecimal(value: DecimalString, decimals = 2): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`Valore decimale non valido: "${value}"`);
  const [, sign, intPart, fracPart = ''] = m;
  let int = intPart.replace(/^0+(?=\d)/, '');
  let frac = fracPart.padEnd(decimals + 1, '0');
  const roundUp = frac.length > decimals && frac[decimals] >= '5';
  frac = frac.slice(0, decimals);
  if (roundUp) {
    const n = BigInt(int + frac) + 1n;
    const s = n.toString().padStart(int.length + decimals, '0');
    int = s.slice(0, s.length - decimals) || '0';
    frac = s.slice(s.length - decimals);
  }
  const isZero = /^0*$/.test(int + frac);
  const body = groupThousands(int) + (decimals > 0 ? ',' + frac : '');
  return (sign && !isZero ? '-' : '') + body;
}

/** A quantity with its significant decimals only: "17.0000" → "17", "1250.50" → "1.250,5". */
export function formatQuantity(value: DecimalString): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`Valore decimale non valido: "${value}"`);
  return formatDecimal(value, (m[3] ?? '').replace(/0+$/, '').length);
}

/** Euro amount as printed in the spending table: "475.193.437,97". */
export function formatMoney(value: DecimalString): string {
  return formatDecimal(value, 2);
}

/** Percentage already in percent units: "34.9" → "34,90%". */
export function formatPercent(value: DecimalString): string {
  return formatDecimal(value, 2) + '%';
}

/** What a ratio cell prints: the percentage, or "n.c." when not computable. */
export const NOT_COMPUTABLE = 'n.c.';
export function formatRatio(value: DecimalString | null): string {
  return value === null ? NOT_COMPUTABLE : formatPercent(value);
}

/** "2020-06-30" → "30/06/2020". */
export function formatDate(value: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new Error(`Data non valida: "${value}"`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Integer with thousands dots: 12345 → "12.345". */
export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Intero non valido: ${value}`);
  return (value < 0 ? '-' : '') + groupThousands(String(Math.abs(value)));
}

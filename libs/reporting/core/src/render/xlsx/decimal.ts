import type { DecimalString } from '../../model/report-model';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

function parse(value: DecimalString): { sign: string; int: string; frac: string } {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`Valore decimale non valido: "${value}"`);
  return { sign: m[1] ?? '', int: m[2], frac: m[3] ?? '' };
}

/**
 * The number a cell stores for an exact decimal string. This is the one place an amount
 * becomes a float: at the cell boundary, where the xlsx format itself stores IEEE doubles.
 * `Number("475193437.97")` is the double nearest to the decimal, which Excel and LibreOffice
 * print back as 475193437,97.
 */
export function decimalToNumber(value: DecimalString): number {
  const { sign, int, frac } = parse(value);
  return Number(`${sign}${int}${frac ? '.' + frac : ''}`);
}

/**
 * A percentage in percent units as the fraction a `0.00%` cell stores: "34.90" → 0.349.
 * The decimal point is moved on the string, so the result is the double nearest to the exact
 * fraction (34.9 / 100 in floats would give 0.34900000000000003).
 */
export function percentToFraction(value: DecimalString): number {
  const { sign, int, frac } = parse(value);
  const padded = int.padStart(3, '0');
  const intPart = padded.slice(0, -2);
  return Number(`${sign}${intPart}.${padded.slice(-2)}${frac}`);
}

import Decimal from 'decimal.js';

/** numeric(15,2): at most 13 digits before the decimal comma. */
const MAX_AMOUNT = new Decimal('9999999999999.99');

export type AmountProblem = 'AMOUNT_MISSING' | 'AMOUNT_INVALID' | 'AMOUNT_NEGATIVE' | 'AMOUNT_TOO_PRECISE' | 'AMOUNT_TOO_LARGE';

export type ParsedAmount = { ok: true; value: string } | { ok: false; code: AmountProblem };

// Italian notation: thousands with dots (every group of three) or none, decimal comma.
const ITALIAN = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/**
 * An amount as an accounting extract writes it: text in Italian notation (`1.234.567,89`,
 * `1234567,89`, `€ 1.234,00`) or, from a spreadsheet cell, a number. Returns the exact decimal
 * with two places. A number from a cell is read through its shortest decimal text, which is
 * the text the spreadsheet stored: no binary-float arithmetic ever touches an amount.
 */
export function parseAmount(raw: string | number | null | undefined): ParsedAmount {
  if (raw === null || raw === undefined) return { ok: false, code: 'AMOUNT_MISSING' };
  let value: Decimal;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, code: 'AMOUNT_INVALID' };
    value = new Decimal(String(raw));
  } else {
    const text = raw
      .replace(/[\s\u00a0\u202f]/g, '')
      .replace(/^€/, '')
      .replace(/€$/, '');
    if (text === '') return { ok: false, code: 'AMOUNT_MISSING' };
    if (!ITALIAN.test(text)) return { ok: false, code: 'AMOUNT_INVALID' };
    value = new Decimal(text.replace(/\./g, '').replace(',', '.'));
  }
  if (value.isNegative() && !value.isZero()) return { ok: false, code: 'AMOUNT_NEGATIVE' };
  if (value.decimalPlaces() > 2) return { ok: false, code: 'AMOUNT_TOO_PRECISE' };
  if (value.greaterThan(MAX_AMOUNT)) return { ok: false, code: 'AMOUNT_TOO_LARGE' };
  return { ok: true, value: value.abs().toFixed(2) };
}

/** 1234567.8 → "1.234.567,80", as the template's CSV writes amounts. */
export function formatItalianAmount(value: string): string {
  const [int, dec] = new Decimal(value).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
}

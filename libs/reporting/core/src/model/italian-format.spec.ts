import { formatDate, formatDecimal, formatInteger, formatMoney, formatPercent, formatRatio } from './italian-format';

describe('Italian formats', () => {
  it('formats amounts exactly with thousands dots and a decimal comma', () => {
    expect(formatMoney('475193437.97')).toBe('475.193.437,97');
    expect(formatMoney('0')).toBe('0,00');
    expect(formatMoney('0.01')).toBe('0,01');
    expect(formatMoney('-1234.5')).toBe('-1.234,50');
    expect(formatMoney('999999999999999.99')).toBe('999.999.999.999.999,99');
  });
  it('rounds half-up on the digits, never through floats', () => {
    expect(formatDecimal('1.005', 2)).toBe('1,01');
    expect(formatDecimal('999.995', 2)).toBe('1.000,00');
    expect(formatDecimal('-0.001', 2)).toBe('0,00');
    expect(formatDecimal('12.5', 0)).toBe('13');
  });
  it('formats percentages and not-computable ratios', () => {
    expect(formatPercent('34.9')).toBe('34,90%');
    expect(formatRatio('100.00')).toBe('100,00%');
    expect(formatRatio(null)).toBe('n.c.');
  });
  it('formats dates as dd/mm/yyyy and integers with dots', () => {
    expect(formatDate('2020-06-30')).toBe('30/06/2020');
    expect(formatInteger(1234567)).toBe('1.234.567');
    expect(formatInteger(-12)).toBe('-12');
  });
  it('rejects malformed input instead of printing garbage', () => {
    expect(() => formatMoney('1,5')).toThrow('Valore decimale non valido');
    expect(() => formatDate('30/06/2020')).toThrow('Data non valida');
    expect(() => formatInteger(1.5)).toThrow('Intero non valido');
  });
});

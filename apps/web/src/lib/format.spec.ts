import { formatBytes, formatDate, formatDecimal, formatPercent } from './format';

describe('Italian formats', () => {
  it('formats exact decimals without floats', () => {
    expect(formatDecimal('1234567.89')).toBe('1.234.567,89');
    expect(formatDecimal('475193437.97')).toBe('475.193.437,97');
    expect(formatDecimal('9007199254740993.01')).toBe('9.007.199.254.740.993,01');
    expect(formatDecimal('-1000')).toBe('-1.000');
    expect(formatDecimal('12.5', { minFractionDigits: 2 })).toBe('12,50');
  });

  it('formats percentages with two decimals', () => {
    expect(formatPercent('34.9')).toBe('34,90%');
    expect(formatPercent('100')).toBe('100,00%');
  });

  it('formats dates and sizes', () => {
    expect(formatDate('2020-06-30')).toBe('30/06/2020');
    expect(formatBytes(1_300_000)).toBe('1,2 MB');
    expect(formatBytes(86_000)).toBe('84 kB');
    expect(formatBytes(1_048_000)).toBe('1023 kB');
    expect(formatBytes(1_048_300)).toBe('1 MB');
  });
});

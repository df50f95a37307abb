/** Italian formats for everything a person reads: 1.234.567,89 · 34,90% · 31/12/2020. */

const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('it-IT', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Rome',
});

/** "2020-06-30" → "30/06/2020" (calendar dates carry no time zone). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** An instant, in Rome's time: "04/12/2026, 15:42". */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '';
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

/**
 * A decimal string from the API ("475193437.97") in Italian ("475.193.437,97"), without going
 * through a float: digits are grouped as text, so no value is ever rounded on the way.
 */
export function formatDecimal(value: string | null | undefined, options: { minFractionDigits?: number } = {}): string {
  if (value == null || value === '') return '';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const digits = fraction.padEnd(options.minFractionDigits ?? 0, '0');
  return `${sign}${grouped}${digits ? `,${digits}` : ''}`;
}

/** A percentage from a decimal string: "34.9" → "34,90%". */
export function formatPercent(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return `${value}%`;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return `${formatDecimal(`${match[1]}.${fraction}`)}%`;
}

/** A byte count for people: "1,2 MB", "86 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  // 1023,6 kB would print as "1024 kB": move up as soon as the rounded figure reaches 1024.
  while (Math.round(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat('it-IT', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${units[unit]}`;
}

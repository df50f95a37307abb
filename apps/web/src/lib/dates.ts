/** Calendar days as instants: what an Italian "dal 01/12/2020 al 31/12/2020" means for the API. */

const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Rome's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function romeOffset(instant: number): number {
  const parts = Object.fromEntries(romeParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return wall - instant;
}

/** "2020-12-31" → the instant midnight begins that day in Rome, as the API's DateTime ("2020-12-30T23:00:00.000Z"). */
export function romeStartOfDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const midnightUtc = Date.UTC(year, month - 1, day);
  // Midnight never falls in a daylight-saving gap in Rome (clocks change at 02:00 and 03:00).
  const guess = midnightUtc - romeOffset(midnightUtc);
  return new Date(midnightUtc - romeOffset(guess)).toISOString();
}

/** The calendar day after an ISO date: "2020-12-31" → "2021-01-01". */
export function nextDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

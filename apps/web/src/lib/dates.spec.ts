import { nextDay, romeStartOfDay } from './dates';

describe('calendar days in Rome', () => {
  it('starts a day at midnight in Rome, winter and summer time', () => {
    expect(romeStartOfDay('2020-12-31')).toBe('2020-12-30T23:00:00.000Z');
    expect(romeStartOfDay('2020-06-30')).toBe('2020-06-29T22:00:00.000Z');
  });

  it('follows the days clocks change', () => {
    // 29/03/2020: clocks go forward at 02:00, midnight is still winter time.
    expect(romeStartOfDay('2020-03-29')).toBe('2020-03-28T23:00:00.000Z');
    expect(romeStartOfDay('2020-03-30')).toBe('2020-03-29T22:00:00.000Z');
    // 25/10/2020: clocks go back at 03:00, midnight is still summer time.
    expect(romeStartOfDay('2020-10-25')).toBe('2020-10-24T22:00:00.000Z');
    expect(romeStartOfDay('2020-10-26')).toBe('2020-10-25T23:00:00.000Z');
  });

  it('gives the next calendar day across months and years', () => {
    expect(nextDay('2020-12-31')).toBe('2021-01-01');
    expect(nextDay('2020-02-28')).toBe('2020-02-29');
    expect(nextDay('2021-02-28')).toBe('2021-03-01');
  });
});

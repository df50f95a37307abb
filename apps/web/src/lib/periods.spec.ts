import { currentPeriod, nextCutoff, periodToOpen, type PeriodLike } from './periods';

const edition = { startYear: 2020, endYear: 2022 };
const p = (cutoffDate: string, state: PeriodLike['state']): PeriodLike => ({ cutoffDate, state });

describe('periods', () => {
  it('takes the half-year after the latest cut-off', () => {
    expect(nextCutoff(null, 2020)).toBe('2020-06-30');
    expect(nextCutoff('2020-06-30', 2020)).toBe('2020-12-31');
    expect(nextCutoff('2020-12-31', 2020)).toBe('2021-06-30');
  });

  it('proposes the next cut-off only when nothing is being collected', () => {
    expect(periodToOpen([p('2020-06-30', 'APPROVED_BY_COUNCIL')], edition)).toEqual({ cutoffDate: '2020-12-31', planned: false });
    expect(periodToOpen([p('2020-06-30', 'NOTED_BY_GIUNTA')], edition)).toEqual({ cutoffDate: '2020-12-31', planned: false });
    expect(periodToOpen([p('2020-06-30', 'IN_REVIEW'), p('2020-12-31', 'OPEN')], edition)).toBeNull();
    expect(periodToOpen([p('2020-06-30', 'IN_REVIEW')], edition)).toBeNull();
    expect(periodToOpen([], edition)).toEqual({ cutoffDate: '2020-06-30', planned: false });
  });

  it('opens a planned period before inventing one, and stops at the end of the edition', () => {
    const periods = [p('2020-06-30', 'APPROVED_BY_COUNCIL'), p('2021-06-30', 'PLANNED'), p('2020-12-31', 'PLANNED')];
    expect(periodToOpen(periods, edition)).toEqual({ cutoffDate: '2020-12-31', planned: true });
    expect(periodToOpen([p('2022-12-31', 'APPROVED_BY_COUNCIL')], edition)).toBeNull();
  });

  it('shows the period being collected, else the latest in use', () => {
    expect(currentPeriod([p('2020-06-30', 'APPROVED_BY_COUNCIL'), p('2020-12-31', 'OPEN')])?.cutoffDate).toBe('2020-12-31');
    expect(currentPeriod([p('2020-06-30', 'APPROVED_BY_COUNCIL'), p('2020-12-31', 'PLANNED')])?.cutoffDate).toBe('2020-06-30');
  });
});

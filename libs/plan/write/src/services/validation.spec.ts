import { PERIOD_TRANSITIONS, PeriodState } from '@dup/domain';
import { decimal, deferral, percent, text } from './validation';

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string; field: string } }).extensions;
  }
  return null;
};

describe('write input validation', () => {
  it('normalises decimals to the stored scale and names the field on errors', () => {
    expect(percent('percentComplete', '25.5')).toBe('25.50');
    expect(decimal('value', '95')).toBe('95.0000');
    expect(field(() => percent('percentComplete', '101'))).toEqual({ code: 'BAD_USER_INPUT', field: 'percentComplete' });
    expect(field(() => decimal('value', '1.00001'))).toEqual({ code: 'BAD_USER_INPUT', field: 'value' });
  });

  it('trims text and enforces presence and length', () => {
    expect(text('narrative', '  ciao  ', 10)).toBe('ciao');
    expect(text('narrative', '', 10, true)).toBe('');
    expect(field(() => text('narrative', ' ', 10))).toEqual({ code: 'BAD_USER_INPUT', field: 'narrative' });
    expect(field(() => text('narrative', 'x'.repeat(11), 10))).toEqual({ code: 'BAD_USER_INPUT', field: 'narrative' });
  });

  it('ties a deferral to a later cut-off and to the deferred state', () => {
    expect(deferral('deferredTo', '2021-06-30', '2020-12-31', true, 'status')).toBe('2021-06-30');
    expect(deferral('deferredTo', null, '2020-12-31', false, 'status')).toBeNull();
    expect(field(() => deferral('deferredTo', null, '2020-12-31', true, 'status'))?.field).toBe('deferredTo');
    expect(field(() => deferral('deferredTo', '2021-06-30', '2020-12-31', false, 'status'))?.field).toBe('status');
    expect(field(() => deferral('deferredTo', '2020-12-31', '2020-12-31', true, 'status'))?.field).toBe('deferredTo');
  });

  it('only moves forward: going back is a reopening', () => {
    expect(PERIOD_TRANSITIONS[PeriodState.OPEN]).toEqual([PeriodState.COLLECTION_CLOSED]);
    expect(PERIOD_TRANSITIONS[PeriodState.COLLECTION_CLOSED]).toEqual([PeriodState.IN_REVIEW]);
    expect(PERIOD_TRANSITIONS[PeriodState.IN_REVIEW]).toEqual([PeriodState.NOTED_BY_GIUNTA]);
    expect(PERIOD_TRANSITIONS[PeriodState.NOTED_BY_GIUNTA]).toEqual([PeriodState.APPROVED_BY_COUNCIL]);
    expect(PERIOD_TRANSITIONS[PeriodState.APPROVED_BY_COUNCIL]).toEqual([]);
  });
});

import { filterFromParams, fromForm, toApiFilter, toForm, toParams } from './audit-filter';

describe('the audit trail filter', () => {
  it('turns Italian days into the instants the API filters on, the last day included', () => {
    const read = fromForm({ settore: 'AMB_MOB', obiettivo: ' 7.01.01 ', utente: '', operazione: '', periodo: '', dal: '01/12/2020', al: '31/12/2020' });
    expect(read).toEqual({
      values: { settore: 'AMB_MOB', obiettivo: '7.01.01', utente: '', operazione: '', periodo: '', dal: '2020-12-01', al: '2020-12-31' },
    });
    if (!('values' in read)) throw new Error('expected values');
    expect(toApiFilter(read.values)).toEqual({
      department: 'AMB_MOB',
      objectiveCode: '7.01.01',
      user: null,
      operation: null,
      period: null,
      from: '2020-11-30T23:00:00.000Z',
      to: '2020-12-31T23:00:00.000Z',
    });
    expect(toParams(read.values).toString()).toBe('settore=AMB_MOB&obiettivo=7.01.01&dal=2020-12-01&al=2020-12-31');
  });

  it('keeps the filter in the address and shows its days the Italian way', () => {
    const values = filterFromParams(new URLSearchParams('settore=AMB_MOB&dal=2020-12-01&al=non-una-data'));
    expect(values).toMatchObject({ settore: 'AMB_MOB', dal: '2020-12-01', al: '' });
    expect(toForm(values)).toMatchObject({ dal: '01/12/2020', al: '' });
  });

  it('says in Italian what is wrong with a day', () => {
    const empty = { settore: '', obiettivo: '', utente: '', operazione: '', periodo: '' };
    expect(fromForm({ ...empty, dal: '31/02/2020', al: '' })).toEqual({ errors: { dal: 'La data 31/02/2020 non esiste.' } });
    expect(fromForm({ ...empty, dal: '02/12/2020', al: '01/12/2020' })).toEqual({ errors: { al: 'La data finale precede quella iniziale.' } });
  });
});

import { changeRows, formatValue, viaLabel } from './audit-format';

describe('audit entries for people', () => {
  it('labels the fields of a goal status and puts what changed first, without internal ids', () => {
    const before = { id: 'a', goalId: 'g', period: '2020-12-31', narrative: 'Prima', declaredState: 'IN_PROGRESS', percentComplete: '40.00', version: 1 };
    const after = { ...before, narrative: 'Dopo', declaredState: 'COMPLETED', percentComplete: '100.00', version: 2 };
    const rows = changeRows(before, after, 'GoalStatus');
    expect(rows.map((r) => r.label)).toEqual(['Stato dichiarato', 'Percentuale di completamento', 'Narrazione', 'Versione', 'Periodo']);
    expect(rows[0]).toMatchObject({ before: 'In corso', after: 'Conclusa', changed: true });
    expect(rows[1]).toMatchObject({ before: '40,00%', after: '100,00%' });
    expect(rows[4]).toMatchObject({ before: '31/12/2020', after: '31/12/2020', changed: false });
  });

  it('shows a creation with nothing before', () => {
    const rows = changeRows(null, { cutoffDate: '2020-12-31', state: 'OPEN', kind: 'YEAR_END' }, 'ReportingPeriod');
    expect(rows).toEqual([
      { key: 'state', label: 'Stato', before: '—', after: 'Aperto', changed: true },
      { key: 'cutoffDate', label: 'Scadenza', before: '—', after: '31/12/2020', changed: true },
      { key: 'kind', label: 'Tipo', before: '—', after: 'Annuale (31/12)', changed: true },
    ]);
  });

  it('reads enum values by what changed, yes/no and yearly targets', () => {
    expect(formatValue('state', 'SUBMITTED', 'DepartmentReview')).toBe('Inviato in revisione');
    expect(formatValue('active', false, 'User')).toBe('No');
    expect(formatValue('targets', [{ year: 2021, comparator: 'GE', value: '10.5', unit: 'km', text: null }], 'Indicator')).toBe('2021: Almeno (≥) 10,5 km');
    expect(viaLabel('session')).toBe('dal browser');
    expect(viaLabel('api-token:12')).toBe('con un token API');
  });
});

import { computeSpending, percentage, ratiosOf, sumAmounts, type SpendingAmounts, type SpendingLine } from './spending-math';

const amounts = (assestato: string, impegnato: string, liquidatoCompetenza: string, residuiPassivi: string, liquidatoResidui: string): SpendingAmounts => ({
  assestato,
  impegnato,
  liquidatoCompetenza,
  residuiPassivi,
  liquidatoResidui,
});

const line = (mission: string, programme: string, a: SpendingAmounts): SpendingLine => ({ mission, programme, amounts: a });

describe('percentage', () => {
  it('is num/den in percent with two decimals', () => {
    expect(percentage('1', '4')).toBe('25.00');
    expect(percentage('3', '3')).toBe('100.00');
    expect(percentage('0', '7')).toBe('0.00');
    expect(percentage('150', '100')).toBe('150.00');
  });

  it('rounds half up, as the council documents print it', () => {
    expect(percentage('1', '8')).toBe('12.50'); // exact
    expect(percentage('1', '3')).toBe('33.33');
    expect(percentage('2', '3')).toBe('66.67');
    expect(percentage('0.00125', '1')).toBe('0.13'); // 0.125 → 0.13 (half-even would give 0.12)
    expect(percentage('0.00135', '1')).toBe('0.14'); // 0.135 → 0.14
    expect(percentage('0.00145', '1')).toBe('0.15'); // binary floats would give 0.14
    expect(percentage('1.0005', '100')).toBe('1.00'); // 1.0005 → 1.00, not a third decimal
  });

  it('rounds negative values away from zero at the half', () => {
    expect(percentage('-0.00125', '1')).toBe('-0.13');
  });

  it('is exact on large amounts where floats would drift', () => {
    // 475193437.97 of 475193437.98 = 99.9999999978…%
    expect(percentage('475193437.97', '475193437.98')).toBe('100.00');
    expect(percentage('123456789012.34', '987654321098.76')).toBe('12.50');
  });

  it('is null (not computable) when the denominator is zero, whatever its spelling', () => {
    expect(percentage('10', '0')).toBeNull();
    expect(percentage('0', '0.00')).toBeNull();
    expect(percentage('5', '-0')).toBeNull();
  });
});

describe('sumAmounts', () => {
  it('adds cents exactly (0.1 + 0.2 = 0.30) and prints two decimals', () => {
    const total = sumAmounts([amounts('0.1', '0.2', '0', '0', '0'), amounts('0.2', '0.1', '0', '0', '0')]);
    expect(total.assestato).toBe('0.30');
    expect(total.impegnato).toBe('0.30');
    expect(total.liquidatoCompetenza).toBe('0.00');
  });

  it('stays exact over many cents', () => {
    const items = Array.from({ length: 1000 }, () => amounts('0.01', '0.10', '0.07', '1234567.89', '0.33'));
    expect(sumAmounts(items)).toEqual(amounts('10.00', '100.00', '70.00', '1234567890.00', '330.00'));
  });

  it('is all zeros for no rows', () => {
    expect(sumAmounts([])).toEqual(amounts('0.00', '0.00', '0.00', '0.00', '0.00'));
  });
});

describe('ratiosOf', () => {
  it('computes the three ratios from their own numerator and denominator', () => {
    expect(ratiosOf(amounts('200', '150', '75', '40', '10'))).toEqual({
      impegnatoSuAssestato: '75.00',
      liquidatoSuImpegnato: '50.00',
      liquidatoResiduiSuResidui: '25.00',
    });
  });

  it('reports each zero denominator as null independently', () => {
    expect(ratiosOf(amounts('100', '0', '0', '0', '0'))).toEqual({
      impegnatoSuAssestato: '0.00',
      liquidatoSuImpegnato: null,
      liquidatoResiduiSuResidui: null,
    });
  });
});

describe('computeSpending', () => {
  const rows = [
    line('12', '7', amounts('300.00', '150.00', '150.00', '0.00', '0.00')),
    line('1', '11', amounts('0.10', '0.10', '0.05', '1.00', '0.50')),
    line('4', '2', amounts('1000.00', '999.99', '500.00', '20.00', '5.00')),
    line('1', '2', amounts('0.20', '0.10', '0.10', '2.00', '1.00')),
    line('1', '10', amounts('99.70', '49.80', '0.00', '0.00', '0.00')),
  ];

  it('orders missions and programmes numerically, not as strings', () => {
    const result = computeSpending(rows);
    expect(result.missions.map((m) => m.mission)).toEqual(['1', '4', '12']);
    expect(result.missions[0].programmes.map((p) => p.programme)).toEqual(['2', '10', '11']);
  });

  it('does not reorder the input array', () => {
    const input = [...rows];
    computeSpending(input);
    expect(input).toEqual(rows);
  });

  it('totals each mission exactly and computes its ratios from the totals', () => {
    const [m1, m4, m12] = computeSpending(rows).missions;
    expect(m1.total).toEqual(amounts('100.00', '50.00', '0.15', '3.00', '1.50'));
    expect(m1.ratios).toEqual({ impegnatoSuAssestato: '50.00', liquidatoSuImpegnato: '0.30', liquidatoResiduiSuResidui: '50.00' });
    expect(m4.total).toEqual(amounts('1000.00', '999.99', '500.00', '20.00', '5.00'));
    expect(m4.ratios.impegnatoSuAssestato).toBe('100.00'); // 99.999 → 100.00
    expect(m12.ratios.liquidatoResiduiSuResidui).toBeNull();
  });

  it('keeps each programme row with its own ratios', () => {
    const [m1] = computeSpending(rows).missions;
    expect(m1.programmes[0]).toEqual({
      mission: '1',
      programme: '2',
      amounts: amounts('0.20', '0.10', '0.10', '2.00', '1.00'),
      ratios: { impegnatoSuAssestato: '50.00', liquidatoSuImpegnato: '100.00', liquidatoResiduiSuResidui: '50.00' },
    });
  });

  it('has a grand total equal to the sum of the mission totals, and its ratios', () => {
    const result = computeSpending(rows);
    expect(result.grandTotal).toEqual(amounts('1400.00', '1199.99', '650.15', '23.00', '6.50'));
    expect(result.grandTotal).toEqual(sumAmounts(result.missions.map((m) => m.total)));
    expect(result.grandRatios).toEqual({ impegnatoSuAssestato: '85.71', liquidatoSuImpegnato: '54.18', liquidatoResiduiSuResidui: '28.26' });
  });

  it('is empty with zero totals and null ratios for no rows', () => {
    expect(computeSpending([])).toEqual({
      missions: [],
      grandTotal: amounts('0.00', '0.00', '0.00', '0.00', '0.00'),
      grandRatios: { impegnatoSuAssestato: null, liquidatoSuImpegnato: null, liquidatoResiduiSuResidui: null },
    });
  });
});

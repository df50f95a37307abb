import {
  assertAtMostOneLead,
  assertDepartmentRowTarget,
  assertNonNegativeAmount,
  assertOperationalUnderStrategic,
  assertPercent,
  assertStrategicUnderLine,
  assertYearsWithinEdition,
  PlanRuleViolation,
} from './plan-rules';

/** The violation thrown by `run`; fails the test when nothing is thrown. */
function violationOf(run: () => void): PlanRuleViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanRuleViolation) return error;
    throw error;
  }
  throw new Error('no PlanRuleViolation thrown');
}

describe('PlanRuleViolation', () => {
  it('carries code and place, and says both in its message', () => {
    const violation = new PlanRuleViolation('SOME_CODE', 'Messaggio', 'OS 1.2');
    expect(violation).toBeInstanceOf(Error);
    expect(violation.name).toBe('PlanRuleViolation');
    expect(violation.code).toBe('SOME_CODE');
    expect(violation.where).toBe('OS 1.2');
    expect(violation.message).toBe('Messaggio (OS 1.2) [SOME_CODE]');
  });
});

describe('assertOperationalUnderStrategic', () => {
  it.each([
    ['1.2.1', '1.2'],
    ['10.3.12', '10.3'],
  ])('accepts %s under %s', (op, so) => {
    expect(() => assertOperationalUnderStrategic(op, so)).not.toThrow();
  });

  it.each([
    ['1.3.1', '1.2'],
    ['11.2.1', '1.2'], // a prefix without the dot is not enough
    ['1.2', '1.2'],
    ['1.21.1', '1.2'],
  ])('rejects %s under %s with OP_CODE_MISMATCH', (op, so) => {
    const violation = violationOf(() => assertOperationalUnderStrategic(op, so));
    expect(violation.code).toBe('OP_CODE_MISMATCH');
    expect(violation.where).toBe(op);
    expect(violation.message).toContain(`obiettivo operativo ${op} non appartiene all'obiettivo strategico ${so}`);
  });
});

describe('assertStrategicUnderLine', () => {
  it('accepts a strategic objective numbered under its mandate line', () => {
    expect(() => assertStrategicUnderLine('3.1', 3)).not.toThrow();
    expect(() => assertStrategicUnderLine('12.4', 12)).not.toThrow();
  });

  it.each([
    ['3.1', 4],
    ['13.1', 1],
    ['x.1', 1],
  ])('rejects %s under line %d with SO_CODE_MISMATCH', (so, lineNumber) => {
    const violation = violationOf(() => assertStrategicUnderLine(so, lineNumber));
    expect(violation.code).toBe('SO_CODE_MISMATCH');
    expect(violation.where).toBe(so);
    expect(violation.message).toContain(`linea di mandato ${lineNumber}`);
  });
});

describe('assertAtMostOneLead', () => {
  it('accepts no lead or one lead', () => {
    expect(() => assertAtMostOneLead([], 'F1')).not.toThrow();
    expect(() => assertAtMostOneLead([{ lead: false }, { lead: false }], 'F1')).not.toThrow();
    expect(() => assertAtMostOneLead([{ lead: false }, { lead: true }, { lead: false }], 'F1')).not.toThrow();
  });

  it('rejects two leads with MULTIPLE_LEADS', () => {
    const violation = violationOf(() => assertAtMostOneLead([{ lead: true }, { lead: false }, { lead: true }], 'OO 1.2.3 finalità 2'));
    expect(violation.code).toBe('MULTIPLE_LEADS');
    expect(violation.where).toBe('OO 1.2.3 finalità 2');
    expect(violation.message).toContain('un solo settore capofila');
  });
});

describe('assertYearsWithinEdition', () => {
  it('accepts distinct years inside the three-year span, bounds included', () => {
    expect(() => assertYearsWithinEdition([2020, 2021, 2022], 2020, 2022, 'F1')).not.toThrow();
    expect(() => assertYearsWithinEdition([], 2020, 2022, 'F1')).not.toThrow();
  });

  it.each([[[2019]], [[2023]], [[2020.5]], [[Number.NaN]]])('rejects %j with YEAR_OUT_OF_EDITION', (years) => {
    const violation = violationOf(() => assertYearsWithinEdition(years, 2020, 2022, 'F1'));
    expect(violation.code).toBe('YEAR_OUT_OF_EDITION');
    expect(violation.message).toContain('fuori dal triennio 2020-2022');
  });

  it('rejects a repeated year with YEAR_REPEATED', () => {
    const violation = violationOf(() => assertYearsWithinEdition([2021, 2022, 2021], 2020, 2022, 'F1'));
    expect(violation.code).toBe('YEAR_REPEATED');
    expect(violation.where).toBe('F1');
  });
});

describe('assertDepartmentRowTarget', () => {
  it('accepts exactly one of department and "all departments"', () => {
    expect(() => assertDepartmentRowTarget({ departmentCode: 'S01' }, 'r1')).not.toThrow();
    expect(() => assertDepartmentRowTarget({ allDepartmentsLabel: 'Tutti i settori' }, 'r1')).not.toThrow();
  });

  it.each([
    [{}],
    [{ departmentCode: 'S01', allDepartmentsLabel: 'Tutti i settori' }],
    [{ departmentCode: '', allDepartmentsLabel: '' }],
  ])('rejects %j with DEPARTMENT_ROW_TARGET', (row) => {
    expect(violationOf(() => assertDepartmentRowTarget(row, 'r1')).code).toBe('DEPARTMENT_ROW_TARGET');
  });
});

describe('assertNonNegativeAmount', () => {
  it.each(['0', '12', '12.3', '475193437.97'])('accepts %s', (value) => {
    expect(() => assertNonNegativeAmount(value, 'assestato', 'M1 P2')).not.toThrow();
  });

  it.each(['-1', '1.234', '1,5', '1e3', '', '.5', ' 1'])('rejects %j with AMOUNT_INVALID', (value) => {
    const violation = violationOf(() => assertNonNegativeAmount(value, 'assestato', 'M1 P2'));
    expect(violation.code).toBe('AMOUNT_INVALID');
    expect(violation.where).toBe('M1 P2');
    expect(violation.message).toContain(`Importo non valido per assestato: "${value}"`);
  });
});

describe('assertPercent', () => {
  it.each([undefined, 0, 55.5, 100])('accepts %p', (value) => {
    expect(() => assertPercent(value, 'I1')).not.toThrow();
  });

  it.each([-0.1, 100.01, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p with PERCENT_OUT_OF_RANGE', (value) => {
    const violation = violationOf(() => assertPercent(value, 'I1'));
    expect(violation.code).toBe('PERCENT_OUT_OF_RANGE');
    expect(violation.message).toContain('tra 0 e 100');
  });
});

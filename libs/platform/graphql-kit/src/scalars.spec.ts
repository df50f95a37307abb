import { GraphQLError, parseValue as parseLiteralAst, type GraphQLScalarType } from 'graphql';
import { DateTimeScalar, DecimalScalar, isValidIsoDate, LocalDateScalar } from './scalars';

/** The scalar's result for a variable value and for the same value written inline in a query. */
function viaVariable(scalar: GraphQLScalarType, value: unknown): unknown {
  return scalar.parseValue(value);
}
function viaLiteral(scalar: GraphQLScalarType, graphqlLiteral: string): unknown {
  return scalar.parseLiteral(parseLiteralAst(graphqlLiteral), undefined);
}

function expectBadUserInput(run: () => unknown): GraphQLError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GraphQLError);
  expect((thrown as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
  return thrown as GraphQLError;
}

describe('LocalDate', () => {
  it.each(['2020-06-30', '2020-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (date) => {
    expect(viaVariable(LocalDateScalar, date)).toBe(date);
    expect(viaLiteral(LocalDateScalar, JSON.stringify(date))).toBe(date);
    expect(isValidIsoDate(date)).toBe(true);
  });

  it.each(['2020-02-30', '2021-02-29', '1900-02-29', '2020-13-01', '2020-04-31', '2020-6-30', '30/06/2020', '2020-06-30T00:00:00Z', '', '0000-01-01'])(
    'rejects %j',
    (date) => {
      const error = expectBadUserInput(() => viaVariable(LocalDateScalar, date));
      expect(error.message).toContain('Data non valida (atteso yyyy-mm-dd)');
      expectBadUserInput(() => viaLiteral(LocalDateScalar, JSON.stringify(date)));
      expect(isValidIsoDate(date)).toBe(false);
    },
  );

  it('rejects values that are not strings', () => {
    expectBadUserInput(() => viaVariable(LocalDateScalar, 20200630));
    expectBadUserInput(() => viaVariable(LocalDateScalar, null));
    expectBadUserInput(() => viaLiteral(LocalDateScalar, '20200630'));
  });

  it('serializes as the plain string', () => {
    expect(LocalDateScalar.serialize('2020-06-30')).toBe('2020-06-30');
  });
});

describe('Decimal', () => {
  it.each(['0', '1.5', '-3', '475193437.97', '0.10'])('accepts %s and keeps it as an exact string', (value) => {
    expect(viaVariable(DecimalScalar, value)).toBe(value);
    expect(viaLiteral(DecimalScalar, JSON.stringify(value))).toBe(value);
  });

  it('accepts Int and Float literals as their source text', () => {
    expect(viaLiteral(DecimalScalar, '12')).toBe('12');
    expect(viaLiteral(DecimalScalar, '0.1')).toBe('0.1');
  });

  it.each(['1,5', '1.234,56', '1e5', '.5', '5.', '+1', ' 1', 'abc', ''])('rejects %j', (value) => {
    const error = expectBadUserInput(() => viaVariable(DecimalScalar, value));
    expect(error.message).toContain('Valore decimale non valido');
    expectBadUserInput(() => viaLiteral(DecimalScalar, JSON.stringify(value)));
  });

  it.each([
    [1.5, '1.5'],
    [60.5, '60.5'],
    [0.1, '0.1'],
    [-3, '-3'],
    [0, '0'],
    [-0, '0'],
    [475193437.97, '475193437.97'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
  ])('accepts the JSON number %p as the exact decimal string %p', (value, expected) => {
    expect(viaVariable(DecimalScalar, value)).toBe(expected);
  });

  it.each([NaN, Infinity, -Infinity])('rejects the non-finite number %p in Italian', (value) => {
    const error = expectBadUserInput(() => viaVariable(DecimalScalar, value));
    expect(error.message).toBe(
      `Valore decimale non valido: ${value}. Il numero deve essere finito; usare un numero con il punto come separatore decimale, senza separatore delle migliaia (es. 1234.56 o "1234.56").`,
    );
  });

  it.each([true, null, {}, [1]])('rejects %p, telling how to write a decimal', (value) => {
    const error = expectBadUserInput(() => viaVariable(DecimalScalar, value));
    expect(error.message).toMatch(/^Valore decimale non valido: .*\. Usare un numero con il punto come separatore decimale/);
  });

  it('quotes a wrong string so that the user sees what was sent', () => {
    expect(expectBadUserInput(() => viaVariable(DecimalScalar, '60,5')).message).toBe(
      'Valore decimale non valido: "60,5". Usare un numero con il punto come separatore decimale, senza separatore delle migliaia (es. 1234.56 o "1234.56").',
    );
  });

  it('rejects a Float literal in exponent notation and a boolean', () => {
    expectBadUserInput(() => viaLiteral(DecimalScalar, '1e5'));
    expectBadUserInput(() => viaLiteral(DecimalScalar, 'true'));
  });

  it('serializes as a string', () => {
    expect(DecimalScalar.serialize('475193437.97')).toBe('475193437.97');
  });
});

describe('DateTime', () => {
  it.each([
    ['2020-06-30T10:00:00Z', '2020-06-30T10:00:00.000Z'],
    ['2020-06-30T10:00Z', '2020-06-30T10:00:00.000Z'],
    ['2020-06-30T12:00:00.123+02:00', '2020-06-30T10:00:00.123Z'],
    ['2020-02-29T23:59:59-01:00', '2020-03-01T00:59:59.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
  ])('accepts %s as the instant %s', (text, iso) => {
    expect((viaVariable(DateTimeScalar, text) as Date).toISOString()).toBe(iso);
    expect((viaLiteral(DateTimeScalar, JSON.stringify(text)) as Date).toISOString()).toBe(iso);
  });

  it.each(['not-a-date', '2020-02-30T10:00:00Z', '2020-13-01T00:00:00Z', '2020-06-30T24:00:00Z', '2020-06-30T10:60:00Z', '2020-06-30T10:00:00', '2020-06-30', '+275760-09-14T00:00:00Z', '0000-01-01T00:00:00Z', '', '1593511200000'])(
    'rejects %j with an Italian message naming the format',
    (text) => {
      const error = expectBadUserInput(() => viaVariable(DateTimeScalar, text));
      expect(error.message).toContain('Data e ora non valide (atteso AAAA-MM-GGThh:mm:ss con il fuso orario');
      expectBadUserInput(() => viaLiteral(DateTimeScalar, JSON.stringify(text)));
    },
  );

  it('rejects values that are not text, and serializes dates in UTC', () => {
    for (const value of [1593511200000, null, {}, true]) expectBadUserInput(() => viaVariable(DateTimeScalar, value));
    expect(DateTimeScalar.serialize(new Date('2020-06-30T12:00:00+02:00'))).toBe('2020-06-30T10:00:00.000Z');
  });
});

import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Exact decimal as a string ("475193437.97"); money never travels as a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Numero decimale esatto, serializzato come stringa con il punto come separatore (es. "475193437.97").',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) throw badInput(`Valore decimale non valido: ${String(value)}`);
    return value;
  },
  parseLiteral: (ast) => {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) && DECIMAL_PATTERN.test(ast.value)) return ast.value;
    throw badInput('Valore decimale non valido');
  },
});

/** A calendar date without time zone, `yyyy-mm-dd`. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'Data di calendario senza fuso orario, nel formato ISO yyyy-mm-dd (es. "2020-06-30").',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isValidIsoDate(value)) throw badInput(`Data non valida (atteso yyyy-mm-dd): ${String(value)}`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isValidIsoDate(ast.value)) return ast.value;
    throw badInput('Data non valida (atteso yyyy-mm-dd)');
  },
});

export function isValidIsoDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Any JSON value, as is: audit snapshots (before/after) are free-form documents. */
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Valore JSON qualsiasi (oggetto, elenco, stringa, numero, booleano o null), restituito così com\'è.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: () => {
    throw badInput('Valori JSON letterali non accettati come argomento: usare una variabile.');
  },
});

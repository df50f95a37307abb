import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

const DECIMAL_HINT = 'usare un numero con il punto come separatore decimale, senza separatore delle migliaia (es. 1234.56 o "1234.56").';

/**
 * A JSON number as the decimal the client wrote: JavaScript keeps the shortest text that reads
 * back as the same number, which is that text for any number written with up to 15 significant
 * digits (60.5, 475193437.97). Exponents are expanded (1e21 → "1000000000000000000000").
 */
function decimalOfNumber(value: number): string {
  if (!Number.isFinite(value)) throw badInput(`Valore decimale non valido: ${String(value)}. Il numero deve essere finito; ${DECIMAL_HINT}`);
  return new Decimal(value).toFixed();
}

/**
 * Exact decimal as a string ("475193437.97"). Accepted as a string or, for clients that send
 * what a person typed as a number, a JSON number; answered always as a string, so money never
 * travels back as a float. Strings keep every digit; a number with more than 15 significant
 * digits may already have been rounded by the client's JSON encoder, so amounts are best sent
 * as strings.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'Numero decimale esatto, con il punto come separatore (es. "475193437.97"). In ingresso è accettato come stringa o come numero JSON; in uscita è sempre una stringa.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value === 'number') return decimalOfNumber(value);
    if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
      throw badInput(`Valore decimale non valido: ${JSON.stringify(value) ?? String(value)}. ${capitalized(DECIMAL_HINT)}`);
    }
    return value;
  },
  parseLiteral: (ast) => {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) && DECIMAL_PATTERN.test(ast.value)) return ast.value;
    throw badInput(`Valore decimale non valido. ${capitalized(DECIMAL_HINT)}`);
  },
});

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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

/** A real calendar day of years 0001–9999 (PostgreSQL has no year 0). */
export function isValidIsoDate(value: string): boolean {
  if (!DATE_PATTERN.test(value) || value.startsWith('0000')) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** RFC 3339 date-time: a date, a time and a time-zone offset (Z or ±hh:mm). */
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The instant of an RFC 3339 date-time, or null when the text is not one (or names a day that does not exist). */
export function parseIsoDateTime(value: string): Date | null {
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match || !isValidIsoDate(match[1])) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const DATE_TIME_MESSAGE = 'Data e ora non valide (atteso AAAA-MM-GGThh:mm:ss con il fuso orario, es. 2020-06-30T10:00:00Z)';

/**
 * An instant, as RFC 3339 text with its offset; answered in UTC. Replaces Nest's DateTime, which
 * turned any text into a Date (an invalid one reached the database).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'Istante in formato ISO 8601 / RFC 3339 con fuso orario (es. "2020-06-30T10:00:00Z"); restituito in UTC.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime non serializzabile: ${String(value)}`);
    return date.toISOString();
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
    if (!date) throw badInput(`${DATE_TIME_MESSAGE}: ${String(value)}`);
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? parseIsoDateTime(ast.value) : null;
    if (!date) throw badInput(DATE_TIME_MESSAGE);
    return date;
  },
});

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

/** Nest's `scalarsMap` entry that types every `Date` field and argument as DateTimeScalar. */
export const DATE_TIME_SCALARS = [{ type: Date, scalar: DateTimeScalar }];

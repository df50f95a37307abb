import { badUserInput } from '@dup/graphql-kit';
import { italianDate } from './write-context';

/** Upper bounds that keep one field from filling the database or the printed report. */
export const MAX_NARRATIVE = 50_000;
export const MAX_TEXT = 10_000;
export const MAX_LABEL = 200;

/** Trimmed text, required unless `optional`, at most `max` characters; errors name the field. */
export function text(field: string, value: string | null | undefined, max: number, optional = false): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed && !optional) throw badUserInput(field, 'Campo obbligatorio: il testo non può essere vuoto.');
  if (trimmed.length > max) throw badUserInput(field, `Testo troppo lungo: al massimo ${max} caratteri (ricevuti ${trimmed.length}).`);
  return trimmed;
}

/** Optional short text: null when absent or blank. */
export function optionalLabel(field: string, value: string | null | undefined): string | null {
  return text(field, value, MAX_LABEL, true) || null;
}

/** A percentage 0–100 with at most two decimals (the column is numeric(5,2)). */
export function percent(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  const n = Number(value);
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || n < 0 || n > 100) {
    throw badUserInput(field, 'Percentuale non valida: un numero tra 0 e 100 con al massimo due decimali.');
  }
  return withScale(value, 2);
}

/** A decimal that fits numeric(20,4). */
export function decimal(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!/^-?\d{1,16}(\.\d{1,4})?$/.test(value)) throw badUserInput(field, 'Valore non valido: al massimo 16 cifre intere e 4 decimali.');
  return withScale(value, 4);
}

/** "95" → "95.0000": the write answers with the value exactly as PostgreSQL stores and reads it back. */
function withScale(value: string, scale: number): string {
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(scale, '0')}`;
}

/**
 * A deferral names a later reporting cut-off (30/06 or 31/12), and a deferral state goes with
 * a deferral date and only with it: the same rule as the results' database check.
 */
export function deferral(field: string, deferredTo: string | null | undefined, cutoffDate: string, deferredState: boolean, stateField: string): string | null {
  if (!deferredTo) {
    if (deferredState) throw badUserInput(field, 'Indicare la scadenza a cui è rinviata la rendicontazione.');
    return null;
  }
  if (!deferredState) throw badUserInput(stateField, 'Con una data di rinvio lo stato deve essere DEFERRED (rinviato).');
  if (!/-(06-30|12-31)$/.test(deferredTo)) throw badUserInput(field, 'Il rinvio deve indicare una scadenza di rendicontazione: 30/06 o 31/12.');
  if (deferredTo <= cutoffDate) throw badUserInput(field, `Il rinvio deve indicare una scadenza successiva al ${italianDate(cutoffDate)}.`);
  return deferredTo;
}

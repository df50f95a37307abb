/**
 * What people type, read the Italian way. Each parser returns the API's form (a decimal string
 * with a point, an ISO date) or an Italian message saying what is wrong; the API validates again.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * "60,5" → "60.5"; "1.234.567,89" → "1234567.89"; "1234,5" and "-3" too. A point alone is read as
 * a thousands separator only when it groups digits by three ("1.234"); "60.5" is refused as
 * ambiguous rather than guessed.
 */
export function parseItalianDecimal(input: string): Parsed<string> {
  const text = input.trim().replace(/\s/g, '').replace(/[€%]$/, '');
  if (text === '') return { ok: false, message: 'Inserire un numero.' };
  const match = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (!match) {
    if (/^[+-]?\d+\.\d+$/.test(text)) return { ok: false, message: 'Usare la virgola per i decimali (es. 60,5).' };
    return { ok: false, message: 'Numero non valido: usare cifre, la virgola per i decimali e il punto per le migliaia (es. 1.234,5).' };
  }
  const [, sign, whole, fraction] = match;
  const digits = whole.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  return { ok: true, value: `${sign === '-' ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}` };
}

/**
 * The first number in a result's text, when there is one that can be read without guessing:
 * "raggiunti 1.250 utenti (60,5%)" → "1250". Used to propose a value the user confirms.
 */
export function numberInText(text: string): string | null {
  const candidates = text.match(/[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:,\d+)?/g) ?? [];
  for (const candidate of candidates) {
    const parsed = parseItalianDecimal(candidate);
    if (parsed.ok) return parsed.value;
  }
  return null;
}

/** "31/12/2020" (also 31-12-2020, 31.12.2020) → "2020-12-31", refusing impossible dates. */
export function parseItalianDate(input: string): Parsed<string> {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input.trim());
  if (!match) return { ok: false, message: 'Data non valida: usare il formato gg/mm/aaaa (es. 31/12/2020).' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `La data ${input.trim()} non esiste.` };
  }
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

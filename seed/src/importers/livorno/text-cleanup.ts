/**
 * Character-level helpers shared by every parser of the Livorno status report.
 *
 * The source is a PDF converted to Markdown with HTML fragments; these helpers remove only
 * conversion artefacts and never touch the wording itself.
 */

/** Normalises line endings and removes Markdown escapes that the converter added (`\_`, `\*`). */
export function normaliseSource(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\\([_*])/g, '$1');
}

/** Strips HTML tags, Markdown emphasis and heading markers: the text as a reader sees it. */
export function plainText(markup: string): string {
  return collapseWhitespace(
    markup
      .replace(/<[^>]+>/g, ' ')
      .replace(/\*\*/g, '')
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/\t/g, ' '),
  );
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the whole cell is wrapped in one bold run (`<b>…</b>` or `**…**`). */
export function isWhollyBold(markup: string): boolean {
  const t = markup.trim();
  return /^<b>[\s\S]*<\/b>$/.test(t) || /^\*\*[\s\S]*\*\*$/.test(t);
}

/** Zero-pads a numeric code to two digits ("1" → "01"). */
export function twoDigits(code: string): string {
  const n = Number.parseInt(code, 10);
  if (!Number.isFinite(n)) throw new Error(`Not a numeric code: "${code}"`);
  return n < 10 ? `0${n}` : String(n);
}

/** Converts `dd/mm/yyyy` or `dd.mm.yyyy` into an ISO date. */
export function isoDate(italianDate: string): string {
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(italianDate.trim());
  if (!m) throw new Error(`Not an Italian date: "${italianDate}"`);
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

import { readFileSync } from 'node:fs';
import { loadReportStyle, reportFontPath, type ReportStyle } from './report-style';

/** The part of fontkit (a dependency of pdfkit, hence of pdfmake) used here. */
interface FontkitFont {
  characterSet: number[];
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}
interface FontkitModule {
  create(buffer: Buffer): FontkitFont;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as FontkitModule;

/**
 * Replacements for characters the report font lacks, tried in order; the first candidate every
 * face can print wins. Narratives use "➤" as a bullet, arrows inline, check marks and squares.
 */
const FALLBACKS: Record<string, string[]> = {
  '➤': ['›', '>'],
  '►': ['›', '>'],
  '▶': ['›', '>'],
  '▸': ['›', '>'],
  '▹': ['›', '>'],
  '▻': ['›', '>'],
  '➢': ['›', '>'],
  '➣': ['›', '>'],
  '→': ['»', '->'],
  '⇒': ['»', '=>'],
  '➔': ['»', '->'],
  '➜': ['»', '->'],
  '⟶': ['»', '->'],
  '←': ['«', '<-'],
  '✓': ['√', 'v'],
  '✔': ['√', 'v'],
  '☑': ['√', 'v'],
  '✗': ['×', 'x'],
  '✘': ['×', 'x'],
  '●': ['•', '-'],
  '○': ['•', '-'],
  '◦': ['•', '-'],
  '■': ['•', '-'],
  '□': ['•', '-'],
  '▪': ['•', '-'],
  '▫': ['•', '-'],
  '◆': ['•', '-'],
  '◇': ['•', '-'],
  '❖': ['•', '-'],
  '\u2010': ['-'],
  '\u2011': ['-'],
  '\u2012': ['–', '-'],
  '\u2015': ['—', '-'],
  '\u2212': ['–', '-'],
  '\u2032': ["'"],
  '\u2033': ['"'],
  '\u2264': ['<='],
  '\u2265': ['>='],
  '\u2260': ['!='],
  '\u00a0': [' '],
  '\u202f': [' '],
  '\u2007': [' '],
  '\u2009': [' '],
};

/** Characters that print nothing and are dropped when the font lacks them. */
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);

const UNKNOWN = '?';

/** Which code points every face of the report font can print, and how to replace the others. */
export class GlyphCoverage {
  private readonly covered: Set<number>;
  private readonly replacements = new Map<string, string>();

  constructor(characterSets: number[][]) {
    const [first, ...rest] = characterSets;
    const others = rest.map((cs) => new Set(cs));
    this.covered = new Set(first.filter((cp) => others.every((s) => s.has(cp))));
  }

  has(char: string): boolean {
    return this.covered.has(char.codePointAt(0) ?? 0);
  }

  private replacementFor(char: string): string {
    let r = this.replacements.get(char);
    if (r !== undefined) return r;
    r = UNKNOWN;
    if (INVISIBLE.has(char)) r = '';
    else {
      const candidates = FALLBACKS[char] ?? [];
      const found = candidates.find((c) => [...c].every((x) => this.has(x)));
      if (found !== undefined) r = found;
      else {
        // Accented letters the font lacks: keep the base letter ("ő" → "o").
        const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        if (base && base !== char && [...base].every((x) => this.has(x))) r = base;
      }
    }
    this.replacements.set(char, r);
    return r;
  }

  /**
   * The text with every character the font lacks replaced by a printable fallback, so nothing
   * prints as a missing-glyph box. Line breaks are kept (pdfmake breaks lines on them); tabs
   * become spaces.
   */
  sanitize(text: string): string {
    // Fast path: printable ASCII and the common Latin-1/typographic characters are all covered.
    if (!/[^\x20-\x7e\n]/.test(text)) return text;
    let out = '';
    for (const ch of text) {
      if (ch === '\n') out += ch;
      else if (ch === '\t') out += ' ';
      else if (this.has(ch)) out += ch;
      else out += this.replacementFor(ch);
    }
    return out;
  }
}

/** Approximate text widths (advances, no kerning) to size table columns before layout. */
export class TextWidths {
  private readonly cache = [new Map<number, number>(), new Map<number, number>()];
  constructor(private readonly fonts: [FontkitFont, FontkitFont]) {}

  /** Width in points of `text` at `size` (regular or bold). */
  width(text: string, size: number, bold = false): number {
    const font = this.fonts[bold ? 1 : 0];
    const cache = this.cache[bold ? 1 : 0];
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      let a = cache.get(cp);
      if (a === undefined) {
        a = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        cache.set(cp, a);
      }
      w += a;
    }
    return w * size;
  }
}

let cachedWidths: TextWidths | null = null;

export function reportTextWidths(style: ReportStyle = loadReportStyle()): TextWidths {
  cachedWidths ??= new TextWidths([
    fontkit.create(readFileSync(reportFontPath(style, 'regular'))),
    fontkit.create(readFileSync(reportFontPath(style, 'bold'))),
  ]);
  return cachedWidths;
}

let cached: GlyphCoverage | null = null;

/** The coverage of the report fonts (every face), read once per process/thread. */
export function reportGlyphCoverage(style: ReportStyle = loadReportStyle()): GlyphCoverage {
  if (!cached) {
    const faces = Object.keys(style.fontFiles) as (keyof ReportStyle['fontFiles'])[];
    cached = new GlyphCoverage(faces.map((face) => fontkit.create(readFileSync(reportFontPath(style, face))).characterSet));
  }
  return cached;
}

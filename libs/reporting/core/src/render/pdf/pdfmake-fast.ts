/**
 * Speed-ups for pdfmake 0.3.11 / pdfkit 0.19 (pinned in package.json; these patch their internal
 * classes, so re-check them on any upgrade: the spec "lay out the fixture exactly as pdfmake's
 * own code does" compares with pdfmake's own code paths), installed once per thread before the
 * first render. A naive render of the 156-page Livorno report took ~8–11 s here, most of it in
 * the places below, each replaced by an equivalent that produces the same layout:
 *
 * 0. Font parsing: each font file is parsed once per thread, not once per document (part).
 * 1. Text shaping. pdfkit shapes every distinct word with fontkit's full OpenType engine and
 *    caches the result per document. The report fonts (Titillium Web) have no ligatures or
 *    contextual forms that are on by default, only pair kerning (GPOS `kern`), so a word's
 *    glyphs are the cmap glyphs and its advances are the glyph advances plus pair kerning, read
 *    from the GPOS pair tables (fontkit shapes the pair if the table has another lookup type).
 *    Word runs are cached per font for the whole thread, so later parts reuse them.
 * 2. Style resolution. pdfmake resolves ~22 style properties for every word by walking the style
 *    stack; the words of one text run share their own properties and stack, so the resolved
 *    values are computed once per distinct set of own properties in a text node, and only the
 *    properties some level of the stack defines are looked up (definedStyleProperties).
 * 3. Text output. pdfmake writes every word as its own pdfkit `text()` call (save, transform,
 *    BT, Tm, Tf, TJ, ET, restore). Plain lines (no links, decorations, backgrounds, page
 *    references or destinations) are written here as one text object per line with one TJ
 *    array per font run; justification gaps become TJ adjustments. Each font of a document maps
 *    glyph ids to its subset ids once, so a word is written without building strings. Other
 *    lines go through pdfmake's own code.
 *
 * 4. Compression: content streams are deflated at zlib level 1 instead of 6 (about 4× less
 *    time in zlib, about 20% larger streams). Deflating them on libuv's thread pool while the
 *    next part is laid out was tried: no faster on two cores (the garbage collector's helper
 *    threads already use the second one), and a kept part would then be deflated again.
 * 5. Content buffering: pdfkit turns every operator string into its own Buffer as it is written;
 *    here a stream's operators are appended in place to one growing buffer (ContentBytes), and
 *    plain lines (3) write their numbers and words' bytes there without making strings.
 * 6. Style lookups: pdfmake's getStyleProperty pushes the item's styles on the stack and pops
 *    them around a closure, and getProperty allocates a closure and a Set per call; the
 *    replacements walk the same overrides in the same order without allocating.
 * 7. Word runs: a text without inner spaces (pdfmake's inlines are single words) is one cached
 *    run, returned without pdfkit's slicing and array concatenation; a document's encoded words
 *    (subset glyph ids) are cached per font of that document.
 * 8. Measured words: pdfmake adds some twenty properties one by one to each word, which grows the
 *    word's property storage several times; each word is built here as one object with all of
 *    them, and its leading and trailing spaces are found without regular expressions (about 4% of
 *    the CPU time of a large report, garbage collection included; the files are byte-identical).
 * 9. Line building: pdfmake copies a paragraph's remaining words for every word it places on a
 *    line (quadratic in the paragraph's length); they are passed only when they are read.
 *
 * 10. Word splitting: linebreak's class of each character is looked up once per thread, and
 *    words' line ends are found without regular expressions.
 *
 * Plain lines write each word's subset glyph ids as bytes straight into the page's stream (3, 5),
 * from the glyph run measured with the word (7), and every measured word has one shape (8). With
 * 9 and 10 they cut the allocations of a 10× report from 3.4 to 2.1 GB; the files are
 * byte-identical.
 *
 * All of them apply to every pdfmake document rendered in the thread once installed; 3 can be
 * switched off with `setFastTextOutput(false)` for comparisons.
 */

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
import { ContentBytes } from './content-bytes';
import { WordTable } from './word-table';

interface LightGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
/**
 * A word's glyph run, kept compact (the thread's cache holds thousands): pdfkit's position objects
 * are made from it when pdfkit asks for them (layoutOf).
 */
interface Run {
  /** The word it lays out. */
  text: string;
  glyphs: LightGlyph[];
  /** Each glyph's advance, kerning included, in pdfkit's units (1000 per em). */
  advances: number[];
  advanceWidth: number;
  /** pdfkit's units per font unit. */
  scale: number;
}

/** A run as pdfkit lays it out: fresh arrays and position objects, which pdfkit's callers may change. */
function layoutOf(run: Run): { glyphs: LightGlyph[]; positions: Position[]; advanceWidth: number } {
  const { glyphs, advances, scale } = run;
  const positions: Position[] = new Array(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) positions[i] = { xAdvance: advances[i], yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: glyphs[i].advanceWidth * scale };
  return { glyphs: glyphs.slice(), positions, advanceWidth: run.advanceWidth };
}

interface FontMetrics {
  glyphs: Map<number, LightGlyph>;
  kern: Map<number, number>;
  runs: WordTable<Run>;
}

const metricsByFont = new Map<string, FontMetrics>();
/**
 * Words whose runs are kept per font (WordTable: emptied when full). Livorno's report has
 * about 12 000 distinct words in its regular font (a plan ten times larger about 13 000); a run
 * takes some 20 bytes per character.
 */
const MAX_CACHED_RUNS_PER_FONT = 20_000;
let installed = false;
let fastText = true;
let fontIdPrefix = '';

/**
 * Digits put in front of the ids of the fonts of the documents rendered next (the part index):
 * pdfkit derives the subset tag ("BZZZZZ+") from the font id, and the parts of one report must not
 * carry different subsets under the same name once merged.
 */
export function setFontIdPrefix(digits: number): void {
  fontIdPrefix = String(digits).padStart(3, '0');
}

/** Switches the fast text output (3) on or off for this thread (for comparisons). */
export function setFastTextOutput(enabled: boolean): void {
  fastText = enabled;
}

function metricsFor(font: any): FontMetrics {
  const key = `${font.postscriptName}|${font.numGlyphs}`;
  let m = metricsByFont.get(key);
  if (!m) {
    m = { glyphs: new Map(), kern: new Map(), runs: new WordTable<Run>(MAX_CACHED_RUNS_PER_FONT) };
    metricsByFont.set(key, m);
  }
  return m;
}

function glyphFor(font: any, m: FontMetrics, cp: number): LightGlyph {
  let g = m.glyphs.get(cp);
  if (!g) {
    const fg = font.glyphForCodePoint(cp);
    g = { id: fg.id, advanceWidth: fg.advanceWidth, codePoints: [cp] };
    m.glyphs.set(cp, g);
  }
  return g;
}

const decoded = new WeakMap<object, Map<number, any>>();

/** Element `i` of a fontkit array (plain or lazy; lazy elements are decoded once). */
function at(list: any, i: number): any {
  if (typeof list.get !== 'function') return list[i];
  let m = decoded.get(list);
  if (!m) decoded.set(list, (m = new Map()));
  let v = m.get(i);
  if (v === undefined) {
    v = list.get(i);
    m.set(i, v);
  }
  return v;
}

function coverageIndex(coverage: any, gid: number): number {
  if (coverage.version === 1) {
    const glyphs = coverage.glyphs;
    for (let i = 0; i < glyphs.length; i++) if (at(glyphs, i) === gid) return i;
    return -1;
  }
  for (const r of coverage.rangeRecords) if (gid >= r.start && gid <= r.end) return r.startCoverageIndex + gid - r.start;
  return -1;
}

function classOf(classDef: any, gid: number): number {
  if (classDef.version === 1) {
    const i = gid - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? at(classDef.classValueArray, i) : 0;
  }
  for (const r of classDef.classRangeRecord) if (gid >= r.start && gid <= r.end) return r.class;
  return 0;
}

/**
 * The horizontal advance adjustment of `left` before `right` from the font's GPOS `kern` pair
 * lookups (formats 1 and 2, through extension lookups too), i.e. what fontkit applies when it
 * shapes the pair. Fonts whose `kern` feature uses other lookup types fall back to fontkit.
 */
function gposPairKern(font: any, left: number, right: number): number | null {
  const gpos = font.GPOS;
  if (!gpos) return 0;
  const kern = gpos.featureList.find((f: any) => f.tag === 'kern');
  if (!kern) return 0;
  for (const li of kern.feature.lookupListIndexes) {
    const lookup = at(gpos.lookupList, li);
    for (let s = 0; s < lookup.subTables.length; s++) {
      let st = at(lookup.subTables, s);
      let type = lookup.lookupType;
      if (type === 9) {
        type = st.lookupType;
        st = st.extension;
      }
      if (type !== 2) return null;
      const ci = coverageIndex(st.coverage, left);
      if (ci < 0) continue;
      if (st.version === 1) {
        const set = at(st.pairSets, ci);
        for (let i = 0; i < set.length; i++) {
          const pv = at(set, i);
          if (pv.secondGlyph === right) return pv.value1?.xAdvance ?? 0;
        }
        continue;
      }
      const c2 = classOf(st.classDef2, right);
      const rec = at(at(st.classRecords, classOf(st.classDef1, left)), c2);
      return rec?.value1?.xAdvance ?? 0;
    }
  }
  return 0;
}

function kernFor(font: any, m: FontMetrics, left: LightGlyph, right: LightGlyph, leftCp: number, rightCp: number): number {
  const key = left.id * 0x10000 + right.id;
  let k = m.kern.get(key);
  if (k === undefined) {
    const fromTable = gposPairKern(font, left.id, right.id);
    if (fromTable !== null) k = fromTable;
    else {
      const run = font.layout(String.fromCodePoint(leftCp, rightCp));
      k = run.glyphs.length === 2 && run.glyphs[0].id === left.id ? run.positions[0].xAdvance - left.advanceWidth : 0;
    }
    m.kern.set(key, k as number);
  }
  return k as number;
}

/** The glyph run of a word, in pdfkit's units (1000 per em), cached per font for the thread. */
function fastRun(embedded: any, text: string): Run {
  const font = embedded.font;
  const m: FontMetrics = (embedded.__dupMetrics ??= metricsFor(font));
  const cached = m.runs.get(text);
  if (cached) return cached;
  const scale = embedded.scale as number;
  const glyphs: LightGlyph[] = [];
  const advances: number[] = [];
  const cps: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const g = glyphFor(font, m, cp);
    cps.push(cp);
    glyphs.push(g);
    advances.push(g.advanceWidth * scale);
  }
  let advanceWidth = 0;
  for (let i = 0; i < glyphs.length; i++) {
    if (i + 1 < glyphs.length) {
      const k = kernFor(font, m, glyphs[i], glyphs[i + 1], cps[i], cps[i + 1]);
      if (k) advances[i] += k * scale;
    }
    advanceWidth += advances[i];
  }
  const run: Run = { text, glyphs, advances, advanceWidth, scale };
  m.runs.add(run);
  return run;
}

/** The properties pdfmake resolves per word in TextInlines.measure, in its order. */
const MEASURED: [string, unknown][] = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];
/** The properties TextInlines.measure resolves, one bit each (see definedStyleProperties). */
export const STYLE_BITS = new Map<string, number>(['font', 'bold', 'italics', ...MEASURED.map(([name]) => name), 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces'].map((name, i) => [name, 2 ** i]));

/** Bits of the resolved properties an object defines (a value other than undefined or null). */
function objectStyleBits(value: any): number {
  let bits = 0;
  // for…in: own and inherited enumerable keys, i.e. every key a lookup of value[key] can find
  // on the plain objects pdfmake's nodes and style overrides are.
  for (const key in value) {
    const bit = STYLE_BITS.get(key);
    if (bit !== undefined && isValue(value[key])) bits |= bit;
  }
  return bits;
}

/**
 * The same for a string item, which pdfmake reads like an object: String.prototype's legacy
 * HTML methods (bold, italics, link, sup, sub) are values to it.
 */
function stringStyleBits(value: any): number {
  let bits = 0;
  for (const [property, bit] of STYLE_BITS) if (isValue(value[property])) bits |= bit;
  return bits;
}

/** Per style dictionary: the bits each named style defines, itself or through `extends`. */
const namedStyleBitsByDictionary = new WeakMap<object, Map<string, number>>();

function namedStyleBits(dictionary: any, name: string): number {
  let byName = namedStyleBitsByDictionary.get(dictionary);
  if (!byName) namedStyleBitsByDictionary.set(dictionary, (byName = new Map()));
  let bits = byName.get(name);
  if (bits === undefined) {
    bits = 0;
    for (const [property, bit] of STYLE_BITS) if (isValue(namedStyleValue(dictionary, name, property, null))) bits |= bit;
    byName.set(name, bits);
  }
  return bits;
}

function overrideBits(dictionary: any, override: any): number {
  return isString(override) ? namedStyleBits(dictionary, String(override)) : objectStyleBits(override);
}

/**
 * Bits of the resolved properties that the item, its named styles, a level of the style stack or
 * the default style define: the levels StyleContextStack.getStyleProperty reads. A property
 * whose bit is clear resolves to its default, so it need not be looked up (our documents set a
 * handful of the 23 properties, and a lookup walks every level). Named styles are cached per
 * dictionary: pdfmake never changes a document's styles; nodes are read afresh every time.
 */
export function definedStyleProperties(item: any, stack: any): number {
  let bits = isString(item) ? stringStyleBits(item) : objectStyleBits(item);
  if (!stack) return bits;
  const dictionary = stack.styleDictionary;
  const style = !isString(item) && typeof item.section === 'undefined' ? item.style : null;
  if (Array.isArray(style)) for (let i = 0; i < style.length; i++) bits |= overrideBits(dictionary, style[i]);
  else if (style) bits |= overrideBits(dictionary, style);
  const overrides = stack.styleOverrides;
  if (overrides) for (let i = 0; i < overrides.length; i++) bits |= overrideBits(dictionary, overrides[i]);
  if (stack.defaultStyle) bits |= objectStyleBits(stack.defaultStyle);
  return bits;
}

/** Own keys of a word that are not style (they don't change the resolved style). */
const NOT_STYLE = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'trailingCut', 'leadingIndent', 'width', 'height', 'x']);

/** Whether a UTF-16 code unit is what a regular expression's `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Length of the whitespace run `text` starts with (pdfmake's /^(\s)+/). */
function leadingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && isSpace(text.charCodeAt(n))) n++;
  return n;
}

/** Length of the whitespace run `text` ends with (pdfmake's /(\s)+$/). */
function trailingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && isSpace(text.charCodeAt(text.length - 1 - n))) n++;
  return n;
}

function styleKey(item: Record<string, unknown>): string {
  let key = '';
  for (const k in item) {
    if (NOT_STYLE.has(k)) continue;
    const v = item[k];
    key += `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)};`;
  }
  return key;
}

/** Whether two words carry the same own style properties (the common case: same text run). */
function sameStyle(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let na = 0;
  let nb = 0;
  for (const k in a) {
    if (NOT_STYLE.has(k)) continue;
    na++;
    if (a[k] !== b[k]) return false;
  }
  for (const k in b) if (!NOT_STYLE.has(k)) nb++;
  return na === nb;
}

export function installPdfmakeFastPaths(): void {
  if (installed) return;
  installed = true;

  // 1. Shaping: patch pdfkit's EmbeddedFont (reached through a probe document).
  const PDFKit = require('pdfkit');
  const { reportFontPath, loadReportStyle } = require('./report-style') as typeof import('./report-style');
  const probe = new PDFKit({ autoFirstPage: false });
  probe.font(reportFontPath(loadReportStyle(), 'regular'));
  const EmbeddedFont = probe._font.constructor;
  EmbeddedFont.prototype.layoutCached = function (this: any, text: string) {
    return layoutOf(fastRun(this, text));
  };

  // 0. Parse each font file once per thread: pdfkit reads and parses the font again for every
  //    document (every part). fontkit Font objects are not changed by use (subsets are separate
  //    objects), so one is shared by the documents of the thread; each document still gets its
  //    own EmbeddedFont (its own subset and PDF objects).
  const fontkit = require('fontkit');
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const parsed = new Map<string, unknown>();
  const PdfmakeDocument = require('pdfmake/js/PDFDocument').default;
  const originalProvideFont = PdfmakeDocument.prototype.provideFont;
  PdfmakeDocument.prototype.provideFont = function (this: any, familyName: string, bold: boolean, italics: boolean) {
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[familyName]?.[type];
    if (cached) return cached;
    const def = this.getFontFile(familyName, bold, italics);
    const path = Array.isArray(def) ? def[0] : def;
    if (typeof path !== 'string' || (this.virtualfs && this.virtualfs.existsSync(path))) {
      return originalProvideFont.call(this, familyName, bold, italics);
    }
    this.validateLocalFile(path);
    let font = parsed.get(path);
    if (!font) {
      font = fontkit.create(readFileSync(path));
      parsed.set(path, font);
    }
    const id = `F${fontIdPrefix}${++this._fontCount}`;
    const embedded = new EmbeddedFont(this, font, id);
    // pdfkit embeds (subsets) the fonts registered here when the document ends.
    this._fontFamilies[id] = embedded;
    this.fontCache[familyName] ??= {};
    this.fontCache[familyName][type] = embedded;
    return embedded;
  };

  // 4. Stream compression: pdfkit deflates every content stream at zlib's default level (6);
  //    level 1 is several times faster for ~20% larger streams.
  // 5. Content buffering: strings are collected and become one Buffer when the stream ends.
  const zlib = require('node:zlib') as typeof import('node:zlib');
  const PDFReference = probe.ref().constructor;
  const originalWrite = PDFReference.prototype.write;
  const flushBytes = (ref: any) => {
    const bytes: ContentBytes | undefined = ref.__dupBytes;
    if (bytes?.length) ref.buffer.push(bytes.take());
  };
  PDFReference.prototype.write = function (this: any, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flushBytes(this);
      return originalWrite.call(this, chunk);
    }
    const bytes = streamBytes(this);
    const start = bytes.length;
    bytes.text(`${chunk as string}`);
    bytes.byte(10);
    countWritten(this, bytes.length - start);
  };
  const originalFinalize = PDFReference.prototype.finalize;
  PDFReference.prototype.finalize = function (this: any) {
    flushBytes(this);
    (this.__dupBytes as ContentBytes | undefined)?.release();
    this.__dupBytes = undefined;
    if (this.compress && this.buffer.length && DEFLATE_LEVEL !== 6) {
      // Compressed here; write() already set /Filter /FlateDecode.
      this.buffer = [zlib.deflateSync(this.buffer.length === 1 ? this.buffer[0] : Buffer.concat(this.buffer), { level: DEFLATE_LEVEL })];
      this.compress = false;
    }
    return originalFinalize.call(this);
  };

  // 6. Style lookups without allocation (installed before 2 captures getStyleProperty).
  const StyleContextStack = require('pdfmake/js/StyleContextStack').default;
  installStyleLookups(StyleContextStack);

  // 7. Single-word runs and per-document encoded words.
  const originalLayout = EmbeddedFont.prototype.layout;
  EmbeddedFont.prototype.__dupFastLayout = true;
  EmbeddedFont.prototype.layout = function (this: any, text: string, features: unknown, onlyWidth: boolean) {
    if (features || !isSingleRun(text)) return originalLayout.call(this, text, features, onlyWidth);
    const run = fastRun(this, text);
    // Callers asking only for the width read nothing but advanceWidth (widthOfString): the cached
    // run itself answers, without a result object per measured word.
    if (onlyWidth) return run;
    return layoutOf(run);
  };
  const originalEncode = EmbeddedFont.prototype.encode;
  EmbeddedFont.prototype.encode = function (this: any, text: string, features: unknown) {
    if (features) return originalEncode.call(this, text, features);
    // Encoding registers the glyphs in this document's subset: cached per EmbeddedFont, i.e. per document.
    const cache: Map<string, unknown> = (this.__dupEncoded ??= new Map());
    let encoded = cache.get(text);
    if (!encoded) {
      encoded = originalEncode.call(this, text);
      cache.set(text, encoded);
    }
    return encoded;
  };

  // 2. Style resolution in TextInlines.measure.
  const TextInlines = require('pdfmake/js/TextInlines').default;
  const get = StyleContextStack.getStyleProperty;
  TextInlines.prototype.measure = function (this: any, array: any[], stack: any) {
    if (array.length) {
      const leadingIndent = get(array[0], stack, 'leadingIndent', 0);
      if (leadingIndent) {
        array[0].leadingCut = -leadingIndent;
        array[0].leadingIndent = leadingIndent;
      }
    }
    // Pass 1 (before any word is modified): the resolved style of each word; consecutive words
    // of one text run share it.
    const memo = new Map<string, Record<string, unknown>>();
    const styles: Record<string, unknown>[] = new Array(array.length);
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      if (i > 0 && sameStyle(array[i - 1], item)) {
        styles[i] = styles[i - 1];
        continue;
      }
      const key = styleKey(item);
      let resolved = memo.get(key);
      if (!resolved) {
        resolved = {};
        // Only the properties some level defines are looked up; the others take their default
        // (what the lookup would return after finding nothing on any level).
        const defined = definedStyleProperties(item, stack);
        const lookup = (property: string, fallback: unknown) => (defined & (STYLE_BITS.get(property) as number) ? get(item, stack, property, fallback) : fallback);
        const font = lookup('font', 'Roboto');
        const bold = lookup('bold', false);
        const italics = lookup('italics', false);
        resolved.font = this.pdfDocument.provideFont(font, bold, italics);
        for (let k = 0; k < MEASURED.length; k++) resolved[MEASURED[k][0]] = lookup(MEASURED[k][0], MEASURED[k][1]);
        resolved.lineHeight = lookup('lineHeight', 1);
        resolved.preserveLeadingSpaces = lookup('preserveLeadingSpaces', false);
        resolved.preserveTrailingSpaces = lookup('preserveTrailingSpaces', false);
        memo.set(key, resolved);
      }
      styles[i] = resolved;
    }
    // Pass 2: what pdfmake's measure sets on each word. Each word becomes a new object with every
    // measured property in place (pdfmake adds them one by one to the word TextBreaker made, which
    // reallocates its property storage several times per word), then the word's other own
    // properties. The words are referenced only by this array.
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      const resolved = styles[i];
      const word: Record<string, any> = {
        text: item.text,
        font: resolved.font,
        alignment: resolved.alignment,
        fontSize: resolved.fontSize,
        fontFeatures: resolved.fontFeatures,
        characterSpacing: resolved.characterSpacing,
        color: resolved.color,
        decoration: resolved.decoration,
        decorationColor: resolved.decorationColor,
        decorationStyle: resolved.decorationStyle,
        decorationThickness: resolved.decorationThickness,
        background: resolved.background,
        link: resolved.link,
        linkToPage: resolved.linkToPage,
        linkToDestination: resolved.linkToDestination,
        noWrap: resolved.noWrap,
        opacity: resolved.opacity,
        sup: resolved.sup,
        sub: resolved.sub,
        width: 0,
        height: 0,
        leadingCut: item.leadingCut || 0,
        trailingCut: 0,
        // Set by the text breaker on some words, or later by pdfmake on every word (x by
        // Line.addInline, justifyShift by ElementWriter.alignLine), and the run styles the words
        // most often carry: slots for all of them give every word one shape, so the per-word
        // code that follows reads them through monomorphic inline caches, and adding x or
        // justifyShift does not grow each word's property storage. pdfmake tests them by value
        // only (undefined = absent).
        lineEnd: item.lineEnd,
        noNewLine: item.noNewLine,
        bold: item.bold,
        italics: item.italics,
        x: undefined,
        justifyShift: undefined,
        _run: undefined as Run | undefined,
      };
      for (const key in item) if (!(key in word)) word[key] = item[key];
      if (word.sup || word.sub) word.fontSize *= 0.58;
      const text: string = word.text;
      const run = wordRun(word, text);
      if (run) {
        // widthOfText's arithmetic, on the run the text's layout would return (7. above); the
        // run is kept on the word for writing it (3.).
        word.width = run.advanceWidth * (word.fontSize / 1000) + (word.characterSpacing || 0) * (text.length - 1);
        word._run = run;
      } else word.width = this.widthOfText(text, word);
      word.height = word.font.lineHeight(word.fontSize) * (resolved.lineHeight as number);
      if (!resolved.preserveLeadingSpaces) {
        const n = leadingSpaces(text);
        if (n) word.leadingCut += this.widthOfText(text.slice(0, n), word);
      }
      if (!resolved.preserveTrailingSpaces) {
        const n = trailingSpaces(text);
        if (n) word.trailingCut = this.widthOfText(text.slice(text.length - n), word);
      }
      array[i] = word;
    }
    return array;
  };

  // 9. Line building without copying the paragraph's remaining words for every word.
  installLineBuilder(require('pdfmake/js/LayoutBuilder').default, require('pdfmake/js/Line').default, TextInlines);

  // 10. Word splitting.
  installTextBreaker(require('pdfmake/js/TextBreaker').default, StyleContextStack, require('linebreak'), require('pdfmake/js/helpers/variableType').isObject);

  // 3. Text output.
  const Renderer = require('pdfmake/js/Renderer').default;
  const originalRenderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (this: any, line: any, x: number, y: number) {
    if (!fastText || !isPlainLine(line)) return originalRenderLine.call(this, line, x, y);
    writePlainLine(this.pdfDocument, line, x || 0, y || 0);
  };
}

/**
 * pdfmake's TextBreaker.getBreaks (pdfmake splits text into words at the break opportunities of
 * the `linebreak` package, UAX #14) with the same results, but: the line-break class of each BMP
 * code point below the surrogates is looked up once per thread (linebreak decodes its Unicode trie
 * for every character), and a word's line ending is found without regular expressions.
 */
function installTextBreaker(TextBreaker: any, StyleContextStack: any, LineBreaker: any, isObject: (v: unknown) => boolean): void {
  const classes = new Int8Array(0xd800).fill(-1);
  const nextCharClass = LineBreaker.prototype.nextCharClass;
  LineBreaker.prototype.nextCharClass = function (this: any) {
    const code: number = this.string.charCodeAt(this.pos);
    if (code < 0xd800) {
      const known = classes[code];
      if (known >= 0) {
        this.pos++;
        return known;
      }
      return (classes[code] = nextCharClass.call(this));
    }
    return nextCharClass.call(this);
  };

  const splitWords = (value: unknown, noWrap: boolean, breakAll = false): { text: string; lineEnd?: boolean }[] => {
    const text = value === undefined || value === null ? '' : String(value);
    if (noWrap) return [{ text }];
    if (breakAll) return text.split('').map((c) => (c === '\n' || c === '\r' ? { text: '', lineEnd: true } : { text: c }));
    if (text.length === 0) return [{ text: '' }];
    const words: { text: string; lineEnd?: boolean }[] = [];
    const breaker = new LineBreaker(text);
    let last = 0;
    let bk;
    while ((bk = breaker.nextBreak())) {
      let word = text.slice(last, bk.position);
      const end = word.length ? word.charCodeAt(word.length - 1) : 0;
      if (bk.required || end === 10 || end === 13) {
        // pdfmake's word.replace(/\r?\n$|\r$/, '').
        if (end === 10) word = word.slice(0, word.length > 1 && word.charCodeAt(word.length - 2) === 13 ? -2 : -1);
        else if (end === 13) word = word.slice(0, -1);
        words.push({ text: word, lineEnd: true });
      } else words.push({ text: word });
      last = bk.position;
    }
    return words;
  };
  const firstWord = (words: { text: string }[], noWrap: boolean): string | null => {
    let word = words[0];
    if (word === undefined) return null;
    if (noWrap) {
      word = splitWords(word.text, false)[0];
      if (word === undefined) return null;
    }
    return word.text;
  };
  const lastWord = (words: { text: string; lineEnd?: boolean }[], noWrap: boolean): string | null => {
    let word = words[words.length - 1];
    if (word === undefined || word.lineEnd) return null;
    if (noWrap) {
      const split = splitWords(word.text, false);
      word = split[split.length - 1];
      if (word === undefined) return null;
    }
    return word.text;
  };
  const hasOwn = Object.prototype.hasOwnProperty;
  TextBreaker.prototype.getBreaks = function (this: any, input: unknown, stack: any) {
    const get = StyleContextStack.getStyleProperty;
    const texts: any[] = Array.isArray(input) ? input : [input];
    const results: any[] = [];
    let previousLast: string | null = null;
    for (let i = 0; i < texts.length; i++) {
      const item = texts[i];
      let style: any = null;
      let words;
      const breakAll = get(item || {}, stack, 'wordBreak', 'normal') === 'break-all';
      const noWrap = get(item || {}, stack, 'noWrap', false);
      if (isObject(item)) {
        if (item._textRef && item._textRef._textNodeRef.text) item.text = item._textRef._textNodeRef.text;
        words = splitWords(item.text, noWrap, breakAll);
        style = item;
      } else words = splitWords(item, noWrap, breakAll);
      if (previousLast && words.length) {
        const wrapped = splitWords(previousLast + firstWord(words, noWrap), false);
        if (wrapped.length === 1) results[results.length - 1].noNewLine = true;
      }
      for (let w = 0; w < words.length; w++) {
        const result: any = { text: words[w].text };
        if (words[w].lineEnd) result.lineEnd = true;
        // StyleContextStack.copyStyle(item, result).
        if (style) for (const key in style) if (key != 'text' && hasOwn.call(style, key)) result[key] = style[key];
        results.push(result);
      }
      previousLast = i + 1 < texts.length ? lastWord(words, noWrap) : null;
    }
    return results;
  };
}

/**
 * The run pdfkit's layout would give a word's text in the word's font (7. above), when the text
 * is one run and the font one of the embedded fonts laid out here; null otherwise.
 */
function wordRun(word: any, text: string): Run | null {
  return !word.fontFeatures && word.font.__dupFastLayout && isSingleRun(text) ? fastRun(word.font, text) : null;
}

const NO_INLINES: readonly unknown[] = [];

/**
 * pdfmake's LayoutBuilder.buildNextLine, except that the words after the next one are passed to
 * Line.hasEnoughSpaceForInline only when it reads them (the next word is glued to them,
 * noNewLine); pdfmake copies them for every word placed, which is quadratic in a paragraph's
 * length.
 */
function installLineBuilder(LayoutBuilder: any, Line: any, TextInlines: any): void {
  const cloneInline = (inline: any) => {
    const copy = inline.constructor();
    for (const key in inline) copy[key] = inline[key];
    return copy;
  };
  const findMaxFitLength = (text: string, maxWidth: number, measure: (part: string) => number) => {
    let low = 1;
    let high = text.length;
    let bestFit = 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      if (measure(text.substring(0, mid)) <= maxWidth) {
        bestFit = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return bestFit;
  };
  const nextInlines = (inlines: any[]) => (inlines[0].noNewLine ? inlines.slice(1) : NO_INLINES);
  LayoutBuilder.prototype.buildNextLine = function (this: any, textNode: any) {
    if (!textNode._inlines || textNode._inlines.length === 0) return null;
    const line = new Line(this.writer.context().availableWidth);
    let textInlines: any = null;
    let isForceContinue = false;
    while (textNode._inlines && textNode._inlines.length > 0 && (line.hasEnoughSpaceForInline(textNode._inlines[0], nextInlines(textNode._inlines)) || isForceContinue)) {
      let isHardWrap = false;
      const inline = textNode._inlines.shift();
      if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
        textInlines ??= new TextInlines(null);
        const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (txt) => textInlines.widthOfText(txt, inline));
        if (maxChars < inline.text.length) {
          const newInline = cloneInline(inline);
          newInline.text = inline.text.substr(maxChars);
          inline.text = inline.text.substr(0, maxChars);
          newInline.width = textInlines.widthOfText(newInline.text, newInline);
          inline.width = textInlines.widthOfText(inline.text, inline);
          textNode._inlines.unshift(newInline);
          isHardWrap = true;
        }
      }
      line.addInline(inline);
      isForceContinue = inline.noNewLine && !isHardWrap;
    }
    line.lastLineInParagraph = textNode._inlines.length === 0;
    return line;
  };
}

/**
 * Whether pdfkit's layout would make `text` a single run: it cuts after every space or tab, so
 * only a text whose one break (if any) is its last character is one run.
 */
function isSingleRun(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return false;
  for (let i = 0; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) return false;
  }
  return true;
}

const isValue = (v: unknown): boolean => v !== undefined && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' || v instanceof String;

/** A named style's property, following `extends` like pdfmake (last parent first, cycles cut). */
function namedStyleValue(dictionary: any, name: string, property: string, visited: Set<string> | null): unknown {
  if (visited) {
    if (visited.has(name)) return undefined;
    visited.add(name);
  }
  const style = dictionary[name];
  if (!style) return undefined;
  const value = style[property];
  if (isValue(value)) return value;
  if (style.extends) {
    const seen = visited ?? new Set([name]);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const inherited = namedStyleValue(dictionary, parents[i], property, seen);
      if (isValue(inherited)) return inherited;
    }
  }
  return undefined;
}

/** The value an override (a style name or an overrides object) gives `property`, if any. */
function overrideValue(dictionary: any, override: any, property: string): unknown {
  return isString(override) ? namedStyleValue(dictionary, String(override), property, null) : override[property];
}

function installStyleLookups(StyleContextStack: any): void {
  StyleContextStack.prototype.getProperty = function (this: any, property: string) {
    const overrides = this.styleOverrides;
    if (overrides) {
      for (let i = overrides.length - 1; i >= 0; i--) {
        const value = overrideValue(this.styleDictionary, overrides[i], property);
        if (isValue(value)) return value;
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
  StyleContextStack.getStyleProperty = function (item: any, stack: any, property: string, defaultValue: unknown) {
    const own = item[property];
    if (isValue(own)) return own;
    if (!stack) return defaultValue;
    // What stack.auto(item, …) would push on top: the item's named styles, then the item itself
    // (whose own value is already known to be missing); nothing for strings and section nodes.
    const style = !isString(item) && typeof item.section === 'undefined' ? item.style : null;
    if (Array.isArray(style)) {
      for (let i = style.length - 1; i >= 0; i--) {
        const value = overrideValue(stack.styleDictionary, style[i], property);
        if (isValue(value)) return value;
      }
    } else if (style) {
      const value = overrideValue(stack.styleDictionary, style, property);
      if (isValue(value)) return value;
    }
    const value = stack.getProperty(property);
    return isValue(value) ? value : defaultValue;
  };
}

function isPlainLine(line: any): boolean {
  if (line._outline || line._pageNodeRef || line.id) return false;
  for (const inl of line.inlines) {
    if (
      inl.link ||
      inl.linkToPage ||
      inl.linkToDestination ||
      inl._pageNodeRef ||
      inl.decoration ||
      inl.background ||
      inl.sup ||
      inl.sub ||
      inl.characterSpacing ||
      inl.fontFeatures ||
      (inl.opacity !== undefined && inl.opacity !== 1)
    )
      return false;
  }
  return true;
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** zlib level of the parts' content streams (see 4. above). */
const DEFLATE_LEVEL: number = 1;

/** The bytes being written to a pdfkit stream (see 5. above). */
function streamBytes(ref: any): ContentBytes {
  return (ref.__dupBytes ??= new ContentBytes());
}

/** What pdfkit's PDFReference.write records for `n` bytes written to `ref`. */
function countWritten(ref: any, n: number): void {
  ref.uncompressedLength += n;
  ref.data.Length = (ref.data.Length ?? 0) + n;
  if (ref.compress) ref.data.Filter = 'FlateDecode';
}

const lineStarts = new Map<number, string>();

function writePlainLine(doc: any, line: any, x: number, y: number): void {
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  const pageHeight = doc.page.height;
  // Written straight into the page's content stream: what doc.addContent(line operators) writes.
  const ref = doc.page.content;
  const out = streamBytes(ref);
  const start = out.length;
  let lineStart = lineStarts.get(pageHeight);
  if (lineStart === undefined) lineStarts.set(pageHeight, (lineStart = `q 1 0 0 -1 0 ${num(pageHeight)} cm BT`));
  out.text(lineStart);
  let font: any = null;
  let size = -1;
  let color: string | null = null;
  let open = false; // inside a TJ array
  let penX = 0; // where the next glyph would go in the current TJ
  let baseY = 0;
  for (const inl of line.inlines) {
    if (!inl.text) continue;
    const f = inl.font;
    const fs = inl.fontSize;
    const shift = lineHeight - (f.ascender / 1000) * fs - descent;
    const yText = pageHeight - (y + shift) - (f.ascender / 1000) * fs;
    const startX = x + inl.x;
    const colorOp = colorOperator(doc, inl.color);
    const sameRun = open && f === font && fs === size && colorOp === color && Math.abs(yText - baseY) < 0.001;
    if (!sameRun) {
      if (open) out.text('] TJ');
      if (colorOp !== color) {
        out.byte(32);
        out.text(colorOp);
        color = colorOp;
      }
      if (f !== font || fs !== size) {
        if (doc.page.fonts[f.id] == null) doc.page.fonts[f.id] = f.ref();
        out.text(` /${f.id} `);
        out.number(fs);
        out.text(' Tf');
        font = f;
        size = fs;
      }
      out.text(' 1 0 0 1 ');
      out.number(startX);
      out.byte(32);
      out.number(yText);
      out.text(' Tm [');
      open = true;
      penX = startX;
      baseY = yText;
    } else if (Math.abs(startX - penX) > 0.001) {
      out.byte(32);
      out.number((-(startX - penX) * 1000) / fs);
      penX = startX;
    }
    const scale = fs / 1000;
    if (!inl.fontFeatures && isSingleRun(inl.text)) {
      // The run measured with the word, unless the word was cut since (a hard wrap).
      const run: Run = inl._run?.text === inl.text ? inl._run : fastRun(f, inl.text);
      penX = writeWord(out, f, run, scale, penX);
      continue;
    }
    const [encoded, positions] = f.encode(inl.text, inl.fontFeatures);
    let segment = '';
    for (let i = 0; i < encoded.length; i++) {
      segment += encoded[i];
      const pos = positions[i];
      const adj = pos.xAdvance - pos.advanceWidth;
      penX += pos.xAdvance * scale;
      if (adj !== 0) {
        out.text(`<${segment}> ${num(-adj)}`);
        segment = '';
      }
    }
    if (segment) out.text(`<${segment}>`);
  }
  if (open) out.text('] TJ');
  out.text(' ET Q\n');
  countWritten(ref, out.length - start);
}

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]; // 0-9a-f

/**
 * Writes a single-run word into a TJ array as pdfkit's encode would (hex subset glyph ids, kerning
 * as adjustments between hex strings), registering its glyphs in the document's subset in the
 * same order, and returns the pen position after it (`scale`: font size / 1000; added glyph by
 * glyph, as pdfkit's positions would be). Each font of a document maps the font's glyph ids to
 * its subset ids once; nothing is allocated per word.
 */
function writeWord(out: ContentBytes, embedded: any, run: Run, scale: number, penX: number): number {
  const gids: Uint16Array = (embedded.__dupGids ??= new Uint16Array(embedded.font.numGlyphs));
  const { glyphs, advances } = run;
  let pen = penX;
  let inHex = false;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i];
    let gid = gids[glyph.id];
    if (gid === 0) {
      gid = embedded.subset.includeGlyph(glyph.id) as number;
      gids[glyph.id] = gid;
      if (embedded.widths[gid] == null) embedded.widths[gid] = glyph.advanceWidth * embedded.scale;
      if (embedded.unicode[gid] == null) embedded.unicode[gid] = glyph.codePoints;
    }
    if (!inHex) {
      out.byte(60); // '<'
      inHex = true;
    }
    out.byte(HEX[(gid >> 12) & 15]);
    out.byte(HEX[(gid >> 8) & 15]);
    out.byte(HEX[(gid >> 4) & 15]);
    out.byte(HEX[gid & 15]);
    pen += advances[i] * scale;
    const adj = advances[i] - glyph.advanceWidth * run.scale;
    if (adj !== 0) {
      out.byte(62); // '>'
      out.byte(32);
      out.number(-adj);
      inHex = false;
    }
  }
  if (inHex) out.byte(62);
  return pen;
}

const colorCache = new Map<string, string>();

/** The PDF fill-colour operator for a pdfmake colour (named or #rrggbb), as pdfkit would write it. */
function colorOperator(doc: any, color: string | undefined): string {
  const c = color ?? 'black';
  let op = colorCache.get(c);
  if (op === undefined) {
    const rgb = doc._normalizeColor(doc.resolveColor ? doc.resolveColor(c, 'black') : c) as number[] | null;
    op = rgb ? `${rgb.map(num).join(' ')} ${rgb.length === 4 ? 'k' : 'rg'}` : '0 0 0 rg';
    colorCache.set(c, op);
  }
  return op;
}

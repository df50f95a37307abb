import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFNumber, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';

/** The part of fontkit used here (pdfkit's fontkit 2). */
interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { create(buffer: Buffer): FontkitFont };

interface LoadedFont {
  font: FontkitFont;
  /** The whole TrueType file, deflated once per process. */
  deflated: Buffer;
  length: number;
}
const loaded = new Map<string, LoadedFont>();

function load(path: string): LoadedFont {
  let f = loaded.get(path);
  if (!f) {
    const bytes = readFileSync(path);
    f = { font: fontkit.create(bytes), deflated: deflateSync(bytes), length: bytes.length };
    loaded.set(path, f);
  }
  return f;
}

/**
 * A TrueType font embedded whole (Type0 / CIDFontType2, Identity-H: a character code is the
 * glyph id) for the text stamped on the merged pages: running header, page numbers, SOMMARIO
 * numbers. Written directly with pdf-lib's object layer: the font file is compressed once per
 * process with native zlib, and only the glyphs actually stamped get widths and ToUnicode
 * entries.
 */
export class StampFont {
  readonly ref: PDFRef;
  private readonly f: LoadedFont;
  private readonly used = new Map<number, { cp: number; width: number }>();
  private readonly hexByChar = new Map<string, string>();
  private readonly scale: number;

  constructor(
    private readonly context: PDFContext,
    path: string,
  ) {
    this.f = load(path);
    this.ref = context.nextRef();
    this.scale = 1000 / this.f.font.unitsPerEm;
  }

  /** Hex glyph codes of `text` (recording the glyphs used). */
  encode(text: string): string {
    let hex = '';
    for (const ch of text) {
      let h = this.hexByChar.get(ch);
      if (h === undefined) {
        const cp = ch.codePointAt(0) as number;
        const g = this.f.font.glyphForCodePoint(cp);
        if (!this.used.has(g.id)) this.used.set(g.id, { cp, width: g.advanceWidth * this.scale });
        h = g.id.toString(16).padStart(4, '0');
        this.hexByChar.set(ch, h);
      }
      hex += h;
    }
    return hex;
  }

  /** Writes the font objects (call once, after the last `encode`). */
  embed(): void {
    const { context, f } = this;
    const font = f.font;
    const name = font.postscriptName.replace(/[^A-Za-z0-9-]/g, '');
    const fontFile = context.stream(f.deflated, { Length1: f.length, Filter: 'FlateDecode' });
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: 32,
      FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((n) => Math.round(n * this.scale)),
      ItalicAngle: font.italicAngle,
      Ascent: Math.round(font.ascent * this.scale),
      Descent: Math.round(font.descent * this.scale),
      CapHeight: Math.round((font.capHeight || font.ascent) * this.scale),
      XHeight: Math.round((font.xHeight || 0) * this.scale),
      StemV: 0,
      FontFile2: context.register(fontFile),
    });
    const gids = [...this.used.keys()].sort((a, b) => a - b);
    const widths = PDFArray.withContext(context);
    for (const gid of gids) {
      widths.push(PDFNumber.of(gid));
      widths.push(context.obj([Math.round((this.used.get(gid) as { width: number }).width)]));
    }
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: context.register(descriptor),
      W: widths,
      CIDToGIDMap: 'Identity',
    });
    const toUnicode = context.stream(this.cmap(gids));
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [context.register(cidFont)],
        ToUnicode: context.register(toUnicode),
      }),
    );
  }

  private cmap(gids: number[]): string {
    const hex4 = (n: number) => n.toString(16).padStart(4, '0');
    const utf16 = (cp: number) => {
      const s = String.fromCodePoint(cp);
      let out = '';
      for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
      return out;
    };
    const lines: string[] = [];
    for (let i = 0; i < gids.length; i += 100) {
      const chunk = gids.slice(i, i + 100);
      lines.push(`${chunk.length} beginbfchar`);
      for (const gid of chunk) lines.push(`<${hex4(gid)}> <${utf16((this.used.get(gid) as { cp: number }).cp)}>`);
      lines.push('endbfchar');
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...lines,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

import {
  PDFCrossRefSection,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFRef,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { ReportModel, Section } from '../../model/report-model';
import { reportGlyphCoverage, reportTextWidths, type TextWidths } from './glyphs';
import type { LineBox, PageRefSlot, PdfPartResult, TextStamp } from './pdf-parts';
import { fillTemplate, loadReportStyle, reportFontPath, type ReportStyle } from './report-style';
import { GrowingBytes } from './growing-bytes';
import { StampFont } from './stamp-font';

/**
 * Assembles the separately rendered parts into the final document with pdf-lib: merges the
 * pages in order, stamps the running header and "Pagina X di Y" on every page but the cover,
 * writes the SOMMARIO page numbers (now known) with links, and adds the outline, the metadata
 * and the document language.
 */

const n2 = (n: number) => String(Math.round(n * 100) / 100);

/** "#1f3a5f" → "0.122 0.227 0.373" (PDF colour operands). */
function rgbOperands(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '0 0 0';
  return [m[1], m[2], m[3]].map((h) => String(Math.round((parseInt(h, 16) / 255) * 1000) / 1000)).join(' ');
}

/** Resource names of the stamp fonts on every page (pdfkit's own are /F1, /F2, …). */
const STAMP_FONT = { regular: 'DupR', bold: 'DupB' } as const;
type StampFace = keyof typeof STAMP_FONT;

/**
 * Text stamped on the merged pages (running header, "Pagina X di Y", SOMMARIO numbers), written
 * as raw content-stream operators with whole embedded fonts: much cheaper than pdf-lib's
 * drawText, which lays out text and deflates a stream per call.
 */
class Stamper {
  readonly fonts: Record<StampFace, StampFont>;

  constructor(
    context: PDFContext,
    style: ReportStyle,
    private readonly widths: TextWidths,
  ) {
    this.fonts = { regular: new StampFont(context, reportFontPath(style, 'regular')), bold: new StampFont(context, reportFontPath(style, 'bold')) };
  }

  width(text: string, size: number, face: StampFace): number {
    return this.widths.width(text, size, face === 'bold');
  }

  /** `BT … Tj ET` drawing `text` with its baseline at (x, y) in PDF coordinates. */
  text(text: string, x: number, y: number, size: number, face: StampFace, color: string): string {
    return `BT /${STAMP_FONT[face]} ${n2(size)} Tf ${rgbOperands(color)} rg 1 0 0 1 ${n2(x)} ${n2(y)} Tm <${this.fonts[face].encode(text)}> Tj ET\n`;
  }

  embed(): void {
    this.fonts.regular.embed();
    this.fonts.bold.embed();
  }
}

/** A section as the assembler needs it: no content, so the content can be freed part by part. */
export interface SectionOutline {
  id: string;
  kind: Section['kind'];
  title: string;
  tocLabel: string | null;
  inOutline: boolean;
  children: SectionOutline[];
}

/** What the assembler keeps of the model. */
export interface DocumentOutline {
  meta: ReportModel['meta'];
  runningHeader: string;
  chapters: SectionOutline[];
}

export function documentOutline(model: ReportModel): DocumentOutline {
  const outline = (s: Section): SectionOutline => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    tocLabel: s.tocLabel,
    inOutline: s.inOutline,
    children: s.children.map(outline),
  });
  return { meta: model.meta, runningHeader: model.runningHeader, chapters: model.chapters.map(outline) };
}

export interface AssembledPdf {
  bytes: Buffer;
  pageCount: number;
  sectionPages: Record<string, number>;
}

/**
 * Incremental assembly: parts are added in order as they arrive (so merging overlaps with the
 * rendering of later parts), then `finish` stamps and saves. Once a part's pages are merged and
 * their running header stamped, every object copied with them except the page dictionaries and
 * their resources (which `finish` still changes) is written out as bytes and dropped from the
 * document, so memory holds the finished bytes of a long report, not its object graph.
 */
export class PdfAssembler {
  private readonly style = loadReportStyle();
  private readonly glyphs = reportGlyphCoverage(this.style);
  private out!: PDFDocument;
  private stamper!: Stamper;
  /** First page (0-based, in the final document) of each part, by part index. */
  private readonly partStart: number[] = [];
  private readonly partsByIndex = new Map<number, { anchors: Record<string, LineBox>; tocEntries: Record<string, LineBox>; pageRefs: PageRefSlot[] }>();
  private pageCount = 0;
  /** The file as written so far: the header, then objects as they are flushed. */
  private readonly file = new GrowingBytes();
  /** Object number → where the object starts in the file. */
  private readonly offsets = new Map<number, number>();

  constructor(private readonly model: DocumentOutline) {}

  private write(ref: PDFRef, object: PDFObject): void {
    this.offsets.set(ref.objectNumber, this.file.appendText(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    this.file.append(object.sizeInBytes(), (into, offset) => object.copyBytesInto(into, offset));
    this.file.appendText('\nendobj\n\n');
  }

  /** Writes out and drops the objects numbered above `after`, except those in `keep`. */
  private flushObjects(after: number, keep: Set<PDFRef>): void {
    const ctx = this.out.context;
    for (let n = after + 1; n <= ctx.largestObjectNumber; n++) {
      const ref = PDFRef.of(n);
      if (keep.has(ref)) continue;
      const object = ctx.lookup(ref);
      if (!object) continue;
      this.write(ref, object);
      ctx.delete(ref);
    }
  }

  async init(): Promise<void> {
    const header = PDFHeader.forVersion(1, 7);
    this.file.append(header.sizeInBytes(), (into, offset) => header.copyBytesInto(into, offset));
    this.file.appendText('\n\n');
    this.out = await PDFDocument.create({ updateMetadata: false });
    this.stamper = new Stamper(this.out.context, this.style, reportTextWidths(this.style));
  }

  /** Appends raw operators to a page, with the stamp fonts in its resources. */
  private appendContent(page: PDFPage, operators: string): void {
    const node = page.node;
    node.normalize();
    node.setFontDictionary(PDFName.of(STAMP_FONT.regular), this.stamper.fonts.regular.ref);
    node.setFontDictionary(PDFName.of(STAMP_FONT.bold), this.stamper.fonts.bold.ref);
    const ctx = this.out.context;
    node.addContentStream(ctx.register(ctx.stream(`q\n${operators}Q\n`)));
  }

  /** Adds the pages of the next part (parts must be added in index order). */
  async add(part: PdfPartResult): Promise<void> {
    if (part.index !== this.partStart.length) throw new Error(`Parte ${part.index} aggiunta fuori ordine`);
    const before = this.out.context.largestObjectNumber;
    const src = await PDFDocument.load(part.bytes, { updateMetadata: false });
    const pages = await this.out.copyPages(src, src.getPageIndices());
    const keep = new Set<PDFRef>();
    const stamps = new Map<number, string>();
    for (const s of part.stamps ?? []) stamps.set(s.page - 1, (stamps.get(s.page - 1) ?? '') + this.textStampOps(pages[s.page - 1], s));
    pages.forEach((p, i) => {
      this.out.addPage(p);
      const resources = p.node.get(PDFName.of('Resources'));
      // The running header, the draft mark and the part's own stamps do not depend on the page
      // count: stamped now, while later parts render.
      const ops = (this.pageCount + i > 0 ? this.runningHeaderOps(p) : '') + this.draftOps(p) + (stamps.get(i) ?? '');
      if (ops) this.appendContent(p, ops);
      // Normalising puts the page's resources in its dictionary, where finish() can still change them.
      else p.node.normalize();
      if (resources instanceof PDFRef) this.out.context.delete(resources);
      keep.add(p.ref);
    });
    this.flushObjects(before, keep);
    this.partStart.push(this.pageCount);
    this.partsByIndex.set(part.index, { anchors: part.anchors, tocEntries: part.tocEntries, pageRefs: part.pageRefs ?? [] });
    this.pageCount += pages.length;
  }

  async finish(): Promise<AssembledPdf> {
    const { out } = this;
    const pages = out.getPages();
    const total = pages.length;

    // Absolute destinations of the anchored sections.
    const dest = new Map<string, { page: number; top: number }>();
    for (const [index, part] of this.partsByIndex) {
      for (const [id, box] of Object.entries(part.anchors)) dest.set(id, { page: this.partStart[index] + box.page, top: box.top });
    }
    const sectionPages: Record<string, number> = {};
    for (const [id, d] of dest) sectionPages[id] = d.page;

    this.addNamedDestinations(pages, dest);
    const tocOps = this.stampToc(pages, dest);
    this.stampPageReferences(pages, dest, tocOps);
    this.stampFooters(pages, total, tocOps);
    this.stamper.embed();
    this.addOutline(pages, dest);
    this.addPageLabels();
    this.setMetadata();

    return { bytes: this.save(), pageCount: total, sectionPages };
  }

  /** The file: the objects written while merging, then the rest, the cross-reference table and the trailer. */
  private save(): Buffer {
    const ctx = this.out.context;
    for (const [ref, object] of ctx.enumerateIndirectObjects()) this.write(ref, object);
    // pdf-lib's cross-reference section expects objects in number order; they were written out of it.
    const xref = PDFCrossRefSection.create();
    for (const n of [...this.offsets.keys()].sort((a, b) => a - b)) xref.addEntry(PDFRef.of(n), this.offsets.get(n) as number);
    const trailerDict = PDFTrailerDict.of(ctx.obj({ Size: ctx.largestObjectNumber + 1, Root: ctx.trailerInfo.Root, Info: ctx.trailerInfo.Info }));
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(this.file.length);
    this.file.append(xref.sizeInBytes(), (into, offset) => xref.copyBytesInto(into, offset));
    this.file.appendText('\n');
    this.file.append(trailerDict.sizeInBytes(), (into, offset) => trailerDict.copyBytesInto(into, offset));
    this.file.appendText('\n\n');
    this.file.append(trailer.sizeInBytes(), (into, offset) => trailer.copyBytesInto(into, offset));
    return this.file.toBuffer();
  }

  private runningHeader: string | null = null;

  /** Running header text and rule (every page but the cover). */
  private runningHeaderOps(page: PDFPage): string {
    const { style, stamper } = this;
    const rh = style.runningHeader;
    const left = style.page.marginLeft;
    const { width, height } = page.getSize();
    const right = width - style.page.marginRight;
    let header = this.runningHeader ?? this.glyphs.sanitize(this.model.runningHeader);
    // Keep a long header on one line.
    while (stamper.width(header, rh.fontSize, 'regular') > right - left && header.length > 10) header = header.slice(0, -2).trimEnd() + '…';
    this.runningHeader = header;
    return (
      stamper.text(header, left, height - rh.baselineFromTop, rh.fontSize, 'regular', rh.color) +
      `${rgbOperands(rh.ruleColor)} RG 0.5 w ${n2(left)} ${n2(height - rh.ruleFromTop)} m ${n2(right)} ${n2(height - rh.ruleFromTop)} l S\n`
    );
  }

  /** "BOZZA" at the right of the running header's line, on every page of a draft (the cover too). */
  private draftOps(page: PDFPage): string {
    const mark = this.model.meta.draftMark;
    if (!mark) return '';
    const ds = this.style.draftMark;
    const { width, height } = page.getSize();
    const w = this.stamper.width(mark, ds.fontSize, 'bold');
    return this.stamper.text(
      mark,
      width - this.style.page.marginRight - w,
      height - this.style.runningHeader.baselineFromTop + 12,
      ds.fontSize,
      'bold',
      ds.color,
    );
  }

  private textStampOps(page: PDFPage, s: TextStamp): string {
    return this.stamper.text(s.text, s.x, page.getSize().height - s.baseline, s.fontSize, 'regular', this.style.continuation.color);
  }

  /** "Pagina X di Y" on every page but the cover, plus `extra` operators (SOMMARIO and reference numbers). */
  private stampFooters(pages: PDFPage[], total: number, extra: Map<number, string>): void {
    const { style, stamper } = this;
    const ft = style.footer;
    pages.forEach((page, i) => {
      let ops = extra.get(i) ?? '';
      if (i > 0) {
        const footer = fillTemplate(ft.template, { page: i + 1, pages: total });
        const fw = stamper.width(footer, ft.fontSize, 'regular');
        ops += stamper.text(footer, (page.getSize().width - fw) / 2, ft.baselineFromBottom, ft.fontSize, 'regular', ft.color);
      }
      if (ops) this.appendContent(page, ops);
    });
  }

  /** The SOMMARIO page numbers (returned as operators by page index) and the entry links. */
  private stampToc(pages: PDFPage[], dest: Map<string, { page: number; top: number }>): Map<number, string> {
    const ops = new Map<number, string>();
    const front = this.partsByIndex.get(0);
    if (!front) return ops;
    const ts = this.style.toc;
    const chapters = new Set(this.model.chapters.map((c) => c.id));
    for (const [id, box] of Object.entries(front.tocEntries)) {
      const target = dest.get(id);
      if (!target) continue;
      const pageIndex = this.partStart[0] + box.page - 1;
      const page = pages[pageIndex];
      const { width, height } = page.getSize();
      const right = width - this.style.page.marginRight;
      const face: StampFace = chapters.has(id) ? 'bold' : 'regular';
      const label = fillTemplate(ts.pageLabel, { page: target.page });
      const w = this.stamper.width(label, ts.entrySize, face);
      ops.set(
        pageIndex,
        (ops.get(pageIndex) ?? '') + this.stamper.text(label, right - w, height - (box.top + box.ascent), ts.entrySize, face, this.style.palette.text),
      );
      // The whole entry line is a link to the section's named destination.
      this.addLink(page, [box.left, height - box.top - box.height, right, height - box.top], id);
    }
    return ops;
  }

  /**
   * The page numbers of the references in running text (`{{pagina:9.02.22}}`), in the slots the
   * parts left after "pag. ", added to `ops` by page index. The slot is already a link: pdfmake
   * wrote it as a GoTo to the named destination (see addNamedDestinations).
   */
  private stampPageReferences(pages: PDFPage[], dest: Map<string, { page: number; top: number }>, ops: Map<number, string>): void {
    for (const [index, part] of this.partsByIndex) {
      for (const slot of part.pageRefs) {
        const target = dest.get(slot.target);
        if (!target) continue;
        const pageIndex = this.partStart[index] + slot.page - 1;
        const page = pages[pageIndex];
        const text = this.stamper.text(
          String(target.page),
          slot.x,
          page.getSize().height - slot.baseline,
          slot.fontSize,
          slot.bold ? 'bold' : 'regular',
          this.style.palette.link,
        );
        ops.set(pageIndex, (ops.get(pageIndex) ?? '') + text);
      }
    }
  }

  private addLink(page: PDFPage, rect: number[], destination: string): void {
    const ctx = this.out.context;
    const annot = ctx.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect.map((n) => Math.round(n * 100) / 100),
      Border: [0, 0, 0],
      Dest: PDFName.of(destination),
    });
    page.node.addAnnot(ctx.register(annot));
  }

  /**
   * One named destination per anchored section (its id: `cap-1`, `linea-3`, `oo-9-02-22`), in
   * the catalog's /Dests: the SOMMARIO links use them, and `file.pdf#linea-3` opens there.
   */
  private addNamedDestinations(pages: PDFPage[], dest: Map<string, { page: number; top: number }>): void {
    const ctx = this.out.context;
    const dests = ctx.obj({}) as PDFDict;
    // The same destinations by string, in a name tree (sorted keys), for the links pdfmake
    // writes itself (page references in running text name their target with a string).
    const named: PDFObject[] = [];
    for (const [id, d] of [...dest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const page = pages[d.page - 1];
      const target = () => ctx.obj([page.ref, 'XYZ', null, Math.round((page.getSize().height - d.top) * 100) / 100, null]);
      dests.set(PDFName.of(id), target());
      named.push(PDFString.of(id), target());
    }
    this.out.catalog.set(PDFName.of('Dests'), ctx.register(dests));
    this.out.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.register(ctx.obj({ Names: named })) }));
  }

  /** Page labels as printed: "Copertina" for the cover, then the page numbers of "Pagina X di Y". */
  private addPageLabels(): void {
    const ctx = this.out.context;
    const labels = ctx.obj({ Nums: [0, { P: PDFString.of('Copertina') }, 1, { S: 'D', St: 2 }] });
    this.out.catalog.set(PDFName.of('PageLabels'), ctx.register(labels));
  }

  private addOutline(pages: PDFPage[], dest: Map<string, { page: number; top: number }>): void {
    const ctx = this.out.context;
    interface Node {
      title: string;
      page: number;
      top: number;
      open: boolean;
      children: Node[];
    }
    const build = (sections: SectionOutline[]): Node[] => {
      const nodes: Node[] = [];
      for (const s of sections) {
        const d = dest.get(s.id);
        const children = build(s.children);
        if (s.inOutline && d) nodes.push({ title: s.tocLabel ?? s.title, page: d.page, top: d.top, open: s.kind === 'chapter', children });
        else nodes.push(...children);
      }
      return nodes;
    };
    const roots = build(this.model.chapters);
    if (roots.length === 0) return;

    const outlinesRef = ctx.nextRef();
    /** Writes siblings under `parent`; returns [first, last, visible count]. */
    const write = (nodes: Node[], parent: PDFRef): [PDFRef, PDFRef, number] => {
      const refs = nodes.map(() => ctx.nextRef());
      let visible = 0;
      nodes.forEach((n, i) => {
        const page = pages[n.page - 1];
        const height = page.getSize().height;
        const dict = ctx.obj({
          Title: PDFHexString.fromText(this.glyphs.sanitize(n.title)),
          Parent: parent,
          Dest: [page.ref, 'XYZ', null, Math.round((height - n.top) * 100) / 100, null],
        }) as PDFDict;
        if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
        if (i + 1 < nodes.length) dict.set(PDFName.of('Next'), refs[i + 1]);
        visible++;
        if (n.children.length) {
          const [first, last, count] = write(n.children, refs[i]);
          dict.set(PDFName.of('First'), first);
          dict.set(PDFName.of('Last'), last);
          // Positive count: open, its visible descendants count; negative: closed.
          dict.set(PDFName.of('Count'), PDFNumber.of(n.open ? count : -count));
          if (n.open) visible += count;
        }
        ctx.assign(refs[i], dict);
      });
      return [refs[0], refs[refs.length - 1], visible];
    };
    const [first, last, count] = write(roots, outlinesRef);
    ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: first, Last: last, Count: count }));
    this.out.catalog.set(PDFName.of('Outlines'), outlinesRef);
    this.out.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }

  private setMetadata(): void {
    const { out, model } = this;
    const meta = model.meta;
    out.setTitle(meta.title, { showInWindowTitleBar: true });
    out.setAuthor(meta.author);
    out.setSubject(meta.subject);
    out.setKeywords(meta.keywords);
    out.setCreator('DUP Monitor');
    out.setProducer('DUP Monitor (pdfmake, pdf-lib)');
    const generated = new Date(meta.generatedAt);
    if (!Number.isNaN(generated.getTime())) {
      out.setCreationDate(generated);
      out.setModificationDate(generated);
    }
    out.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  }
}

import { dirname } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportGlyphCoverage, reportTextWidths } from './glyphs';
import { installPdfmakeFastPaths, setFontIdPrefix } from './pdfmake-fast';
import { ANCHOR_PREFIX, PAGE_NUMBER_SLOT, PdfContentBuilder, ROW_PREFIX, TOC_PREFIX, type PdfNode, type RowMark } from './pdf-content';
import type { Block } from '../../model/report-model';
import type { LineBox, PageRefSlot, PartItem, PdfPartResult, PdfPartTask, TextStamp } from './pdf-parts';
import { loadReportStyle, reportFontPath, type ReportStyle } from './report-style';

/**
 * Renders one part of the report with pdfmake, without running header or footer (they are
 * stamped when the parts are assembled), and reports its page count and where the marked lines
 * (section headings, SOMMARIO entries) landed. Runs in a worker thread or in the caller's.
 */

let configured: ReportStyle | null = null;

function configure(): ReportStyle {
  if (configured) return configured;
  // DUP_PDFMAKE_FAST=0 renders with pdfmake's own code paths (for comparisons).
  if (process.env['DUP_PDFMAKE_FAST'] !== '0') installPdfmakeFastPaths();
  const style = loadReportStyle();
  const f = (face: keyof ReportStyle['fontFiles']) => reportFontPath(style, face);
  pdfmake.setFonts({
    Titillium: { normal: f('regular'), bold: f('bold'), italics: f('italic'), bolditalics: f('boldItalic') },
    TitilliumSemi: { normal: f('semibold'), bold: f('bold'), italics: f('italic'), bolditalics: f('boldItalic') },
  });
  // The document never loads anything from the network, and from disk only the report fonts.
  const fontDir = dirname(f('regular'));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => dirname(path) === fontDir);
  const t = style.tables;
  const layout = (padX: number) => ({
    hLineWidth: () => t.lineWidth,
    vLineWidth: () => t.lineWidth,
    hLineColor: () => style.palette.rule,
    vLineColor: () => style.palette.rule,
    paddingLeft: () => padX,
    paddingRight: () => padX,
    paddingTop: () => t.cellPaddingY,
    paddingBottom: () => t.cellPaddingY,
  });
  pdfmake.addTableLayouts({ report: layout(t.cellPaddingX), reportWide: layout(Math.min(2, t.cellPaddingX)) });
  configured = style;
  return style;
}

function pdfStyles(style: ReportStyle): Record<string, PdfNode> {
  const txt = style.text;
  const p = style.palette;
  const styles: Record<string, PdfNode> = {
    p_body: { alignment: txt.bodyAlignment, margin: [0, 0, 0, txt.paragraphSpacing] },
    p_label: { bold: true, margin: [0, 3, 0, 3] },
    p_note: { fontSize: txt.noteSize, color: p.muted, margin: [0, 0, 0, 1.5] },
    p_deferral: { italics: true, margin: [0, 0, 0, txt.paragraphSpacing] },
    p_code: { bold: true, color: p.accent, margin: [0, 3, 0, 2] },
    list: { margin: [0, 0, 0, txt.paragraphSpacing] },
    th: { bold: true, color: p.tableHeaderText, fillColor: p.tableHeaderBackground },
    table: { margin: [0, style.tables.spaceBefore, 0, style.tables.spaceAfter], lineHeight: 0.88 },
    tableTight: { margin: [0, 0, 0, 2], lineHeight: 0.88 },
    tableBlock: { margin: [0, style.tables.spaceBefore, 0, style.tables.spaceAfter] },
    caption: { bold: true, fontSize: style.tables.fontSize + 0.5, color: p.accent, margin: [0, 0, 0, 3] },
    footnote: { fontSize: style.tables.footnoteSize, color: p.muted, italics: true, margin: [0, 1, 0, 0] },
    cellNote: { fontSize: style.tables.footnoteSize, color: p.muted, italics: true },
    richCell: { alignment: 'left' },
  };
  for (const [kind, h] of Object.entries(style.headings)) {
    styles[`h_${kind}`] = {
      fontSize: h.fontSize,
      color: h.color,
      bold: h.bold,
      lineHeight: 0.9,
      margin: [0, h.spaceBefore, 0, h.ruleBelow ? 0 : h.spaceAfter],
    };
  }
  for (const [level, h] of Object.entries(style.subheadings)) {
    styles[`sh${level}`] = { fontSize: h.fontSize, color: h.color, bold: true, margin: [0, h.spaceBefore, 0, h.spaceAfter] };
  }
  return styles;
}

/** Options that change how pdfmake writes the part (exposed for measurements). */
export interface PartRenderTuning {
  /** Deflate content streams (smaller file, slower). Default true. */
  compress?: boolean;
}

export async function renderPdfPart(task: PdfPartTask, tuning: PartRenderTuning = {}): Promise<PdfPartResult> {
  const started = performance.now();
  const style = configure();
  setFontIdPrefix(task.index);
  const builder = new PdfContentBuilder(style, reportGlyphCoverage(style), reportTextWidths(style));
  const content = task.kind === 'front' ? [...builder.cover(task), ...builder.toc(task.tocTitle, task.tocEntries)] : builder.items(task.items);
  const pg = style.page;
  const firstLandscape = task.kind === 'body' && task.items[0]?.t === 'head' && task.items[0].section.landscape === true;
  const def = {
    pageSize: pg.size,
    pageOrientation: firstLandscape ? 'landscape' : 'portrait',
    pageMargins: [pg.marginLeft, pg.marginTop, pg.marginRight, pg.marginBottom],
    compress: tuning.compress ?? true,
    content,
    styles: pdfStyles(style),
    defaultStyle: { font: 'Titillium', fontSize: style.text.bodySize, lineHeight: style.text.lineHeight, color: style.palette.text },
  } as unknown as TDocumentDefinitions;

  const doc = (await pdfmake.createPdf(def).getStream()) as unknown as PdfKitDocWithPages;
  const { anchors, tocEntries, rows, pageRefs, pageCount } = collectMarks(doc._pdfMakePages);
  const bytes = await readAll(doc);
  return {
    index: task.index,
    bytes,
    pageCount,
    anchors,
    tocEntries,
    stamps: continuationStamps(builder.rowMarks, rows),
    pageRefs,
    renderMs: performance.now() - started,
  };
}

interface LaidOutLine {
  x: number;
  y: number;
  id?: string;
  inlines: { width: number; x: number; text: string; fontSize: number; bold?: boolean; linkToDestination?: string | null }[];
  getHeight(): number;
  getAscenderHeight(): number;
}
interface LaidOutPage {
  items: { type: string; item: unknown }[];
}
interface PdfKitDocWithPages extends NodeJS.ReadableStream {
  _pdfMakePages: LaidOutPage[];
  end(): void;
}

function collectMarks(pages: LaidOutPage[]) {
  const anchors: Record<string, LineBox> = {};
  const tocEntries: Record<string, LineBox> = {};
  const rows = new Map<string, LineBox>();
  const pageRefs: PageRefSlot[] = [];
  pages.forEach((page, i) => {
    for (const it of page.items) {
      if (it.type !== 'line') continue;
      const line = it.item as LaidOutLine;
      for (const inl of line.inlines) {
        if (inl.linkToDestination && inl.text === PAGE_NUMBER_SLOT) {
          pageRefs.push({
            page: i + 1,
            x: line.x + inl.x,
            baseline: line.y + line.getAscenderHeight(),
            fontSize: inl.fontSize,
            bold: inl.bold === true,
            target: inl.linkToDestination,
          });
        }
      }
      if (!line.id) continue;
      const box: LineBox = {
        page: i + 1,
        top: line.y,
        height: line.getHeight(),
        ascent: line.getAscenderHeight(),
        left: line.x,
        width: line.inlines.reduce((w, inl) => Math.max(w, inl.x + inl.width), 0),
      };
      if (line.id.startsWith(ANCHOR_PREFIX)) anchors[line.id.slice(ANCHOR_PREFIX.length)] ??= box;
      else if (line.id.startsWith(TOC_PREFIX)) tocEntries[line.id.slice(TOC_PREFIX.length)] ??= box;
      else if (line.id.startsWith(ROW_PREFIX) && !rows.has(line.id)) rows.set(line.id, box);
    }
  });
  return { anchors, tocEntries, rows, pageRefs, pageCount: pages.length };
}

/** The continuation mark of a table printed in the empty repeating cell of a row that starts a page. */
export const CONTINUED_LABEL = '(segue)';

/** "(segue)" where a row continuing a group above is the first of its table on a page. */
function continuationStamps(marks: Map<string, RowMark>, rows: Map<string, LineBox>): TextStamp[] {
  const stamps: TextStamp[] = [];
  for (const [id, mark] of marks) {
    const box = rows.get(id);
    const above = mark.previous ? rows.get(mark.previous) : undefined;
    if (!mark.continues || !box || !above || above.page === box.page) continue;
    stamps.push({ page: box.page, x: box.left - mark.dx, baseline: box.top + box.ascent, text: CONTINUED_LABEL, fontSize: mark.fontSize });
  }
  return stamps;
}

function readAll(stream: PdfKitDocWithPages): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.end();
  });
}

const WARM_UP_TEXT =
  'Nel corso del primo semestre sono state avviate le procedure previste, con il coinvolgimento dei settori ' +
  'interessati e la definizione delle attività necessarie al raggiungimento delle finalità, nonostante le ' +
  'difficoltà organizzative dovute all’emergenza sanitaria, che hanno inciso sui tempi di realizzazione. ';

function warmUpSection(i: number): PartItem {
  const goalTable: Block = {
    kind: 'table',
    table: {
      id: `warm-up-goal-${i}`,
      caption: 'Finalità',
      captionVisible: false,
      repeatHeader: true,
      footnotes: [],
      columns: [
        { key: 'goal', header: `Finalità di prova numero ${i} con un titolo abbastanza lungo`, type: 'text', width: 5, align: 'left' },
        { key: 'department', header: 'Settori coinvolti', type: 'department', width: 4, align: 'left' },
        { key: 'y1', header: '2020', type: 'flag', width: 0.6, align: 'center' },
        { key: 'y2', header: '2021', type: 'flag', width: 0.6, align: 'center' },
      ],
      rows: [0, 1, 2].map((k) => ({
        kind: 'data' as const,
        cells: [
          { type: 'empty' as const },
          { type: 'department' as const, name: `Settore ${k}`, lead: k === 0, note: null },
          { type: 'flag' as const, on: true },
          { type: 'flag' as const, on: k !== 1 },
        ],
      })),
    },
  };
  const money: Block = {
    kind: 'table',
    table: {
      id: `warm-up-money-${i}`,
      caption: 'Importi',
      captionVisible: true,
      repeatHeader: true,
      footnotes: ['n.c. = non calcolabile'],
      columns: [
        { key: 'd', header: 'Descrizione', type: 'text', width: 3, align: 'left' },
        { key: 'a', header: 'Assestato (A)', type: 'money', width: 1.6, align: 'right' },
        { key: 'r', header: '(B/A)', type: 'ratio', width: 1, align: 'right' },
      ],
      rows: [
        {
          kind: 'data',
          cells: [
            { type: 'text', text: '01-Organi istituzionali' },
            { type: 'money', value: '4199059.32' },
            { type: 'ratio', value: '29.66', numeratorColumn: 'a', denominatorColumn: 'a' },
          ],
        },
        {
          kind: 'total',
          cells: [
            { type: 'text', text: 'Totale', bold: true },
            { type: 'money', value: '4199059.32', bold: true },
            { type: 'ratio', value: null, numeratorColumn: 'a', denominatorColumn: 'a', bold: true },
          ],
        },
      ],
    },
  };
  return {
    t: 'head',
    anchor: true,
    section: {
      id: `warm-up-${i}`,
      kind: i % 3 === 0 ? 'strategicObjective' : 'operationalObjective',
      title: `Obiettivo di prova ${i}`,
      pageBreakBefore: false,
      blocks: [
        { kind: 'paragraph', role: 'label', content: [{ text: 'Stato di attuazione al 30/06/2020' }] },
        {
          kind: 'paragraph',
          role: 'body',
          content: [{ text: WARM_UP_TEXT.repeat(1 + (i % 3)) }, { text: 'grassetto', bold: true }, { text: ' e ' }, { text: 'corsivo', italic: true }],
        },
        { kind: 'paragraph', role: 'note', content: [{ text: 'Missione 01 Servizi istituzionali, generali e di gestione' }] },
        {
          kind: 'list',
          ordered: i % 2 === 0,
          start: 1,
          items: [
            [{ kind: 'paragraph', role: 'body', content: [{ text: WARM_UP_TEXT }] }],
            [{ kind: 'paragraph', role: 'body', content: [{ text: 'Voce breve' }] }],
          ],
        },
        goalTable,
        i % 4 === 0 ? money : { kind: 'paragraph', role: 'deferral', content: [{ text: 'La finalità sarà rendicontata al 31.12.2020' }] },
      ],
    },
  };
}

/** A synthetic part using every kind of content (about 8 pages), to load fonts and warm the JIT. */
const WARM_UP_TASK: PdfPartTask = { kind: 'body', index: 0, items: Array.from({ length: 24 }, (_, i) => warmUpSection(i)) };

/**
 * Lays out the synthetic part a few times: loads the fonts and, mostly, warms V8's JIT, which
 * otherwise makes the first report of a thread 1.5–2× slower than the next ones.
 */
export async function warmUpPdfRenderer(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await renderPdfPart(WARM_UP_TASK);
}

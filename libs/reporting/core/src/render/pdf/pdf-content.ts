import type { Block, Cell, Column, Inline, ListBlock, ParagraphBlock, Row, Table, TextRun } from '../../model/report-model';
import { formatDate, formatInteger, formatMoney, formatQuantity, formatRatio } from '../../model/italian-format';
import type { GlyphCoverage, TextWidths } from './glyphs';
import type { ReportStyle } from './report-style';
import type { PartItem, PdfPartTask, TocEntry } from './pdf-parts';

/**
 * Turns the blocks, tables and sections of one part of the report into a pdfmake document
 * definition. Everything here is layout: no counting, no formatting of numbers beyond the shared
 * Italian formatters. pdfmake's own types are too strict for the dynamic nodes built here, so
 * nodes are plain objects.
 */
export type PdfNode = Record<string, unknown>;

/** Prefix of the pdfmake node ids that mark a section heading (its destination). */
export const ANCHOR_PREFIX = 'a:';
/** Prefix of the pdfmake node ids that mark a SOMMARIO entry (where "pag. N" is stamped). */
export const TOC_PREFIX = 't:';
/**
 * Room for a page number inside running text: non-breaking spaces as wide as three digits
 * (Titillium: space 220, digit 560 units), so the stamped number needs no new layout.
 */
export const PAGE_NUMBER_SLOT = '\u00a0'.repeat(8);
/** Prefix of the pdfmake node ids that mark the rows of a table with a repeating column ("(segue)"). */
export const ROW_PREFIX = 'r:';

/** A row of a table with a `repeatsDown` column, as marked for the "(segue)" stamp. */
export interface RowMark {
  /** Table id and row index of the previous row of the same table, null for the first row. */
  previous: string | null;
  /** The row continues the group above (its repeating cell is empty). */
  continues: boolean;
  /** Distance from the marked cell's text back to the repeating cell's text (points). */
  dx: number;
  fontSize: number;
}

/** Paragraphs and lists longer than this are never kept together with what precedes them. */
const KEEP_TOGETHER_MAX_CHARS = 900;
/**
 * pdfmake cannot lay out an unbreakable block taller than a page (it keeps the first page of it
 * and drops the rest), so blocks are made unbreakable only when a pessimistic estimate of their
 * height is well below the page: rows of a table (`dontBreakRows`) up to this share of the page…
 */
const UNBREAKABLE_ROW_MAX_SHARE = 0.6;
/** …and tables kept with their label up to this share. */
const KEEP_TABLE_MAX_SHARE = 0.3;

/** Estimated heights of the tables built, by pdfmake node (for keep-with-next decisions). */
const tableHeights = new WeakMap<object, number>();
/** Estimated height of a table's header and first row, when rows never break (room to keep with its label). */
const tableLeadHeights = new WeakMap<object, number>();

export class PdfContentBuilder {
  /** Rows marked for the "(segue)" stamp, by node id (see ROW_PREFIX). */
  readonly rowMarks = new Map<string, RowMark>();

  constructor(
    private readonly style: ReportStyle,
    private readonly glyphs: GlyphCoverage,
    private readonly widths: TextWidths,
  ) {}

  /** Width available for content between the page margins. */
  get contentWidth(): number {
    const p = this.style.page;
    return p.width - p.marginLeft - p.marginRight;
  }

  /** Width available for content on a landscape page (sections with `landscape`). */
  get landscapeContentWidth(): number {
    const p = this.style.page;
    return p.height - p.marginLeft - p.marginRight;
  }

  /** Height available for content between the page margins. */
  get contentHeight(): number {
    const p = this.style.page;
    return p.height - p.marginTop - p.marginBottom;
  }

  /**
   * A pessimistic height of a table row: for each cell, its text wrapped at the column width
   * (measured widths, 15% slack, every block on its own lines), at the table's line height.
   */
  private estimateRowHeight(row: Row, widths: number[], fontSize: number): number {
    const lineHeight = fontSize * 1.6;
    let max = 0;
    row.cells.forEach((cell, i) => {
      const w = Math.max(10, widths[i] ?? 10);
      const texts = cellTexts(cell);
      let lines = 0;
      for (const text of texts) lines += Math.max(1, Math.ceil((this.widths.width(text, fontSize, true) * 1.15) / w));
      max = Math.max(max, lines * lineHeight);
    });
    return max + 2 * this.style.tables.cellPaddingY + 2;
  }

  private t(text: string): string {
    return this.glyphs.sanitize(text);
  }

  // -------------------------------------------------------------------------------------------
  // Inline text and blocks
  // -------------------------------------------------------------------------------------------

  inline(content: Inline): PdfNode[] | string {
    if (content.length === 1) {
      const r = content[0];
      if (!r.bold && !r.italic && !r.underline && !r.link && !r.pageRef) return this.t(r.text);
    }
    return content.flatMap((r): PdfNode[] => {
      if (r.pageRef) return this.pageReference(r);
      const node: PdfNode = { text: this.t(r.text) };
      if (r.bold) node.bold = true;
      if (r.italic) node.italics = true;
      if (r.underline || r.link) node.decoration = 'underline';
      if (r.link && /^(https?:|mailto:)/i.test(r.link)) {
        node.link = r.link;
        node.color = this.style.palette.link;
      }
      return [node];
    });
  }

  /**
   * "pag. " and a blank slot for the number, which the assembler stamps once every part's pages
   * are known (the objective is usually in another part). The slot carries the target as its
   * pdfmake destination link, which is also how the part finds where the slot landed.
   */
  private pageReference(r: TextRun): PdfNode[] {
    const marks: PdfNode = { color: this.style.palette.link };
    if (r.bold) marks.bold = true;
    if (r.italic) marks.italics = true;
    return [
      { ...marks, text: 'pag.\u00a0', linkToDestination: r.pageRef },
      { ...marks, text: PAGE_NUMBER_SLOT, linkToDestination: r.pageRef },
    ];
  }

  paragraph(p: ParagraphBlock): PdfNode {
    return { text: this.inline(p.content), style: `p_${p.role}` };
  }

  /** Blocks in order, with headings and labels kept with what follows them. */
  blocks(blocks: Block[], width = this.contentWidth): PdfNode[] {
    return this.join(this.units(blocks, width));
  }

  /** One unit per block; `pageBreak` blocks become a page break before the next unit. */
  private units(blocks: Block[], width = this.contentWidth): Unit[] {
    const out: Unit[] = [];
    let breakNext = false;
    for (const b of blocks) {
      if (b.kind === 'pageBreak') {
        breakNext = out.length > 0 || breakNext;
        continue;
      }
      const node = this.block(b, width);
      const keepable = b.kind === 'table' ? (tableHeights.get(node) ?? Infinity) <= this.contentHeight * KEEP_TABLE_MAX_SHARE : canKeepWith(b);
      // A short table that introduces the text after it (a goal's table) is kept with that text.
      const intro = introduces(b) || (b.kind === 'table' && b.keepWithNext === true && keepable);
      out.push({ node, intro, keepable, table: b.kind === 'table', breakBefore: breakNext });
      breakNext = false;
    }
    return out;
  }

  /**
   * Keep-with-next: a heading or label never ends a page. Runs of introducing units are grouped
   * with what follows into an unbreakable stack when that is short; otherwise the group reserves
   * room for the first lines (or the header and first row) of what follows with an empty spacer,
   * which the next unit then overlaps with a negative top margin. Either way pdfmake moves the
   * group to the next page when the room is not there. (pdfmake's own `pageBreakBefore` callback
   * re-lays out the whole document for every break it adds, far too slow here.)
   */
  private join(units: Unit[]): PdfNode[] {
    const out: PdfNode[] = [];
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (!u.intro || i + 1 >= units.length || units[i + 1].breakBefore) {
        out.push(withBreak(u.node, u.breakBefore, u.orientation));
        continue;
      }
      const group: PdfNode[] = [u.node];
      let j = i + 1;
      // Further introducing units, then one short unit, join the group.
      while (j < units.length && !units[j].breakBefore && units[j].keepable) {
        group.push(units[j].node);
        j++;
        if (!units[j - 1].intro) break;
      }
      const last = units[j - 1];
      const next = j < units.length && !units[j].breakBefore && (last.intro || j === i + 1) ? units[j] : undefined;
      if (next) {
        // A table whose first row cannot break needs room for its header and that whole row.
        const room = next.table ? Math.max(KEEP_ROOM_TABLE, Math.min(tableLeadHeights.get(next.node) ?? 0, this.contentHeight * 0.5)) : KEEP_ROOM_TEXT;
        group.push({ stack: [], margin: [0, room, 0, 0] });
        out.push(withBreak({ stack: group, unbreakable: true }, u.breakBefore, u.orientation));
        out.push(withBreak({ ...next.node, marginTop: -room }, false));
        j++;
      } else {
        out.push(withBreak(group.length === 1 ? group[0] : { stack: group, unbreakable: true }, u.breakBefore, u.orientation));
      }
      i = j - 1;
    }
    return out;
  }

  block(b: Block, width = this.contentWidth): PdfNode {
    switch (b.kind) {
      case 'paragraph':
        return this.paragraph(b);
      case 'subheading':
        return { text: this.inline(b.content), style: `sh${b.level}` };
      case 'list':
        return this.list(b, width);
      case 'table':
        return this.table(b.table, width);
      case 'pageBreak':
        return { text: '', pageBreak: 'after' };
    }
  }

  list(l: ListBlock, width: number): PdfNode {
    const items = l.items.map((item) => {
      const nodes = this.blocks(item, width - 18);
      if (nodes.length === 1) return withoutBottomMargin(nodes[0]);
      return { stack: nodes };
    });
    return l.ordered ? { ol: items, start: l.start, style: 'list' } : { ul: items, style: 'list' };
  }

  // -------------------------------------------------------------------------------------------
  // Tables
  // -------------------------------------------------------------------------------------------

  table(t: Table, width = this.contentWidth): PdfNode {
    const ts = this.style.tables;
    const n = t.columns.length;
    const wide = n >= ts.wideColumnCount;
    const fontSize = wide ? ts.wideFontSize : ts.fontSize;
    const padX = wide ? Math.min(2, ts.cellPaddingX) : ts.cellPaddingX;
    const usable = width - n * 2 * padX - (n + 1) * ts.lineWidth - 0.5;
    const widths = this.columnWidths(t, usable, fontSize);

    const body: PdfNode[][] = [];
    if (t.headerGroups?.length) {
      const row: PdfNode[] = [];
      for (const g of t.headerGroups) {
        row.push({ text: this.t(g.header), style: 'th', alignment: 'center', colSpan: g.span });
        for (let k = 1; k < g.span; k++) row.push({});
      }
      while (row.length < n) row.push({ text: '', style: 'th' });
      body.push(row.slice(0, n));
    }
    body.push(t.columns.map((c) => ({ text: this.t(c.header), style: 'th', alignment: c.type === 'flag' ? 'center' : c.align })));
    const headerRows = body.length;
    for (const row of t.rows) body.push(this.row(row, t.columns, widths));
    mergeContinuationCells(t, body, headerRows);
    this.markRepeatingRows(t, body, headerRows, widths, padX, fontSize);

    const goalTable = t.columns.some((c) => c.type === 'department');
    const rowHeights = t.rows.map((r) => this.estimateRowHeight(r, widths, fontSize));
    const headerHeight =
      this.estimateRowHeight({ kind: 'data', cells: t.columns.map((c) => ({ type: 'text', text: c.header })) }, widths, fontSize) * headerRows;
    const node: PdfNode = {
      table: {
        headerRows: t.repeatHeader ? headerRows : 0,
        keepWithHeaderRows: t.repeatHeader && t.rows.length > 0 ? Math.min(goalTable ? 2 : 1, t.rows.length) : undefined,
        dontBreakRows: rowHeights.every((h) => h + headerHeight <= this.contentHeight * UNBREAKABLE_ROW_MAX_SHARE),
        widths,
        body,
      },
      layout: wide ? 'reportWide' : 'report',
      fontSize,
      style: 'table',
    };
    if (!t.repeatHeader) delete (node.table as PdfNode).keepWithHeaderRows;
    // keepWithHeaderRows makes the header and the first rows one unbreakable block: only when short.
    const kept = (node.table as PdfNode).keepWithHeaderRows as number | undefined;
    if (kept && headerHeight + rowHeights.slice(0, kept).reduce((a, b) => a + b, 0) > this.contentHeight * UNBREAKABLE_ROW_MAX_SHARE) {
      delete (node.table as PdfNode).keepWithHeaderRows;
    }
    const estimated = headerHeight + rowHeights.reduce((a, b) => a + b, 0) + (t.captionVisible ? 20 : 0) + t.footnotes.length * 12;
    const parts: PdfNode[] = [];
    if (t.captionVisible) parts.push({ text: this.t(t.caption), style: 'caption' });
    parts.push(node);
    for (const f of t.footnotes) parts.push({ text: this.t(f), style: 'footnote' });
    const lead = (node.table as PdfNode).dontBreakRows && rowHeights.length ? headerHeight + rowHeights[0] + (t.captionVisible ? 20 : 0) : 0;
    if (parts.length === 1) {
      tableHeights.set(node, estimated);
      tableLeadHeights.set(node, lead);
      return node;
    }
    node.style = 'tableTight';
    const block = { stack: parts, style: 'tableBlock' };
    tableHeights.set(block, estimated);
    tableLeadHeights.set(block, lead);
    return block;
  }

  /**
   * Marks the cell right of a `repeatsDown` column in every data row, so that the part renderer
   * learns on which page each row landed and can print "(segue)" in the empty repeating cell of
   * a row that starts a page (pdfmake has no such feature). One id per row of such tables only.
   */
  private markRepeatingRows(t: Table, body: PdfNode[][], headerRows: number, widths: number[], padX: number, fontSize: number): void {
    const c = t.columns.findIndex((col) => col.repeatsDown);
    if (c < 0 || c + 1 >= t.columns.length) return;
    const dx = widths[c] + 2 * padX + this.style.tables.lineWidth;
    let previous: string | null = null;
    t.rows.forEach((row, r) => {
      if (row.kind !== 'data') {
        previous = null;
        return;
      }
      const id = `${ROW_PREFIX}${t.id}:${r}`;
      body[headerRows + r][c + 1].id = id;
      this.rowMarks.set(id, { previous, continues: row.cells[c]?.type === 'empty', dx, fontSize });
      previous = id;
    });
  }

  /**
   * Column widths from the model's weights, except that columns of numbers, dates and flags get
   * at least the width of their widest printed value (they never wrap), taken from the others.
   */
  private columnWidths(t: Table, usable: number, fontSize: number): number[] {
    const totalWeight = t.columns.reduce((s, c) => s + c.width, 0) || 1;
    const widths = t.columns.map((c) => (usable * c.width) / totalWeight);
    const need = t.columns.map((c, i) => {
      if (!FIXED_TYPES.has(c.type)) return 0;
      let w = this.widths.width(
        c.header.split(/\s+/).reduce((a, b) => (a.length >= b.length ? a : b), ''),
        fontSize,
        true,
      );
      for (const r of t.rows) {
        const cell = r.cells[i];
        if (!cell) continue;
        const text = this.cellText(cell);
        if (text) w = Math.max(w, this.widths.width(text, fontSize, r.kind !== 'data' || ('bold' in cell && cell.bold === true)));
      }
      return w + 1;
    });
    const deficit = widths.reduce((s, w, i) => s + Math.max(0, need[i] - w), 0);
    if (deficit <= 0) return widths;
    const flexible = widths.reduce((s, w, i) => s + (FIXED_TYPES.has(t.columns[i].type) ? 0 : w), 0);
    if (flexible <= deficit) return widths;
    const shrink = (flexible - deficit) / flexible;
    return widths.map((w, i) => (FIXED_TYPES.has(t.columns[i].type) ? Math.max(w, need[i]) : w * shrink));
  }

  private cellText(c: Cell): string {
    switch (c.type) {
      case 'integer':
        return formatInteger(c.value);
      case 'number':
        return formatQuantity(c.value);
      case 'money':
        return formatMoney(c.value);
      case 'ratio':
        return formatRatio(c.value);
      case 'date':
        return formatDate(c.value);
      case 'flag':
        return this.style.tables.flagSymbol;
      default:
        return '';
    }
  }

  private row(row: Row, columns: Column[], widths: number[]): PdfNode[] {
    const fill =
      row.kind === 'group'
        ? this.style.palette.groupRowBackground
        : row.kind === 'subtotal'
          ? this.style.palette.subtotalRowBackground
          : row.kind === 'total'
            ? this.style.palette.totalRowBackground
            : undefined;
    const bold = row.kind !== 'data';
    if (row.kind === 'group') {
      const first = this.cell(row.cells[0] ?? { type: 'empty' }, columns[0], widths[0]);
      const cells: PdfNode[] = [{ ...first, colSpan: columns.length, bold: true, fillColor: fill }];
      for (let k = 1; k < columns.length; k++) cells.push({});
      return cells;
    }
    return columns.map((c, i) => {
      const cell = this.cell(row.cells[i] ?? { type: 'empty' }, c, widths[i]);
      if (bold) cell.bold = true;
      if (fill) cell.fillColor = fill;
      return cell;
    });
  }

  cell(c: Cell, col: Column, width: number): PdfNode {
    switch (c.type) {
      case 'text':
        return c.bold ? { text: this.t(c.text), bold: true, alignment: col.align } : { text: this.t(c.text), alignment: col.align };
      case 'rich':
        return { stack: this.blocks(c.blocks, width).map(withoutBottomMargin), style: 'richCell' };
      case 'empty':
        return { text: '' };
      case 'department': {
        const name: PdfNode[] | string = c.lead
          ? [{ text: this.style.tables.leadLabel, decoration: 'underline' }, { text: ' ' + this.t(c.name) }]
          : this.t(c.name);
        if (!c.note) return { text: name, alignment: col.align };
        return { stack: [{ text: name }, { text: this.t(c.note), style: 'cellNote' }], alignment: col.align };
      }
      case 'flag':
        return { text: c.on ? this.style.tables.flagSymbol : '', alignment: 'center' };
      case 'integer':
        return { text: formatInteger(c.value), alignment: col.align === 'left' ? 'right' : col.align };
      case 'number':
        return { text: formatQuantity(c.value), alignment: col.align === 'left' ? 'right' : col.align, noWrap: true };
      case 'money':
        return { text: formatMoney(c.value), alignment: 'right', bold: c.bold === true || undefined, noWrap: true };
      case 'ratio':
        return { text: formatRatio(c.value), alignment: 'right', bold: c.bold === true || undefined, noWrap: true };
      case 'date':
        return { text: formatDate(c.value), alignment: col.align, noWrap: true };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Sections, cover, table of contents
  // -------------------------------------------------------------------------------------------

  /** The content of a part: the section items in order. */
  items(items: PartItem[]): PdfNode[] {
    const units: Unit[] = [];
    let landscape = false;
    items.forEach((item, index) => {
      if (item.t === 'trail') {
        units.push(...this.units(item.blocks, landscape ? this.landscapeContentWidth : this.contentWidth));
        return;
      }
      const s = item.section;
      const hs = this.style.headings[s.kind];
      const breakBefore = s.pageBreakBefore && index > 0;
      if (s.pageBreakBefore) landscape = s.landscape === true;
      const width = landscape ? this.landscapeContentWidth : this.contentWidth;
      // A goal prints its title as the header of its table: no separate heading.
      const titleInTable = s.kind === 'goal' && !item.anchor && firstTableHeader(s.blocks) === s.title;
      const body = this.units(s.blocks, width);
      if (titleInTable) {
        if (body.length) body[0].breakBefore ||= breakBefore;
        units.push(...body);
        return;
      }
      const heading: PdfNode = { text: this.t(s.title), style: `h_${s.kind}`, ...(item.anchor ? { id: ANCHOR_PREFIX + s.id } : {}) };
      const headNode: PdfNode = hs.ruleBelow ? { stack: [heading, this.rule(hs.spaceAfter, width)] } : heading;
      // pdfmake changes the orientation only at a page break (the part's first page: renderPdfPart).
      const orientation = landscape ? 'landscape' : 'portrait';
      units.push({ node: headNode, intro: true, keepable: true, table: false, breakBefore, orientation }, ...body);
    });
    return this.join(units);
  }

  private rule(spaceAfter: number, width = this.contentWidth): PdfNode {
    return {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.8, lineColor: this.style.palette.rule }],
      margin: [0, 2, 0, spaceAfter],
    };
  }

  cover(task: Extract<PdfPartTask, { kind: 'front' }>): PdfNode[] {
    const c = task.cover;
    const cs = this.style.cover;
    const nodes: PdfNode[] = [
      {
        text: this.t(c.enteHeading),
        fontSize: cs.enteHeadingSize,
        bold: true,
        color: this.style.palette.accent,
        alignment: 'center',
        margin: [0, cs.topOffset, 0, 28],
        characterSpacing: 1.5,
      },
      {
        canvas: [
          { type: 'line', x1: this.contentWidth * 0.2, y1: 0, x2: this.contentWidth * 0.8, y2: 0, lineWidth: 1.2, lineColor: this.style.palette.coverRule },
        ],
        margin: [0, 0, 0, 28],
      },
      {
        text: this.t(c.title),
        fontSize: cs.titleSize,
        bold: true,
        color: this.style.palette.accent,
        alignment: 'center',
        lineHeight: 1.1,
        margin: [20, 0, 20, 16],
      },
      { text: this.t(c.subtitle), fontSize: cs.subtitleSize, font: 'TitilliumSemi', alignment: 'center', margin: [20, 0, 20, 10] },
    ];
    if (c.scopeLine) nodes.push({ text: this.t(c.scopeLine), fontSize: cs.scopeLineSize, italics: true, alignment: 'center', margin: [20, 6, 0, 0] });
    if (c.approvalLine) nodes.push({ text: this.t(c.approvalLine), fontSize: cs.scopeLineSize, bold: true, alignment: 'center', margin: [20, 14, 20, 0] });
    nodes.push({
      stack: c.issuingOffice.map((line, i) => ({ text: this.t(line), bold: i === 0 })),
      fontSize: cs.issuingOfficeSize,
      color: this.style.palette.muted,
      alignment: 'center',
      absolutePosition: {
        x: this.style.page.marginLeft,
        y: this.style.page.height - this.style.page.marginBottom - c.issuingOffice.length * cs.issuingOfficeSize * 1.45 - 20,
      },
    });
    return nodes;
  }

  /** SOMMARIO: one line per entry; the page numbers are stamped once the document is assembled. */
  toc(title: string, entries: TocEntry[]): PdfNode[] {
    const ts = this.style.toc;
    const nodes: PdfNode[] = [
      { text: this.t(title), fontSize: ts.titleSize, bold: true, color: this.style.palette.accent, margin: [0, 0, 0, 4], pageBreak: 'before' },
      this.rule(14),
    ];
    for (const e of entries) {
      nodes.push({
        text: this.t(e.label),
        id: TOC_PREFIX + e.id,
        fontSize: ts.entrySize,
        bold: e.level === 0,
        margin: [e.level * ts.indent, e.level === 0 ? ts.entrySpacing + 2 : 0, TOC_NUMBER_WIDTH, ts.entrySpacing],
      });
    }
    return nodes;
  }
}

const FIXED_TYPES = new Set(['integer', 'number', 'money', 'ratio', 'date', 'flag']);

/**
 * Empty cells in the leading columns of a data row continue the cell above (the mission of a
 * programme, the strategic objective of an operational one): the line between them is left out,
 * so the column reads as one merged cell, as in the printed report.
 */
function mergeContinuationCells(t: Table, body: PdfNode[][], headerRows: number): void {
  for (let r = 1; r < t.rows.length; r++) {
    const row = t.rows[r];
    const prev = t.rows[r - 1];
    if (row.kind !== 'data' || prev.kind !== 'data') continue;
    for (let c = 0; c < t.columns.length - 1; c++) {
      if (row.cells[c]?.type !== 'empty' || t.columns[c].type !== 'text') break;
      const cell = body[headerRows + r][c];
      const above = body[headerRows + r - 1][c];
      cell.border = [true, false, true, true];
      above.border = [true, (above.border as boolean[] | undefined)?.[1] ?? true, true, false];
    }
  }
}

/** A unit of content for the keep-with-next pass. */
interface Unit {
  node: PdfNode;
  /** A heading, label or subheading: must not end a page. */
  intro: boolean;
  /** Short enough to be moved to the next page with what introduces it. */
  keepable: boolean;
  table: boolean;
  breakBefore: boolean;
  /** Orientation of the page a section's break starts (headings only). */
  orientation?: 'landscape' | 'portrait';
}

/** Room (points) reserved after a heading for the first lines of text / header and first row of a table. */
const KEEP_ROOM_TEXT = 30;
const KEEP_ROOM_TABLE = 64;

function withBreak(node: PdfNode, breakBefore: boolean, orientation?: 'landscape' | 'portrait'): PdfNode {
  if (!breakBefore) return node;
  return orientation ? { ...node, pageBreak: 'before', pageOrientation: orientation } : { ...node, pageBreak: 'before' };
}

/** Room kept free at the right of a SOMMARIO entry for "pag. NNNN". */
export const TOC_NUMBER_WIDTH = 64;

function introduces(b: Block): boolean {
  return b.kind === 'subheading' || (b.kind === 'paragraph' && (b.role === 'label' || b.role === 'code' || b.keepWithNext === true));
}

/** Whether a block is small enough to be moved to the next page together with its heading. */
function canKeepWith(b: Block | undefined): boolean {
  if (!b) return false;
  switch (b.kind) {
    case 'paragraph':
    case 'subheading':
      return inlineChars(b.content) <= KEEP_TOGETHER_MAX_CHARS && b.content.reduce((n, r) => n + r.text.split('\n').length - 1, 0) <= 8;
    case 'list':
      return (
        b.items.length <= 8 &&
        blocksChars(b.items.flat()) <= KEEP_TOGETHER_MAX_CHARS &&
        b.items.every((item) => item.every((x) => x.kind !== 'list' && x.kind !== 'table'))
      );
    case 'table':
      return false; // decided from the table's estimated height (see units)
    case 'pageBreak':
      return false;
  }
}

function inlineChars(content: Inline): number {
  let n = 0;
  for (const r of content) n += r.text.length;
  return n;
}

function blocksChars(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'subheading') n += inlineChars(b.content);
    else if (b.kind === 'list') n += blocksChars(b.items.flat());
    else if (b.kind === 'table') n += b.table.rows.reduce((s, r) => s + rowChars(r), 0);
  }
  return n;
}

/** The texts a cell prints, one per line-starting block (for height estimates). */
function cellTexts(c: Cell): string[] {
  switch (c.type) {
    case 'text':
      return [c.text];
    case 'rich':
      return blockTexts(c.blocks);
    case 'department':
      return c.note ? ['Capofila ' + c.name, c.note] : ['Capofila ' + c.name];
    case 'empty':
      return [];
    default:
      return ['0.000.000.000,00'];
  }
}

function blockTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'subheading') out.push('    ' + b.content.map((r) => r.text).join(''));
    else if (b.kind === 'list') for (const item of b.items) out.push(...blockTexts(item).map((t) => '      ' + t));
    else if (b.kind === 'table') for (const r of b.table.rows) out.push(r.cells.flatMap(cellTexts).join(' '));
  }
  return out;
}

function rowChars(r: Row): number {
  let n = 0;
  for (const c of r.cells) {
    if (c.type === 'text') n += c.text.length;
    else if (c.type === 'rich') n += blocksChars(c.blocks) + 200;
    else if (c.type === 'department') n += c.name.length + (c.note?.length ?? 0);
    else n += 12;
  }
  return n;
}

function firstTableHeader(blocks: Block[]): string | undefined {
  const b = blocks[0];
  return b?.kind === 'table' ? b.table.columns[0]?.header : undefined;
}

function withoutBottomMargin(node: PdfNode): PdfNode {
  return { ...node, marginBottom: 0 };
}

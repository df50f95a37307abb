import type { Block, Cell, CellType, Column, Inline, ReportModel, Row, Section, Table } from '../../model/report-model';
import { formatDate, formatInteger, formatMoney, formatQuantity, formatRatio } from '../../model/italian-format';
import { escapeHtml, escapeMultiline, safeHref, toIdToken } from './escape';
import { buildStyles } from './styles';

/**
 * The accessible HTML rendition of the report: one self-contained UTF-8 page (inline CSS, no
 * script, no external resource) with landmarks, a table of contents, a heading outline without
 * skipped levels and data tables with captions and header scopes.
 *
 * Pure: reads the model only. Output is collected in one array of parts and joined once, so the
 * cost is linear in the size of the report.
 *
 * Heading levels: h1 is the document title (cover); a section's heading is one level below its
 * parent's, so with the builder's tree chapters are h2, topics and mandate lines h3, strategic
 * objectives h4, operational objectives h5 and goals h6. Subheadings inside blocks continue
 * below their section and are clamped so a level is never skipped; anything that would be
 * deeper than h6 (or that sits in a table cell) is printed as a bold paragraph instead.
 */
export function renderHtml(model: ReportModel): string {
  return new HtmlRenderer(model).render();
}

/** Id of the element the skip link jumps to. */
export const MAIN_CONTENT_ID = 'contenuto';

const MAX_HEADING = 6;
const NUMERIC_TYPES: ReadonlySet<CellType> = new Set<CellType>(['money', 'ratio', 'integer', 'number']);
const ROW_HEADER_TYPES: ReadonlySet<CellType> = new Set<CellType>(['text', 'department']);
/** Approximate minimum width (rem) of a column by type, to decide whether a table needs scrolling. */
const MIN_COLUMN_REM: Record<CellType, number> = {
  text: 8,
  rich: 10,
  empty: 2,
  department: 10,
  flag: 3.5,
  integer: 5,
  number: 5,
  money: 8,
  ratio: 5,
  date: 6,
};
/** Tables wider than this (rem of estimated minimum width) get a focusable horizontal scroll region. */
const SCROLL_THRESHOLD_REM = 44;

interface BlockContext {
  /** Heading level of the enclosing section. */
  sectionLevel: number;
  /** Last heading level printed in this run of blocks (starts at the section's level). */
  lastLevel: number;
  /** Inside a table cell: never a real heading. */
  inTable: boolean;
}

/** Hands out unique id attribute values. */
class IdAllocator {
  private readonly used = new Set<string>();

  constructor(reserved: string[]) {
    for (const id of reserved) this.used.add(id);
  }

  allocate(raw: string, fallback: string): string {
    const base = toIdToken(raw, fallback);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

class HtmlRenderer {
  private out: string[] = [];
  private readonly ids = new IdAllocator([MAIN_CONTENT_ID, 'sommario']);
  private readonly sectionIds = new Map<Section, string>();
  /** Model section id → its HTML id: the targets of the page references in texts. */
  private readonly anchors = new Map<string, string>();
  private readonly headingIds = new Map<Section, string>();
  /**
   * Accessible names (lower-cased) already given to region landmarks: labelled sections and
   * scroll regions. Landmarks of the same role must have distinct names.
   */
  private readonly landmarkNames = new Set<string>();

  constructor(private readonly model: ReportModel) {}

  render(): string {
    this.assignSectionIds();
    const { meta, cover } = this.model;
    const o = this.out;
    o.push(
      '<!DOCTYPE html>\n<html lang="it">\n<head>\n<meta charset="utf-8">\n',
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
      '<title>',
      escapeHtml(meta.draftMark ? `${meta.draftMark} – ${meta.title}` : meta.title),
      '</title>\n<meta name="description" content="',
      escapeHtml(meta.subject),
      '">\n<meta name="author" content="',
      escapeHtml(meta.author),
      '">\n',
    );
    if (meta.keywords.length) o.push('<meta name="keywords" content="', escapeHtml(meta.keywords.join(', ')), '">\n');
    o.push('<meta name="generator" content="DUP Monitor">\n<style>\n', buildStyles(this.model.runningHeader), '\n</style>\n</head>\n<body>\n');
    o.push('<a class="skip-link" href="#', MAIN_CONTENT_ID, '">Vai al contenuto principale</a>\n<div class="page">\n');

    // Cover
    o.push('<header class="cover">\n');
    if (meta.draftMark) o.push('<p class="draft-mark">', escapeHtml(meta.draftMark), '</p>\n');
    o.push('<p class="ente">', escapeHtml(cover.enteHeading), '</p>\n<h1>', escapeHtml(cover.title));
    if (cover.subtitle) o.push('<span class="sr-only"> – </span><span class="subtitle">', escapeHtml(cover.subtitle), '</span>');
    o.push('</h1>\n');
    if (cover.scopeLine) o.push('<p class="scope">', escapeHtml(cover.scopeLine), '</p>\n');
    if (cover.approvalLine) o.push('<p class="approval">', escapeHtml(cover.approvalLine), '</p>\n');
    if (cover.issuingOffice.length) o.push('<address>', cover.issuingOffice.map(escapeHtml).join('<br>\n'), '</address>\n');
    o.push('</header>\n');

    this.renderToc();

    o.push('<main id="', MAIN_CONTENT_ID, '" tabindex="-1">\n');
    for (const chapter of this.model.chapters) this.renderSection(chapter, 2, null);
    o.push('</main>\n');

    this.renderFooter();
    o.push('</div>\n</body>\n</html>\n');
    return o.join('');
  }

  // -------------------------------------------------------------------------------------------
  // Ids and table of contents
  // -------------------------------------------------------------------------------------------

  private assignSectionIds(): void {
    const walk = (sections: Section[]) => {
      for (const s of sections) {
        this.sectionIds.set(s, this.ids.allocate(s.id, 'sezione'));
        this.anchors.set(s.id, this.sectionIds.get(s)!);
        walk(s.children);
      }
    };
    walk(this.model.chapters);
    for (const [s, id] of this.sectionIds) this.headingIds.set(s, this.ids.allocate(`${id}__titolo`, 'titolo'));
  }

  private renderToc(): void {
    const items = (sections: Section[]): string[] => {
      const parts: string[] = [];
      for (const s of sections) {
        if (s.inToc) {
          const nested = items(s.children);
          parts.push(
            '<li><a href="#',
            this.sectionIds.get(s)!,
            '">',
            escapeHtml(s.tocLabel ?? s.title),
            '</a>',
            ...(nested.length ? ['\n<ol>\n', ...nested, '</ol>\n'] : []),
            '</li>\n',
          );
        } else {
          parts.push(...items(s.children));
        }
      }
      return parts;
    };
    const list = items(this.model.chapters);
    const o = this.out;
    o.push('<nav class="toc" aria-label="Sommario">\n<h2 id="sommario">', escapeHtml(this.model.tocTitle || 'Sommario'), '</h2>\n');
    if (list.length) o.push('<ol>\n', ...list, '</ol>\n');
    o.push('</nav>\n');
  }

  private renderFooter(): void {
    const { meta, runningHeader } = this.model;
    const o = this.out;
    o.push('<footer class="colophon">\n<p>', escapeHtml(runningHeader), '</p>\n<p>Versione HTML accessibile del documento');
    const day = /^\d{4}-\d{2}-\d{2}/.exec(meta.generatedAt ?? '');
    if (day) o.push(', generata il <time datetime="', escapeHtml(meta.generatedAt), '">', formatDate(day[0]), '</time>');
    o.push('.');
    if (meta.dataVersion) o.push(' Versione dei dati: ', escapeHtml(meta.dataVersion), '.');
    o.push('</p>\n</footer>\n');
  }

  // -------------------------------------------------------------------------------------------
  // Sections
  // -------------------------------------------------------------------------------------------

  private renderSection(section: Section, level: number, parent: Section | null): void {
    const o = this.out;
    const id = this.sectionIds.get(section)!;
    const headingId = this.headingIds.get(section)!;
    // The section is a region named by its heading; a title already used by another region
    // (e.g. the same goal title under two objectives) is told apart by its parent's heading.
    let labelledBy = headingId;
    let name = normaliseName(section.title);
    if (this.landmarkNames.has(name) && parent) {
      labelledBy = `${headingId} ${this.headingIds.get(parent)!}`;
      name = normaliseName(`${section.title} ${parent.title}`);
    }
    this.landmarkNames.add(name);
    const cls = section.pageBreakBefore ? `s-${section.kind} pb` : `s-${section.kind}`;
    o.push(`<section id="${id}" class="${cls}" aria-labelledby="${labelledBy}">\n` + `<h${level} id="${headingId}">${escapeHtml(section.title)}</h${level}>\n`);
    if (section.blocks.length) this.renderBlocks(section.blocks, { sectionLevel: level, lastLevel: level, inTable: false });
    const childLevel = Math.min(level + 1, MAX_HEADING);
    for (const child of section.children) this.renderSection(child, childLevel, section);
    if (section.trailingBlocks.length) this.renderBlocks(section.trailingBlocks, { sectionLevel: level, lastLevel: level, inTable: false });
    o.push('</section>\n');
  }

  // -------------------------------------------------------------------------------------------
  // Blocks and inline text
  // -------------------------------------------------------------------------------------------

  private renderBlocks(blocks: Block[], ctx: BlockContext): void {
    for (const block of blocks) this.renderBlock(block, ctx);
  }

  /** Renders blocks into a string of their own (for a table cell). */
  private blocksToString(blocks: Block[], ctx: BlockContext): string {
    const saved = this.out;
    const parts: string[] = [];
    this.out = parts;
    try {
      this.renderBlocks(blocks, ctx);
    } finally {
      this.out = saved;
    }
    return parts.join('');
  }

  private renderBlock(block: Block, ctx: BlockContext): void {
    const o = this.out;
    switch (block.kind) {
      case 'paragraph':
        o.push(`<p class="p-${block.role}">${inlineHtml(block.content, this.anchors)}</p>\n`);
        break;
      case 'subheading': {
        const wanted = ctx.sectionLevel + block.level;
        const level = Math.min(wanted, ctx.lastLevel + 1);
        if (ctx.inTable || level > MAX_HEADING) {
          o.push(`<p class="subheading"><strong>${inlineHtml(block.content, this.anchors)}</strong></p>\n`);
        } else {
          ctx.lastLevel = level;
          o.push(`<h${level} class="subheading">${inlineHtml(block.content, this.anchors)}</h${level}>\n`);
        }
        break;
      }
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        const start = block.ordered && block.start !== 1 && Number.isSafeInteger(block.start) ? ` start="${block.start}"` : '';
        o.push(`<${tag}${start}>\n`);
        for (const item of block.items) {
          const only = item.length === 1 ? item[0] : null;
          if (only && only.kind === 'paragraph' && only.role === 'body') {
            o.push(`<li>${inlineHtml(only.content, this.anchors)}</li>\n`);
          } else {
            o.push('<li>');
            this.renderBlocks(item, ctx);
            o.push('</li>\n');
          }
        }
        o.push(`</${tag}>\n`);
        break;
      }
      case 'table':
        this.renderTable(block.table, ctx);
        break;
      case 'pageBreak':
        o.push('<hr class="page-break">\n');
        break;
      default: {
        const unknown: never = block;
        throw new Error(`Blocco sconosciuto: ${JSON.stringify(unknown)}`);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Tables
  // -------------------------------------------------------------------------------------------

  private renderTable(table: Table, outer: BlockContext): void {
    const o = this.out;
    const columns = table.columns;
    const n = columns.length;
    const tableId = this.ids.allocate(table.id, 'tabella');
    const captionId = this.ids.allocate(`${tableId}__didascalia`, 'didascalia');
    const notesId = table.footnotes.length ? this.ids.allocate(`${tableId}__note`, 'note') : null;
    const wide = columns.reduce((sum, c) => sum + MIN_COLUMN_REM[c.type], 0) > SCROLL_THRESHOLD_REM;

    let head = '<div class="table-block">\n';
    if (wide) {
      // A horizontally scrollable region must be reachable by keyboard and have a (unique) name.
      const base = `Tabella: ${table.caption || tableId}`;
      let name = base;
      for (let k = 2; this.landmarkNames.has(normaliseName(name)); k++) name = `${base} (${k})`;
      this.landmarkNames.add(normaliseName(name));
      head += `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(name)}">\n`;
    }
    const classes: string[] = [];
    if (wide) classes.push('wide');
    if (!table.repeatHeader) classes.push('no-repeat');
    head += `<table id="${tableId}"`;
    if (classes.length) head += ` class="${classes.join(' ')}"`;
    if (notesId) head += ` aria-describedby="${notesId}"`;
    head += `>\n<caption id="${captionId}"${table.captionVisible ? '' : ' class="sr-only"'}>` + `${escapeHtml(table.caption || 'Tabella')}</caption>\n`;

    // Column groups: one per header group (so scope="colgroup" has a group to apply to). The
    // PDF's relative widths guide narrow tables; wide ones are sized by their content.
    const totalWeight = wide ? 0 : columns.reduce((sum, c) => sum + (c.width > 0 ? c.width : 0), 0);
    const colTag = (c: Column) => (totalWeight > 0 && c.width > 0 ? `<col style="width:${((c.width / totalWeight) * 100).toFixed(2)}%">` : '<col>');
    const groups = normaliseHeaderGroups(table);
    if (groups) {
      let at = 0;
      for (const g of groups) {
        head += `<colgroup>${columns
          .slice(at, at + g.span)
          .map(colTag)
          .join('')}</colgroup>\n`;
        at += g.span;
      }
    } else if (n) {
      head += `<colgroup>${columns.map(colTag).join('')}</colgroup>\n`;
    }

    // Header
    head += '<thead>\n';
    if (groups) {
      head += '<tr>';
      for (const g of groups) {
        const span = g.span > 1 ? ` colspan="${g.span}"` : '';
        head += g.header.trim() ? `<th scope="colgroup"${span}>${escapeHtml(g.header)}</th>` : `<td${span}></td>`;
      }
      head += '</tr>\n';
    }
    head += '<tr>';
    for (const c of columns) {
      const align = alignClass(c);
      const cls = align ? ` class="${align}"` : '';
      head += c.header.trim() ? `<th scope="col"${cls}>${escapeMultiline(c.header)}</th>` : `<td${cls}></td>`;
    }
    head += '</tr>\n</thead>\n';
    o.push(head);

    // Body: a new row group (tbody) starts at every group row, so scope="rowgroup" is exact.
    const cellCtx: BlockContext = { sectionLevel: outer.sectionLevel, lastLevel: outer.lastLevel, inTable: true };
    const rowHeaderCol = findRowHeaderColumn(table);
    const mergeCols: number[] = [];
    for (let c = 0; c < rowHeaderCol; c++) if (ROW_HEADER_TYPES.has(columns[c].type)) mergeCols.push(c);
    const segments = splitRowGroups(table.rows);
    if (!segments.length) o.push('<tbody></tbody>\n');
    for (const rows of segments) {
      const spans = computeRowSpans(rows, mergeCols);
      o.push('<tbody>\n');
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        o.push(
          row.kind === 'data' ? this.dataRowHtml(row, columns, rowHeaderCol, mergeCols[0] ?? -1, spans, r, cellCtx) : this.labelRowHtml(row, columns, cellCtx),
        );
      }
      o.push('</tbody>\n');
    }
    let tail = '</table>\n';
    if (wide) tail += '</div>\n';
    if (notesId) tail += `<div class="table-notes" id="${notesId}">${table.footnotes.map((f) => `<p>${escapeMultiline(f)}</p>`).join('')}</div>\n`;
    o.push(tail + '</div>\n');
  }

  private dataRowHtml(row: Row, columns: Column[], rowHeaderCol: number, leadCol: number, spans: RowSpans, r: number, ctx: BlockContext): string {
    let html = '<tr>';
    for (let c = 0; c < columns.length; c++) {
      const span = spans.get(r, c);
      if (span === 0) continue; // covered by a cell above
      const cell: Cell = row.cells[c] ?? EMPTY;
      const header = (c === rowHeaderCol || c === leadCol) && !isEmpty(cell);
      html += this.cellHtml(cell, columns[c], header ? 'th' : 'td', header ? ' scope="row"' : '', span > 1 ? span : 1, 1, ctx);
    }
    return html + '</tr>\n';
  }

  /**
   * Group, subtotal and total rows: the first non-empty cell is the row's header and takes in
   * the empty cells that follow it (all of them for a group row, which spans the full width).
   */
  private labelRowHtml(row: Row, columns: Column[], ctx: BlockContext): string {
    const n = columns.length;
    let html = `<tr class="row-${row.kind}">`;
    const cell = (c: number): Cell => row.cells[c] ?? EMPTY;
    let c = 0;
    while (c < n && isEmpty(cell(c))) c++;
    if (c >= n) return html + '<td></td>'.repeat(n) + '</tr>\n';
    html += '<td></td>'.repeat(c);
    const label = cell(c);
    if (label.type === 'text' || label.type === 'rich' || label.type === 'department') {
      let end = c + 1;
      while (end < n && isEmpty(cell(end)) && (row.kind === 'group' || !NUMERIC_TYPES.has(columns[end].type))) end++;
      const scope = row.kind === 'group' ? ' scope="rowgroup"' : ' scope="row"';
      html += this.cellHtml(label, columns[c], 'th', scope, 1, end - c, ctx);
      c = end;
    }
    for (; c < n; c++) html += this.cellHtml(cell(c), columns[c], 'td', '', 1, 1, ctx);
    return html + '</tr>\n';
  }

  private cellHtml(cell: Cell, column: Column, tag: 'th' | 'td', attrs: string, rowspan: number, colspan: number, ctx: BlockContext): string {
    const align = cellAlignClass(cell, column);
    let open = `<${tag}${attrs}`;
    if (align) open += ` class="${align}"`;
    if (rowspan > 1) open += ` rowspan="${rowspan}"`;
    if (colspan > 1) open += ` colspan="${colspan}"`;
    open += '>';
    let body: string;
    switch (cell.type) {
      case 'text':
        body = cell.bold ? `<strong>${escapeMultiline(cell.text)}</strong>` : escapeMultiline(cell.text);
        break;
      case 'rich':
        body = this.blocksToString(cell.blocks, ctx);
        break;
      case 'empty':
        body = '';
        break;
      case 'department':
        body =
          (cell.lead ? '<span class="capofila">Capofila</span> ' : '') +
          escapeHtml(cell.name) +
          (cell.note ? ` <span class="dept-note">(${escapeHtml(cell.note)})</span>` : '');
        break;
      case 'flag':
        body = cell.on ? FLAG_ON : FLAG_OFF;
        break;
      case 'integer':
        body = escapeHtml(formatInteger(cell.value));
        break;
      case 'number':
        body = escapeHtml(formatQuantity(cell.value));
        break;
      case 'money':
        body = cell.bold ? `<strong>${escapeHtml(formatMoney(cell.value))}</strong>` : escapeHtml(formatMoney(cell.value));
        break;
      case 'ratio': {
        const text = cell.value === null ? NOT_COMPUTABLE_HTML : escapeHtml(formatRatio(cell.value));
        body = cell.bold ? `<strong>${text}</strong>` : text;
        break;
      }
      case 'date':
        body = `<time datetime="${escapeHtml(cell.value)}">${escapeHtml(formatDate(cell.value))}</time>`;
        break;
      default: {
        const unknown: never = cell;
        throw new Error(`Cella sconosciuta: ${JSON.stringify(unknown)}`);
      }
    }
    return `${open}${body}</${tag}>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Inline text
// ---------------------------------------------------------------------------------------------

/** Inline runs as HTML: emphasis as strong/em/u, links only for http, https and mailto targets. */
function inlineHtml(content: Inline, anchors: ReadonlyMap<string, string>): string {
  let html = '';
  for (const run of content) {
    if (!run.text) continue;
    let s = escapeMultiline(run.text);
    if (run.underline) s = `<u>${s}</u>`;
    if (run.italic) s = `<em>${s}</em>`;
    if (run.bold) s = `<strong>${s}</strong>`;
    const href = safeHref(run.link);
    const anchor = run.pageRef ? anchors.get(run.pageRef) : undefined;
    // A reference to an objective: a link to its section ("vedi obiettivo 9.02.22"), no page.
    if (anchor) s = `<a href="#${anchor}">${s}</a>`;
    else if (href) s = `<a href="${href}">${s}</a>`;
    html += s;
  }
  return html;
}

/** The header groups normalised so their spans add up to the column count; null when absent. */
function normaliseHeaderGroups(table: Table): { header: string; span: number }[] | null {
  if (!table.headerGroups?.length) return null;
  const n = table.columns.length;
  const out: { header: string; span: number }[] = [];
  let at = 0;
  for (const g of table.headerGroups) {
    const span = Math.min(Math.max(1, Math.floor(g.span) || 1), n - at);
    if (span <= 0) break;
    out.push({ header: g.header ?? '', span });
    at += span;
  }
  if (at < n) out.push({ header: '', span: n - at });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Table helpers
// ---------------------------------------------------------------------------------------------

const EMPTY: Cell = { type: 'empty' };
const FLAG_ON = '<span class="flag-mark" aria-hidden="true">•</span><span class="sr-only">attivo</span>';
const FLAG_OFF = '<span class="sr-only">non attivo</span>';
const NOT_COMPUTABLE_HTML = '<abbr title="non calcolabile">n.c.</abbr>';

/** How accessibility checks compare names: whitespace collapsed, lower case. */
function normaliseName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function isEmpty(cell: Cell | undefined): boolean {
  if (!cell || cell.type === 'empty') return true;
  if (cell.type === 'text') return !cell.text.trim();
  if (cell.type === 'rich') return cell.blocks.length === 0;
  if (cell.type === 'department') return !cell.name.trim() && !cell.lead;
  return false;
}

function alignClass(column: Column): string {
  if (NUMERIC_TYPES.has(column.type)) return 'num';
  if (column.type === 'flag') return 'flag';
  return column.align === 'right' ? 'al-r' : column.align === 'center' ? 'al-c' : '';
}

function cellAlignClass(cell: Cell, column: Column): string {
  if (NUMERIC_TYPES.has(cell.type)) return 'num';
  if (cell.type === 'flag') return 'flag';
  return alignClass(column);
}

/**
 * The column whose cells name each data row: the first text or department column that is
 * filled in every data row (in a goal table the department, in the spending table the
 * programme, in the indicator table the indicator). -1 when there is none.
 */
function findRowHeaderColumn(table: Table): number {
  const data = table.rows.filter((r) => r.kind === 'data');
  if (!data.length) return -1;
  for (let c = 0; c < table.columns.length; c++) {
    if (!ROW_HEADER_TYPES.has(table.columns[c].type)) continue;
    if (data.every((r) => !isEmpty(r.cells[c]))) return c;
  }
  return -1;
}

/** Rows split into row groups: a new group starts at every group row. */
function splitRowGroups(rows: Row[]): Row[][] {
  const segments: Row[][] = [];
  let current: Row[] = [];
  for (const row of rows) {
    if (row.kind === 'group' && current.length) {
      segments.push(current);
      current = [];
    }
    current.push(row);
  }
  if (current.length) segments.push(current);
  return segments;
}

/** Row spans of the cells of a row group: 1 by default, 0 for a cell covered by the one above. */
class RowSpans {
  private readonly spans = new Map<number, number>();

  constructor(private readonly width: number) {}

  get(r: number, c: number): number {
    return this.spans.get(r * this.width + c) ?? 1;
  }

  set(r: number, c: number, v: number): void {
    this.spans.set(r * this.width + c, v);
  }
}

/**
 * Vertical merges of the leading columns (those left of the row-header column): an empty cell
 * under a filled one continues it (a mission over its programmes, a strategic objective over its
 * operational objectives), so the cell is printed once with rowspan and screen readers announce
 * it with every row it covers. Merges stop at non-data rows and never cross a column to their
 * left that starts a new value.
 */
function computeRowSpans(rows: Row[], mergeCols: number[]): RowSpans {
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const spans = new RowSpans(width);
  const origin = new Map<number, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let leftContinued = true;
    for (const c of mergeCols) {
      const prev = r > 0 ? rows[r - 1] : null;
      const from = origin.get(c);
      const continues = leftContinued && row.kind === 'data' && prev?.kind === 'data' && from !== undefined && isEmpty(row.cells[c]);
      if (continues) {
        spans.set(from, c, spans.get(from, c) + 1);
        spans.set(r, c, 0);
      } else {
        leftContinued = false;
        if (row.kind === 'data' && !isEmpty(row.cells[c])) origin.set(c, r);
        else origin.delete(c);
      }
    }
  }
  return spans;
}

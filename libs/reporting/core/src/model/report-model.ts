/**
 * The report model: everything a rendition of the half-year status report shows, already
 * decided and computed. The builder produces it from plain data; the PDF, Excel and HTML
 * renderers turn it into bytes and never compute a count, a total or a ratio themselves, never
 * format a date and never touch the database. All text here is final Italian text.
 *
 * The model is plain JSON (no classes, no Dates, no bigint) so it crosses worker-thread
 * boundaries by structured clone and can be pinned by golden tests.
 */

/** ISO date `yyyy-mm-dd`. */
export type IsoDate = string;

/** Exact decimal as a string with a dot, e.g. "4199059.32" or "-0.50". Never a float. */
export type DecimalString = string;

// ---------------------------------------------------------------------------------------------
// Inline text and blocks (the body of the document)
// ---------------------------------------------------------------------------------------------

/** A run of text with uniform emphasis. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A hyperlink target (http, https or mailto only). */
  link?: string;
  /**
   * Section id of the objective this run refers to (`{{pagina:9.02.22}}` in a text): paged
   * renditions print "pag. N" where that section starts, linked to it; HTML links to its anchor.
   * `text` is what the reference reads as without page numbers ("obiettivo 9.02.22").
   */
  pageRef?: string;
}

/** Inline content: runs in reading order. A plain string is one unstyled run. */
export type Inline = TextRun[];

/**
 * Visual role of a paragraph. Renderers map roles to their own styles (see reports/styles).
 * - body: running text;
 * - label: a bold caption that introduces what follows ("Stato di attuazione al 30/06/2020");
 * - note: smaller secondary text (footnotes, "Responsabile politico …");
 * - deferral: the sentence printed instead of a narrative ("La finalità sarà rendicontata al …");
 * - code: an objective code line ("Obiettivo operativo 1.01.01_OP").
 */
export type ParagraphRole = 'body' | 'label' | 'note' | 'deferral' | 'code';

export interface ParagraphBlock {
  kind: 'paragraph';
  role: ParagraphRole;
  content: Inline;
  /** Never ends a page: it introduces the lines after it (a Missione above its Programmi). */
  keepWithNext?: boolean;
}

/**
 * A heading inside running text (e.g. "## Buoni spesa" inside a narrative, or
 * "Premessa normativa" inside chapter 1). `level` is relative to the enclosing section:
 * 1 is the first level below the section's own title. These are never TOC or outline entries.
 */
export interface SubheadingBlock {
  kind: 'subheading';
  level: 1 | 2 | 3;
  content: Inline;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** First number of an ordered list (Markdown "6." resumes numbering at 6). */
  start: number;
  /** Each item is a sequence of blocks (usually one paragraph, possibly a nested list). */
  items: Block[][];
}

export interface TableBlock {
  kind: 'table';
  table: Table;
  /** Never ends a page when short: it introduces the text after it (a goal's table above its description). */
  keepWithNext?: boolean;
}

/** Forces the next block onto a new page (PDF); a thematic break elsewhere. */
export interface PageBreakBlock {
  kind: 'pageBreak';
}

export type Block = ParagraphBlock | SubheadingBlock | ListBlock | TableBlock | PageBreakBlock;

// ---------------------------------------------------------------------------------------------
// Tables with typed cells
// ---------------------------------------------------------------------------------------------

/** A table cell. The variant says what the value is, so each renderer can format it natively. */
export type Cell =
  | { type: 'text'; text: string; bold?: boolean }
  /** Rich text (rendered Markdown, e.g. an indicator result with a list). */
  | { type: 'rich'; blocks: Block[] }
  | { type: 'empty' }
  /** A department in a goal table; `lead` prints "Capofila" (underlined in the PDF). */
  | { type: 'department'; name: string; lead: boolean; note: string | null }
  /** A year flag in a goal table: "•" when active. */
  | { type: 'flag'; on: boolean }
  | { type: 'integer'; value: number }
  /** An exact quantity (an indicator's value), printed with its significant decimals only: "17", "12,5". */
  | { type: 'number'; value: DecimalString }
  /** Euro amount, exact. Printed "1.234.567,89". */
  | { type: 'money'; value: DecimalString; bold?: boolean }
  /**
   * A percentage already computed and rounded (two decimals), e.g. "34.90" for 34,90%.
   * `value` null means not computable (zero denominator): printed "n.c." with the table footnote.
   * `numeratorColumn`/`denominatorColumn` are column keys of the same row, so the spreadsheet
   * can write the live formula `IFERROR(num/den, "n.c.")` instead of the number.
   */
  | { type: 'ratio'; value: DecimalString | null; numeratorColumn: string; denominatorColumn: string; bold?: boolean }
  | { type: 'date'; value: IsoDate };

export type CellType = Cell['type'];

export interface Column {
  /** Stable key, unique within the table (used by ratio cells and spreadsheets). */
  key: string;
  /** Header text as printed. */
  header: string;
  /** The cell type the column holds (a `text` column may also hold `empty`). */
  type: CellType;
  /** Relative width for fixed-layout renditions (PDF): weights, not units. */
  width: number;
  align: 'left' | 'center' | 'right';
  /**
   * An empty cell of a data row in this column continues the value above (the mission of a
   * programme): printed as one merged cell, with "(segue)" at the top of a page the group
   * continues on; spreadsheets write the value on every row, so that a filter by it works.
   */
  repeatsDown?: boolean;
}

/**
 * - data: an ordinary row;
 * - group: a heading row that groups the following data rows (e.g. a bold indicator group);
 *   its first cell holds the label, other cells are empty;
 * - subtotal: a total of the data rows since the previous subtotal (e.g. "Totale Missione 1");
 * - total: the grand total of all subtotals (e.g. "Totale generale").
 * Spreadsheets turn subtotal and total rows into live SUM formulas from this structure.
 */
export type RowKind = 'data' | 'group' | 'subtotal' | 'total';

export interface Row {
  kind: RowKind;
  cells: Cell[];
}

export interface Table {
  /** Stable id, unique in the report (anchors, sheet names, tests). */
  id: string;
  /** Caption: what the table is, for screen readers and list-of-tables. */
  caption: string;
  /** Whether the caption is printed visibly in the PDF (goal tables carry their title in the header). */
  captionVisible: boolean;
  /** Optional grouped header row above the column headers (e.g. "Obiettivo strategico" over two columns). */
  headerGroups?: { header: string; span: number }[];
  columns: Column[];
  rows: Row[];
  /** Repeat the header on every page the table spans. */
  repeatHeader: boolean;
  /** Footnotes printed under the table (e.g. the meaning of "n.c."). */
  footnotes: string[];
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/**
 * Section kinds, from chapter down to goal. They fix the numbering, the outline and the
 * TOC depth:
 * - chapter: "1 LINEE PROGRAMMATICHE …", in the TOC and outline, starts on a new page;
 * - topic: an unnumbered sub-section of a chapter ("Premessa normativa"); outline only;
 * - mandateLine: "3.1 Linea di mandato 1", in the TOC and outline, starts on a new page;
 * - strategicObjective, operationalObjective: outline entries, not in the TOC;
 * - goal: neither in the TOC nor in the outline (there are hundreds).
 */
export type SectionKind = 'chapter' | 'topic' | 'mandateLine' | 'strategicObjective' | 'operationalObjective' | 'goal';

export interface Section {
  /** Stable id, unique in the report: anchor in HTML, destination in PDF, TOC link. */
  id: string;
  kind: SectionKind;
  /** Heading as printed, e.g. "LINEA DI MANDATO 1 – OLTRE LA CRISI …". */
  title: string;
  /** Entry text in the table of contents and outline, e.g. "3.1 Linea di mandato 1"; null if none. */
  tocLabel: string | null;
  /** Whether the entry appears in the SOMMARIO (with its page number). */
  inToc: boolean;
  /** Whether the entry appears in the PDF outline (bookmarks). */
  inOutline: boolean;
  /** Starts on a new page in paged renditions. */
  pageBreakBefore: boolean;
  /** Printed on landscape pages in paged renditions (a wide table); needs `pageBreakBefore`. */
  landscape?: boolean;
  /** Content printed under the title, before the children. */
  blocks: Block[];
  children: Section[];
  /** Content printed after the children (e.g. the indicators table closing an operational objective). */
  trailingBlocks: Block[];
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

export type ReportScope = { kind: 'full' } | { kind: 'mandateLine'; lineNumber: number } | { kind: 'department'; departmentCode: string };

export type ReportFormat = 'pdf' | 'xlsx' | 'html';

export interface ReportMeta {
  /** Document title, e.g. "DUP 2020-2022 – Stato di attuazione al 30/06/2020". */
  title: string;
  /** Document subject (PDF metadata), e.g. "Stato di attuazione degli obiettivi del DUP (art. 147-ter TUEL)". */
  subject: string;
  /** Author: the ente, e.g. "Comune di Livorno". */
  author: string;
  keywords: string[];
  language: 'it-IT';
  enteName: string;
  editionCode: string;
  /** Cut-off date of the reported period. */
  periodCutoff: IsoDate;
  /** "30/06/2020". */
  periodLabel: string;
  scope: ReportScope;
  /** Human description of the scope, e.g. "Linea di mandato 3" or "Settore Ambiente e verde"; null for the full report. */
  scopeLabel: string | null;
  /** Base file name without extension, e.g. "DUP-2020-2022_stato-attuazione_2020-06-30". */
  fileBaseName: string;
  /**
   * The data version the report was built from (plan_data_version), so a stored rendition can be
   * reused while it is current and tied to the data it shows. Null when unknown.
   */
  dataVersion: string | null;
  /** When the model was built, ISO timestamp; renderers print it only in metadata. */
  generatedAt: string;
  /**
   * "BOZZA" while the Giunta has not taken note of the period: every rendition marks the
   * document with it (each PDF page, the HTML title, each sheet); null once noted.
   */
  draftMark: string | null;
}

export interface ReportCover {
  /** "COMUNE DI LIVORNO". */
  enteHeading: string;
  /** "Documento Unico di Programmazione 2020-2022". */
  title: string;
  /** "Stato di attuazione al 30/06/2020". */
  subtitle: string;
  /** Scope line under the subtitle for partial reports; null for the full report. */
  scopeLine: string | null;
  /** Issuing-office block, one line each (Direzione, Settore, Ufficio, address, web site, PEC). */
  issuingOffice: string[];
  /**
   * "Approvato con deliberazione del Consiglio Comunale n. 195 del 13/11/2020" once the council
   * approved the period; absent or null before.
   */
  approvalLine?: string | null;
}

/** The counts the "in sintesi" sentence and the Sintesi sheet show, computed from the data. */
export interface ReportCounts {
  mandateLines: number;
  strategicDirections: number;
  strategicObjectives: number;
  operationalObjectives: number;
  goals: number;
  indicators: number;
  /** Goals with a narrative for the period. */
  goalsReported: number;
  /** Goals whose reporting is deferred to a later period. */
  goalsDeferred: number;
  /** Goals with neither narrative nor deferral. */
  goalsMissing: number;
  /** Indicators with a result reported for the period. */
  indicatorsReported: number;
  indicatorsDeferred: number;
  /** Indicators with no result (empty or missing). */
  indicatorsEmpty: number;
}

/**
 * Flat tables for spreadsheets, one per sheet, in sheet order: Sintesi, Obiettivi, Finalità,
 * Indicatori, Spese. `spending` is the same table object chapter 4 shows.
 */
export interface ReportDatasets {
  summary: Table;
  objectives: Table;
  goals: Table;
  indicators: Table;
  spending: Table;
  /** Attendance and roll-call votes of the approving council session (Deliberazione sheet), when the report has that opening section. */
  deliberation?: Table;
}

export interface ReportModel {
  /** Model format version; bump when the shape changes so stored models are not misread. */
  schemaVersion: 1;
  meta: ReportMeta;
  cover: ReportCover;
  /** Running header text printed on every page but the cover, e.g. "Comune di Livorno – DUP 2020-2022 – Stato di attuazione al 30/06/2020". */
  runningHeader: string;
  /** Title of the table of contents: "SOMMARIO". */
  tocTitle: string;
  counts: ReportCounts;
  /** Chapters in order; each is a Section of kind 'chapter'. */
  chapters: Section[];
  datasets: ReportDatasets;
}

import type { Block, Cell, Column, Inline, ParagraphRole, Row, Section, Table } from '../../model/report-model';

/**
 * Building blocks of the renderers' hand-made test models (render/{pdf,html,xlsx}/test-fixtures).
 * Each renderer's fixture keeps its own data, chosen for what that renderer must get right; the
 * shapes they share (sections, paragraphs, cells, the goal, summary and spending tables) are
 * built here, so that all three follow the report model in the same way.
 */

export const EMPTY: Cell = { type: 'empty' };

export const text = (value: string, bold?: boolean): Cell => (bold ? { type: 'text', text: value, bold } : { type: 'text', text: value });
export const money = (value: string, bold?: boolean): Cell => (bold ? { type: 'money', value, bold } : { type: 'money', value });
const ratio = (value: string | null, numeratorColumn: string, denominatorColumn: string, bold?: boolean): Cell => ({
  type: 'ratio',
  value,
  numeratorColumn,
  denominatorColumn,
  ...(bold ? { bold } : {}),
});

export const inline = (value: string): Inline => [{ text: value }];

export const paragraph = (content: Inline | string, role: ParagraphRole = 'body'): Block => ({
  kind: 'paragraph',
  role,
  content: typeof content === 'string' ? inline(content) : content,
});

/** A section with nothing in it but what `rest` sets. */
export function section(id: string, kind: Section['kind'], title: string, rest: Partial<Section> = {}): Section {
  return { id, kind, title, tocLabel: null, inToc: false, inOutline: false, pageBreakBefore: false, blocks: [], children: [], trailingBlocks: [], ...rest };
}

export const GOAL_YEARS = [2020, 2021, 2022];

export interface GoalDepartment {
  name: string;
  lead?: boolean;
  note?: string | null;
  years: number[];
}

/** A goal's table: title | Settori coinvolti | one flag column per year. */
export function goalTable(id: string, caption: string, title: string, departments: GoalDepartment[]): Table {
  return {
    id,
    caption,
    captionVisible: false,
    columns: [
      { key: 'goal', header: title, type: 'text', width: 5, align: 'left' },
      { key: 'department', header: 'Settori coinvolti', type: 'department', width: 4, align: 'left' },
      ...GOAL_YEARS.map((y): Column => ({ key: `y${y}`, header: String(y), type: 'flag', width: 0.6, align: 'center' })),
    ],
    rows: departments.map(
      (d): Row => ({
        kind: 'data',
        cells: [EMPTY, { type: 'department', name: d.name, lead: !!d.lead, note: d.note ?? null }, ...GOAL_YEARS.map((y): Cell => ({ type: 'flag', on: d.years.includes(y) }))],
      }),
    ),
    repeatHeader: true,
    footnotes: [],
  };
}

/** One row of the strategic/operational summary: [so code, so title, op code, op title]; a null SO repeats the one above (empty cells). */
export type SummaryEntry = [string | null, string | null, string, string];

/** The chapter-3 summary table: strategic and operational objectives, code and title each. */
export function summaryTable(id: string, entries: SummaryEntry[]): Table {
  return {
    id,
    caption: 'Obiettivi strategici e operativi',
    captionVisible: false,
    headerGroups: [
      { header: 'Obiettivo strategico', span: 2 },
      { header: 'Obiettivo operativo', span: 2 },
    ],
    columns: [
      { key: 'soCode', header: 'Codice', type: 'text', width: 1, align: 'left' },
      { key: 'soTitle', header: 'Titolo', type: 'text', width: 5, align: 'left' },
      { key: 'opCode', header: 'Codice', type: 'text', width: 1.5, align: 'left' },
      { key: 'opTitle', header: 'Titolo', type: 'text', width: 5, align: 'left' },
    ],
    rows: entries.map(([soCode, soTitle, opCode, opTitle]): Row => ({
      kind: 'data',
      cells: [soCode === null ? EMPTY : text(soCode), soTitle === null ? EMPTY : text(soTitle), text(opCode), text(opTitle)],
    })),
    repeatHeader: true,
    footnotes: [],
  };
}

export const SPENDING_COLUMNS: Column[] = [
  { key: 'mission', header: 'Descrizione Missione', type: 'text', width: 3, align: 'left' },
  { key: 'programme', header: 'Descrizione Programma', type: 'text', width: 3.4, align: 'left' },
  { key: 'assestato', header: 'Assestato (A)', type: 'money', width: 1.6, align: 'right' },
  { key: 'impegnato', header: 'Impegnato (B)', type: 'money', width: 1.6, align: 'right' },
  { key: 'liquidatoCompetenza', header: 'Liquid. CP (C)', type: 'money', width: 1.6, align: 'right' },
  { key: 'residuiPassivi', header: 'RS Pass. (D)', type: 'money', width: 1.6, align: 'right' },
  { key: 'liquidatoResidui', header: 'Liquid. RS (E)', type: 'money', width: 1.6, align: 'right' },
  { key: 'ratioBA', header: '(B/A)', type: 'ratio', width: 1, align: 'right' },
  { key: 'ratioCB', header: '(C/B)', type: 'ratio', width: 1, align: 'right' },
  { key: 'ratioED', header: '(E/D)', type: 'ratio', width: 1, align: 'right' },
];

export const SPENDING_FOOTNOTES = [
  'n.c. = non calcolabile: il denominatore del rapporto è pari a zero.',
  'Importi in euro. Rapporti calcolati sugli importi esatti e arrotondati al centesimo di punto percentuale.',
];

/**
 * A row of the spending table: mission and programme ('' for an empty cell), the five amounts
 * (decimal strings) and the three ratios (null: not computable). Subtotal and total rows are bold.
 */
export function spendingRow(kind: Row['kind'], mission: string, programme: string, amounts: string[], ratios: (string | null)[]): Row {
  const bold = kind === 'subtotal' || kind === 'total';
  return {
    kind,
    cells: [
      mission ? text(mission, bold) : EMPTY,
      programme ? text(programme) : EMPTY,
      ...amounts.map((v) => money(v, bold)),
      ratio(ratios[0], 'impegnato', 'assestato', bold),
      ratio(ratios[1], 'liquidatoCompetenza', 'impegnato', bold),
      ratio(ratios[2], 'liquidatoResidui', 'residuiPassivi', bold),
    ],
  };
}

/** The spending table (chapter 4) with the given rows. */
export function spendingTable(rows: Row[], extra: Partial<Table> = {}): Table {
  return {
    id: 'tab-spese',
    caption: 'Spese per missioni e programmi al 30/06/2020',
    captionVisible: true,
    columns: SPENDING_COLUMNS,
    rows,
    repeatHeader: true,
    footnotes: SPENDING_FOOTNOTES,
    ...extra,
  };
}

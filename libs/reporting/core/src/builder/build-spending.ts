import { computeSpending } from '@dup/domain/values';
import type { Cell, Column, Row, Section, Table } from '../model/report-model';
import type { ReportSource } from './report-source';
import { section } from './sections';

/** Chapter 4 of the full report: spending per Missione and Programma, with ratios. */

const AMOUNT_COLUMNS = [
  { key: 'assestato', header: 'Assestato (A)', field: 'assestato' },
  { key: 'impegnato', header: 'Impegnato (B)', field: 'impegnato' },
  { key: 'liquidatoCompetenza', header: 'Liquid. CP (C)', field: 'liquidatoCompetenza' },
  { key: 'residuiPassivi', header: 'RS Pass. (D)', field: 'residuiPassivi' },
  { key: 'liquidatoResidui', header: 'Liquid. RS (E)', field: 'liquidatoResidui' },
] as const;

const RATIO_COLUMNS = [
  { key: 'ratioBA', header: '(B/A)', field: 'impegnatoSuAssestato', num: 'impegnato', den: 'assestato' },
  { key: 'ratioCB', header: '(C/B)', field: 'liquidatoSuImpegnato', num: 'liquidatoCompetenza', den: 'impegnato' },
  { key: 'ratioED', header: '(E/D)', field: 'liquidatoResiduiSuResidui', num: 'liquidatoResidui', den: 'residuiPassivi' },
] as const;

export const NOT_COMPUTABLE_FOOTNOTE = 'n.c. = non calcolabile: il denominatore del rapporto è pari a zero.';

export function spendingTable(source: ReportSource, periodLabel: string, full: boolean): Table {
  const labels = new Map(source.spending.map((r) => [`${r.missionCode}.${r.programmeCode}`, r]));
  const computed = computeSpending(source.spending.map((r) => ({ mission: r.missionCode, programme: r.programmeCode, amounts: r.amounts })));
  const rows: Row[] = [];
  const amountCells = (a: Record<string, string>, bold: boolean): Cell[] =>
    AMOUNT_COLUMNS.map((c) => ({ type: 'money', value: a[c.field], ...(bold ? { bold } : {}) }));
  const ratioCells = (r: Record<string, string | null>, bold: boolean): Cell[] =>
    RATIO_COLUMNS.map((c) => ({ type: 'ratio', value: r[c.field], numeratorColumn: c.num, denominatorColumn: c.den, ...(bold ? { bold } : {}) }));
  for (const m of computed.missions) {
    m.programmes.forEach((p, i) => {
      const label = labels.get(`${p.mission}.${p.programme}`)!;
      const missionText = `${Number(m.mission)}-${label.missionName ?? `Missione ${m.mission}`}`;
      rows.push({
        kind: 'data',
        cells: [
          i === 0 ? { type: 'text', text: missionText } : { type: 'empty' },
          { type: 'text', text: `${p.programme}-${label.programmeName}` },
          ...amountCells(p.amounts as unknown as Record<string, string>, false),
          ...ratioCells(p.ratios as unknown as Record<string, string | null>, false),
        ],
      });
    });
    rows.push({
      kind: 'subtotal',
      cells: [
        { type: 'text', text: `Totale Missione ${Number(m.mission)}`, bold: true },
        { type: 'empty' },
        ...amountCells(m.total as unknown as Record<string, string>, true),
        ...ratioCells(m.ratios as unknown as Record<string, string | null>, true),
      ],
    });
  }
  if (computed.missions.length)
    rows.push({
      kind: 'total',
      cells: [
        { type: 'text', text: 'Totale generale', bold: true },
        { type: 'empty' },
        ...amountCells(computed.grandTotal as unknown as Record<string, string>, true),
        ...ratioCells(computed.grandRatios as unknown as Record<string, string | null>, true),
      ],
    });
  const footnotes = [NOT_COMPUTABLE_FOOTNOTE, 'Importi in euro. Rapporti calcolati sugli importi esatti e arrotondati al centesimo di punto percentuale.'];
  if (!full) footnotes.push('La spesa per missioni e programmi è riportata per intero nel rapporto completo.');
  return {
    id: 'tab-spese',
    caption: `Spese per missioni e programmi al ${periodLabel}`,
    captionVisible: false,
    columns: [
      { key: 'mission', header: 'Descrizione Missione', type: 'text', width: 3, align: 'left', repeatsDown: true },
      { key: 'programme', header: 'Descrizione Programma', type: 'text', width: 4.2, align: 'left' },
      ...AMOUNT_COLUMNS.map((c): Column => ({ key: c.key, header: c.header, type: 'money', width: 1.6, align: 'right' })),
      ...RATIO_COLUMNS.map((c): Column => ({ key: c.key, header: c.header, type: 'ratio', width: 1, align: 'right' })),
    ],
    rows: full ? rows : [],
    repeatHeader: true,
    footnotes,
  };
}

export function chapterFour(spending: Table, periodLabel: string): Section {
  const title = `SPESE PER MISSIONI E PROGRAMMI AL ${periodLabel}`;
  return section('cap-4', 'chapter', `4. ${title}`, {
    tocLabel: `4 ${title}`,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    // Ten columns: on portrait pages the programme names wrapped to four or five lines.
    landscape: true,
    blocks: [{ kind: 'table', table: spending }],
  });
}

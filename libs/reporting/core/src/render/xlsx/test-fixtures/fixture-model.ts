import type { Block, Cell, Column, ReportModel, Row, Table } from '../../../model/report-model';
import { EMPTY, spendingRow, spendingTable, text } from '../../test-fixtures/model-builders';

/**
 * A small hand-made report model for the Excel renderer's tests: every cell type, a grouped
 * header, group rows, texts that look like formulas, and a spending table with two missions,
 * subtotals, a grand total and zero denominators. The amounts are chosen so that float sums
 * differ from the exact decimals (0.10 + 0.20), which the cached results must not show.
 */

const t = text;
const int = (value: number): Cell => ({ type: 'integer', value });
const empty = EMPTY;
const col = (key: string, header: string, type: Column['type'], align: Column['align'] = 'left'): Column => ({ key, header, type, width: 1, align });
const table = (id: string, caption: string, columns: Column[], rows: Row[], extra: Partial<Table> = {}): Table => ({
  id,
  caption,
  captionVisible: true,
  columns,
  rows,
  repeatHeader: true,
  footnotes: [],
  ...extra,
});

/** Texts a spreadsheet would run as formulas if they were typed in. */
export const FORMULA_LIKE_TEXTS = ["=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'] as const;

const richResult: Block[] = [
  { kind: 'paragraph', role: 'body', content: [{ text: 'Interventi conclusi:' }] },
  {
    kind: 'list',
    ordered: false,
    start: 1,
    items: [
      [{ kind: 'paragraph', role: 'body', content: [{ text: 'scuola ' }, { text: 'Carducci', bold: true }] }],
      [
        { kind: 'paragraph', role: 'body', content: [{ text: 'palestre' }] },
        { kind: 'list', ordered: true, start: 6, items: [[{ kind: 'paragraph', role: 'body', content: [{ text: 'via Roma' }] }]] },
      ],
    ],
  },
  { kind: 'paragraph', role: 'note', content: [{ text: 'Dettagli sul ' }, { text: 'sito', link: 'https://www.comune.livorno.it' }] },
];

/** The rich cell above as the renderer flattens it. */
export const RICH_RESULT_TEXT = 'Interventi conclusi:\n- scuola Carducci\n- palestre\n  6. via Roma\nDettagli sul sito (https://www.comune.livorno.it)';

/**
 * Rows (sheet rows with the title in row 1 and the header in row 2):
 *  3 data, 4 data, 5 data (zero denominators), 6 subtotal M1,
 *  7 data, 8 data, 9 subtotal M2, 10 total.
 */
export const FIXTURE_SPENDING: Table = spendingTable([
    spendingRow('data', '1-Servizi istituzionali', '01-Organi istituzionali', ['1000.10', '500.10', '250.05', '100.00', '50.00'], ['50.00', '50.00', '50.00']),
    spendingRow('data', '', '02-Segreteria generale', ['2000.20', '1000.20', '0.00', '0.00', '0.00'], ['50.00', '0.00', null]),
    spendingRow('data', '', '03-Gestione economica', ['0.00', '0.00', '0.00', '0.00', '0.00'], [null, null, null]),
    spendingRow('subtotal', 'Totale Missione 1', '', ['3000.30', '1500.30', '250.05', '100.00', '50.00'], ['50.00', '16.67', '50.00']),
    spendingRow('data', '2-Giustizia', '01-Uffici giudiziari', ['0.10', '0.10', '0.00', '0.00', '0.00'], ['100.00', '0.00', null]),
    spendingRow('data', '', '02-Casa circondariale', ['0.20', '0.20', '0.10', '0.00', '0.00'], ['100.00', '50.00', null]),
    spendingRow('subtotal', 'Totale Missione 2', '', ['0.30', '0.30', '0.10', '0.00', '0.00'], ['100.00', '33.33', null]),
    spendingRow('total', 'Totale generale', '', ['3000.60', '1500.60', '250.15', '100.00', '50.00'], ['50.01', '16.67', '50.00']),
]);

export function fixtureModel(): ReportModel {
  const summary = table(
    'dati-sintesi',
    'Sintesi dello stato di attuazione al 30/06/2020',
    [col('item', 'Voce', 'text'), col('value', 'Valore', 'text')],
    [
      { kind: 'data', cells: [t('Ente'), t('Comune di Prova & Uniti')] },
      { kind: 'data', cells: [t('Edizione del DUP'), t('2020-2022')] },
      { kind: 'data', cells: [t('Stato di attuazione al'), { type: 'date', value: '2020-06-30' }] },
      { kind: 'data', cells: [t('Linee di mandato'), int(2)] },
      { kind: 'data', cells: [t('Finalità'), int(3)] },
      { kind: 'data', cells: [t('Indicatori'), int(12345)] },
    ],
  );

  const objectives = table(
    'dati-obiettivi',
    'Obiettivi strategici e operativi',
    [
      col('line', 'Linea', 'integer', 'right'),
      col('soCode', 'Ob. strategico', 'text'),
      col('soTitle', 'Titolo obiettivo strategico', 'text'),
      col('opCode', 'Ob. operativo', 'text'),
      col('opTitle', 'Titolo obiettivo operativo', 'text'),
      col('goals', 'Finalità', 'integer', 'right'),
    ],
    [
      { kind: 'data', cells: [int(1), t('1.01_ST'), t(FORMULA_LIKE_TEXTS[0]), t('1.01.01_OP'), t(FORMULA_LIKE_TEXTS[1]), int(2)] },
      { kind: 'data', cells: [int(1), t('1.01_ST'), t(FORMULA_LIKE_TEXTS[2]), t('1.01.02_OP'), t(FORMULA_LIKE_TEXTS[3]), int(1)] },
      { kind: 'data', cells: [int(2), t('2.01_ST'), t(FORMULA_LIKE_TEXTS[4]), t('2.01.01_OP'), t(FORMULA_LIKE_TEXTS[5]), int(0)] },
    ],
  );

  const longNarrative = 'Nel corso del primo semestre '.repeat(20).trim() + '.\n\nSeconda parte della relazione.';
  const goals = table(
    'dati-finalita',
    'Finalità e stato di attuazione al 30/06/2020',
    [
      col('opCode', 'Ob. operativo', 'text'),
      col('position', 'N.', 'integer', 'right'),
      col('title', 'Finalità', 'text'),
      col('lead', 'Settore', 'department'),
      col('y2020', '2020', 'flag', 'center'),
      col('y2021', '2021', 'flag', 'center'),
      col('percent', '% completamento', 'ratio', 'right'),
      col('updated', 'Aggiornata al', 'date', 'center'),
      col('narrative', 'Stato di attuazione al 30/06/2020', 'text'),
    ],
    [
      {
        kind: 'data',
        cells: [
          t('1.01.01_OP'),
          int(1),
          t('Attuare una nuova politica territoriale'),
          { type: 'department', name: 'Urbanistica', lead: true, note: null },
          { type: 'flag', on: true },
          { type: 'flag', on: false },
          { type: 'ratio', value: '75.50', numeratorColumn: '', denominatorColumn: '' },
          { type: 'date', value: '2020-06-15' },
          t(longNarrative),
        ],
      },
      {
        kind: 'data',
        cells: [
          t('1.01.01_OP'),
          int(2),
          t('Innalzare la progettualità'),
          { type: 'department', name: 'Edilizia privata', lead: false, note: 'dal 2021' },
          { type: 'flag', on: false },
          { type: 'flag', on: true },
          empty,
          { type: 'date', value: '2020-01-01' },
          { type: 'rich', blocks: richResult },
        ],
      },
    ],
    { headerGroups: [{ header: 'Obiettivo', span: 2 }, { header: 'Finalità', span: 2 }, { header: 'Annualità', span: 2 }, { header: 'Stato', span: 3 }] },
  );

  const indicators = table(
    'dati-indicatori',
    'Indicatori: risultati raggiunti al 30/06/2020',
    [col('opCode', 'Ob. operativo', 'text'), col('name', 'Indicatore', 'text'), col('result', 'Risultato', 'text'), col('status', 'Stato', 'text')],
    [
      { kind: 'group', cells: [t('Gruppo edilizia scolastica', true), empty, empty, empty] },
      { kind: 'data', cells: [t('1.01.01_OP'), t('N. interventi'), { type: 'rich', blocks: richResult }, t('Rendicontato')] },
      { kind: 'data', cells: [t('1.01.01_OP'), t('N. incontri'), empty, t('Non compilato')] },
    ],
  );

  return {
    schemaVersion: 1,
    meta: {
      title: 'DUP 2020-2022 – Stato di attuazione al 30/06/2020',
      subject: 'Stato di attuazione degli obiettivi del Documento Unico di Programmazione (art. 147-ter TUEL)',
      author: 'Comune di Prova & Uniti',
      keywords: ['DUP', '2020-2022', 'stato di attuazione'],
      language: 'it-IT',
      enteName: 'Comune di Prova & Uniti',
      editionCode: '2020-2022',
      periodCutoff: '2020-06-30',
      periodLabel: '30/06/2020',
      scope: { kind: 'mandateLine', lineNumber: 1 },
      scopeLabel: 'Linea di mandato 1',
      fileBaseName: 'DUP-2020-2022_stato-attuazione_2020-06-30_linea-1',
      dataVersion: '42',
      generatedAt: '2020-11-13T12:00:00.000Z',
      draftMark: null,
    },
    cover: {
      enteHeading: 'COMUNE DI PROVA & UNITI',
      title: 'Documento Unico di Programmazione 2020-2022',
      subtitle: 'Stato di attuazione al 30/06/2020',
      scopeLine: 'Linea di mandato 1',
      issuingOffice: ['Comune di Prova & Uniti'],
    },
    runningHeader: 'Comune di Prova & Uniti – DUP 2020-2022 – Stato di attuazione al 30/06/2020',
    tocTitle: 'SOMMARIO',
    counts: {
      mandateLines: 2,
      strategicDirections: 2,
      strategicObjectives: 2,
      operationalObjectives: 3,
      goals: 3,
      indicators: 12345,
      goalsReported: 2,
      goalsDeferred: 1,
      goalsMissing: 0,
      indicatorsReported: 1,
      indicatorsDeferred: 0,
      indicatorsEmpty: 1,
    },
    chapters: [],
    datasets: { summary, objectives, goals, indicators, spending: FIXTURE_SPENDING },
  };
}

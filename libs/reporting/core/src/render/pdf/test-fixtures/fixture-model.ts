import type { Block, Inline, ParagraphRole, ReportModel, Section, Table } from '../../../model/report-model';
import { section as baseSection, goalTable as buildGoalTable, paragraph, spendingRow, spendingTable, summaryTable } from '../../test-fixtures/model-builders';

/**
 * A small hand-made report model for the PDF renderer's tests: every section kind, block kind,
 * paragraph role, row kind and cell type appears at least once, plus the cases that need care
 * (a character the font lacks, a long goal table, links, nested and resumed lists).
 */

const p = (text: string, role: ParagraphRole = 'body'): Block => paragraph(text, role);
const rich = (content: Inline, role: ParagraphRole = 'body'): Block => paragraph(content, role);

const LOREM =
  'Il presente paragrafo descrive le attività svolte nel semestre con un testo sufficientemente lungo da occupare più righe, ' +
  'così da verificare la giustificazione, gli a capo e la continuità del testo tra una pagina e la successiva nel documento.';

/** A section with the PDF tests' defaults: chapters and mandate lines start a page and are in the SOMMARIO. */
function section(partial: Partial<Section> & Pick<Section, 'id' | 'kind' | 'title'>): Section {
  const inToc = partial.kind === 'chapter' || partial.kind === 'mandateLine';
  return baseSection(partial.id, partial.kind, partial.title, { inToc, inOutline: partial.kind !== 'goal', pageBreakBefore: inToc, ...partial });
}

/** A goal table with `departments` made-up departments: the first leads, the second has a note, years vary. */
export function goalTable(id: string, title: string, departments: number): Table {
  return buildGoalTable(
    `tab-${id}`,
    `Finalità ${id}: settori coinvolti e anni di attività`,
    title,
    Array.from({ length: departments }, (_, i) => ({
      name: `Settore numero ${i + 1} con un nome piuttosto lungo`,
      lead: i === 0,
      note: i === 1 ? 'Comuni di Livorno, Collesalvetti, Capraia' : null,
      years: [2020, ...(i % 2 === 0 ? [2021] : []), ...(i % 3 !== 2 ? [2022] : [])],
    })),
  );
}

const spending = spendingTable(
  [
    spendingRow('data', '1-Servizi istituzionali, generali e di gestione', '01-Organi istituzionali', ['4199059.32', '1245470.78', '980306.95', '180995.72', '44235.49'], ['29.66', '78.71', '24.44']),
    spendingRow('data', '', '02-Segreteria generale', ['993115.23', '0.00', '0.00', '0.00', '0.00'], ['0.00', null, null]),
    spendingRow('subtotal', 'Totale Missione 1', '', ['5192174.55', '1245470.78', '980306.95', '180995.72', '44235.49'], ['23.99', '78.71', '24.44']),
    spendingRow('total', 'Totale generale', '', ['475193437.97', '165859777.40', '67044663.76', '39555990.19', '18976776.37'], ['34.90', '40.42', '47.97']),
  ],
  { footnotes: ['n.c. = non calcolabile (denominatore pari a zero).', 'Importi in euro.'] },
);

const summary = summaryTable('tab-riepilogo', [
  ['1.01', 'Agenda strategica locale', '1.01.01_OP', 'Attuare una nuova politica territoriale e urbana'],
  [null, null, '1.01.02_OP', 'Seconda finalità di prova'],
]);

const indicators: Table = {
  id: 'tab-ind',
  caption: 'Indicatori: risultati raggiunti al 30/06/2020',
  captionVisible: false,
  columns: [
    { key: 'indicator', header: 'Indicatore', type: 'text', width: 1, align: 'left' },
    { key: 'result', header: 'Risultato al 30/06/2020', type: 'rich', width: 1, align: 'left' },
    { key: 'count', header: 'N.', type: 'integer', width: 0.4, align: 'right' },
    { key: 'date', header: 'Data', type: 'date', width: 0.6, align: 'left' },
  ],
  rows: [
    { kind: 'group', cells: [{ type: 'text', text: 'Gruppo di indicatori ambientali' }, { type: 'empty' }, { type: 'empty' }, { type: 'empty' }] },
    {
      kind: 'data',
      cells: [
        { type: 'text', text: 'Controlli effettuati' },
        {
          type: 'rich',
          blocks: [
            { kind: 'list', ordered: false, start: 1, items: [[p('Acque di balneazione N. 62')], [p('Qualità dell’aria N. 24')]] },
            rich([{ text: 'Esito ' }, { text: 'positivo', bold: true }]),
          ],
        },
        { type: 'integer', value: 12345 },
        { type: 'date', value: '2020-06-30' },
      ],
    },
    { kind: 'data', cells: [{ type: 'text', text: 'Indicatore senza risultato' }, { type: 'empty' }, { type: 'integer', value: 0 }, { type: 'date', value: '2020-01-15' }] },
  ],
  repeatHeader: true,
  footnotes: [],
};

function goal(id: string, title: string, departments: number, narrative: boolean): Section {
  return section({
    id,
    kind: 'goal',
    title,
    inOutline: false,
    blocks: [
      { kind: 'table', table: goalTable(id, title, departments) },
      p(LOREM),
      p('Stato di attuazione al 30/06/2020', 'label'),
      narrative ? p(`➤ Attività conclusa per la finalità ${id}. ${LOREM}`) : p('La finalità sarà rendicontata al 31.12.2020', 'deferral'),
    ],
  });
}

function operational(code: string, goals: Section[]): Section {
  return section({
    id: `oo-${code}`,
    kind: 'operationalObjective',
    title: `Obiettivo operativo ${code}_OP`,
    tocLabel: `${code}_OP Obiettivo operativo di prova`,
    blocks: [
      rich([{ text: `Titolo dell’obiettivo operativo ${code}`, bold: true }], 'label'),
      rich([{ text: 'Responsabile politico: ', bold: true }, { text: 'Assessore di prova' }], 'note'),
      p('Obiettivo operativo ' + code + '_OP', 'code'),
      p('Finalità da conseguire e stato di attuazione al 30/06/2020', 'label'),
    ],
    children: goals,
    trailingBlocks: [p('Indicatori: risultati raggiunti al 30/06/2020', 'label'), { kind: 'table', table: { ...indicators, id: `tab-ind-${code}` } }],
  });
}

export function pdfFixtureModel(): ReportModel {
  const chapters: Section[] = [
    section({
      id: 'cap-1',
      kind: 'chapter',
      title: 'LINEE PROGRAMMATICHE DI MANDATO',
      tocLabel: '1 LINEE PROGRAMMATICHE DI MANDATO',
      children: [
        section({
          id: 'cap-1-linee',
          kind: 'topic',
          title: 'Linee programmatiche di mandato',
          tocLabel: 'Linee programmatiche',
          blocks: [
            rich([
              { text: 'Testo con ' },
              { text: 'grassetto', bold: true },
              { text: ', ' },
              { text: 'corsivo', italic: true },
              { text: ', ' },
              { text: 'sottolineato', underline: true },
              { text: ' e un ' },
              { text: 'collegamento', link: 'https://www.comune.livorno.it' },
              { text: '.' },
            ]),
            { kind: 'subheading', level: 1, content: [{ text: 'Sottotitolo di primo livello' }] },
            { kind: 'list', ordered: true, start: 1, items: [[p('Oltre la crisi')], [p('Coesione sociale')]] },
            p('Elenco che riprende la numerazione:'),
            {
              kind: 'list',
              ordered: true,
              start: 6,
              items: [[p('Sesta voce'), { kind: 'list', ordered: false, start: 1, items: [[p('Voce annidata A')], [p('Voce annidata B')]] }], [p('Settima voce')]],
            },
            { kind: 'subheading', level: 2, content: [{ text: 'Sottotitolo di secondo livello' }] },
            p('Nota a margine del capitolo.', 'note'),
            { kind: 'subheading', level: 3, content: [{ text: 'Sottotitolo di terzo livello' }] },
            p(LOREM),
            { kind: 'pageBreak' },
            p('Paragrafo dopo un salto pagina esplicito.'),
          ],
        }),
      ],
    }),
    section({
      id: 'cap-2',
      kind: 'chapter',
      title: 'STATO DI ATTUAZIONE AL 30/06/2020',
      tocLabel: '2 STATO DI ATTUAZIONE AL 30/06/2020',
      blocks: [p(LOREM)],
      children: [
        section({ id: 'cap-2-riepilogo', kind: 'topic', title: 'Obiettivi strategici e operativi', tocLabel: 'Riepilogo', pageBreakBefore: true, blocks: [{ kind: 'table', table: summary }] }),
        section({
          id: 'linea-1',
          kind: 'mandateLine',
          title: 'LINEA DI MANDATO 1 – OLTRE LA CRISI',
          tocLabel: '2.1 Linea di mandato 1',
          blocks: [p(LOREM), p('Indirizzi strategici', 'label'), { kind: 'list', ordered: false, start: 1, items: [[p('Primo indirizzo')], [p('Secondo indirizzo')]] }],
          children: [
            section({
              id: 'os-1-01',
              kind: 'strategicObjective',
              title: 'Obiettivo strategico 1.01_ST',
              tocLabel: '1.01_ST Agenda strategica locale',
              blocks: [rich([{ text: 'Agenda strategica locale', bold: true }], 'label'), p('Missione 01 Servizi istituzionali, generali e di gestione', 'note'), p('Descrizione dell’obiettivo', 'label'), p(LOREM)],
              children: [operational('1.01.01', [goal('fin-1', 'Prima finalità con un titolo lungo che va a capo nella prima colonna della tabella', 3, true), goal('fin-2', 'Seconda finalità: molti settori coinvolti', 40, false)])],
            }),
          ],
        }),
        section({
          id: 'linea-2',
          kind: 'mandateLine',
          title: 'LINEA DI MANDATO 2 – COESIONE SOCIALE',
          tocLabel: '2.2 Linea di mandato 2',
          blocks: [p(LOREM)],
          children: [
            section({
              id: 'os-2-01',
              kind: 'strategicObjective',
              title: 'Obiettivo strategico 2.01_ST',
              tocLabel: '2.01_ST Salute',
              blocks: [p(LOREM)],
              children: [operational('2.01.01', [goal('fin-3', 'Terza finalità', 2, true)])],
            }),
          ],
        }),
      ],
    }),
    section({ id: 'cap-3', kind: 'chapter', title: 'SPESE PER MISSIONI E PROGRAMMI AL 30/06/2020', tocLabel: '3 SPESE PER MISSIONI E PROGRAMMI AL 30/06/2020', blocks: [{ kind: 'table', table: spending }] }),
  ];

  const empty = (id: string): Table => ({ id, caption: id, captionVisible: false, columns: [], rows: [], repeatHeader: false, footnotes: [] });
  return {
    schemaVersion: 1,
    meta: {
      title: 'DUP 2020-2022 – Stato di attuazione al 30/06/2020',
      subject: 'Stato di attuazione degli obiettivi del DUP (art. 147-ter TUEL)',
      author: 'Comune di Prova',
      keywords: ['DUP', 'stato di attuazione'],
      language: 'it-IT',
      enteName: 'Comune di Prova',
      editionCode: '2020-2022',
      periodCutoff: '2020-06-30',
      periodLabel: '30/06/2020',
      scope: { kind: 'mandateLine', lineNumber: 1 },
      scopeLabel: 'Linea di mandato 1',
      fileBaseName: 'DUP-2020-2022_stato-attuazione_2020-06-30',
      dataVersion: null,
      generatedAt: '2020-11-13T12:00:00.000Z',
      draftMark: null,
    },
    cover: {
      enteHeading: 'COMUNE DI PROVA',
      title: 'Documento Unico di Programmazione 2020-2022',
      subtitle: 'Stato di attuazione al 30/06/2020',
      scopeLine: 'Estratto: Linea di mandato 1',
      issuingOffice: ['Comune di Prova', 'Direzione Generale', 'Ufficio Programmazione', 'Piazza del Municipio, 1'],
    },
    runningHeader: 'Comune di Prova – DUP 2020-2022 – Stato di attuazione al 30/06/2020',
    tocTitle: 'SOMMARIO',
    counts: {
      mandateLines: 2,
      strategicDirections: 2,
      strategicObjectives: 2,
      operationalObjectives: 2,
      goals: 3,
      indicators: 4,
      goalsReported: 2,
      goalsDeferred: 1,
      goalsMissing: 0,
      indicatorsReported: 2,
      indicatorsDeferred: 0,
      indicatorsEmpty: 2,
    },
    chapters,
    datasets: { summary: empty('ds-summary'), objectives: empty('ds-objectives'), goals: empty('ds-goals'), indicators: empty('ds-indicators'), spending },
  };
}

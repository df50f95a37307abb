import type { ReportModel, Table } from '../../../model/report-model';
import {
  goalTable as buildGoalTable,
  inline,
  paragraph,
  section,
  spendingRow,
  spendingTable as spendingTableOf,
  summaryTable as summaryTableOf,
  type GoalDepartment,
} from '../../test-fixtures/model-builders';

/**
 * A small hand-made report model for the HTML renderer's tests. It covers every block kind,
 * paragraph role, cell type, row kind and section kind, headings nested deeper than h6, header
 * groups, visible and hidden captions, footnotes, links (allowed and refused) and hostile text
 * that must come out escaped. Wording follows the Livorno "Stato di attuazione al 30/06/2020".
 */

/** Text that must never reach the page unescaped. */
export const HOSTILE_TEXT = `<script>alert("x")</script> & 'apici' "virgolette" <img src=x onerror=alert(1)>`;

const t = inline;
const p = paragraph;

function goalTable(id: string, code: string, title: string, departments: GoalDepartment[]): Table {
  return buildGoalTable(id, `Finalità ${code}: settori coinvolti e anni di attività`, title, departments);
}

const summaryTable = summaryTableOf('tab-obiettivi-strategici-operativi', [
  ['1.01', 'L’Agenda strategica locale nel governo del territorio per lo sviluppo sostenibile', '1.01.01_OP', 'Attuare una nuova politica territoriale e urbana'],
  ['1.02', 'Sviluppare Livorno città di città', '1.02.01_OP', 'Sviluppare Livorno città inclusiva, produttiva e attrattiva'],
  [null, null, '1.02.02_OP', 'Sviluppare Livorno città d’acqua'],
]);

const actsTable: Table = {
  id: 'tab-atti-edizione',
  caption: 'Atti relativi al DUP 2020-2022',
  captionVisible: true,
  columns: [
    { key: 'date', header: 'Data', type: 'date', width: 1, align: 'left' },
    { key: 'act', header: 'Atto', type: 'text', width: 3, align: 'left' },
    { key: 'count', header: 'Allegati', type: 'integer', width: 1, align: 'right' },
    { key: 'subject', header: 'Oggetto', type: 'text', width: 5, align: 'left' },
  ],
  rows: [
    {
      kind: 'data',
      cells: [
        { type: 'date', value: '2019-12-23' },
        { type: 'text', text: 'Deliberazione del Consiglio Comunale n. 225 del 23/12/2019', bold: true },
        { type: 'integer', value: 12345 },
        { type: 'text', text: 'Approvazione del DUP 2020-2022\n(seconda riga)' },
      ],
    },
    {
      kind: 'data',
      cells: [
        { type: 'date', value: '2020-06-29' },
        { type: 'text', text: 'Deliberazione del Consiglio Comunale n. 103 del 29/06/2020' },
        { type: 'integer', value: 0 },
        { type: 'text', text: HOSTILE_TEXT },
      ],
    },
  ],
  repeatHeader: false,
  footnotes: [],
};

const spendingTable = spendingTableOf(
  [
    spendingRow('data', '1-Servizi istituzionali, generali e di gestione', '01-Organi istituzionali', ['4199059.32', '1245470.78', '980306.95', '180995.72', '44235.49'], ['29.66', '78.71', '24.44']),
    spendingRow('data', '', '02-Segreteria generale', ['993115.23', '558907.38', '297690.24', '0.00', '0.00'], ['56.28', '53.26', null]),
    spendingRow('subtotal', 'Totale Missione 1', '', ['5192174.55', '1804378.16', '1277997.19', '180995.72', '44235.49'], ['34.75', '70.83', '24.44']),
    spendingRow('data', '3-Ordine pubblico e sicurezza', '01-Polizia locale e amministrativa', ['-0.50', '0', '0', '0', '0'], [null, null, null]),
    spendingRow('subtotal', 'Totale Missione 3', '', ['-0.50', '0', '0', '0', '0'], [null, null, null]),
    spendingRow('total', 'Totale generale', '', ['5192174.05', '1804378.16', '1277997.19', '180995.72', '44235.49'], ['34.75', '70.83', '24.44']),
  ],
  { captionVisible: false },
);

const indicatorsTable: Table = {
  id: 'tab-ind-1-01-01',
  caption: 'Indicatori dell’obiettivo operativo 1.01.01_OP: risultati raggiunti al 30/06/2020',
  captionVisible: false,
  columns: [
    { key: 'indicator', header: 'Indicatore', type: 'text', width: 1, align: 'left' },
    { key: 'result', header: 'Risultato al 30/06/2020', type: 'rich', width: 1, align: 'left' },
  ],
  rows: [
    {
      kind: 'data',
      cells: [
        { type: 'text', text: 'N. incontri di coordinamento intersettoriale realizzati in un anno' },
        { type: 'text', text: 'N. 17' },
      ],
    },
    {
      kind: 'group',
      cells: [{ type: 'text', text: 'Potenziare l’investimento nel "capitale umano"', bold: true }, { type: 'empty' }],
    },
    {
      kind: 'data',
      cells: [
        { type: 'text', text: 'N. corsi di formazione' },
        {
          type: 'rich',
          blocks: [
            { kind: 'subheading', level: 1, content: t('Dettaglio') },
            p([{ text: 'Corsi svolti: ' }, { text: '12', bold: true }, { text: ', di cui ' }, { text: 'online', italic: true }, { text: ':' }]),
            { kind: 'list', ordered: false, start: 1, items: [[p('sicurezza sul lavoro')], [p('anticorruzione')]] },
          ],
        },
      ],
    },
    {
      kind: 'data',
      cells: [{ type: 'text', text: 'N. partecipanti' }, { type: 'empty' }],
    },
  ],
  repeatHeader: true,
  footnotes: [],
};

const goal1 = section('fin-1-01-01-1', 'goal', 'Attuare una nuova politica di governo del territorio', {
  blocks: [
    {
      kind: 'table',
      table: goalTable('tab-fin-1-01-01-1', '1.01.01.1', 'Attuare una nuova politica di governo del territorio', [
        { name: 'Urbanistica e programmi complessi', lead: true, years: [2020, 2021, 2022] },
        { name: 'Edilizia privata e SUAP', years: [2020, 2021] },
        { name: 'Sviluppo economico, turismo, Sportello Europa', note: 'Comuni di Livorno, Collesalveti, Capraia', years: [2022] },
      ]),
    },
    p('Attuare una nuova politica di governo del territorio che realizzi un modello di sviluppo sostenibile.'),
    p('Stato di attuazione al 30/06/2020', 'label'),
    p([
      { text: 'L’A.C., con atto GC n. 273 del 09.06.20, ha aderito alla ' },
      { text: 'Carta per la rigenerazione urbana', bold: true, italic: true },
      { text: ' (' },
      { text: 'sito', link: 'https://www.comune.livorno.it/' },
      { text: ', ' },
      { text: 'scrivere', link: 'mailto:comune.livorno@postacert.toscana.it' },
      { text: ', ' },
      { text: 'link rifiutato', link: 'javascript:alert(1)' },
      { text: ', ' },
      { text: 'sottolineato', underline: true },
      { text: ').\nRiga successiva.' },
    ]),
    { kind: 'subheading', level: 1, content: t('Buoni spesa') },
    { kind: 'subheading', level: 2, content: t('Interventi economici e fiscali approvati') },
    p(HOSTILE_TEXT),
  ],
});

const goal2 = section('fin-1-01-01-2', 'goal', `Finalità con testo ostile ${HOSTILE_TEXT}`, {
  blocks: [
    {
      kind: 'table',
      table: goalTable('tab-fin-1-01-01-2', '1.01.01.2', `Finalità con testo ostile ${HOSTILE_TEXT}`, [
        { name: 'Indirizzo, organizzazione e controllo', years: [2020, 2021, 2022] },
      ]),
    },
    p('Stato di attuazione al 30/06/2020', 'label'),
    p('La finalità sarà rendicontata al 31.12.2020', 'deferral'),
  ],
});

/** Same title as goal1 under another objective: region names must stay unique. */
const goal3 = section('fin-1-02-01-1', 'goal', 'Attuare una nuova politica di governo del territorio', {
  blocks: [
    {
      kind: 'table',
      table: goalTable('tab-fin-1-02-01-1', '1.02.01.1', 'Attuare una nuova politica di governo del territorio', [
        { name: 'Polizia Municipale', lead: true, years: [2020, 2021, 2022] },
        { name: 'Ambiente e mobilità', years: [2020, 2021, 2022] },
      ]),
    },
    p('Stato di attuazione al 30/06/2020', 'label'),
    p('Stato di attuazione non pervenuto.', 'deferral'),
  ],
});

const op1 = section('oo-1-01-01', 'operationalObjective', 'Obiettivo operativo 1.01.01_OP', {
  tocLabel: '1.01.01_OP Attuare una nuova politica territoriale e urbana',
  inOutline: true,
  blocks: [
    p([{ text: 'Attuare una nuova politica territoriale e urbana', bold: true }], 'label'),
    p([{ text: 'Responsabile politico: ', bold: true }, { text: 'Assessore Silvia Viviani' }], 'note'),
    p([{ text: 'Missione 08 Assetto del territorio ed edilizia abitativa', bold: true }], 'note'),
    p('Programma 01 Urbanistica e assetto del territorio', 'note'),
    p('Obiettivo operativo 1.01.01_OP', 'code'),
    p('Finalità da conseguire e stato di attuazione al 30/06/2020', 'label'),
  ],
  children: [goal1, goal2],
  trailingBlocks: [p('Indicatori: risultati raggiunti al 30/06/2020', 'label'), { kind: 'table', table: indicatorsTable }],
});

const op2 = section('oo-1-02-01', 'operationalObjective', 'Obiettivo operativo 1.02.01_OP', {
  tocLabel: '1.02.01_OP Sviluppare Livorno città inclusiva',
  inOutline: true,
  blocks: [p([{ text: 'Sviluppare Livorno città inclusiva, produttiva e attrattiva', bold: true }], 'label')],
  children: [goal3],
});

const so1 = section('os-1-01', 'strategicObjective', 'Obiettivo strategico 1.01_ST', {
  tocLabel: '1.01_ST L’Agenda strategica locale',
  inOutline: true,
  blocks: [
    p([{ text: 'L’Agenda strategica locale nel governo del territorio per lo sviluppo sostenibile', bold: true }], 'label'),
    p('Missione 08 Assetto del territorio ed edilizia abitativa', 'note'),
    p([{ text: 'Società ed enti partecipati coinvolti: ', bold: true }, { text: 'Casalp S.p.A.' }]),
    p('Descrizione dell’obiettivo', 'label'),
    p('Il governo del territorio assumerà la logica progettuale appoggiata alle reti e all’integrazione.'),
  ],
  children: [op1, op2],
});

const line1 = section('linea-1', 'mandateLine', 'LINEA DI MANDATO 1 – OLTRE LA CRISI: PER UNA NUOVA STAGIONE DI CRESCITA E LAVORO', {
  tocLabel: '3.1 Linea di mandato 1',
  inToc: true,
  inOutline: true,
  pageBreakBefore: true,
  blocks: [
    p('La linea di mandato riguarda lo sviluppo territoriale ed economico della città di Livorno.'),
    // A subheading two levels down right after the heading: clamped to the next level.
    { kind: 'subheading', level: 2, content: t('Sottotitolo annidato') },
    p('Indirizzi strategici', 'label'),
    { kind: 'list', ordered: false, start: 1, items: [[p('Rilanciare il lavoro')], [p('Attrarre investimenti')]] },
  ],
  children: [so1],
});

const line2 = section('linea-2', 'mandateLine', 'LINEA DI MANDATO 2 – COESIONE SOCIALE', {
  tocLabel: '3.2 Linea di mandato 2',
  inToc: true,
  inOutline: true,
  pageBreakBefore: true,
  blocks: [p('Descrizione della linea 2.')],
});

const chapter1 = section('cap-1', 'chapter', 'LINEE PROGRAMMATICHE DI MANDATO 2019-2024 E DUP 2020-2022', {
  tocLabel: '1 LINEE PROGRAMMATICHE DI MANDATO 2019-2024 E DUP 2020-2022',
  inToc: true,
  inOutline: true,
  pageBreakBefore: true,
  children: [
    section('cap-1-linee', 'topic', 'Linee programmatiche di mandato', {
      tocLabel: 'Linee programmatiche di mandato',
      inOutline: true,
      blocks: [
        p('Il programma di governo del Sindaco Luca Salvetti, "La forza di guardare oltre", prevede le seguenti linee di azione:'),
        {
          kind: 'list',
          ordered: true,
          start: 1,
          items: [
            [p('Oltre la crisi: per una nuova stagione di crescita e lavoro;')],
            [p('Coesione sociale;')],
            [p('La sicurezza come bene comune;'), { kind: 'list', ordered: false, start: 1, items: [[p('sotto-punto annidato')]] }],
          ],
        },
        p('Elenco che riprende la numerazione:'),
        { kind: 'list', ordered: true, start: 6, items: [[p('sesto punto')], [p('settimo punto')]] },
      ],
    }),
    section('cap-1-premessa', 'topic', 'Documento unico di programmazione: premessa normativa', {
      tocLabel: 'Premessa normativa',
      inOutline: true,
      blocks: [
        { kind: 'subheading', level: 1, content: t('Sezione strategica') },
        p('La Sezione Strategica sviluppa e concretizza le linee di mandato.'),
        { kind: 'subheading', level: 3, content: [{ text: 'Sezione operativa', italic: true }] },
        p('La Sezione operativa si struttura in due parti fondamentali.'),
        { kind: 'pageBreak' },
        p('Dopo l’interruzione di pagina.'),
      ],
    }),
    section('cap-1-edizione', 'topic', 'Documento unico di programmazione 2020-2022', {
      tocLabel: 'DUP 2020-2022',
      inOutline: true,
      blocks: [p('Il DUP 2020-2022 è stato approvato con delibera di Consiglio Comunale n. 225 del 23/12/2019.'), { kind: 'table', table: actsTable }],
    }),
    section('cap-1-sintesi', 'topic', 'Documento unico di programmazione 2020-2022 in sintesi', {
      tocLabel: 'In sintesi',
      inOutline: true,
      blocks: [
        p(
          'Il Documento Unico di Programmazione individua per le dieci linee di mandato, quarantacinque indirizzi strategici, sintetizzati in venti obiettivi strategici che vengono declinati nei sessantotto obiettivi operativi.',
        ),
      ],
    }),
  ],
});

const chapter2 = section('cap-2', 'chapter', 'SISTEMA DEI CONTROLLI INTERNI E CONTROLLO STRATEGICO', {
  tocLabel: '2 SISTEMA DEI CONTROLLI INTERNI E CONTROLLO STRATEGICO',
  inToc: true,
  inOutline: true,
  pageBreakBefore: true,
  blocks: [
    { kind: 'subheading', level: 1, content: t('Disciplina dei controlli interni') },
    p('Il Comune di Livorno ha adottato un sistema di controlli finalizzato:'),
    {
      kind: 'list',
      ordered: false,
      start: 1,
      items: [[p('alla verifica, attraverso il controllo di gestione, dell’efficienza;')], [p('alla valutazione dell’adeguatezza delle scelte.')]],
    },
    { kind: 'subheading', level: 1, content: t('Controllo strategico') },
    p('Il controllo strategico consiste in un’attività di supporto alla formulazione delle politiche.'),
  ],
});

const chapter3 = section('cap-3', 'chapter', 'STATO DI ATTUAZIONE AL 30/06/2020', {
  tocLabel: '3 STATO DI ATTUAZIONE AL 30/06/2020',
  inToc: true,
  inOutline: true,
  pageBreakBefore: true,
  blocks: [
    p([
      { text: 'Lo ' },
      { text: 'Stato di attuazione al 30/06/2020', italic: true },
      { text: ' del DUP 2020-2022 rende conto dell’avanzamento delle specifiche ' },
      { text: 'finalità', italic: true },
      { text: '.' },
    ]),
  ],
  children: [
    section('cap-3-riepilogo', 'topic', 'Obiettivi strategici e operativi', {
      tocLabel: 'Obiettivi strategici e operativi',
      inOutline: true,
      pageBreakBefore: true,
      blocks: [{ kind: 'table', table: summaryTable }],
    }),
    line1,
    line2,
  ],
});

const chapter4 = section('cap-4', 'chapter', 'SPESE PER MISSIONI E PROGRAMMI AL 30/06/2020', {
  tocLabel: '4 SPESE PER MISSIONI E PROGRAMMI AL 30/06/2020',
  inToc: true,
  inOutline: true,
  pageBreakBefore: true,
  blocks: [{ kind: 'table', table: spendingTable }],
});

const emptyTable = (id: string): Table => ({
  id,
  caption: id,
  captionVisible: false,
  columns: [{ key: 'a', header: 'A', type: 'text', width: 1, align: 'left' }],
  rows: [],
  repeatHeader: false,
  footnotes: [],
});

/** The fixture model (a fresh copy on each call, so tests may modify it). */
export function fixtureModel(): ReportModel {
  const model: ReportModel = {
    schemaVersion: 1,
    meta: {
      title: 'DUP 2020-2022 – Stato di attuazione al 30/06/2020 – Linea di mandato 1',
      subject: 'Stato di attuazione degli obiettivi del Documento Unico di Programmazione (art. 147-ter TUEL)',
      author: 'Comune di Livorno',
      keywords: ['DUP', '2020-2022', 'stato di attuazione', '30/06/2020', 'Comune di Livorno'],
      language: 'it-IT',
      enteName: 'Comune di Livorno',
      editionCode: '2020-2022',
      periodCutoff: '2020-06-30',
      periodLabel: '30/06/2020',
      scope: { kind: 'full' },
      scopeLabel: 'Rapporto di prova',
      fileBaseName: 'DUP-2020-2022_stato-attuazione_2020-06-30',
      dataVersion: '42',
      generatedAt: '2020-11-13T09:30:00.000Z',
      draftMark: null,
    },
    cover: {
      enteHeading: 'COMUNE DI LIVORNO',
      title: 'Documento Unico di Programmazione 2020-2022',
      subtitle: 'Stato di attuazione al 30/06/2020',
      scopeLine: 'Rapporto di prova',
      issuingOffice: [
        'Comune di Livorno',
        'Direzione Generale',
        'Settore Indirizzo, organizzazione e controllo',
        'Ufficio Programmazione, controllo di gestione e contabilità analitica',
        'Piazza del Municipio, 1 57123 LIVORNO',
        'Sito internet: www.comune.livorno.it',
        'pec: comune.livorno@postacert.toscana.it',
      ],
    },
    runningHeader: 'Comune di Livorno – DUP 2020-2022 – Stato di attuazione al 30/06/2020 </style><script>alert(1)</script>',
    tocTitle: 'SOMMARIO',
    counts: {
      mandateLines: 2,
      strategicDirections: 2,
      strategicObjectives: 1,
      operationalObjectives: 2,
      goals: 3,
      indicators: 3,
      goalsReported: 1,
      goalsDeferred: 1,
      goalsMissing: 1,
      indicatorsReported: 2,
      indicatorsDeferred: 0,
      indicatorsEmpty: 1,
    },
    chapters: [chapter1, chapter2, chapter3, chapter4],
    datasets: {
      summary: emptyTable('ds-sintesi'),
      objectives: emptyTable('ds-obiettivi'),
      goals: emptyTable('ds-finalita'),
      indicators: emptyTable('ds-indicatori'),
      spending: spendingTable,
    },
  };
  return JSON.parse(JSON.stringify(model)) as ReportModel;
}

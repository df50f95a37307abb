/**
 * Everything before chapter 3's body: the council deliberation, the cover, chapter 1 (mandate,
 * act history, the mid-cycle additions) and the chapter 3 summary table of objectives.
 */
import type { ActBody, ActData, ActKind, EnteData, ReportTextData } from '../../dataset/plan-dataset';
import { collapseWhitespace, isoDate, plainText } from './text-cleanup';

/** ISTAT code of Livorno: not printed in the report, it is the national registry's code. */
export const LIVORNO_ISTAT_CODE = '049009';

interface ActSpec {
  key: string;
  body: ActBody;
  kind: ActKind;
  number: string;
  date: string;
  /** Must match the text, so that every act in the dataset is really cited by the document. */
  citation: RegExp;
  subject: (m: RegExpExecArray) => string;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Acts cited by the report. Subjects come from the sentence that cites the act: the printed subject
 * when there is one, otherwise the words of the clause saying what the act did, as a noun phrase.
 */
const ACTS: readonly ActSpec[] = [
  {
    key: 'CC-122-2019', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '122', date: '02/08/2019',
    citation: /delibera di Consiglio Comunale n\. 122 del 02\/08\/2019, con la quale sono state approvate le (Linee programmatiche del mandato [^;]+);/,
    subject: (m) => `Approvazione delle ${m[1]}`,
  },
  {
    key: 'GC-794-2019', body: 'GIUNTA', kind: 'DELIBERAZIONE', number: '794', date: '14/11/2019',
    citation: /Il (DUP 2020-2022), predisposto[^]*?a seguito dell'(approvazione da parte della Giunta Comunale) avvenuta con deliberazione n\. 794 del 14\/11\/2019/,
    subject: (m) => `${m[1]}: ${m[2]}`,
  },
  {
    key: 'CC-225-2019', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '225', date: '23/12/2019',
    citation: /delibera di Consiglio Comunale n\. 225 del 23\/12\/2019 con la quale è stato approvato il (Documento Unico di Programmazione 2020-2022)/,
    subject: (m) => `Approvazione del ${m[1]}`,
  },
  {
    key: 'CC-100-2020', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '100', date: '29/06/2020',
    citation: /delibera n\. 100 del 29\/06\/2020 con la quale il Consiglio Comunale, in ottemperanza all'(Ordinanza [^,]+?) pubblicata [^,]+, ha deliberato la (nuova approvazione del DUP 2020-2022)/,
    subject: (m) => `${capitalise(m[2])} in ottemperanza all'${m[1]}`,
  },
  {
    key: 'CC-65-2020', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '65', date: '07/05/2020',
    citation: /obiettivo operativo (Riparti Livorno): [^,]+, [^,]+, a seguito del relativo (Atto di indirizzo del Consiglio) \(delibera n\. 65 del 07\/05\/2020\)/,
    subject: (m) => `${m[2]}: ${m[1]}`,
  },
  {
    key: 'CC-103-2020', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '103', date: '29/06/2020',
    citation: /Con delibera n\. 103 del 29\/06\/2020 il Consiglio Comunale ha approvato l'importante (obiettivo operativo Riparti Livorno: interventi economici, fiscali ed organizzativi)/,
    subject: (m) => `Approvazione dell'${m[1]}`,
  },
  {
    key: 'CC-163-2020', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '163', date: '30/09/2020',
    citation: /n\. 163 del 30\/09\/2020 sono state apportate alcune (modifiche agli obiettivi), oltre ad approvare il (nuovo obiettivo strategico 1\.06_ST [^,]+) e il (nuovo Obiettivo operativo 1\.06\.01_OP [^,]+),/,
    subject: (m) => `${capitalise(m[1])}; approvazione del ${m[2]} e del ${m[3]}`,
  },
  {
    key: 'GC-175-2020', body: 'GIUNTA', kind: 'DELIBERAZIONE', number: '175', date: '31/03/2020',
    citation: /(modifiche agli assetti macrostrutturali dell'ente) approvati dalla Giunta con delibera n\. 175 del 31\/03\/2020/,
    subject: (m) => capitalise(m[1]),
  },
  {
    key: 'GCDEC-253-2020', body: 'GIUNTA', kind: 'DECISIONE', number: '253', date: '27/10/2020',
    citation: /decisione di Giunta Comunale n\. 253 del 27\/10\/2020 con la quale si prende atto dei contenuti del rapporto avente ad oggetto "\*?([^"*]+)\*?"/,
    subject: (m) => m[1],
  },
  {
    key: 'CC-195-2020', body: 'CONSIGLIO', kind: 'DELIBERAZIONE', number: '195', date: '13/11/2020',
    citation: /Deliberazione del Consiglio Comunale n\. 195 del 13\/11\/2020[^]*?\*\*Oggetto:\*\*\s*([^\n]+)/,
    subject: (m) => m[1].trim(),
  },
];

export interface SummaryTitles {
  strategic: Map<string, string>;
  operational: Map<string, string>;
}

export interface FrontMatter {
  ente: EnteData;
  acts: ActData[];
  mandate: { title: string; startYear: number; endYear: number; mayor: string };
  /** Chapter 1 wording of the mandate lines, by number. */
  lineTitles: Map<number, string>;
  summary: SummaryTitles;
  nextGeneration: { soCode: string; soTitle: string; opCode: string; opTitle: string; description: string };
  ripartiLivornoNote: string;
  /** The report's configurable chapter texts, verbatim Markdown (see ReportTextData). */
  reportTexts: ReportTextData[];
}

function must(re: RegExp, text: string, what: string): RegExpExecArray {
  const m = re.exec(text);
  if (!m) throw new Error(`Front matter: ${what} not found`);
  return m;
}

export function parseFrontMatter(lines: string[]): FrontMatter {
  const text = lines.join('\n');
  const acts = ACTS.map((spec) => ({
    key: spec.key,
    body: spec.body,
    kind: spec.kind,
    number: spec.number,
    date: isoDate(spec.date),
    subject: collapseWhitespace(spec.subject(must(spec.citation, text, `citation of ${spec.key}`))),
  }));

  const coverStart = lines.findIndex((l) => /^Comune di Livorno\s*$/.test(l));
  if (coverStart < 0) throw new Error('Front matter: cover issuing-office block not found');
  const issuingOffice: string[] = [];
  for (let i = coverStart + 1; i < lines.length && lines[i].trim() !== ''; i++) {
    issuingOffice.push(collapseWhitespace(lines[i].replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')));
  }

  const programme = must(/Il programma di governo del Sindaco ([A-Z][a-z]+ [A-Z][a-z]+), "([^"]+)"/, text, 'mandate programme');
  const years = must(/mandato amministrativo (\d{4})-(\d{4})/, text, 'mandate years');

  // The numbered list after "prevede le seguenti linee di azione" (the deliberation has another "- 1)" list).
  const lineTitles = new Map<number, string>();
  const listStart = lines.findIndex((l) => /prevede le seguenti linee di azione/.test(l));
  for (const l of lines.slice(listStart + 1)) {
    const m = /^- (\d+)\) (.+?);?\s*$/.exec(l);
    if (!m) {
      if (lineTitles.size > 0 && l.trim() !== '') break;
      continue;
    }
    lineTitles.set(Number(m[1]), m[2]);
  }
  if (lineTitles.size !== 10) throw new Error(`Front matter: ${lineTitles.size} mandate lines in chapter 1`);

  const ng = must(
    /(Con successiva delibera di Consiglio Comunale n\. 163 [^\n]*?il nuovo obiettivo strategico (1\.06)_ST ([^\n]+?) e il nuovo Obiettivo operativo (1\.06\.01)_OP ([^\n]+?), che [^\n]+)/,
    text,
    'Next Generation Livorno paragraph',
  );
  const riparti = must(/(Con delibera n\. 103 del 29\/06\/2020[^\n]+)/, text, 'Riparti Livorno paragraph');

  return {
    ente: { name: 'Comune di Livorno', istatCode: LIVORNO_ISTAT_CODE, issuingOffice },
    acts,
    mandate: { title: programme[2], startYear: Number(years[1]), endYear: Number(years[2]), mayor: programme[1] },
    lineTitles,
    summary: parseSummaryTable(lines),
    nextGeneration: { soCode: ng[2], soTitle: ng[3], opCode: ng[4], opTitle: ng[5], description: collapseWhitespace(ng[1]) },
    ripartiLivornoNote: collapseWhitespace(riparti[1]),
    reportTexts: parseReportTexts(lines),
  };
}

/**
 * The prose of chapters 1–3 that the report generator does not compute: kept verbatim as the
 * ente's configurable texts. Each runs from the line after its start heading to the line before
 * its end heading. The mandate-line list, the acts and the "in sintesi" counts are computed from
 * the data instead, so they are cut out here.
 */
function parseReportTexts(lines: string[]): ReportTextData[] {
  const at = (re: RegExp, from = 0): number => {
    const i = lines.findIndex((l, n) => n >= from && re.test(plainText(l)));
    if (i < 0) throw new Error(`Front matter: heading ${re} not found`);
    return i;
  };
  const slice = (from: number, to: number): string =>
    lines
      .slice(from, to)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  const chapter1 = at(/^1\. LINEE PROGRAMMATICHE/);
  const mandateHeading = at(/^Linee programmatiche di mandato$/, chapter1);
  const mandateList = at(/prevede le seguenti linee di azione/, mandateHeading);
  const normative = at(/^Documento unico di programmazione: premessa normativa$/, chapter1);
  const pyramid = at(/^Piramide della programmazione$/, normative);
  const history = at(/^Documento unico di programmazione 2020-2022$/, pyramid);
  const summary = at(/^Documento unico di programmazione 2020-2022 in sintesi$/, history);
  const chapter2 = at(/^2\. SISTEMA DEI CONTROLLI INTERNI/, summary);
  const chapter3 = at(/^3\. STATO DI ATTUAZIONE AL/, chapter2);
  const summaryTable = at(/^Obiettivi strategici e operativi$/, chapter3);
  return [
    // The sentence introducing the list stays; the list itself is generated from the lines.
    { key: 'mandateIntro', period: null, markdown: slice(mandateHeading + 1, mandateList + 1) },
    { key: 'normativeFramework', period: null, markdown: slice(normative + 1, pyramid) },
    { key: 'editionHistory', period: null, markdown: slice(history + 1, summary) },
    { key: 'internalControls', period: null, markdown: slice(chapter2 + 1, chapter3) },
    { key: 'statusIntro', period: '2020-06-30', markdown: slice(chapter3 + 1, summaryTable) },
  ];
}

/** The two-page "Obiettivi strategici e operativi" table; the strategic code is printed only on its first row. */
function parseSummaryTable(lines: string[]): SummaryTitles {
  const start = lines.findIndex((l) => /^#+ Obiettivi strategici e operativi\s*$/.test(l));
  if (start < 0) throw new Error('Front matter: summary table not found');
  const strategic = new Map<string, string>();
  const operational = new Map<string, string>();
  for (const l of lines.slice(start + 1)) {
    if (!l.includes('\t')) continue;
    const cells = l.split('\t').map((c) => plainText(c));
    if (/^\d+\.\d+$/.test(cells[0])) strategic.set(cells[0], cells[1]);
    const op = /^(\d+\.\d+\.\d+)_OP$/.exec(cells[2] ?? '');
    if (op) operational.set(op[1], cells[3]);
  }
  return { strategic, operational };
}

import { EDITION_ACT_ROLE_LABELS, isDraftPeriodState } from '@dup/domain/values';
import type { Block, Cell, Column, Inline, ReportCounts, ReportModel, Row, Section, Table } from '../model/report-model';
import { formatDate } from '../model/italian-format';
import { italianNumberWords } from './italian-number-words';
import { markdownToBlocks } from './markdown-blocks';
import { resolvePageReferences } from './page-references';
import type {
  ReportSource,
  SourceAct,
  SourceGoal,
  SourceIndicator,
  SourceMandateLine,
  SourceOperationalObjective,
  SourceStrategicObjective,
} from './report-source';
import { buildDatasets } from './build-datasets';
import { chapterFour, spendingTable } from './build-spending';
import { section } from './sections';
import { openingSection } from './build-deliberation';
import { reportFileBaseName, scopePlan } from './report-scope';

/**
 * Builds the report model of one edition, period and scope. Pure: the same source gives the
 * same model (generatedAt comes from the source), which is what the golden tests pin.
 */
export function buildReport(source: ReportSource): ReportModel {
  const { edition, period, plan } = source;
  const periodLabel = formatDate(period.cutoffDate);
  const scoped = scopePlan(source);
  const lines = scoped.lines;
  const counts = countReport(lines, period.cutoffDate);
  const full = source.scope.kind === 'full';

  const chapters: Section[] = [];
  // The approved document opens with the minutes of the session that approved it.
  const opening =
    full && period.state === 'APPROVED_BY_COUNCIL' && source.councilSession ? openingSection(source.councilSession, actLabel(source.councilSession.act)) : null;
  if (opening) chapters.push(opening.section);
  if (full) {
    chapters.push(chapterOne(source, counts));
    chapters.push(chapterTwo(source));
  }
  chapters.push(chapterThree(source, lines, full ? '3' : '1', periodLabel));
  const spending = spendingTable(source, periodLabel, full);
  if (full) chapters.push(chapterFour(spending, periodLabel));
  resolvePageReferences(chapters);

  const enteName = plan.ente.name;
  const title = `DUP ${edition.code} – Stato di attuazione al ${periodLabel}`;
  return {
    schemaVersion: 1,
    meta: {
      title: scoped.label ? `${title} – ${scoped.label}` : title,
      subject: 'Stato di attuazione degli obiettivi del Documento Unico di Programmazione (art. 147-ter TUEL)',
      author: enteName,
      keywords: ['DUP', edition.code, 'stato di attuazione', periodLabel, enteName],
      language: 'it-IT',
      enteName,
      editionCode: edition.code,
      periodCutoff: period.cutoffDate,
      periodLabel,
      scope: source.scope,
      scopeLabel: scoped.label,
      fileBaseName: reportFileBaseName(edition.code, period.cutoffDate, source.scope),
      dataVersion: source.dataVersion,
      generatedAt: source.generatedAt,
      draftMark: isDraftPeriodState(period.state) ? 'BOZZA' : null,
    },
    cover: {
      enteHeading: enteName.toLocaleUpperCase('it-IT'),
      title: edition.title || `Documento Unico di Programmazione ${edition.code}`,
      subtitle: `Stato di attuazione al ${periodLabel}`,
      scopeLine: scoped.label,
      issuingOffice: [enteName, ...plan.ente.issuingOffice],
      approvalLine: approvalLine(period.approvedBy),
    },
    runningHeader: `${enteName} – DUP ${edition.code} – Stato di attuazione al ${periodLabel}`,
    tocTitle: 'SOMMARIO',
    counts,
    chapters,
    datasets: {
      ...buildDatasets(source, lines, counts, spending, approvalLine(period.approvedBy)),
      ...(opening ? { deliberation: opening.sheet } : {}),
    },
  };
}

const ACT_KIND_WORDS: Record<string, string> = {
  DELIBERAZIONE: 'deliberazione',
  DECISIONE: 'decisione',
  DETERMINAZIONE: 'determinazione',
  DECRETO: 'decreto',
  ORDINANZA: 'ordinanza',
};
const ACT_BODY_WORDS: Record<string, string> = { CONSIGLIO: 'del Consiglio Comunale', GIUNTA: 'della Giunta Comunale' };

/** The cover's approval line: "Approvato con deliberazione del Consiglio Comunale n. 195 del 13/11/2020". */
export function approvalLine(act: SourceAct | null | undefined): string | null {
  if (!act) return null;
  const body = ACT_BODY_WORDS[act.body];
  return `Approvato con ${ACT_KIND_WORDS[act.kind] ?? 'atto'}${body ? ` ${body}` : ''} n. ${act.number} del ${formatDate(act.date)}`;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the chapters
// ---------------------------------------------------------------------------------------------

const text = (t: string, style: Partial<Inline[number]> = {}): Inline => [{ text: t, ...style }];
const paragraph = (content: Inline | string, role: 'body' | 'label' | 'note' | 'deferral' | 'code' = 'body'): Block => ({
  kind: 'paragraph',
  role,
  content: typeof content === 'string' ? text(content) : content,
});

const codeId = (code: string) => code.replace(/\./g, '-');

/** "Deliberazione del Consiglio Comunale n. 225 del 23/12/2019". */
export function actLabel(act: SourceAct): string {
  const body: Record<string, string> = {
    CONSIGLIO: 'del Consiglio Comunale',
    GIUNTA: 'della Giunta Comunale',
    SINDACO: 'del Sindaco',
    DIRIGENTE: 'dirigenziale',
    SEGRETARIO: 'del Segretario Generale',
  };
  const kind: Record<string, string> = {
    DELIBERAZIONE: 'Deliberazione',
    DECISIONE: 'Decisione',
    DETERMINAZIONE: 'Determinazione',
    DECRETO: 'Decreto',
    ORDINANZA: 'Ordinanza',
  };
  const who = body[act.body] ? ` ${body[act.body]}` : '';
  return `${kind[act.kind] ?? 'Atto'}${who} n. ${act.number} del ${formatDate(act.date)}`;
}

const ACT_ROLE_LABELS: Readonly<Record<string, string>> = EDITION_ACT_ROLE_LABELS;

/** Whether an objective belongs to the plan as reported at the cut-off (later amendments are excluded). */
export function statusAt(goal: SourceGoal, cutoff: string) {
  return goal.statusList.find((s) => s.period === cutoff) ?? null;
}

export function resultAt(indicator: SourceIndicator, cutoff: string) {
  return indicator.resultList.find((r) => r.period === cutoff) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------

export function countReport(lines: SourceMandateLine[], cutoff: string): ReportCounts {
  const c: ReportCounts = {
    mandateLines: lines.length,
    strategicDirections: 0,
    strategicObjectives: 0,
    operationalObjectives: 0,
    goals: 0,
    indicators: 0,
    goalsReported: 0,
    goalsDeferred: 0,
    goalsMissing: 0,
    indicatorsReported: 0,
    indicatorsDeferred: 0,
    indicatorsEmpty: 0,
  };
  for (const line of lines) {
    c.strategicDirections += line.directions.length;
    for (const so of line.strategicObjectives) {
      c.strategicObjectives++;
      for (const op of so.operationalObjectives) {
        c.operationalObjectives++;
        for (const goal of op.goals) {
          c.goals++;
          const status = statusAt(goal, cutoff);
          if (status?.deferredTo) c.goalsDeferred++;
          else if (status && status.narrative.trim()) c.goalsReported++;
          else c.goalsMissing++;
        }
        for (const indicator of op.indicators) {
          c.indicators++;
          const result = resultAt(indicator, cutoff);
          if (result?.status === 'DEFERRED') c.indicatorsDeferred++;
          else if (result && result.status !== 'EMPTY' && result.text.trim()) c.indicatorsReported++;
          else c.indicatorsEmpty++;
        }
      }
    }
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Chapter 1
// ---------------------------------------------------------------------------------------------

function chapterOne(source: ReportSource, counts: ReportCounts): Section {
  const { plan, edition, texts } = source;
  const mandateYears = `${plan.mandate.startYear}-${plan.mandate.endYear}`;
  const lineList: Block = {
    kind: 'list',
    ordered: true,
    start: 1,
    items: plan.mandateLines.map((l) => [paragraph(l.alternateTitles[0] ?? l.title)]),
  };
  const actsTable: Table = {
    id: 'tab-atti-edizione',
    caption: `Atti relativi al DUP ${edition.code}`,
    captionVisible: true,
    columns: [
      { key: 'date', header: 'Data', type: 'date', width: 1, align: 'left' },
      { key: 'act', header: 'Atto', type: 'text', width: 3, align: 'left' },
      { key: 'role', header: 'Funzione', type: 'text', width: 2, align: 'left' },
      { key: 'subject', header: 'Oggetto', type: 'text', width: 5, align: 'left' },
    ],
    rows: plan.acts.map((a) => ({
      kind: 'data',
      cells: [
        { type: 'date', value: a.act.date },
        { type: 'text', text: actLabel(a.act) },
        { type: 'text', text: ACT_ROLE_LABELS[a.role] ?? ACT_ROLE_LABELS.OTHER },
        { type: 'text', text: a.act.subject },
      ],
    })),
    repeatHeader: true,
    footnotes: [],
  };
  const w = italianNumberWords;
  const summarySentence =
    `Il Documento Unico di Programmazione individua per le ${w(counts.mandateLines)} linee di mandato, ` +
    `${w(counts.strategicDirections)} indirizzi strategici, sintetizzati in ${w(counts.strategicObjectives)} obiettivi strategici ` +
    `che vengono declinati nei ${w(counts.operationalObjectives)} obiettivi operativi, articolati in ${w(counts.goals)} finalità ` +
    `e misurati da ${w(counts.indicators)} indicatori.`;

  const title = `LINEE PROGRAMMATICHE DI MANDATO ${mandateYears} E DUP ${edition.code}`;
  return section('cap-1', 'chapter', `1. ${title}`, {
    tocLabel: `1 ${title}`,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    children: [
      section('cap-1-linee', 'topic', 'Linee programmatiche di mandato', {
        tocLabel: 'Linee programmatiche di mandato',
        inOutline: true,
        blocks: [...markdownToBlocks(texts.mandateIntro), lineList],
      }),
      section('cap-1-premessa', 'topic', 'Documento unico di programmazione: premessa normativa', {
        tocLabel: 'Premessa normativa',
        inOutline: true,
        blocks: markdownToBlocks(texts.normativeFramework),
      }),
      section('cap-1-edizione', 'topic', `Documento unico di programmazione ${edition.code}`, {
        tocLabel: `DUP ${edition.code}`,
        inOutline: true,
        blocks: [...markdownToBlocks(texts.editionHistory), ...(plan.acts.length ? [{ kind: 'table', table: actsTable } as Block] : [])],
      }),
      section('cap-1-sintesi', 'topic', `Documento unico di programmazione ${edition.code} in sintesi`, {
        tocLabel: 'In sintesi',
        inOutline: true,
        blocks: [paragraph(summarySentence)],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Chapter 2
// ---------------------------------------------------------------------------------------------

function chapterTwo(source: ReportSource): Section {
  const title = 'SISTEMA DEI CONTROLLI INTERNI E CONTROLLO STRATEGICO';
  return section('cap-2', 'chapter', `2. ${title}`, {
    tocLabel: `2 ${title}`,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    blocks: markdownToBlocks(source.texts.internalControls),
  });
}

// ---------------------------------------------------------------------------------------------
// Chapter 3
// ---------------------------------------------------------------------------------------------

function chapterThree(source: ReportSource, lines: SourceMandateLine[], number: string, periodLabel: string): Section {
  const title = `STATO DI ATTUAZIONE AL ${periodLabel}`;
  const summary = objectivesSummaryTable(lines);
  return section(`cap-${number}`, 'chapter', `${number}. ${title}`, {
    tocLabel: `${number} ${title}`,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    blocks: markdownToBlocks(source.texts.statusIntro),
    children: [
      section(`cap-${number}-riepilogo`, 'topic', 'Obiettivi strategici e operativi', {
        tocLabel: 'Obiettivi strategici e operativi',
        inOutline: true,
        pageBreakBefore: true,
        blocks: [{ kind: 'table', table: summary }],
      }),
      ...lines.map((line, i) => mandateLineSection(source, line, `${number}.${i + 1}`, periodLabel)),
    ],
  });
}

function objectivesSummaryTable(lines: SourceMandateLine[]): Table {
  const rows: Row[] = [];
  for (const line of lines)
    for (const so of line.strategicObjectives)
      so.operationalObjectives.forEach((op, i) =>
        rows.push({
          kind: 'data',
          cells: [
            i === 0 ? { type: 'text', text: so.code } : { type: 'empty' },
            i === 0 ? { type: 'text', text: so.alternateTitles[0] ?? so.title } : { type: 'empty' },
            { type: 'text', text: `${op.code}_OP` },
            { type: 'text', text: op.alternateTitles[0] ?? op.title },
          ],
        }),
      );
  return {
    id: 'tab-obiettivi-strategici-operativi',
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
    rows,
    repeatHeader: true,
    footnotes: [],
  };
}

function mandateLineSection(source: ReportSource, line: SourceMandateLine, number: string, periodLabel: string): Section {
  const blocks: Block[] = [...markdownToBlocks(line.description)];
  if (line.directions.length) {
    blocks.push(paragraph('Indirizzi strategici', 'label'));
    blocks.push({ kind: 'list', ordered: false, start: 1, items: line.directions.map((d) => [paragraph(d.text)]) });
  }
  return section(`linea-${line.number}`, 'mandateLine', `LINEA DI MANDATO ${line.number} – ${line.title.toLocaleUpperCase('it-IT')}`, {
    tocLabel: `${number} Linea di mandato ${line.number}`,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    blocks,
    children: line.strategicObjectives.map((so) => strategicSection(source, so, periodLabel)),
  });
}

function missionLabel(m: { code: string; name: string | null }): string {
  return `Missione ${m.code}${m.name ? ` ${m.name}` : ''}`;
}

const PARTECIPATE_LABEL = /^(Società e(?:d)? enti partecipati coinvolti[^:]*:)\s*/;

/** The participated companies line: the label as the document printed it (kept in the text), else the standard one. */
function partecipateLine(text: string): Inline {
  const printed = PARTECIPATE_LABEL.exec(text);
  if (!printed) return [{ text: 'Società ed enti partecipati coinvolti: ', bold: true }, { text }];
  return [{ text: `${printed[1]} `, bold: true }, { text: text.slice(printed[0].length) }];
}

function strategicSection(source: ReportSource, so: SourceStrategicObjective, periodLabel: string): Section {
  const blocks: Block[] = [paragraph(text(so.title, { bold: true }), 'label')];
  // The heading (title, Missioni, partecipate) is kept with the description that follows.
  for (const m of so.missions) blocks.push({ kind: 'paragraph', role: 'note', content: text(missionLabel(m)), keepWithNext: true });
  if (so.partecipate) blocks.push({ kind: 'paragraph', role: 'body', content: partecipateLine(so.partecipate), keepWithNext: true });
  if (so.description.trim()) {
    blocks.push(paragraph('Descrizione dell’obiettivo', 'label'));
    blocks.push(...markdownToBlocks(so.description));
  }
  return section(`os-${codeId(so.code)}`, 'strategicObjective', `Obiettivo strategico ${so.code}_ST`, {
    tocLabel: `${so.code}_ST ${so.title}`,
    inOutline: true,
    blocks,
    children: so.operationalObjectives.map((op) => operationalSection(source, op, periodLabel)),
  });
}

function operationalSection(source: ReportSource, op: SourceOperationalObjective, periodLabel: string): Section {
  // The whole heading (title, Responsabile, Missioni/Programmi) is kept with the first goal.
  const heading = (content: Inline, role: 'label' | 'note'): Block => ({ kind: 'paragraph', role, content, keepWithNext: true });
  const blocks: Block[] = [heading(text(op.title, { bold: true }), 'label')];
  if (op.ownerLabel) blocks.push(heading([{ text: 'Responsabile politico: ', bold: true }, { text: op.ownerLabel }], 'note'));
  let lastMission: string | null = null;
  for (const p of op.programmes) {
    if (p.mission.code !== lastMission) {
      blocks.push(heading(text(missionLabel(p.mission), { bold: true }), 'note'));
      lastMission = p.mission.code;
    }
    blocks.push(heading(text(`Programma ${p.code} ${p.name}`), 'note'));
  }
  blocks.push(paragraph(op.goalsHeading ?? `Finalità da conseguire e stato di attuazione al ${periodLabel}`, 'label'));
  const cutoff = source.period.cutoffDate;
  // Where the document prints an indicator block after each goal (every indicator names its goal
  // and none is grouped), each block follows its goal; otherwise one block closes the objective.
  const afterGoals = op.indicators.length > 0 && op.indicators.every((i) => i.goalPosition !== null && !i.groupLabel);
  const indicatorBlocks = (indicators: SourceIndicator[], id: string): Block[] => {
    const table = indicatorsTable(op, indicators, id, cutoff, periodLabel);
    return table ? [paragraph(`Indicatori: risultati raggiunti al ${periodLabel}`, 'label'), { kind: 'table', table }] : [];
  };
  return section(`oo-${codeId(op.code)}`, 'operationalObjective', `Obiettivo operativo ${op.code}_OP`, {
    tocLabel: `${op.code}_OP ${op.title}`,
    inOutline: true,
    blocks,
    children: op.goals.map((g) => {
      const goal = goalSection(source, op, g, periodLabel);
      if (afterGoals)
        goal.blocks.push(
          ...indicatorBlocks(
            op.indicators.filter((i) => i.goalPosition === g.position),
            `tab-ind-${codeId(op.code)}-${g.position}`,
          ),
        );
      return goal;
    }),
    trailingBlocks: afterGoals ? [] : indicatorBlocks(op.indicators, `tab-ind-${codeId(op.code)}`),
  });
}

function goalSection(source: ReportSource, op: SourceOperationalObjective, goal: SourceGoal, periodLabel: string): Section {
  const { startYear, endYear } = source.edition;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  const columns: Column[] = [
    { key: 'goal', header: goal.title, type: 'text', width: 5, align: 'left' },
    { key: 'department', header: goal.departmentsHeading ?? 'Settori coinvolti', type: 'department', width: 4, align: 'left' },
    ...years.map((y): Column => ({ key: `y${y}`, header: String(y), type: 'flag', width: 0.6, align: 'center' })),
  ];
  const rows: Row[] = goal.departments.map((d) => ({
    kind: 'data',
    cells: [
      { type: 'empty' },
      // The department as the document printed it; the canonical one is the data (Excel, GraphQL).
      {
        type: 'department',
        name: d.allDepartments ? (d.allDepartmentsLabel ?? d.printedName) : d.printedName || (d.department?.name ?? ''),
        lead: d.lead,
        note: d.note,
      },
      ...years.map((y): Cell => ({ type: 'flag', on: d.years.includes(y) })),
    ],
  }));
  const table: Table = {
    id: `tab-fin-${codeId(op.code)}-${goal.position}`,
    caption: `Finalità ${op.code}.${goal.position}: settori coinvolti e anni di attività`,
    captionVisible: false,
    columns,
    rows,
    repeatHeader: true,
    footnotes: [],
  };
  const blocks: Block[] = [{ kind: 'table', table, keepWithNext: true }, ...markdownToBlocks(goal.description)];
  const status = statusAt(goal, source.period.cutoffDate);
  if (status?.deferredTo) {
    blocks.push(paragraph(status.deferralText ?? `La finalità sarà rendicontata al ${formatDate(status.deferredTo)}`, 'deferral'));
    // A deferred goal may still say what was done so far (7.01.01 finalità 2): never dropped.
    if (status.narrative.trim()) blocks.push(...markdownToBlocks(status.narrative));
  } else if (status && status.narrative.trim()) {
    const asOf = status.asOfLabel && status.asOfLabel.trim() ? status.asOfLabel.trim() : `al ${periodLabel}`;
    blocks.push(paragraph(`Stato di attuazione ${asOf}`, 'label'));
    blocks.push(...markdownToBlocks(status.narrative));
  } else {
    blocks.push(paragraph(`Stato di attuazione al ${periodLabel}`, 'label'));
    blocks.push(paragraph('Stato di attuazione non pervenuto.', 'deferral'));
  }
  return section(`fin-${codeId(op.code)}-${goal.position}`, 'goal', goal.title, { blocks });
}

/** The indicator block of an operational objective; null when it has none. Groups follow groupLabel. */
function indicatorsTable(op: SourceOperationalObjective, indicators: SourceIndicator[], id: string, cutoff: string, periodLabel: string): Table | null {
  if (!indicators.length) return null;
  const rows: Row[] = [];
  let group: string | null = null;
  for (const ind of indicators) {
    if (ind.groupLabel && ind.groupLabel !== group)
      rows.push({ kind: 'group', cells: [{ type: 'text', text: ind.groupLabel, bold: true }, { type: 'empty' }] });
    group = ind.groupLabel;
    rows.push({ kind: 'data', cells: [{ type: 'text', text: ind.name }, resultCell(ind, cutoff)] });
  }
  return {
    id,
    caption: `Indicatori dell’obiettivo operativo ${op.code}_OP: risultati raggiunti al ${periodLabel}`,
    captionVisible: false,
    columns: [
      { key: 'indicator', header: 'Indicatore', type: 'text', width: 1, align: 'left' },
      { key: 'result', header: `Risultato al ${periodLabel}`, type: 'rich', width: 1, align: 'left' },
    ],
    rows,
    repeatHeader: true,
    footnotes: [],
  };
}

function resultCell(ind: SourceIndicator, cutoff: string): Cell {
  const result = resultAt(ind, cutoff);
  if (!result || !result.text.trim()) return { type: 'empty' };
  const blocks = markdownToBlocks(result.text);
  const simple = blocks.length === 1 && blocks[0].kind === 'paragraph' && blocks[0].content.every((r) => !r.bold && !r.italic && !r.link);
  return simple ? { type: 'text', text: result.text.trim() } : { type: 'rich', blocks };
}

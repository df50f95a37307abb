import { computeSpending, EDITION_ACT_ROLE_LABELS } from '@dup/domain/values';
import type { Block, Cell, Column, Inline, ReportCounts, ReportModel, Row, Section, Table } from '../model/report-model';
import { formatDate } from '../model/italian-format';
import { italianNumberWords } from './italian-number-words';
import { markdownToBlocks } from './markdown-blocks';
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
  if (full) {
    chapters.push(chapterOne(source, counts));
    chapters.push(chapterTwo(source));
  }
  chapters.push(chapterThree(source, lines, full ? '3' : '1', periodLabel));
  const spending = spendingTable(source, periodLabel, full);
  if (full) chapters.push(chapterFour(spending, periodLabel));

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
    },
    cover: {
      enteHeading: enteName.toLocaleUpperCase('it-IT'),
      title: edition.title || `Documento Unico di Programmazione ${edition.code}`,
      subtitle: `Stato di attuazione al ${periodLabel}`,
      scopeLine: scoped.label,
      issuingOffice: [enteName, ...plan.ente.issuingOffice],
    },
    runningHeader: `${enteName} – DUP ${edition.code} – Stato di attuazione al ${periodLabel}`,
    tocTitle: 'SOMMARIO',
    counts,
    chapters,
    datasets: buildDatasets(source, lines, counts, spending),
  };
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

function section(id: string, kind: Section['kind'], title: string, opts: Partial<Omit<Section, 'id' | 'kind' | 'title'>> = {}): Section {
  return {
    id,
    kind,
    title,
    tocLabel: opts.tocLabel ?? null,
    inToc: opts.inToc ?? false,
    inOutline: opts.inOutline ?? false,
    pageBreakBefore: opts.pageBreakBefore ?? false,
    blocks: opts.blocks ?? [],
    children: opts.children ?? [],
    trailingBlocks: opts.trailingBlocks ?? [],
  };
}

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

function strategicSection(source: ReportSource, so: SourceStrategicObjective, periodLabel: string): Section {
  const blocks: Block[] = [paragraph(text(so.title, { bold: true }), 'label')];
  for (const m of so.missions) blocks.push(paragraph(missionLabel(m), 'note'));
  if (so.partecipate) blocks.push(paragraph([{ text: 'Società ed enti partecipati coinvolti: ', bold: true }, { text: so.partecipate }]));
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
  const blocks: Block[] = [paragraph(text(op.title, { bold: true }), 'label')];
  if (op.ownerLabel) blocks.push(paragraph([{ text: 'Responsabile politico: ', bold: true }, { text: op.ownerLabel }], 'note'));
  let lastMission: string | null = null;
  for (const p of op.programmes) {
    if (p.mission.code !== lastMission) {
      blocks.push({ kind: 'paragraph', role: 'note', content: text(missionLabel(p.mission), { bold: true }), keepWithNext: true });
      lastMission = p.mission.code;
    }
    blocks.push(paragraph(`Programma ${p.code} ${p.name}`, 'note'));
  }
  blocks.push(paragraph(op.goalsHeading ?? `Finalità da conseguire e stato di attuazione al ${periodLabel}`, 'label'));
  const cutoff = source.period.cutoffDate;
  const indicators = indicatorsTable(op, cutoff, periodLabel);
  return section(`oo-${codeId(op.code)}`, 'operationalObjective', `Obiettivo operativo ${op.code}_OP`, {
    tocLabel: `${op.code}_OP ${op.title}`,
    inOutline: true,
    blocks,
    children: op.goals.map((g) => goalSection(source, op, g, periodLabel)),
    trailingBlocks: indicators ? [paragraph(`Indicatori: risultati raggiunti al ${periodLabel}`, 'label'), { kind: 'table', table: indicators }] : [],
  });
}

function goalSection(source: ReportSource, op: SourceOperationalObjective, goal: SourceGoal, periodLabel: string): Section {
  const { startYear, endYear } = source.edition;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  const columns: Column[] = [
    { key: 'goal', header: goal.title, type: 'text', width: 5, align: 'left' },
    { key: 'department', header: 'Settori coinvolti', type: 'department', width: 4, align: 'left' },
    ...years.map((y): Column => ({ key: `y${y}`, header: String(y), type: 'flag', width: 0.6, align: 'center' })),
  ];
  const rows: Row[] = goal.departments.map((d) => ({
    kind: 'data',
    cells: [
      { type: 'empty' },
      {
        type: 'department',
        name: d.allDepartments ? (d.allDepartmentsLabel ?? d.printedName) : (d.department?.name ?? d.printedName),
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
  const blocks: Block[] = [{ kind: 'table', table }, ...markdownToBlocks(goal.description)];
  const status = statusAt(goal, source.period.cutoffDate);
  if (status?.deferredTo) {
    blocks.push(paragraph(status.deferralText ?? `La finalità sarà rendicontata al ${formatDate(status.deferredTo)}`, 'deferral'));
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
function indicatorsTable(op: SourceOperationalObjective, cutoff: string, periodLabel: string): Table | null {
  if (!op.indicators.length) return null;
  const rows: Row[] = [];
  let group: string | null = null;
  for (const ind of op.indicators) {
    if (ind.groupLabel && ind.groupLabel !== group)
      rows.push({ kind: 'group', cells: [{ type: 'text', text: ind.groupLabel, bold: true }, { type: 'empty' }] });
    group = ind.groupLabel;
    rows.push({ kind: 'data', cells: [{ type: 'text', text: ind.name }, resultCell(ind, cutoff)] });
  }
  return {
    id: `tab-ind-${codeId(op.code)}`,
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

// ---------------------------------------------------------------------------------------------
// Chapter 4
// ---------------------------------------------------------------------------------------------

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

function spendingTable(source: ReportSource, periodLabel: string, full: boolean): Table {
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
      { key: 'mission', header: 'Descrizione Missione', type: 'text', width: 3, align: 'left' },
      { key: 'programme', header: 'Descrizione Programma', type: 'text', width: 3.4, align: 'left' },
      ...AMOUNT_COLUMNS.map((c): Column => ({ key: c.key, header: c.header, type: 'money', width: 1.6, align: 'right' })),
      ...RATIO_COLUMNS.map((c): Column => ({ key: c.key, header: c.header, type: 'ratio', width: 1, align: 'right' })),
    ],
    rows: full ? rows : [],
    repeatHeader: true,
    footnotes,
  };
}

function chapterFour(spending: Table, periodLabel: string): Section {
  const title = `SPESE PER MISSIONI E PROGRAMMI AL ${periodLabel}`;
  return section('cap-4', 'chapter', `4. ${title}`, {
    tocLabel: `4 ${title}`,
    inToc: true,
    inOutline: true,
    pageBreakBefore: true,
    blocks: [{ kind: 'table', table: spending }],
  });
}

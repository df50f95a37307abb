import { DECLARED_STATE_LABELS as DECLARED_STATES, RESULT_STATUS_LABELS as RESULT_STATUSES } from '@dup/domain/values';
import type { Cell, Column, ReportCounts, ReportDatasets, Row, Table } from '../model/report-model';
import { formatDate } from '../model/italian-format';
import type { ReportSource, SourceMandateLine } from './report-source';

const DECLARED_STATE_LABELS: Readonly<Record<string, string>> = DECLARED_STATES;
const RESULT_STATUS_LABELS: Readonly<Record<string, string>> = RESULT_STATUSES;

const txt = (t: string | null | undefined): Cell => (t && t.length ? { type: 'text', text: t } : { type: 'empty' });
const col = (key: string, header: string, type: Column['type'], width: number, align: Column['align'] = 'left'): Column => ({
  key,
  header,
  type,
  width,
  align,
});

function table(id: string, caption: string, columns: Column[], rows: Row[]): Table {
  return { id, caption, captionVisible: true, columns, rows, repeatHeader: true, footnotes: [] };
}

/** The flat tables behind the spreadsheet, one per sheet. */
export function buildDatasets(
  source: ReportSource,
  lines: SourceMandateLine[],
  counts: ReportCounts,
  spending: Table,
  approval: string | null = null,
): ReportDatasets {
  const cutoff = source.period.cutoffDate;
  const periodLabel = formatDate(cutoff);
  const { startYear, endYear } = source.edition;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);

  const summaryRows: [string, Cell][] = [
    ['Ente', txt(source.plan.ente.name)],
    ['Edizione del DUP', txt(source.edition.code)],
    ['Stato di attuazione al', { type: 'date', value: cutoff }],
    // The workbook's counterpart of the cover's approval line, only once the council approved.
    ...(approval ? ([['Approvazione', txt(approval)]] as [string, Cell][]) : []),
    ['Linee di mandato', { type: 'integer', value: counts.mandateLines }],
    ['Indirizzi strategici', { type: 'integer', value: counts.strategicDirections }],
    ['Obiettivi strategici', { type: 'integer', value: counts.strategicObjectives }],
    ['Obiettivi operativi', { type: 'integer', value: counts.operationalObjectives }],
    ['Finalità', { type: 'integer', value: counts.goals }],
    ['Finalità rendicontate', { type: 'integer', value: counts.goalsReported }],
    ['Finalità con rendicontazione rinviata', { type: 'integer', value: counts.goalsDeferred }],
    ['Finalità senza stato di attuazione', { type: 'integer', value: counts.goalsMissing }],
    ['Indicatori', { type: 'integer', value: counts.indicators }],
    ['Indicatori con risultato', { type: 'integer', value: counts.indicatorsReported }],
    ['Indicatori con risultato rinviato', { type: 'integer', value: counts.indicatorsDeferred }],
    ['Indicatori senza risultato', { type: 'integer', value: counts.indicatorsEmpty }],
  ];
  const summary = table(
    'dati-sintesi',
    `Sintesi dello stato di attuazione al ${periodLabel}`,
    [col('item', 'Voce', 'text', 4), col('value', 'Valore', 'text', 2)],
    summaryRows.map(([label, value]) => ({ kind: 'data', cells: [txt(label), value] })),
  );

  const objectiveRows: Row[] = [];
  const goalRows: Row[] = [];
  const indicatorRows: Row[] = [];
  for (const line of lines)
    for (const so of line.strategicObjectives) {
      for (const op of so.operationalObjectives) {
        const programmes = op.programmes.map((p) => `${p.mission.code}.${p.code} ${p.name}`).join('; ');
        objectiveRows.push({
          kind: 'data',
          cells: [
            { type: 'integer', value: line.number },
            txt(`${so.code}_ST`),
            txt(so.title),
            txt(so.missions.map((m) => `Missione ${m.code}${m.name ? ` ${m.name}` : ''}`).join('; ')),
            txt(`${op.code}_OP`),
            txt(op.title),
            txt(op.ownerLabel),
            txt(programmes),
            { type: 'integer', value: op.goals.length },
            { type: 'integer', value: op.indicators.length },
          ],
        });
        for (const goal of op.goals) {
          const status = goal.statusList.find((s) => s.period === cutoff) ?? null;
          const lead = goal.departments.filter((d) => d.lead).map((d) => d.department?.name ?? d.printedName);
          const involved = goal.departments.map((d) => (d.allDepartments ? (d.allDepartmentsLabel ?? d.printedName) : (d.department?.name ?? d.printedName)));
          const state = status?.deferredTo
            ? `Rinviata al ${formatDate(status.deferredTo)}`
            : status?.declaredState
              ? (DECLARED_STATE_LABELS[status.declaredState] ?? status.declaredState)
              : status?.narrative.trim()
                ? 'Rendicontata'
                : 'Non pervenuto';
          goalRows.push({
            kind: 'data',
            cells: [
              txt(`${so.code}_ST`),
              txt(`${op.code}_OP`),
              { type: 'integer', value: goal.position },
              txt(goal.title),
              txt(lead.join('; ')),
              txt(involved.join('; ')),
              ...years.map((y): Cell => ({ type: 'flag', on: goal.departments.some((d) => d.years.includes(y)) })),
              txt(state),
              status?.percentComplete ? { type: 'ratio', value: status.percentComplete, numeratorColumn: '', denominatorColumn: '' } : { type: 'empty' },
              // A deferred goal's narrative (what was done so far) follows its deferral line.
              txt([status?.deferredTo ? (status.deferralText ?? '') : '', status?.narrative ?? ''].filter((t) => t.trim()).join('\n\n')),
            ],
          });
        }
        for (const ind of op.indicators) {
          const result = ind.resultList.find((r) => r.period === cutoff) ?? null;
          const goal = ind.goalPosition ? op.goals.find((g) => g.position === ind.goalPosition) : undefined;
          indicatorRows.push({
            kind: 'data',
            cells: [
              txt(`${op.code}_OP`),
              txt(ind.groupLabel ?? goal?.title ?? null),
              txt(ind.name),
              txt(result?.text ?? null),
              result?.value ? { type: 'number', value: result.value } : { type: 'empty' },
              txt(result?.unit ?? ind.unit),
              txt(RESULT_STATUS_LABELS[result?.status ?? 'EMPTY'] ?? result?.status ?? null),
            ],
          });
        }
      }
    }

  return {
    summary,
    objectives: table(
      'dati-obiettivi',
      'Obiettivi strategici e operativi',
      [
        col('line', 'Linea', 'integer', 0.6, 'right'),
        col('soCode', 'Ob. strategico', 'text', 1),
        col('soTitle', 'Titolo obiettivo strategico', 'text', 4),
        col('missions', 'Missioni', 'text', 3),
        col('opCode', 'Ob. operativo', 'text', 1.2),
        col('opTitle', 'Titolo obiettivo operativo', 'text', 4),
        col('owner', 'Responsabile politico', 'text', 3),
        col('programmes', 'Missioni/Programmi', 'text', 4),
        col('goals', 'Finalità', 'integer', 0.8, 'right'),
        col('indicators', 'Indicatori', 'integer', 0.8, 'right'),
      ],
      objectiveRows,
    ),
    goals: table(
      'dati-finalita',
      `Finalità e stato di attuazione al ${periodLabel}`,
      [
        col('soCode', 'Ob. strategico', 'text', 1),
        col('opCode', 'Ob. operativo', 'text', 1.2),
        col('position', 'N.', 'integer', 0.5, 'right'),
        col('title', 'Finalità', 'text', 5),
        col('lead', 'Capofila', 'text', 3),
        col('departments', 'Settori coinvolti', 'text', 4),
        ...years.map((y) => col(`y${y}`, String(y), 'flag', 0.6, 'center')),
        col('state', 'Stato dichiarato', 'text', 1.6),
        col('percent', '% completamento', 'ratio', 1, 'right'),
        col('narrative', `Stato di attuazione al ${periodLabel}`, 'text', 10),
      ],
      goalRows,
    ),
    indicators: table(
      'dati-indicatori',
      `Indicatori: risultati raggiunti al ${periodLabel}`,
      [
        col('opCode', 'Ob. operativo', 'text', 1.2),
        col('group', 'Finalità o gruppo', 'text', 4),
        col('name', 'Indicatore', 'text', 4),
        col('result', 'Risultato (testo)', 'text', 4),
        col('value', 'Valore', 'number', 1.2, 'right'),
        col('unit', 'Unità', 'text', 1),
        col('status', 'Stato', 'text', 1.4),
      ],
      indicatorRows,
    ),
    spending,
  };
}

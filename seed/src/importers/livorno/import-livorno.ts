/**
 * Importer for Livorno's "DUP 2020-2022 – Stato di attuazione al 30/06/2020" (seed file
 * 003_01b8c9156a238ce3.txt). Pure: text in, dataset and reading notes out.
 */
import { createHash } from 'node:crypto';
import {
  PLAN_DATASET_FORMAT_VERSION,
  type EditionData,
  type GoalData,
  type GoalStatusData,
  type IndicatorData,
  type IndicatorResultData,
  type MandateLineData,
  type OperationalObjectiveData,
  type PlanDataset,
  type PoliticalOwnerData,
  type StrategicObjectiveData,
} from '../../dataset/plan-dataset';
import { parseCouncilSession } from './council-session';
import { buildDepartments, CANONICAL_DEPARTMENTS } from './departments';
import { parseFrontMatter, type FrontMatter } from './front-matter';
import { parseGoal, PERIOD } from './goal-parser';
import { parseIndicatorBlocks } from './indicator-parser';
import { toMarkdown } from './markdown';
import { parseOwner } from './owners';
import { READING_NOTES } from './reading-notes';
import { pageReferencePlaceholders } from './page-references';
import { parseSpending, type PrintedSpendingRow, type SpendingCheck } from './spending-parser';
import { parseBody, type RawBody } from './structure-parser';
import { collapseWhitespace, normaliseSource, plainText, twoDigits } from './text-cleanup';

export const SOURCE_DOCUMENT = '003_01b8c9156a238ce3.txt';
export const IMPORTER_ID = 'seed/importers/livorno@1';

export interface LivornoImport {
  dataset: PlanDataset;
  notes: string[];
  /** Figures proven by the spending verification, for tests and the notes file. */
  spendingCheck: SpendingCheck;
  printedSpending: PrintedSpendingRow[];
}

export function importLivornoDup(sourceText: string): LivornoImport {
  const lines = normaliseSource(sourceText).split('\n');
  const bodyStart = lines.findIndex((l) => /^LINEA DI MANDATO 1$/.test(plainText(l)));
  const chapter4 = lines.findIndex((l) => /^4\.\s*SPESE PER MISSIONI E PROGRAMMI/.test(plainText(l)));
  if (bodyStart < 0 || chapter4 < bodyStart) throw new Error('Document layout: chapter 3 body or chapter 4 not found');

  const front = parseFrontMatter(lines.slice(0, bodyStart));
  const body = parseBody(lines.slice(bodyStart, chapter4), bodyStart + 1);
  const spending = parseSpending(lines.slice(chapter4 + 1), chapter4 + 2, PERIOD);
  const notes: string[] = [...READING_NOTES];
  const councilSession = parseCouncilSession(lines.slice(0, bodyStart), front.acts, front.mandate.mayor, notes);

  const mandateLines = buildMandateLines(body, front, notes);
  const strategicObjectives = buildStrategic(body, front, notes);
  const owners = new Map<string, PoliticalOwnerData>();
  const operationalObjectives = buildOperational(body, front, owners, notes);

  const goals: GoalData[] = [];
  const goalStatuses: GoalStatusData[] = [];
  const indicators: IndicatorData[] = [];
  const indicatorResults: IndicatorResultData[] = [];
  const printedNames: { printed: string; code: string }[] = [];
  const ambiguous: string[] = [];
  for (const op of body.operational) {
    const opGoals = op.goals.map((raw, i) => parseGoal(raw, op.code, i + 1));
    for (const g of opGoals) {
      goals.push(g.goal);
      goalStatuses.push(g.status);
      printedNames.push(...g.departments.printedNames);
      for (const a of g.departments.ambiguousLeads) ambiguous.push(`${op.code} F${g.goal.order} (line ${a.lineNo}): lead = ${a.departmentCode}`);
    }
    const parsed = parseIndicatorBlocks(
      op.code,
      op.indicatorBlocks,
      opGoals.map((g) => g.goal),
    );
    indicators.push(...parsed.indicators);
    indicatorResults.push(...parsed.results);
    notes.push(...parsed.notes);
  }
  const departments = buildDepartments(printedNames);

  notes.push(
    `Capofila rule: a "Capofila" cell without a department name makes the department on the next row the lead. ` +
      `If that row has no year flags it takes the Capofila row's flags (the name was pushed down a row); ` +
      `if it has its own flags the lead is only implied. Implied cases (${ambiguous.length}): ${ambiguous.join('; ')}.`,
  );
  for (const d of departments) {
    if (d.aliases.length > 0) notes.push(`Department ${d.code} "${d.name}" also printed as: ${d.aliases.map((a) => `"${a}"`).join(', ')}.`);
  }
  notes.push(
    `Departments: ${departments.length} real departments (${departments.filter((d) => d.kind === 'DIPARTIMENTO').length} Dipartimento, ` +
      `the Direzione Generale, the rest Settori) plus the "Tutti i settori …" pseudo-entry, kept as rows with allDepartmentsLabel ` +
      `(${goals.flatMap((g) => g.departments).filter((r) => r.allDepartmentsLabel).length} rows): ${departments.length + 1} names in all.`,
  );
  notes.push(
    `Spending: ${spending.check.programmeRows} programme rows stored; ${spending.check.missionTotals} mission totals and ${spending.check.grandTotals} grand total ` +
      `parsed and recomputed with decimal arithmetic; ${spending.check.ratiosChecked} printed ratios checked (${spending.check.ratiosComputable} computed and rounded half-up ` +
      `to 2 decimals, ${spending.check.zeroDenominatorRatios} with a zero denominator printed as 0,00%). No mismatch.`,
  );

  const edition = buildEdition(front);
  const dataset: PlanDataset = {
    formatVersion: PLAN_DATASET_FORMAT_VERSION,
    source: { document: SOURCE_DOCUMENT, sha256: createHash('sha256').update(sourceText, 'utf8').digest('hex'), importer: IMPORTER_ID },
    ente: front.ente,
    acts: front.acts,
    mandate: { ...front.mandate, approvedByActKey: 'CC-122-2019' },
    mandateLines,
    edition,
    departments,
    politicalOwners: [...owners.values()],
    strategicObjectives,
    operationalObjectives,
    goals,
    indicators,
    periods: [{ cutoffDate: PERIOD, kind: 'MID_YEAR', state: 'APPROVED_BY_COUNCIL', notedByActKey: 'GCDEC-253-2020', approvedByActKey: 'CC-195-2020' }],
    goalStatuses,
    indicatorResults,
    spending: spending.rows,
    reportTexts: front.reportTexts.map((t) => ({ ...t, markdown: pageReferencePlaceholders(t.markdown, operationalObjectives, notes) })),
    councilSessions: [councilSession],
  };
  checkReferences(dataset);
  return { dataset, notes, spendingCheck: spending.check, printedSpending: spending.printed };
}

function buildMandateLines(body: RawBody, front: FrontMatter, notes: string[]): MandateLineData[] {
  return body.lines.map((l) => {
    const alternate = front.lineTitles.get(l.number);
    if (!alternate) throw new Error(`Mandate line ${l.number} missing from chapter 1`);
    const title = collapseWhitespace(l.titleParts.join(' '));
    if (alternate.toUpperCase() !== title)
      notes.push(`Mandate line ${l.number}: chapter 3 heading "${title}" differs from chapter 1 "${alternate}" beyond case.`);
    const directions = l.directionLines.map((d) => plainText(d.text).replace(/^[-•]\s+/, '')).filter(Boolean);
    return { number: l.number, title, alternateTitles: [alternate], description: toMarkdown(l.descLines), directions };
  });
}

function alternates(kind: string, code: string, bodyTitle: string, summaryTitle: string | undefined, notes: string[]): string[] {
  if (summaryTitle === undefined) throw new Error(`${kind} ${code} missing from the summary table`);
  if (summaryTitle === bodyTitle) return [];
  notes.push(`Title alias ${kind} ${code}: body "${bodyTitle}" is the title; summary table "${summaryTitle}" kept as alternate.`);
  return [summaryTitle];
}

function buildStrategic(body: RawBody, front: FrontMatter, notes: string[]): StrategicObjectiveData[] {
  const out: StrategicObjectiveData[] = body.strategic.map((s) => {
    const title = collapseWhitespace(s.titleParts.join(' '));
    const partecipate = s.partecipateParts.length > 0 ? collapseWhitespace(s.partecipateParts.join(' ')) : undefined;
    return {
      code: s.code,
      lineNumber: s.lineNumber,
      title,
      alternateTitles: alternates('SO', s.code, title, front.summary.strategic.get(s.code), notes),
      description: toMarkdown(s.descLines),
      missions: [...new Set(s.missions.map((m) => twoDigits(m.code)))],
      ...(partecipate ? { partecipate } : {}),
    };
  });
  const ng = front.nextGeneration;
  out.splice(
    out.findIndex((s) => s.lineNumber > 1),
    0,
    {
      code: ng.soCode,
      lineNumber: 1,
      title: ng.soTitle,
      alternateTitles: [],
      description: ng.description,
      missions: [],
      introducedByActKey: 'CC-163-2020',
    },
  );
  return out;
}

function buildOperational(body: RawBody, front: FrontMatter, owners: Map<string, PoliticalOwnerData>, notes: string[]): OperationalObjectiveData[] {
  const out: OperationalObjectiveData[] = body.operational.map((o) => {
    const title = collapseWhitespace(o.titleParts.join(' '));
    const ownerLabel = collapseWhitespace(o.ownerParts.join(' '));
    const parsedOwners = parseOwner(ownerLabel);
    for (const p of parsedOwners) if (!owners.has(p.key)) owners.set(p.key, p);
    const standardHeading = 'Finalità da conseguire e stato di attuazione al 30/06/2020';
    if (o.goalsHeading === undefined) throw new Error(`OP ${o.code}: no finalità heading`);
    return {
      code: o.code,
      strategicCode: o.strategicCode,
      title,
      alternateTitles: alternates('OP', o.code, title, front.summary.operational.get(o.code), notes),
      ownerKeys: parsedOwners.map((p) => p.key),
      ownerLabel,
      programmes: o.programmes.map((p) => ({ mission: twoDigits(p.mission), programme: twoDigits(p.programme) })),
      ...(o.goalsHeading !== standardHeading ? { goalsHeading: o.goalsHeading } : {}),
      ...(o.code === '9.02.22' ? { introducedByActKey: 'CC-103-2020' } : {}),
    };
  });
  const ng = front.nextGeneration;
  const at = out.findIndex((o) => o.strategicCode.startsWith('2.'));
  out.splice(at, 0, {
    code: ng.opCode,
    strategicCode: ng.soCode,
    title: ng.opTitle,
    alternateTitles: [],
    ownerKeys: [],
    ownerLabel: '',
    programmes: [],
    introducedByActKey: 'CC-163-2020',
  });
  return out;
}

function buildEdition(front: FrontMatter): EditionData {
  return {
    code: '2020-2022',
    title: 'Documento Unico di Programmazione 2020-2022',
    startYear: 2020,
    endYear: 2022,
    acts: [
      { actKey: 'GC-794-2019', role: 'DRAFT' },
      { actKey: 'CC-225-2019', role: 'APPROVAL' },
      { actKey: 'CC-100-2020', role: 'REAPPROVAL', note: "Nuova approvazione in ottemperanza all'Ordinanza del TAR Toscana del 22.04.2020" },
      { actKey: 'CC-65-2020', role: 'POLICY', note: 'Atto di indirizzo per Riparti Livorno' },
      { actKey: 'CC-103-2020', role: 'OTHER', note: 'Amendment: adds OP 9.02.22 Riparti Livorno' },
      { actKey: 'GC-175-2020', role: 'OTHER', note: 'Macrostructure change reflected in the departments of the finalità' },
      { actKey: 'CC-163-2020', role: 'OTHER', note: 'Amendment: adds SO 1.06 and OP 1.06.01; changes departments' },
      { actKey: 'GCDEC-253-2020', role: 'STATUS_REPORT_NOTE' },
      { actKey: 'CC-195-2020', role: 'STATUS_REPORT_APPROVAL' },
    ],
    amendments: [
      {
        actKey: 'CC-103-2020',
        effectiveDate: '2020-06-29',
        description: front.ripartiLivornoNote,
        addsStrategicObjectives: [],
        addsOperationalObjectives: ['9.02.22'],
      },
      {
        actKey: 'CC-163-2020',
        effectiveDate: '2020-09-30',
        description: front.nextGeneration.description,
        addsStrategicObjectives: [front.nextGeneration.soCode],
        addsOperationalObjectives: [front.nextGeneration.opCode],
      },
    ],
  };
}

/** Every natural-key reference must resolve inside the dataset. */
function checkReferences(d: PlanDataset): void {
  const acts = new Set(d.acts.map((a) => a.key));
  const so = new Set(d.strategicObjectives.map((s) => s.code));
  const op = new Set(d.operationalObjectives.map((o) => o.code));
  const owners = new Set(d.politicalOwners.map((o) => o.key));
  const depts = new Set(d.departments.map((x) => x.code));
  const refs: [string, boolean][] = [
    ['mandate act', acts.has(d.mandate.approvedByActKey)],
    ['edition acts', d.edition.acts.every((a) => acts.has(a.actKey))],
    ['amendment acts', d.edition.amendments.every((a) => acts.has(a.actKey))],
    ['SO introducing acts', d.strategicObjectives.every((s) => !s.introducedByActKey || acts.has(s.introducedByActKey))],
    ['OP strategic codes', d.operationalObjectives.every((o) => so.has(o.strategicCode))],
    ['OP owners', d.operationalObjectives.every((o) => o.ownerKeys.every((k) => owners.has(k)))],
    ['goal OPs', d.goals.every((g) => op.has(g.opCode))],
    ['goal departments', d.goals.every((g) => g.departments.every((r) => (r.departmentCode ? depts.has(r.departmentCode) : r.allDepartmentsLabel)))],
    ['indicator OPs', d.indicators.every((i) => op.has(i.opCode))],
    ['council session acts', (d.councilSessions ?? []).every((s) => acts.has(s.actKey))],
    ['department codes known', d.departments.every((x) => CANONICAL_DEPARTMENTS.some((c) => c.code === x.code))],
  ];
  const broken = refs.filter(([, ok]) => !ok).map(([what]) => what);
  if (broken.length > 0) throw new Error(`Dataset references do not resolve: ${broken.join(', ')}`);
}

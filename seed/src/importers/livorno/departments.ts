/**
 * The "Settori coinvolti" rows of a finalità: canonical departments, spelling variants, the
 * capofila (lead) marker and the per-row year flags.
 */
import type { DepartmentData, DepartmentKind, GoalDepartmentData } from '../../dataset/plan-dataset';
import type { SourceLine } from './source-lines';
import { collapseWhitespace, plainText } from './text-cleanup';

interface CanonicalDepartment {
  code: string;
  name: string;
  kind: DepartmentKind;
  /** Extra matching keys for variants that differ by more than case and punctuation. */
  variants?: string[];
}

/** Canonical names as in the seed analysis (§4), in its order (by number of assignments). */
export const CANONICAL_DEPARTMENTS: readonly CanonicalDepartment[] = [
  { code: 'POL_SOC', name: 'Politiche sociali e socio-sanitarie', kind: 'SETTORE', variants: ['Politiche sociali e sociosanitarie'] },
  { code: 'AMB_MOB', name: 'Ambiente e mobilità', kind: 'SETTORE' },
  { code: 'SVIL_ECO', name: 'Sviluppo economico, turismo, Sportello Europa', kind: 'SETTORE' },
  { code: 'INFR_SPAZI', name: 'Infrastrutture e spazi urbani', kind: 'SETTORE' },
  { code: 'PART_LAV_PORTO', name: 'Società partecipate, lavoro e porto', kind: 'SETTORE', variants: ['Società partecipate, lavoro, porto'] },
  { code: 'CULT_MUSEI', name: 'Attività culturali, musei e fondazioni', kind: 'SETTORE' },
  { code: 'SVM', name: 'Sviluppo, valorizzazione e manutenzioni', kind: 'SETTORE', variants: ['Sviluppo, valorizzazione e manutenzione'] },
  { code: 'ISTR_GIOV', name: 'Istruzione e politiche giovanili', kind: 'SETTORE', variants: ['Istruzione e politiche giovani'] },
  { code: 'IND_ORG_CTRL', name: 'Indirizzo, organizzazione e controllo', kind: 'SETTORE' },
  { code: 'DIR_GEN', name: 'Direzione Generale', kind: 'DIREZIONE' },
  { code: 'SIST_INF', name: 'Sistemi informativi', kind: 'SETTORE' },
  { code: 'URB_PROG', name: 'Urbanistica e programmi complessi', kind: 'SETTORE' },
  { code: 'POL_MUN', name: 'Polizia Municipale', kind: 'SETTORE' },
  { code: 'ENTR_PATR', name: 'Entrate e patrimonio', kind: 'SETTORE' },
  { code: 'SPORT_DEM', name: 'Sport e demanio', kind: 'SETTORE' },
  { code: 'EDIL_SUAP', name: 'Edilizia privata e SUAP', kind: 'SETTORE' },
  { code: 'IMP_TEC', name: 'Impianti tecnologici', kind: 'SETTORE' },
  { code: 'SEGR_GEN', name: 'Segreteria Generale', kind: 'SETTORE' },
  // Printed once as two rows, "Contratti" and "Provveditorato economato" (9.02.10 F1).
  { code: 'CONTR_PROVV', name: 'Contratti, provveditorato, economato', kind: 'SETTORE', variants: ['Contratti Provveditorato economato'] },
  { code: 'ANAGR_DEMO', name: 'Anagrafe e demografici', kind: 'SETTORE' },
  { code: 'SERV_FIN', name: 'Servizi finanziari', kind: 'SETTORE' },
  { code: 'AVV_CIV', name: 'Avvocatura civica', kind: 'SETTORE' },
  { code: 'DIP_LLPP', name: 'Dipartimento lavori pubblici e assetto del territorio', kind: 'DIPARTIMENTO' },
];

const ALL_DEPARTMENTS = /^Tutti i settori\b/i;

function matchKey(name: string): string {
  return collapseWhitespace(name.toLowerCase().replace(/[,\-–]/g, ' '));
}

const BY_KEY = new Map<string, CanonicalDepartment>();
for (const d of CANONICAL_DEPARTMENTS) {
  for (const n of [d.name, ...(d.variants ?? [])]) BY_KEY.set(matchKey(n), d);
}

export function resolveDepartment(printed: string): CanonicalDepartment | undefined {
  return BY_KEY.get(matchKey(printed));
}

/** A row as laid out in the grid: annotation | name | 2020 | 2021 | 2022 (possibly shifted left). */
interface GridRow {
  lineNo: number;
  note?: string;
  name: string;
  years: number[];
}

const YEARS = [2020, 2021, 2022];

function yearFlags(cells: string[], lineNo: number): number[] | undefined {
  const flags = cells.slice(0, 3).map((c) => c.trim());
  while (flags.length < 3) flags.push('');
  if (!flags.every((f) => f === '' || f === '•')) return undefined;
  if (cells.slice(3).some((c) => c.trim() !== '')) throw new Error(`Line ${lineNo}: unexpected cells after year flags`);
  return YEARS.filter((_, i) => flags[i] === '•');
}

/** Reads one physical row of the departments grid; undefined when the line is not a department row. */
export function readGridRow(line: SourceLine): GridRow | undefined {
  if (line.textRow) {
    const name = plainText(line.text);
    return isDepartmentWording(name) ? { lineNo: line.lineNo, name, years: [] } : undefined;
  }
  const cells = line.cells;
  if (!cells) return undefined;
  const plainCells = cells.map((c) => plainText(c));
  if (plainCells[0] === '' && plainCells[1] !== '') {
    const years = yearFlags(plainCells.slice(2), line.lineNo);
    return years ? { lineNo: line.lineNo, name: plainCells[1], years } : undefined;
  }
  if (plainCells[0] !== '' && plainCells.length >= 5 && yearFlags(plainCells.slice(2), line.lineNo) && !yearFlags(plainCells.slice(1, 4), line.lineNo)) {
    // 1.05.01: an annotation in the first column, the department in the second.
    return { lineNo: line.lineNo, note: plainCells[0], name: plainCells[1], years: yearFlags(plainCells.slice(2), line.lineNo) ?? [] };
  }
  if (plainCells[0] !== '') {
    // Row shifted one column left, with a trailing empty cell.
    const years = yearFlags(plainCells.slice(1), line.lineNo);
    return years && isDepartmentWording(plainCells[0]) ? { lineNo: line.lineNo, name: plainCells[0], years } : undefined;
  }
  return undefined;
}

function isDepartmentWording(name: string): boolean {
  const bare = name.replace(/^Capofila\b\s*/, '');
  return bare === '' || ALL_DEPARTMENTS.test(bare) || splitMergedCell(bare) !== undefined || matchKey(bare) === 'contratti';
}

/** Splits a cell that lists several departments separated only by spaces (2.01.02 F1). */
function splitMergedCell(text: string): string[] | undefined {
  const words = text.split(' ');
  const parts: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = words.length;
    while (end > start && !resolveDepartment(words.slice(start, end).join(' '))) end--;
    if (end === start) return undefined;
    parts.push(words.slice(start, end).join(' '));
    start = end;
  }
  return parts;
}

export interface AmbiguousLead {
  lineNo: number;
  departmentCode: string;
}

export interface DepartmentRowsResult {
  rows: GoalDepartmentData[];
  ambiguousLeads: AmbiguousLead[];
  /** Printed wording → canonical code, for the alias report. */
  printedNames: { printed: string; code: string }[];
}

/**
 * Interprets the grid rows of one finalità.
 *
 * Capofila rule: a "Capofila" cell with no department name marks the department on the next row
 * as lead. When the next row has empty year cells it inherits the capofila row's flags (the name
 * was pushed to the next row); when it has its own flags the lead is only implied — the same rule
 * applies and the case is reported as ambiguous.
 */
export function interpretDepartmentRows(grid: GridRow[]): DepartmentRowsResult {
  const rows: GoalDepartmentData[] = [];
  const ambiguousLeads: AmbiguousLead[] = [];
  const printedNames: { printed: string; code: string }[] = [];
  let pendingLead: GridRow | undefined;
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    const leadMatch = /^Capofila\b\s*(.*)$/.exec(row.name);
    let name = leadMatch ? leadMatch[1] : row.name;
    let lead = leadMatch !== null;
    if (lead && name === '') {
      if (pendingLead) throw new Error(`Line ${row.lineNo}: two Capofila rows in a row`);
      pendingLead = row;
      continue;
    }
    let years = row.years;
    let ambiguous = false;
    if (pendingLead) {
      lead = true;
      if (years.length === 0) years = pendingLead.years;
      else ambiguous = true;
      pendingLead = undefined;
    }
    let printedName = name;
    if (matchKey(name) === 'contratti' && grid[i + 1] && matchKey(grid[i + 1].name) === 'provveditorato economato') {
      printedName = `${name} ${grid[i + 1].name}`;
      name = printedName;
      i++;
    }
    const note = row.note ? { note: row.note } : {};
    if (ALL_DEPARTMENTS.test(name)) {
      rows.push({ allDepartmentsLabel: name, printedName, lead, years: [...years], ...note });
      continue;
    }
    const parts = splitMergedCell(name);
    if (!parts) throw new Error(`Line ${row.lineNo}: unknown department "${name}"`);
    parts.forEach((part, k) => {
      const dept = resolveDepartment(part);
      if (!dept) throw new Error(`Line ${row.lineNo}: unknown department "${part}"`);
      // In a merged cell only the first name follows the Capofila marker.
      const isLead = lead && k === 0;
      rows.push({ departmentCode: dept.code, printedName: part, lead: isLead, years: [...years], ...note });
      printedNames.push({ printed: part, code: dept.code });
      if (ambiguous && isLead) ambiguousLeads.push({ lineNo: row.lineNo, departmentCode: dept.code });
    });
  }
  if (pendingLead) throw new Error(`Line ${pendingLead.lineNo}: Capofila row without a department after it`);
  return { rows, ambiguousLeads, printedNames };
}

/** Builds the department records: canonical name plus every other wording seen, verbatim. */
export function buildDepartments(printedNames: { printed: string; code: string }[]): DepartmentData[] {
  const used = new Set(printedNames.map((p) => p.code));
  return CANONICAL_DEPARTMENTS.filter((d) => used.has(d.code)).map((d) => {
    const aliases = [...new Set(printedNames.filter((p) => p.code === d.code && p.printed !== d.name).map((p) => p.printed))].sort();
    return { code: d.code, name: d.name, kind: d.kind, aliases };
  });
}

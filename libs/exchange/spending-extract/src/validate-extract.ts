import type { SpendingFigures } from '@dup/domain';
import { parseAmount, type AmountProblem } from './italian-amount';
import type { RawCell, RawTable } from './read-extract-file';
import { AMOUNT_COLUMNS, columnLetter, EXTRACT_COLUMNS, normaliseHeading, type ExtractColumn } from './spending-columns';

/** One problem of an extract, located so the user can fix the file from the report alone. */
export interface ExtractProblem {
  /** Row number in the file (1 = headings); null for a problem of the whole file. */
  row: number | null;
  /** Column letter (A, B, …); null when the problem is not in one cell. */
  column: string | null;
  /** Heading of the column concerned. */
  field: string | null;
  /** Stable code, e.g. AMOUNT_INVALID. */
  code: string;
  /** Italian message, with the value found. */
  message: string;
}

/** The national Missioni/Programmi catalogue as loaded in the database, by `MM.PP`. */
export interface Catalogue {
  programmes: ReadonlyMap<string, { missionName: string | null; programmeName: string }>;
}

export interface ValidatedExtract {
  figures: (SpendingFigures & { row: number })[];
  problems: ExtractProblem[];
}

const AMOUNT_MESSAGES: Record<AmountProblem, (value: string) => string> = {
  AMOUNT_MISSING: () => "Importo mancante: indicare l'importo (anche 0,00). Lasciare vuoti tutti e cinque gli importi solo per un programma senza dati.",
  AMOUNT_INVALID: (v) => `Importo non valido "${v}": scrivere il numero in formato italiano, es. 1.234.567,89.`,
  AMOUNT_NEGATIVE: (v) => `Importo negativo "${v}": gli importi della spesa non possono essere negativi.`,
  AMOUNT_TOO_PRECISE: (v) => `Importo "${v}" con più di due decimali: gli importi sono in euro e centesimi.`,
  AMOUNT_TOO_LARGE: (v) => `Importo "${v}" troppo grande: il massimo è 9.999.999.999.999,99.`,
};

const shown = (cell: RawCell) => (cell === null ? '' : typeof cell === 'object' ? `=${cell.formula}` : String(cell).trim());

/**
 * Checks every row of an extract against the catalogue: codes, five exact non-negative amounts,
 * each programme once. Pure: the same table and catalogue always give the same answer. A row
 * with codes and all five amounts empty is a programme without figures (as the template lists
 * the whole catalogue) and is left out.
 */
export function validateExtract(table: RawTable, catalogue: Catalogue): ValidatedExtract {
  const problems: ExtractProblem[] = [];
  const [header, ...data] = table.rows;
  if (!header) return { figures: [], problems: [{ row: null, column: null, field: null, code: 'FILE_EMPTY', message: 'Il file non contiene righe.' }] };

  const index = new Map<ExtractColumn['key'], number>();
  header.cells.forEach((cell, i) => {
    const heading = normaliseHeading(shown(cell));
    const column = EXTRACT_COLUMNS.find((c) => normaliseHeading(c.header) === heading || c.aliases.includes(heading));
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  for (const column of EXTRACT_COLUMNS.filter((c) => c.required && !index.has(c.key))) {
    problems.push({
      row: header.rowNumber,
      column: null,
      field: column.header,
      code: 'HEADER_MISSING',
      message: `Manca la colonna "${column.header}" nella riga di intestazione: usare il modello scaricato dal servizio.`,
    });
  }
  if (problems.length) return { figures: [], problems };

  const figures: ValidatedExtract['figures'] = [];
  const firstRowOf = new Map<string, number>();
  const at = (key: ExtractColumn['key']) => index.get(key)!;
  const headerOf = (key: ExtractColumn['key']) => EXTRACT_COLUMNS.find((c) => c.key === key)!.header;
  for (const row of data) {
    const cell = (key: ExtractColumn['key']) => row.cells[at(key)] ?? null;
    const problem = (key: ExtractColumn['key'], code: string, message: string) =>
      problems.push({ row: row.rowNumber, column: columnLetter(at(key)), field: headerOf(key), code, message });
    const before = problems.length;
    for (const column of EXTRACT_COLUMNS.filter((c) => index.has(c.key))) {
      const value = cell(column.key);
      if (value !== null && typeof value === 'object')
        problem(column.key, 'CELL_FORMULA', `La cella contiene una formula (${shown(value)}): inserire il valore, non la formula.`);
    }
    if (problems.length > before) continue;
    // A catalogue programme left without figures (or a blank line): not part of the extract.
    if (AMOUNT_COLUMNS.every((c) => shown(cell(c.key)) === '')) continue;
    const programmeId = programmeIdOf(cell('missionCode'), cell('programmeCode'), problem);
    if (programmeId && !catalogue.programmes.has(programmeId)) {
      const mission = programmeId.slice(0, 2);
      const known = [...catalogue.programmes.keys()].some((id) => id.startsWith(`${mission}.`));
      if (known) problem('programmeCode', 'PROGRAMME_UNKNOWN', `Il programma ${programmeId} non è nel catalogo nazionale di Missioni e Programmi.`);
      else problem('missionCode', 'MISSION_UNKNOWN', `La missione ${mission} non è nel catalogo nazionale di Missioni e Programmi.`);
    }
    const amounts: Record<string, string> = {};
    for (const column of AMOUNT_COLUMNS) {
      const raw = cell(column.key) as string | number | null;
      const parsed = parseAmount(raw);
      if (parsed.ok) amounts[column.key] = parsed.value;
      else problem(column.key, parsed.code, AMOUNT_MESSAGES[parsed.code](shown(raw)));
    }
    if (!programmeId || problems.length > before) continue;
    const first = firstRowOf.get(programmeId);
    if (first !== undefined) {
      problem('programmeCode', 'PROGRAMME_DUPLICATE', `Il programma ${programmeId} compare già alla riga ${first}: ogni programma va indicato una sola volta.`);
      continue;
    }
    firstRowOf.set(programmeId, row.rowNumber);
    figures.push({ row: row.rowNumber, programmeId, amounts: amounts as unknown as SpendingFigures['amounts'] });
  }
  if (!problems.length && !figures.length) {
    problems.push({ row: null, column: null, field: null, code: 'FILE_EMPTY', message: 'Il file non contiene importi: compilare almeno un programma.' });
  }
  return { figures: problems.length ? [] : figures, problems };
}

/**
 * `MM.PP` from the two code cells. The programme cell may hold the programme alone (`6`, `06`)
 * or the compound code (`01.06`, `0106`, `01-06`) as accounting systems write it; then its
 * mission must agree with the mission cell.
 */
function programmeIdOf(
  missionCell: RawCell,
  programmeCell: RawCell,
  problem: (key: 'missionCode' | 'programmeCode', code: string, message: string) => void,
): string | null {
  const missionText = shown(missionCell);
  const programmeText = shown(programmeCell);
  const mission = /^\d{1,2}$/.test(missionText) ? missionText.padStart(2, '0') : null;
  if (!mission)
    problem(
      'missionCode',
      missionText ? 'CODE_INVALID' : 'CODE_MISSING',
      missionText ? `Codice missione non valido "${missionText}": due cifre, es. 01.` : 'Codice missione mancante.',
    );
  const simple = /^\d{1,2}$/.exec(programmeText);
  const compound = /^(\d{2})[.\-/]?(\d{2})$/.exec(programmeText);
  if (!simple && !compound) {
    problem(
      'programmeCode',
      programmeText ? 'CODE_INVALID' : 'CODE_MISSING',
      programmeText ? `Codice programma non valido "${programmeText}": due cifre (es. 06) o codice completo (es. 01.06).` : 'Codice programma mancante.',
    );
    return null;
  }
  if (!mission) return null;
  if (compound && compound[1] !== mission) {
    problem('programmeCode', 'CODE_MISMATCH', `Il programma ${compound[1]}.${compound[2]} non appartiene alla missione ${mission} indicata nella riga.`);
    return null;
  }
  return `${mission}.${simple ? programmeText.padStart(2, '0') : compound![2]}`;
}

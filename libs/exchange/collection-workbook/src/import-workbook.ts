import { DeclaredState, ResultStatus } from '@dup/domain';
import { DomainError, type ErrorCode } from '@dup/graphql-kit';
import { addGoalContribution, setGoalStatus, recordIndicatorResult, type WriteContext } from '@dup/plan-write';
import { loadCollectionSources, type CollectionSource } from './collection-source';
import { rejection, type ImportProblem } from './import-problems';
import { readCollectionWorkbook, type InputCell, type ParsedRow, type ParsedWorkbook } from './read-workbook';
import { fingerprintValue } from './write-workbook';
import { inputsFingerprint, isoFromItalian, RESULT_STATUS_BY_LABEL, SHEETS, STATE_BY_LABEL, structureChecksum } from './workbook-format';

export interface CollectionImportResult {
  department: string;
  period: string;
  /** Rows written (each through its service: a new version and an audit row). */
  written: number;
  /** Rows whose values equal what the database holds, or that were not touched: nothing written. */
  unchanged: number;
}

type Write = { problemAt: { sheet: string; cell: string }; run: (ctx: WriteContext) => Promise<unknown> };

const text = (c: InputCell | undefined) => (c?.value == null ? null : String(c.value).trim() || null);
const fingerprintOf = (row: ParsedRow) => inputsFingerprint(Object.values(row.inputs).map((c) => fingerprintValue(c.value)));

/** A percent or value cell as a decimal string: numbers as typed, text in Italian form (1.234,5). */
function decimalOf(c: InputCell, problems: ImportProblem[], sheet: string, field: string, scale: number): string | null {
  if (c.value == null || c.value === '') return null;
  let s: string;
  if (typeof c.value === 'number') s = Number.isFinite(c.value) ? String(Number(c.value.toFixed(scale))) : 'x';
  else
    s = c.value
      .trim()
      .replace(/\.(?=\d{3}(\D|$))/g, '')
      .replace(',', '.');
  if (!new RegExp(`^-?\\d{1,16}(\\.\\d{1,${scale}})?$`).test(s)) {
    problems.push({
      sheet,
      cell: c.address,
      field,
      code: 'NOT_A_NUMBER',
      message: `Indicare un numero (al massimo ${scale} decimali, con la virgola), non "${String(c.value).slice(0, 40)}".`,
    });
    return null;
  }
  return s;
}

function deferralOf(c: InputCell, later: readonly string[], problems: ImportProblem[], sheet: string): string | null {
  const t = text(c);
  if (!t) return null;
  const iso = isoFromItalian(t);
  if (!iso || !later.includes(iso)) {
    problems.push({
      sheet,
      cell: c.address,
      field: 'rinvio',
      code: 'NOT_IN_LIST',
      message: `Scadenza di rinvio non valida: scegliere una data dell'elenco (es. ${later
        .slice(0, 2)
        .map((d) => d.split('-').reverse().join('/'))
        .join(', ')}).`,
    });
    return null;
  }
  return iso;
}

const scaled = (v: string | null | undefined, scale: number) => (v == null ? null : Number(v).toFixed(scale));

/** Checks the workbook belongs to this source: ente, edition, period, department, checksum and ids. */
function checkIdentity(wb: ParsedWorkbook, s: CollectionSource): void {
  const m = wb.meta;
  const file = (reason: Parameters<typeof rejection>[0], message: string) =>
    rejection(reason, message, [{ sheet: null, cell: null, field: null, code: reason, message }]);
  if (m.enteId !== s.ente.id) throw file('OTHER_ENTE', 'La cartella è di un altro ente: caricare la cartella scaricata per il proprio ente.');
  if (m.editionId !== s.edition.id) throw file('OTHER_EDITION', `La cartella è dell'edizione ${m.editionCode} del DUP, non della ${s.edition.code}.`);
  if (m.periodId !== s.period.id || m.period !== s.period.cutoffDate)
    throw file('OTHER_PERIOD', `La cartella è del periodo al ${m.period.split('-').reverse().join('/')}, non di quello scelto.`);
  if (m.departmentId !== s.department.id)
    throw file('OTHER_DEPARTMENT', `La cartella è del settore ${m.departmentCode}, non del settore ${s.department.code}.`);
  const identities = [...wb.lead, ...wb.involved, ...wb.indicators].map((r) => ({ sheet: r.sheet, row: r.row, id: r.id }));
  const { checksum, exportedAt, ...base } = m;
  void exportedAt;
  if (structureChecksum(base, identities) !== checksum) {
    throw file(
      'STRUCTURE_CHANGED',
      'Righe o identificativi nascosti della cartella sono stati modificati (somma di controllo diversa): scaricare di nuovo la cartella.',
    );
  }
}

/** Validates every row and plans the writes of the rows that change something; conflicts and invalid cells become problems. */
export function planImport(wb: ParsedWorkbook, s: CollectionSource, problems: ImportProblem[]): { writes: Write[]; unchanged: number } {
  const writes: Write[] = [];
  let unchanged = 0;
  const period = s.period.cutoffDate;
  const conflict = (row: ParsedRow, current: number | null) =>
    problems.push({
      sheet: row.sheet,
      cell: Object.values(row.inputs)[0].address,
      field: null,
      code: 'CONFLICT',
      message: `Riga modificata sul sito dopo lo scaricamento (versione ${current ?? 'nessuna'} invece di ${row.version ?? 'nessuna'}): scaricare di nuovo la cartella.`,
    });
  const gone = (row: ParsedRow) =>
    problems.push({
      sheet: row.sheet,
      cell: Object.values(row.inputs)[0].address,
      field: null,
      code: 'NOT_ASSIGNED',
      message: 'Questa riga non è più assegnata al settore nel periodo: scaricare di nuovo la cartella.',
    });

  /** The rows someone changed since the export whose id still belongs to the department; counts the others. */
  function* touched<T>(rows: ParsedRow[], byId: Map<string, T>): Generator<[ParsedRow, T]> {
    for (const row of rows) {
      const item = byId.get(row.id);
      if (fingerprintOf(row) === row.fingerprint) unchanged += 1;
      else if (!item) gone(row);
      else yield [row, item];
    }
  }

  const leadById = new Map(s.lead.map((g) => [g.goalId, g]));
  for (const [row, goal] of touched(wb.lead, leadById)) {
    const before = problems.length;
    const narrative = text(row.inputs['narrativa']);
    const stateLabel = text(row.inputs['stato']);
    const declaredState = stateLabel ? STATE_BY_LABEL.get(stateLabel) : undefined;
    if (stateLabel && !declaredState)
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['stato'].address,
        field: 'stato',
        code: 'NOT_IN_LIST',
        message: `Stato "${stateLabel.slice(0, 40)}" non previsto: scegliere un valore dell'elenco.`,
      });
    const percent = decimalOf(row.inputs['percentuale'], problems, row.sheet, 'percentuale', 2);
    if (percent != null && (Number(percent) < 0 || Number(percent) > 100))
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['percentuale'].address,
        field: 'percentuale',
        code: 'OUT_OF_RANGE',
        message: 'La percentuale va da 0 a 100.',
      });
    const deferredTo = deferralOf(row.inputs['rinvio'], s.laterCutoffs, problems, row.sheet);
    for (const [key, c] of Object.entries(row.inputs))
      if (c.formula) problems.push({ sheet: row.sheet, cell: c.address, field: key, code: 'FORMULA', message: 'Formula non ammessa: scrivere il valore.' });
    if (!narrative && !stateLabel && percent == null && !deferredTo) {
      unchanged += 1;
      continue;
    }
    if (!stateLabel)
      problems.push({ sheet: row.sheet, cell: row.inputs['stato'].address, field: 'stato', code: 'REQUIRED', message: 'Scegliere lo stato della finalità.' });
    if (!narrative && declaredState !== DeclaredState.DEFERRED)
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['narrativa'].address,
        field: 'narrativa',
        code: 'REQUIRED',
        message: 'Scrivere lo stato di attuazione.',
      });
    if (deferredTo && declaredState !== DeclaredState.DEFERRED)
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['rinvio'].address,
        field: 'rinvio',
        code: 'DEFERRAL',
        message: 'Una scadenza di rinvio va con lo stato "Rinviata".',
      });
    if (!deferredTo && declaredState === DeclaredState.DEFERRED)
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['rinvio'].address,
        field: 'rinvio',
        code: 'REQUIRED',
        message: 'Per una finalità rinviata scegliere la scadenza a cui è rinviata.',
      });
    if (problems.length > before || !declaredState) continue;
    const cur = goal.current;
    if (
      cur &&
      cur.narrative === (narrative ?? '') &&
      cur.declaredState === declaredState &&
      scaled(cur.percentComplete, 2) === scaled(percent, 2) &&
      (cur.deferredTo ?? null) === deferredTo
    ) {
      unchanged += 1;
      continue;
    }
    if ((cur?.version ?? null) !== row.version) {
      conflict(row, cur?.version ?? null);
      continue;
    }
    writes.push({
      problemAt: { sheet: row.sheet, cell: row.inputs['narrativa'].address },
      run: (ctx) =>
        setGoalStatus(ctx, {
          goalId: row.id,
          period,
          expectedVersion: row.version,
          narrative: narrative ?? '',
          declaredState,
          percentComplete: percent,
          deferredTo,
          asOfLabel: cur?.asOfLabel ?? null,
          deferralText: cur && cur.deferredTo === deferredTo ? cur.deferralText : null,
        }),
    });
  }

  const involvedById = new Map(s.involved.map((g) => [g.goalId, g]));
  for (const [row, goal] of touched(wb.involved, involvedById)) {
    const c = row.inputs['contributo'];
    if (c.formula) {
      problems.push({ sheet: row.sheet, cell: c.address, field: 'contributo', code: 'FORMULA', message: 'Formula non ammessa: scrivere il testo.' });
      continue;
    }
    const body = text(c);
    if (!body || body === goal.current?.text) {
      unchanged += 1;
      continue;
    }
    if ((goal.current?.version ?? null) !== row.version) {
      conflict(row, goal.current?.version ?? null);
      continue;
    }
    writes.push({
      problemAt: { sheet: row.sheet, cell: c.address },
      run: (ctx) => addGoalContribution(ctx, { goalId: row.id, period, departmentCode: s.department.code, text: body, expectedVersion: row.version }),
    });
  }

  const indicatorById = new Map(s.indicators.map((i) => [i.indicatorId, i]));
  for (const [row, indicator] of touched(wb.indicators, indicatorById)) {
    const before = problems.length;
    for (const [key, c] of Object.entries(row.inputs))
      if (c.formula) problems.push({ sheet: row.sheet, cell: c.address, field: key, code: 'FORMULA', message: 'Formula non ammessa: scrivere il valore.' });
    const resultText = text(row.inputs['testo']);
    const value = decimalOf(row.inputs['valore'], problems, row.sheet, 'valore', 4);
    const statusLabel = text(row.inputs['stato']);
    const status = statusLabel ? RESULT_STATUS_BY_LABEL.get(statusLabel) : undefined;
    if (statusLabel && !status)
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['stato'].address,
        field: 'stato',
        code: 'NOT_IN_LIST',
        message: `Stato "${statusLabel.slice(0, 40)}" non previsto: scegliere un valore dell'elenco.`,
      });
    const deferredTo = deferralOf(row.inputs['rinvio'], s.laterCutoffs, problems, row.sheet);
    if (!resultText && value == null && !statusLabel && !deferredTo) {
      unchanged += 1;
      continue;
    }
    if (!statusLabel)
      problems.push({ sheet: row.sheet, cell: row.inputs['stato'].address, field: 'stato', code: 'REQUIRED', message: 'Scegliere lo stato del risultato.' });
    if (status === ResultStatus.REPORTED && !resultText)
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['testo'].address,
        field: 'testo',
        code: 'REQUIRED',
        message: 'Un risultato rendicontato richiede il testo.',
      });
    if ((status === ResultStatus.DEFERRED) !== Boolean(deferredTo))
      problems.push({
        sheet: row.sheet,
        cell: row.inputs['rinvio'].address,
        field: 'rinvio',
        code: 'DEFERRAL',
        message: 'La scadenza di rinvio va indicata se e solo se lo stato è "Rinviato".',
      });
    if (problems.length > before || !status) continue;
    const cur = indicator.current;
    if (
      cur &&
      cur.text === (resultText ?? '') &&
      scaled(cur.value, 4) === scaled(value, 4) &&
      cur.status === status &&
      (cur.deferredTo ?? null) === deferredTo
    ) {
      unchanged += 1;
      continue;
    }
    if ((cur?.version ?? null) !== row.version) {
      conflict(row, cur?.version ?? null);
      continue;
    }
    const unit = value == null ? null : (cur?.unit ?? indicator.unit);
    writes.push({
      problemAt: { sheet: row.sheet, cell: row.inputs['testo'].address },
      run: (ctx) =>
        recordIndicatorResult(ctx, { indicatorId: row.id, period, expectedVersion: row.version, text: resultText ?? '', value, unit, status, deferredTo }),
    });
  }
  return { writes, unchanged };
}

/**
 * Imports a filled workbook: checks the file, that it is this department's and period's, every
 * cell, and conflicts with edits made since the export; then writes the changed rows through
 * the status-entry services in one transaction. Any problem, or any refusal of a service,
 * rejects the whole file with the report and writes nothing.
 */
export async function importCollectionWorkbook(
  ctx: WriteContext,
  bytes: Uint8Array,
  expected: { period?: string | null; departmentCode?: string | null } = {},
): Promise<CollectionImportResult> {
  try {
    return await importChecked(ctx, bytes, expected);
  } catch (error) {
    // Every refusal carries a located report: one of the services' own errors (unknown period or department, forbidden, locked) names the file.
    if (error instanceof DomainError && !Array.isArray(error.extensions['problems'])) {
      const { code, ...details } = error.extensions as { code: ErrorCode } & Record<string, unknown>;
      throw new DomainError(code, error.message, { ...details, problems: [{ sheet: null, cell: null, field: null, code, message: error.message }] });
    }
    throw error;
  }
}

async function importChecked(
  ctx: WriteContext,
  bytes: Uint8Array,
  expected: { period?: string | null; departmentCode?: string | null },
): Promise<CollectionImportResult> {
  const wb = await readCollectionWorkbook(bytes);
  const file = (reason: Parameters<typeof rejection>[0], message: string) =>
    rejection(reason, message, [{ sheet: null, cell: null, field: null, code: reason, message }]);
  if (expected.period && expected.period !== wb.meta.period)
    throw file(
      'OTHER_PERIOD',
      `La cartella è del periodo al ${wb.meta.period.split('-').reverse().join('/')}, non di quello al ${expected.period.split('-').reverse().join('/')}.`,
    );
  if (expected.departmentCode && expected.departmentCode !== wb.meta.departmentCode)
    throw file('OTHER_DEPARTMENT', `La cartella è del settore ${wb.meta.departmentCode}, non del settore ${expected.departmentCode}.`);
  if (wb.meta.enteId !== ctx.viewer.enteId) throw file('OTHER_ENTE', 'La cartella è di un altro ente: caricare la cartella scaricata per il proprio ente.');
  return ctx.em.transactional(async (tx) => {
    const [source] = await loadCollectionSources(tx, ctx.viewer, {
      editionCode: wb.meta.editionCode,
      period: wb.meta.period,
      departmentCode: wb.meta.departmentCode,
    });
    checkIdentity(wb, source);
    const problems: ImportProblem[] = [];
    const { writes, unchanged } = planImport(wb, source, problems);
    if (problems.length) {
      const conflicts = problems.every((p) => p.code === 'CONFLICT');
      throw rejection(
        conflicts ? 'CONFLICT' : 'INVALID_CELLS',
        `La cartella non è stata caricata: ${problems.length === 1 ? 'un problema' : `${problems.length} problemi`} da correggere (vedere il resoconto). Nulla è stato scritto.`,
        problems,
      );
    }
    const inner: WriteContext = { ...ctx, em: tx };
    for (const w of writes) {
      try {
        await w.run(inner);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const code = String(error.extensions['code']);
        const problem = { ...w.problemAt, field: (error.extensions['field'] as string | undefined) ?? null, code, message: error.message };
        throw new DomainError(
          code === 'CONFLICT' || code === 'FORBIDDEN' || code === 'PERIOD_LOCKED' ? code : 'BAD_USER_INPUT',
          `La cartella non è stata caricata: ${error.message} Nulla è stato scritto.`,
          {
            reason: code === 'CONFLICT' ? 'CONFLICT' : 'INVALID_CELLS',
            problems: [problem],
          },
        );
      }
    }
    return { department: source.department.code, period: source.period.cutoffDate, written: writes.length, unchanged };
  });
}

export { SHEETS };

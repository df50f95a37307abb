import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createUser } from '@dup/auth';
import { Department, Ente, Role, type Viewer } from '@dup/domain';
import { openReportingPeriod, type WriteContext } from '@dup/plan-write';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { loadCollectionSources } from './collection-source';
import { problemsOf } from './import-problems';
import { importCollectionWorkbook } from './import-workbook';
import { FIRST_DATA_ROW, INDICATOR_COLUMNS, INVOLVED_COLUMNS, LEAD_COLUMNS, SHEETS, TEMPLATE_VERSION } from './workbook-format';
import { writeCollectionWorkbook } from './write-workbook';

const PERIOD = '2020-12-31';
const DEPT = 'AMB_MOB';

describe('collection workbook: export, import, conflicts, fuzz', () => {
  let db: TestDatabase;
  let office: Viewer;
  let head: Viewer;
  const ctx = (viewer: Viewer): WriteContext => ({ em: db.orm.em.fork() as EntityManager, viewer, requestId: 'test' });

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
    const em = db.orm.em.fork() as EntityManager;
    const ente = await em.findOneOrFail(Ente, { istatCode: '049009' });
    const mk = async (username: string, role: Role, departmentCodes: string[] = []): Promise<Viewer> => {
      const u = await createUser(em, {
        enteId: ente.id,
        username,
        displayName: username,
        role,
        password: 'password-di-prova-123',
        departmentCodes,
        mustChangePassword: false,
      });
      const ids = departmentCodes.length ? (await em.find(Department, { code: { $in: departmentCodes }, ente })).map((d) => d.id) : [];
      return { userId: u.id, enteId: ente.id, username, displayName: username, role, departmentIds: ids, readOnly: false, via: 'jwt' };
    };
    office = await mk('programmazione', Role.PLANNING_OFFICE);
    head = await mk('dirigente', Role.DEPARTMENT_HEAD, [DEPT]);
    await openReportingPeriod(ctx(office), '2020-2022', PERIOD);
  });
  afterAll(() => db.drop());

  const exportFor = async (viewer: Viewer, period = PERIOD) => {
    const [source] = await loadCollectionSources(db.orm.em.fork() as EntityManager, viewer, { editionCode: '2020-2022', period, departmentCode: DEPT });
    return { source, bytes: await writeCollectionWorkbook(source) };
  };
  const open = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return wb;
  };
  const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  /** Counts and version sums of everything an import may write. */
  const snapshot = async () =>
    JSON.stringify(
      await db.orm.em.getConnection().execute(`select
        (select count(*) || '/' || coalesce(sum(version), 0) from goal_status) s,
        (select count(*) || '/' || coalesce(sum(version), 0) from indicator_result) r,
        (select count(*) || '/' || coalesce(sum(version), 0) from goal_contribution) c,
        (select count(*) from audit_entry) a`),
    );

  /** Fills the first lead goal, the first involved goal and the first indicator. */
  async function filled(bytes: Buffer, tag: string) {
    const wb = await open(bytes);
    const lead = wb.getWorksheet(SHEETS.lead)!;
    lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.narrative.col).value = `=Lavori avviati ${tag}`;
    lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.state.col).value = 'In corso';
    lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.percent.col).value = 42.5;
    const involved = wb.getWorksheet(SHEETS.involved)!;
    involved.getCell(FIRST_DATA_ROW, INVOLVED_COLUMNS.contribution.col).value = `Contributo ${tag}`;
    const ind = wb.getWorksheet(SHEETS.indicators)!;
    ind.getCell(FIRST_DATA_ROW, INDICATOR_COLUMNS.text.col).value = `Risultato ${tag}`;
    ind.getCell(FIRST_DATA_ROW, INDICATOR_COLUMNS.value.col).value = '1.234,5';
    ind.getCell(FIRST_DATA_ROW, INDICATOR_COLUMNS.status.col).value = 'Rendicontato';
    return save(wb);
  }

  it('writes a protected workbook with drop-downs, hidden ids and the template version', async () => {
    const { source, bytes } = await exportFor(head);
    expect(source.lead.length).toBeGreaterThan(0);
    const wb = await open(bytes);
    expect(wb.getWorksheet(SHEETS.meta)!.state).toBe('veryHidden');
    expect(wb.getWorksheet(SHEETS.cover)!.getCell('B8').value).toBe(TEMPLATE_VERSION);
    const lead = wb.getWorksheet(SHEETS.lead)!;
    expect(lead.getColumn(1).hidden).toBe(true);
    expect(lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.state.col).dataValidation).toMatchObject({ type: 'list' });
    expect(lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.narrative.col).protection).toMatchObject({ locked: false });
    // A copy for the LibreOffice check (docs/collection-workbook.md).
    if (process.env['COLLECTION_SAMPLE']) writeFileSync(process.env['COLLECTION_SAMPLE'], bytes);
    const sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml).toContain('<sheetProtection');
  });

  it('round trip: imports exactly the filled values, is idempotent, and re-exports them', async () => {
    const { bytes } = await exportFor(head);
    const before = await snapshot();
    const result = await importCollectionWorkbook(ctx(head), await filled(bytes, 'A'), { period: PERIOD, departmentCode: DEPT });
    expect(result).toMatchObject({ written: 3 });
    const after = await snapshot();
    expect(after).not.toBe(before);
    const { source } = await exportFor(head);
    expect(source.lead[0].current).toMatchObject({ narrative: '=Lavori avviati A', declaredState: 'IN_PROGRESS', percentComplete: '42.50', version: 1 });
    expect(source.involved[0].current).toMatchObject({ text: 'Contributo A', version: 1 });
    expect(source.indicators[0].current).toMatchObject({ text: 'Risultato A', value: '1234.5000', status: 'REPORTED' });
    // The text starting with "=" is stored as text and neutralised again in the new workbook.
    const again = await open(await writeCollectionWorkbook(source));
    expect(again.getWorksheet(SHEETS.lead)!.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.narrative.col).value).toBe("'=Lavori avviati A");
    // The same file again: nothing written, no version, no audit row.
    await importCollectionWorkbook(ctx(head), await filled(bytes, 'A'));
    expect(await snapshot()).toBe(after);
    // The next period shows these values as "previous".
    await openReportingPeriod(ctx(office), '2020-2022', '2021-06-30');
    const next = await exportFor(head, '2021-06-30');
    expect(next.source.lead[0].previous).toBe('Al 31/12/2020: =Lavori avviati A');
    expect(next.source.indicators[0].previous).toContain('Al 31/12/2020: Risultato A (1234,5');
  });

  it('reports a conflict when a status changed after the export, and writes nothing', async () => {
    const { bytes } = await exportFor(head);
    await importCollectionWorkbook(ctx(office), await filled(bytes, 'B'));
    const before = await snapshot();
    const error = await importCollectionWorkbook(ctx(head), await filled(bytes, 'C')).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'CONFLICT' } });
    expect(problemsOf(error)[0]).toMatchObject({ sheet: SHEETS.lead, cell: `H${FIRST_DATA_ROW}`, code: 'CONFLICT' });
    expect(await snapshot()).toBe(before);
  });

  it('rejects files that are not ours, of another version or period, bombs, formulas and invalid cells', async () => {
    const { bytes } = await exportFor(head);
    const reasonOf = async (b: Uint8Array) =>
      ((await importCollectionWorkbook(ctx(head), b).catch((e: unknown) => e)) as { extensions: { reason: string } }).extensions.reason;
    expect(await reasonOf(Buffer.from('non sono un file excel'))).toBe('NOT_XLSX');
    expect(await reasonOf(bytes.subarray(0, bytes.length - 200))).toBe('NOT_XLSX');
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Foglio1').getCell('A1').value = 1;
    expect(await reasonOf(await save(foreign))).toBe('NOT_OURS');
    const versioned = await open(bytes);
    versioned.getWorksheet(SHEETS.meta)!.getCell('B1').value = 'DUPM-RACCOLTA-0';
    expect(await reasonOf(await save(versioned))).toBe('TEMPLATE_VERSION');
    expect((await importCollectionWorkbook(ctx(head), bytes, { period: '2021-06-30' }).catch((e: unknown) => e)) as object).toMatchObject({
      extensions: { reason: 'OTHER_PERIOD' },
    });
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<x/>');
    bomb.file('xl/workbook.xml', 'a'.repeat(80 * 1024 * 1024));
    expect(await reasonOf(await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toBe('ZIP_BOMB');
    expect(await reasonOf(Buffer.alloc(11 * 1024 * 1024, 0x50))).toBe('TOO_LARGE');
    const formula = await open(bytes);
    formula.getWorksheet(SHEETS.lead)!.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.percent.col).value = { formula: '10*5' } as ExcelJS.CellFormulaValue;
    formula.getWorksheet(SHEETS.lead)!.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.state.col).value = 'In corso';
    formula.getWorksheet(SHEETS.lead)!.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.narrative.col).value = 'x';
    const formulaError = await importCollectionWorkbook(ctx(head), await save(formula)).catch((e: unknown) => e);
    expect(problemsOf(formulaError)).toContainEqual(expect.objectContaining({ sheet: SHEETS.lead, cell: `J${FIRST_DATA_ROW}`, code: 'FORMULA' }));
  });

  it('fuzz: 500 mutated workbooks give 0 unexpected errors, 0 partial writes and a located problem for each rejection', async () => {
    const { bytes } = await exportFor(head);
    const base = await filled(bytes, 'F');
    const otherPeriod = (await exportFor(office, '2021-06-30')).source;
    const cellMutation = fc.record({
      sheet: fc.constantFrom(SHEETS.lead, SHEETS.involved, SHEETS.indicators, SHEETS.meta),
      row: fc.integer({ min: 1, max: FIRST_DATA_ROW + 6 }),
      col: fc.integer({ min: 1, max: 13 }),
      value: fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 20 }),
        fc.double({ noNaN: false }),
        fc.constantFrom('=1+1', '+SUM(A1)', '@cmd', '-2', 'In corso', 'Rinviata', '31/12/2021', '150', 'Rendicontato'),
        fc.constant('x'.repeat(70_000)),
        fc.constantFrom(...otherPeriod.lead.map((g) => g.goalId).slice(0, 3), otherPeriod.period.id),
        fc.constant({ formula: 'A1*2' }),
        fc.date({ noInvalidDate: true }),
      ),
    });
    const mutation = fc.oneof(
      { weight: 6, arbitrary: fc.array(cellMutation, { minLength: 1, maxLength: 3 }).map((m) => ({ kind: 'cells' as const, m })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: base.length - 1 }).map((n) => ({ kind: 'truncate' as const, n })) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, b]) => ({ kind: 'byte' as const, i, b })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('xl/workbook.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', '[Content_Types].xml')
          .map((entry) => ({ kind: 'entry' as const, entry })),
      },
    );
    let state = await snapshot();
    let runs = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (mut) => {
        runs += 1;
        let file: Buffer;
        if (mut.kind === 'truncate') file = base.subarray(0, mut.n);
        else if (mut.kind === 'byte') (file = Buffer.from(base))[mut.i] = mut.b;
        else if (mut.kind === 'entry') {
          const zip = await JSZip.loadAsync(base);
          zip.file(mut.entry, '<rotto');
          file = await zip.generateAsync({ type: 'nodebuffer' });
        } else {
          const wb = await open(base);
          for (const c of mut.m) wb.getWorksheet(c.sheet)!.getCell(c.row, c.col).value = c.value as ExcelJS.CellValue;
          file = await save(wb);
        }
        try {
          await importCollectionWorkbook(ctx(head), file);
          state = await snapshot();
        } catch (error) {
          rejected += 1;
          const problems = problemsOf(error);
          if (problems.length === 0) throw error;
          for (const p of problems) {
            expect(p.message).toMatch(/\S/);
            expect(p.sheet === null ? p.cell === null : true).toBe(true);
          }
          expect(await snapshot()).toBe(state);
        }
      }),
      { numRuns: 500, seed: 17 },
    );
    expect(runs).toBe(500);
    // Many mutations touch read-only or blank cells and import fine; the rest must each be a located rejection.
    expect(rejected).toBeGreaterThan(150);
  }, 600_000);
});

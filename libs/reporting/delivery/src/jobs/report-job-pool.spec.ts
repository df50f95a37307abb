import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { warmUpReportSource, type ReportSource } from '@dup/reporting';
import * as E from '@dup/domain';
import { loadReportSource } from '../load-report-source';
import type * as JobPool from './report-job-pool';

/**
 * The job runner with real worker threads. Workers run compiled code, so this loads the runner
 * from the build output (`npm test` builds first); from sources the runner works in-thread.
 */
const COMPILED = join(__dirname, '../../../../../dist/libs/reporting/delivery/src/jobs/report-job-pool.js');

describe('report job runner (compiled worker threads)', () => {
  let db: TestDatabase;
  let source: ReportSource;
  let pool: typeof JobPool;

  beforeAll(async () => {
    if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run npm run build first (npm test does)`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    pool = require(COMPILED) as typeof JobPool;
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
    const em = db.orm.em.fork() as EntityManager;
    const enteId = (await em.findOneOrFail(E.Ente, { istatCode: '049009' })).id;
    source = await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'full' } });
  });
  afterAll(() => db?.drop());

  it('keeps warmed-up workers and renders the same PDF with parallel parts or without', async () => {
    const parallel = pool.createReportJobRunner({ keepWarm: true, pdfThreads: 2 });
    const sequential = pool.createReportJobRunner({ keepWarm: true, pdfThreads: 0 });
    try {
      expect(parallel.mode).toBe('worker-threads');
      await Promise.all([parallel.ready, sequential.ready]);
      const [a, b] = await Promise.all([parallel.run({ source, format: 'pdf' }), sequential.run({ source, format: 'pdf' })]);
      expect(a.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(a.fileName).toBe('DUP-2020-2022_stato-attuazione_2020-06-30.pdf');
      expect(a.pageCount).toBeGreaterThan(150);
      expect(b.pageCount).toBe(a.pageCount);
      // A second job on the same (now warm) workers gives the same document.
      expect((await parallel.run({ source, format: 'pdf' })).pageCount).toBe(a.pageCount);
    } finally {
      await Promise.all([parallel.close(), sequential.close()]);
    }
  }, 180_000);

  it('runs a job that exceeds the worker heap limit again without the limit', async () => {
    // A source small enough for a 2 MB limit by the size rule (one strategic objective), with a
    // limit the worker exceeds while still loading. (Running out mid-render is what the size rule
    // avoids: on Node 20 it can abort the whole process.)
    const line = source.plan.mandateLines[0];
    const small: ReportSource = { ...source, plan: { ...source.plan, mandateLines: [{ ...line, strategicObjectives: line.strategicObjectives.slice(0, 1) }] } };
    expect(JSON.stringify(small).length * pool.HEAP_BYTES_PER_SOURCE_BYTE).toBeLessThanOrEqual(2 * 1024 * 1024);
    const exceeded: string[] = [];
    const large: string[] = [];
    const runner = pool.createReportJobRunner({ heapLimitMb: 2, pdfThreads: 0, onHeapLimitExceeded: (format) => exceeded.push(format), onLargeSource: (format) => large.push(format) });
    try {
      const report = await runner.run({ source: small, format: 'xlsx' });
      expect(exceeded).toEqual(['xlsx']);
      expect(large).toEqual([]);
      expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    } finally {
      await runner.close();
    }
  }, 180_000);

  it('runs a job whose source is too large for the heap limit without the limit from the start', async () => {
    const exceeded: string[] = [];
    const large: [string, number][] = [];
    const runner = pool.createReportJobRunner({ heapLimitMb: 8, pdfThreads: 0, onHeapLimitExceeded: (format) => exceeded.push(format), onLargeSource: (format, bytes) => large.push([format, bytes]) });
    try {
      const report = await runner.run({ source, format: 'xlsx' });
      expect(large).toEqual([['xlsx', new TextEncoder().encode(JSON.stringify(source)).byteLength]]);
      expect(exceeded).toEqual([]);
      expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    } finally {
      await runner.close();
    }
  }, 180_000);

  /** The source with one goal's semester narrative changed: what a department head's edit does. */
  const edited = (nth: number): ReportSource => {
    const copy = structuredClone(source);
    const goals = copy.plan.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((so) => so.operationalObjectives.flatMap((op) => op.goals))).filter((g) => g.statusList.length > 0);
    goals[nth % goals.length].statusList[0].narrative += ' Aggiornamento: la procedura si è conclusa nei tempi previsti.';
    return copy;
  };

  it('regenerates a PDF after an edit from its kept parts, byte for byte as a fresh render (in-thread)', async () => {
    const job = await import('@dup/reporting/job');
    const first = await job.runReportJob({ source, format: 'pdf' });
    const before = job.pdfPartCacheStats();
    const again = await job.runReportJob({ source: edited(100), format: 'pdf' });
    const after = job.pdfPartCacheStats();
    // Only the part holding the edited goal is laid out again.
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(5);
    expect(again.pageCount).toBe(first.pageCount);
    expect(Buffer.compare(again.bytes, first.bytes)).not.toBe(0);
    const fresh = await job.runReportJob({ source: edited(100), format: 'pdf', pdfPartCacheBytes: 0 });
    expect(Buffer.compare(again.bytes, fresh.bytes)).toBe(0);
    // With no room, nothing is kept.
    expect(job.pdfPartCacheStats().parts).toBe(0);
  }, 180_000);

  it('regenerates from parts rendered by part workers, byte for byte as a fresh render', async () => {
    const keeping = pool.createReportJobRunner({ keepWarm: true, pdfThreads: 2 });
    const fresh = pool.createReportJobRunner({ keepWarm: true, pdfThreads: 2, pdfPartCacheMb: 0 });
    try {
      await Promise.all([keeping.ready, fresh.ready]);
      await keeping.run({ source, format: 'pdf' });
      const [a, b] = await Promise.all([keeping.run({ source: edited(40), format: 'pdf' }), fresh.run({ source: edited(40), format: 'pdf' })]);
      expect(a.pageCount).toBeGreaterThan(150);
      expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
      // Kept parts survive their transfer from the part workers: the same edit again gives the same file.
      expect(Buffer.compare((await keeping.run({ source: edited(40), format: 'pdf' })).bytes, a.bytes)).toBe(0);
    } finally {
      await Promise.all([keeping.close(), fresh.close()]);
    }
  }, 180_000);

  it('stops the part workers before a large job arrives, and starts them again for the next small PDF', async () => {
    // Threads of this process (Linux): each part worker is one.
    const threads = () => readdirSync('/proc/self/task').length;
    const large = warmUpReportSource({ mandateLines: 48 });
    const largeJson = new TextEncoder().encode(JSON.stringify(large));
    expect(largeJson.byteLength).toBeGreaterThan(pool.LARGE_REPORT_SOURCE_BYTES);
    const before = threads();
    const runner = pool.createReportJobRunner({ keepWarm: true, pdfThreads: 2, warmUpReports: 1 });
    try {
      await runner.ready;
      // The job worker and, started by the warm-up, its two part workers.
      const warm = threads();
      expect(warm - before).toBeGreaterThanOrEqual(3);
      const html = await runner.runSerialized('html', largeJson);
      expect(html.bytes.subarray(0, 15).toString('utf8')).toBe('<!DOCTYPE html>');
      expect(warm - threads()).toBeGreaterThanOrEqual(2);
      const pdf = await runner.run({ source, format: 'pdf' });
      expect(pdf.pageCount).toBeGreaterThan(150);
      expect(threads()).toBeGreaterThanOrEqual(warm);
    } finally {
      await runner.close();
    }
  }, 180_000);

  it('keeps the ORM and the Excel renderer out of a job worker until a job needs them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dup-job-worker-'));
    try {
      const sourceFile = join(dir, 'source.json');
      writeFileSync(sourceFile, JSON.stringify(source));
      // The compiled worker module, loaded as piscina loads it, in a process of its own.
      const probe = `
        const loaded = () => Object.keys(require.cache).filter((f) => /node_modules\\/(@mikro-orm|exceljs|pdfmake)\\//.test(f)).map((f) => f.split('node_modules/')[1].split('/')[0]);
        const has = (name) => loaded().some((m) => m === name || m === name.split('/')[0]);
        const worker = require(${JSON.stringify(COMPILED.replace('report-job-pool.js', 'report-job.worker.js'))}).default;
        const report = [];
        report.push({ step: 'loaded', orm: has('@mikro-orm'), exceljs: has('exceljs'), pdfmake: has('pdfmake') });
        const sourceJson = new Uint8Array(require('node:fs').readFileSync(${JSON.stringify(sourceFile)}));
        worker({ kind: 'job', format: 'xlsx', sourceJson, pdfThreads: 0 }).then((result) => {
          report.push({ step: 'xlsx', orm: has('@mikro-orm'), exceljs: has('exceljs'), zip: Buffer.from(result[require('piscina').valueSymbol].bytes).subarray(0, 2).toString('latin1') });
          process.stdout.write(JSON.stringify(report));
        });`;
      const report = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })) as Record<string, unknown>[];
      expect(report[0]).toEqual({ step: 'loaded', orm: false, exceljs: false, pdfmake: true });
      expect(report[1]).toEqual({ step: 'xlsx', orm: false, exceljs: true, zip: 'PK' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

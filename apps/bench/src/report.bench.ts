import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Ente } from '@dup/domain';
import { applyMigrations, createDatabaseIfMissing, createOrmConfig, dropDatabase, resolveDatabase, withDatabase } from '@dup/database';
import { loadDataset, readShippedDataset, scaleDataset } from '@dup/seed';
import { loadReportSource } from '@dup/reporting-delivery';
import { machineSpeedProbeMs } from './machine-speed';

/**
 * `npm run bench:report`: the half-year report of Livorno and of generated plans k times larger
 * (default k = 1, 5, 10), in PDF, Excel and HTML. The data is read from PostgreSQL once per
 * plan; the jobs (model build + rendering) then run in fresh processes, so wall time and peak
 * RSS (which includes the worker threads) belong to them alone. Two measurements per format:
 *
 * - service: the API's job runner (kept worker thread, warmed up at start-up, bounded heap) runs
 *   the job BENCH_RUNS times in a row, as when a planning office regenerates the report; the
 *   median of the runs after the first is the figure checked against the goals, the first run
 *   is reported too, and peak RSS covers the whole process (warm-up and every run). The part cache
 *   is off (REPORT_PART_CACHE_MB=0): every run lays out the whole report, as after broad changes;
 * - edit (PDF): the same runner with its part cache (the service's default), regenerating the
 *   report BENCH_RUNS times after one goal's narrative was edited each time (a department's update);
 * - cold: one job in the main thread of a process that has just loaded the modules (a CLI run,
 *   or the first report after the service starts, before its warm-up ends).
 *
 * Environment: DATABASE_URL (a server where scratch databases may be created and dropped;
 * default: the embedded PostgreSQL in .data/bench-postgres), BENCH_FACTORS (default "1,5,10"),
 * BENCH_RUNS (service runs per process, default 4), BENCH_FORMATS (default "pdf,xlsx,html"); the
 * service's own REPORT_PDF_THREADS, REPORT_WORKER_HEAP_MB and REPORT_WARM_UP_REPORTS apply to the
 * service measurement (its warm-up, synthetic reports included, ends before the clock starts).
 */
const FACTORS = (process.env['BENCH_FACTORS'] ?? '1,5,10').split(',').map(Number);
const RUNS = Math.max(2, Number(process.env['BENCH_RUNS'] ?? 4));
const FORMATS = (process.env['BENCH_FORMATS'] ?? 'pdf,xlsx,html').split(',');
const GOALS: Record<string, Record<number, { wallMs: number; peakRssMb?: number }>> = {
  pdf: { 1: { wallMs: 1000 }, 10: { wallMs: 10_000, peakRssMb: 300 } },
  xlsx: { 1: { wallMs: 500 }, 10: { wallMs: 5000 } },
};

const run = promisify(execFile);

interface Sample {
  format: string;
  mode: 'service' | 'cold' | 'edit';
  wallMs: number[];
  warmUpMs: number;
  buildMs: number;
  renderMs: number;
  peakRssMb: number;
  baselineRssMb: number;
  bytes: number;
  pageCount: number | null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Math.round(n * 10) / 10;

async function measure(sourceFile: string, format: string, mode: Sample['mode']): Promise<Sample> {
  // The same malloc setting as `npm start` (package.json, start:built).
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '2', ...(mode === 'service' ? { REPORT_PART_CACHE_MB: '0' } : {}) };
  const { stdout } = await run(process.execPath, [join(__dirname, 'report-bench-child.js'), sourceFile, format, mode, String(RUNS)], { maxBuffer: 1 << 20, env });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Sample;
}

async function main(): Promise<void> {
  const db = await resolveDatabase({ databaseUrl: process.env['DATABASE_URL'] ?? null, embeddedPgDir: '.data/bench-postgres', log: () => undefined });
  const livorno = readShippedDataset('livorno-dup-2020-2022');
  const tmp = mkdtempSync(join(tmpdir(), 'dup-bench-report-'));
  const results: Record<string, unknown>[] = [];
  const probeBefore = machineSpeedProbeMs();
  process.stderr.write(`machine speed probe: ${probeBefore} ms (lower is faster)\n`);
  try {
    for (const factor of FACTORS) {
      const name = `dup_bench_report_${process.pid}_x${factor}`;
      await createDatabaseIfMissing(db.url, name);
      const sourceFile = join(tmp, `source-x${factor}.json`);
      let goals = 0;
      let loadMs = 0;
      try {
        const orm = await MikroORM.init(createOrmConfig({ url: withDatabase(db.url, name), poolMax: 4 }));
        try {
          await applyMigrations(orm);
          await loadDataset(orm, scaleDataset(livorno, factor));
          const em = orm.em.fork() as EntityManager;
          const [ente] = await em.find(Ente, {}, { limit: 1 });
          const started = performance.now();
          const source = await loadReportSource(em, { enteId: ente.id, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'full' } });
          loadMs = performance.now() - started;
          goals = source.plan.mandateLines.reduce((n, l) => n + l.strategicObjectives.reduce((m, s) => m + s.operationalObjectives.reduce((k, o) => k + o.goals.length, 0), 0), 0);
          writeFileSync(sourceFile, JSON.stringify(source));
        } finally {
          await orm.close(true);
        }
      } finally {
        await dropDatabase(db.url, name);
      }
      for (const format of FORMATS) {
        const service = await measure(sourceFile, format, 'service');
        const cold = await measure(sourceFile, format, 'cold');
        const edit = format === 'pdf' ? await measure(sourceFile, format, 'edit') : null;
        const warm = service.wallMs.slice(1);
        const wallMs = median(warm);
        const goal = GOALS[format]?.[factor];
        const row = {
          factor,
          format,
          goals,
          sourceLoadMs: round(loadMs),
          wallMsWarmMedian: round(wallMs),
          wallMsWarmRuns: warm.map(round),
          wallMsFirstRun: round(service.wallMs[0]),
          warmUpMs: round(service.warmUpMs),
          buildMs: round(service.buildMs),
          renderMs: round(service.renderMs),
          peakRssMb: round(service.peakRssMb),
          baselineRssMb: round(service.baselineRssMb),
          editWallMsMedian: edit ? round(median(edit.wallMs)) : null,
          editWallMsRuns: edit ? edit.wallMs.map(round) : null,
          editPeakRssMb: edit ? round(edit.peakRssMb) : null,
          coldWallMs: round(cold.wallMs[0]),
          coldPeakRssMb: round(cold.peakRssMb),
          pages: service.pageCount,
          sizeMb: round(service.bytes / 1024 / 1024),
          goal: goal ?? null,
          goalMet: goal ? wallMs <= goal.wallMs && (goal.peakRssMb === undefined || service.peakRssMb <= goal.peakRssMb) : null,
        };
        results.push(row);
        process.stderr.write(
          `×${factor} ${format}: ${row.wallMsWarmMedian} ms warm (runs ${row.wallMsWarmRuns.join(', ')}; first ${row.wallMsFirstRun}), peak RSS ${row.peakRssMb} MB; ` +
            `cold ${row.coldWallMs} ms / ${row.coldPeakRssMb} MB; ${edit ? `after one edit ${row.editWallMsMedian} ms (runs ${row.editWallMsRuns?.join(', ')}), peak RSS ${row.editPeakRssMb} MB; ` : ''}${row.pages ?? '-'} pages, ${row.sizeMb} MB${row.goalMet === null ? '' : row.goalMet ? ' — goal met' : ' — GOAL NOT MET'}\n`,
        );
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await db.embedded?.stop();
  }
  const machineSpeedProbe = { beforeMs: probeBefore, afterMs: machineSpeedProbeMs() };
  process.stderr.write(`machine speed probe after: ${machineSpeedProbe.afterMs} ms\n`);
  process.stdout.write(`${JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length, runs: RUNS, machineSpeedProbe, results }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

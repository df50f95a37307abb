/**
 * Timing of the PDF renderer (not a test). Build, then run from the repository root:
 *
 *   npm run build        (or any tsc build that emits this folder and render/worker as .js)
 *   node dist/libs/reporting/core/src/render/pdf/pdf.bench.js [model.json] [runs] [factors]
 *
 * Each measurement runs in a fresh child process, like a report job: the renderer modules are
 * imported first (not timed), then the clock starts, a ReportRenderPool with one worker per core
 * is created and the PDF is rendered through it (worker start-up included), the pool is closed.
 * Reported: wall ms (min / median / max), peak RSS of the process (worker threads included,
 * `process.resourceUsage().maxRSS`), pages, file size, and the renderer's own breakdown.
 * PDF_BENCH_THREADS overrides the thread count (0 = in-thread). PDF_BENCH_WARM=1 measures with a
 * pool created and warmed up (`warmUp()`) before the clock starts; PDF_BENCH_WARM=report renders
 * the same report once before the clock starts (a long-running server's steady state).
 * PDF_BENCH_OUT=dir saves one PDF per factor.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ReportModel } from '../../model/report-model';
import { ReportRenderPool } from '../worker/report-render-pool';
import { renderPdf } from './render-pdf';
import { warmUpPdfRenderer } from './render-part';
import { scaleModelForPdf } from './test-fixtures/scale-model';

interface Sample {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  pages: number;
  bytes: number;
  timings: unknown;
}

async function child(file: string, factor: number, threads: number, warm: string, out?: string): Promise<void> {
  const model = scaleModelForPdf(JSON.parse(readFileSync(file, 'utf8')) as ReportModel, factor);
  let pool: ReportRenderPool | null = null;
  if (warm === '1') {
    pool = new ReportRenderPool({ threads });
    await (threads === 0 ? warmUpPdfRenderer() : pool.warmUp());
  } else if (warm === 'report') {
    pool = new ReportRenderPool({ threads });
    await (threads === 0 ? renderPdf(model) : pool.renderPdf(model));
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  pool ??= new ReportRenderPool({ threads });
  const pdf = threads === 0 ? await renderPdf(model) : await pool.renderPdf(model);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  await pool.close();
  if (out) writeFileSync(join(out, `bench-x${factor}.pdf`), pdf.bytes);
  const sample: Sample = {
    wallMs,
    cpuMs: (c.user + c.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    pages: pdf.pageCount,
    bytes: pdf.bytes.length,
    timings: pdf.timings,
  };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  const threads = Number(process.env['PDF_BENCH_THREADS'] ?? 2);
  const warm = process.env['PDF_BENCH_WARM'] ?? '';
  if (mode === '--child') {
    await child(rest[0], Number(rest[1]), threads, warm, process.env['PDF_BENCH_OUT']);
    return;
  }
  const file = mode ?? join(process.cwd(), 'libs/reporting/core/test-fixtures/livorno-2020-06-30.model.json');
  const runs = Number(rest[0] ?? 5);
  const factors = (rest[1] ?? '1,10').split(',').map(Number);
  const run = promisify(execFile);
  for (const factor of factors) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const { stdout } = await run(process.execPath, [__filename, '--child', file, String(factor)], { maxBuffer: 1 << 20 });
      samples.push(JSON.parse(stdout.trim().split('\n').pop() as string) as Sample);
    }
    const walls = samples.map((s) => s.wallMs).sort((a, b) => a - b);
    const s0 = samples[0];
    console.log(
      `×${factor} (${threads === 0 ? 'in-thread' : `${threads} threads`}${warm === '1' ? ', warmed-up pool' : warm === 'report' ? ', after one report' : ''}): wall ms min ${walls[0].toFixed(0)} median ${walls[Math.floor(walls.length / 2)].toFixed(0)} max ${walls[walls.length - 1].toFixed(0)}; ` +
        `peak RSS ${Math.max(...samples.map((s) => s.peakRssMb)).toFixed(0)} MB; ${s0.pages} pages; ${(s0.bytes / 1024 / 1024).toFixed(2)} MB; ` +
        `main-thread CPU ${samples.map((s) => s.cpuMs.toFixed(0)).join('/')} ms; timings ${JSON.stringify(s0.timings)}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

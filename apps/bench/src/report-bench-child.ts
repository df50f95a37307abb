import { readFileSync } from 'node:fs';
import type { ReportFormat, ReportSource } from '@dup/reporting';
// The runner alone (not the delivery module's Nest/ORM graph): the process holds only the job.
import { createReportJobRunner } from '@dup/reporting-delivery/jobs';

/**
 * Measured report jobs in a fresh process, so peak RSS belongs to them alone.
 * argv: <source.json> <format> <mode> <runs>.
 *
 * - `service`: the API's runner (createReportJobRunner: kept worker thread, warmed up at start,
 *   bounded heap); waits for the warm-up, then runs the job `runs` times in a row, as a planning
 *   office regenerating the report would.
 * - `cold`: one job in the main thread of a process that has only loaded the modules (a CLI run).
 *
 * Prints one JSON line.
 */
async function main() {
  const [file, formatArg, mode, runsArg] = process.argv.slice(2);
  const runs = Math.max(1, Number(runsArg ?? 1));
  // The service hands the worker the source as JSON bytes; here they are read from the file, and
  // the main thread never builds the object graph (nor loads the renderers).
  const sourceJson = new Uint8Array(readFileSync(file));
  const format = formatArg as ReportFormat;
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  const wallMs: number[] = [];
  let last;
  let warmUpMs = 0;
  if (mode === 'cold') {
    const { runReportJob } = await import('@dup/reporting');
    const source = JSON.parse(new TextDecoder().decode(sourceJson)) as ReportSource;
    const started = performance.now();
    last = await runReportJob({ source, format });
    wallMs.push(performance.now() - started);
  } else {
    const started = performance.now();
    const numberFromEnv = (name: string) => (process.env[name] === undefined ? undefined : Number(process.env[name]));
    // The service's own settings (REPORT_PDF_THREADS, REPORT_WORKER_HEAP_MB) apply here too.
    const runner = createReportJobRunner({ keepWarm: true, pdfThreads: numberFromEnv('REPORT_PDF_THREADS'), heapLimitMb: numberFromEnv('REPORT_WORKER_HEAP_MB') });
    try {
      await runner.ready;
      warmUpMs = performance.now() - started;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        last = await runner.runSerialized(format, sourceJson);
        wallMs.push(performance.now() - t0);
      }
    } finally {
      await runner.close();
    }
  }
  // maxRSS (KB) covers the worker threads too: they live in this process.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ format, mode, wallMs, warmUpMs, buildMs: last!.buildMs, renderMs: last!.renderMs, peakRssMb, baselineRssMb, bytes: last!.bytes.length, pageCount: last!.pageCount })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

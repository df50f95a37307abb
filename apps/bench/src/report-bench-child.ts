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
 * - `edit`: the same runner; renders the source once, then `runs` times a copy with one more goal's
 *   narrative edited each time, as a planning office regenerating the report after a department's
 *   update (kept parts are reused: REPORT_PART_CACHE_MB).
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
    // The service's own settings (REPORT_PDF_THREADS, REPORT_WORKER_HEAP_MB, REPORT_WARM_UP_REPORTS) apply here too.
    const runner = createReportJobRunner({
      keepWarm: true,
      pdfThreads: numberFromEnv('REPORT_PDF_THREADS'),
      heapLimitMb: numberFromEnv('REPORT_WORKER_HEAP_MB'),
      pdfPartCacheMb: numberFromEnv('REPORT_PART_CACHE_MB'),
      warmUpReports: numberFromEnv('REPORT_WARM_UP_REPORTS'),
    });
    try {
      await runner.ready;
      warmUpMs = performance.now() - started;
      if (mode === 'edit') await runner.runSerialized(format, sourceJson);
      for (let i = 0; i < runs; i++) {
        const job = mode === 'edit' ? withEditedNarrative(sourceJson, i) : sourceJson;
        const t0 = performance.now();
        last = await runner.runSerialized(format, job);
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

/**
 * The source with one goal's narrative changed (the n-th of a spread of goals), edited in the JSON
 * bytes so that this thread holds neither the parsed plan nor its text (they would count in the
 * process's peak RSS, which the service does not pay: it serialises the source from the database).
 */
function withEditedNarrative(sourceJson: Uint8Array, n: number): Uint8Array {
  const json = Buffer.from(sourceJson.buffer, sourceJson.byteOffset, sourceJson.byteLength);
  const marker = Buffer.from('"narrative":"');
  const starts: number[] = [];
  for (let at = json.indexOf(marker); at >= 0; at = json.indexOf(marker, at + 1)) starts.push(at + marker.length);
  if (starts.length === 0) throw new Error('the source has no goal narrative to edit');
  // Goals spread over the document: the middle, a third, the last, and so on.
  const at = starts[Math.floor(starts.length * [0.5, 0.33, 0.99, 0.1, 0.75][n % 5])];
  const note = Buffer.from(`Aggiornamento ${n + 1}: attività completata nei tempi previsti. `);
  return new Uint8Array(Buffer.concat([json.subarray(0, at), note, json.subarray(at)]));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import { runReportJob } from '@dup/reporting';
import type { ReportFormat, ReportSource } from '@dup/reporting';

/**
 * One measured report job in a fresh process, so peak RSS belongs to this job alone.
 * argv: <source.json> <format>. Prints one JSON line.
 */
async function main() {
  const [file, format] = process.argv.slice(2);
  const source = JSON.parse(readFileSync(file, 'utf8')) as ReportSource;
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const report = await runReportJob({ source, format: format as ReportFormat, pdfThreads: Number(process.env['BENCH_PDF_THREADS'] ?? 0) });
  const wallMs = performance.now() - started;
  // maxRSS (KB) covers the worker threads too: they live in this process.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ format, wallMs, buildMs: report.buildMs, renderMs: report.renderMs, peakRssMb, baselineRssMb, bytes: report.bytes.length, pageCount: report.pageCount })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

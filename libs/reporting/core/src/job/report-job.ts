import { buildReport } from '../builder';
import type { ReportFormat, ReportModel } from '../model/report-model';
import type { ReportSource } from '../builder/report-source';
import { renderHtml } from '../render/html';
import { renderPdf } from '../render/pdf';
import { warmUpPdfRenderer } from '../render/pdf/render-part';
import { ReportRenderPool } from '../render/worker';
import { renderXlsx } from '../render/xlsx';

/** A rendered report, ready to send or write. */
export interface RenderedReport {
  bytes: Buffer;
  format: ReportFormat;
  fileName: string;
  /** Pages of the PDF; null for other formats. */
  pageCount: number | null;
  /** Milliseconds spent building the model and rendering it. */
  buildMs: number;
  renderMs: number;
}

export interface ReportJob {
  source: ReportSource;
  format: ReportFormat;
  /**
   * Worker threads this thread keeps for rendering the parts of a PDF in parallel (0: parts are
   * rendered in this thread). Kept warm between jobs: a cold worker renders at half speed.
   */
  pdfThreads?: number;
}

/** Part workers kept by this thread, created on first use and warm for the next report. */
let keptPartPool: ReportRenderPool | null = null;

function partPool(threads: number): ReportRenderPool {
  if (keptPartPool?.threads !== threads) {
    void keptPartPool?.close();
    keptPartPool = new ReportRenderPool({ threads, minThreads: threads });
  }
  return keptPartPool;
}

/** Releases the part workers kept by this thread (tests, orderly shutdown). */
export async function releaseReportPartWorkers(): Promise<void> {
  const pool = keptPartPool;
  keptPartPool = null;
  await pool?.close();
}

function renderPdfOf(model: ReportModel, threads: number) {
  return renderPdf(model, threads > 0 ? { runner: partPool(threads).pdfPartRunner() } : {});
}

/**
 * Builds the model and renders it: the whole CPU-bound part of a report, run inside a worker
 * thread by the API (see ReportJobPool) so the event loop keeps serving requests.
 */
export async function runReportJob(job: ReportJob): Promise<RenderedReport> {
  const { format } = job;
  const threads = job.pdfThreads ?? 0;
  const t0 = performance.now();
  const model = buildReport(job.source);
  const t1 = performance.now();
  let bytes: Buffer;
  let pageCount: number | null = null;
  switch (format) {
    case 'pdf': {
      const pdf = await renderPdfOf(model, threads);
      bytes = pdf.bytes;
      pageCount = pdf.pageCount;
      break;
    }
    case 'xlsx':
      bytes = await renderXlsx(model);
      break;
    case 'html':
      bytes = Buffer.from(renderHtml(model), 'utf8');
      break;
  }
  return { bytes, format, fileName: `${model.meta.fileBaseName}.${format}`, pageCount, buildMs: t1 - t0, renderMs: performance.now() - t1 };
}

/**
 * Readies the current thread for report jobs: loads the renderers and lays out a synthetic
 * document a few times so V8 has compiled the hot paths before the first real report; with
 * `pdfThreads`, starts the part workers and warms them up too.
 */
export async function warmUpReportRenderers(options: { rounds?: number; pdfThreads?: number } = {}): Promise<{ ms: number }> {
  const started = performance.now();
  const threads = options.pdfThreads ?? 0;
  await Promise.all([warmUpPdfRenderer(options.rounds ?? 3), threads > 0 ? partPool(threads).warmUp() : undefined]);
  return { ms: performance.now() - started };
}

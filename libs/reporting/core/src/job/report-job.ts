import { buildReport } from '../builder';
import type { ReportFormat, ReportModel } from '../model/report-model';
import type { ReportSource } from '../builder/report-source';
import { renderHtml } from '../render/html';
import { renderPdf } from '../render/pdf';
import { documentWeight } from '../render/pdf/pdf-parts';
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
   * rendered in this thread). Kept warm between jobs (a cold worker renders at half speed); only
   * documents up to PARALLEL_PDF_MAX_WEIGHT use them.
   */
  pdfThreads?: number;
}

/**
 * The largest document (about 2.5× Livorno's, some 400 pages) whose PDF parts are rendered in
 * parallel by part workers. Larger documents render their parts one after the other in the job's
 * thread, under its bounded heap, with the part workers released: their heaps would otherwise
 * add to the job's, and a large report is where memory matters.
 */
export const PARALLEL_PDF_MAX_WEIGHT = 1_800_000;

/**
 * Part workers kept by this thread: started by the first report small enough to use them, warm
 * for the next reports, released by a large one.
 */
let keptPartPool: ReportRenderPool | null = null;

function partPool(threads: number): ReportRenderPool {
  if (keptPartPool?.threads !== threads) {
    void keptPartPool?.close();
    keptPartPool = new ReportRenderPool({ threads, minThreads: threads });
  }
  return keptPartPool;
}

/** Releases the part workers kept by this thread. */
export async function releaseReportPartWorkers(): Promise<void> {
  const pool = keptPartPool;
  keptPartPool = null;
  await pool?.close();
}

async function renderPdfOf(model: ReportModel, threads: number) {
  if (threads > 0 && documentWeight(model) <= PARALLEL_PDF_MAX_WEIGHT) return renderPdf(model, { runner: partPool(threads).pdfPartRunner() });
  await releaseReportPartWorkers();
  return renderPdf(model);
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
  const fileName = `${model.meta.fileBaseName}.${format}`;
  const t1 = performance.now();
  let bytes: Buffer;
  let pageCount: number | null = null;
  switch (format) {
    case 'pdf': {
      // The renderer frees the model's content part by part; nothing here may keep it.
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
  return { bytes, format, fileName, pageCount, buildMs: t1 - t0, renderMs: performance.now() - t1 };
}

/**
 * Readies the current thread for report jobs: loads the renderers and lays out a synthetic
 * document a few times so V8 has compiled the hot paths before the first real report. (Part
 * workers start with the first report small enough to use them.)
 */
export async function warmUpReportRenderers(options: { rounds?: number } = {}): Promise<{ ms: number }> {
  const started = performance.now();
  await warmUpPdfRenderer(options.rounds ?? 3);
  return { ms: performance.now() - started };
}

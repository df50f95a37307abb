import { buildReport } from '../builder';
import type { ReportFormat, ReportModel } from '../model/report-model';
import type { ReportSource } from '../builder/report-source';
import { inThreadPdfRunner, planPdf, renderPlannedPdf, type RenderedPdf } from '../render/pdf/render-pdf';
import { documentWeight, type PdfPartRunner } from '../render/pdf/pdf-parts';
import { cachingPartRunner, PdfPartCache } from '../render/pdf/part-cache';
import { warmUpPdfRenderer } from '../render/pdf/render-part';
import { ReportRenderPool } from '../render/worker';
import { warmUpReportSource } from './warm-up-source';

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
  /**
   * The data, or a function that returns it. A function is called once, when the model is built,
   * and nothing here keeps what it returned: for a large plan (e.g. parsed from JSON bytes that
   * are dropped too) the source is then freed before rendering starts.
   */
  source: ReportSource | (() => ReportSource);
  format: ReportFormat;
  /**
   * Worker threads this thread keeps for rendering the parts of a PDF in parallel (0: parts are
   * rendered in this thread). Kept warm between jobs (a cold worker renders at half speed); only
   * documents up to PARALLEL_PDF_MAX_WEIGHT use them.
   */
  pdfThreads?: number;
  /**
   * Bytes of rendered PDF parts this thread keeps between jobs (default
   * DEFAULT_PDF_PART_CACHE_BYTES; 0 keeps none): a report regenerated after a few edits lays out
   * only the parts whose content changed (see PdfPartCache).
   */
  pdfPartCacheBytes?: number;
}

/** Enough for every part of a plan ten times Livorno's (its PDF is about 12 MB). */
export const DEFAULT_PDF_PART_CACHE_BYTES = 32 * 1024 * 1024;

/** This thread's rendered parts, kept between jobs. */
const partCache = new PdfPartCache(DEFAULT_PDF_PART_CACHE_BYTES);

/** Hits and misses of this thread's part cache (for measurements and logs). */
export function pdfPartCacheStats(): PdfPartCache['stats'] {
  return partCache.stats;
}

/**
 * The largest document (about 2.5× Livorno's, some 400 pages) whose PDF parts are rendered in
 * parallel by part workers. Larger documents render their parts one after the other in the job's
 * thread, under its bounded heap, with the part workers released: their heaps would otherwise
 * add to the job's, and a large report is where memory matters.
 */
export const PARALLEL_PDF_MAX_WEIGHT = 1_800_000;

/**
 * Part workers kept by this thread: started by the warm-up of a kept job worker (or else by the
 * first report small enough to use them), warm for the next reports, released by a large one.
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

/** Not async: see renderPdf (the model must not outlive the planning of its parts). */
function renderPdfOf(model: ReportModel, threads: number, cacheBytes: number): Promise<RenderedPdf> {
  partCache.resize(cacheBytes);
  const cached = (runner: PdfPartRunner) => (cacheBytes > 0 ? cachingPartRunner(runner, partCache) : runner);
  if (threads > 0 && documentWeight(model) <= PARALLEL_PDF_MAX_WEIGHT) {
    const runner = partPool(threads).pdfPartRunner();
    return renderPlannedPdf(planPdf(model, runner.parallelism), cached(runner));
  }
  const planned = planPdf(model);
  return releaseReportPartWorkers().then(() => renderPlannedPdf(planned, cached(inThreadPdfRunner)));
}

interface StartedJob {
  fileName: string;
  buildMs: number;
  rendering: Promise<{ bytes: Buffer; pageCount: number | null }>;
}

/**
 * Builds the model and starts rendering it. Synchronous, so that neither the source nor the
 * model stays referenced by a suspended frame while the renderer frees them.
 */
function startReportJob(job: ReportJob, started: number): StartedJob {
  const model = buildReport(typeof job.source === 'function' ? job.source() : job.source);
  const fileName = `${model.meta.fileBaseName}.${job.format}`;
  const buildMs = performance.now() - started;
  switch (job.format) {
    case 'pdf':
      return { fileName, buildMs, rendering: renderPdfOf(model, job.pdfThreads ?? 0, job.pdfPartCacheBytes ?? DEFAULT_PDF_PART_CACHE_BYTES).then((pdf) => ({ bytes: pdf.bytes, pageCount: pdf.pageCount })) };
    // Loaded on first use: a thread that renders only PDFs never loads exceljs.
    case 'xlsx':
      return { fileName, buildMs, rendering: import('../render/xlsx').then(async ({ renderXlsx }) => ({ bytes: await renderXlsx(model), pageCount: null })) };
    case 'html':
      return { fileName, buildMs, rendering: import('../render/html').then(({ renderHtml }) => ({ bytes: Buffer.from(renderHtml(model), 'utf8'), pageCount: null })) };
  }
}

/**
 * Builds the model and renders it: the whole CPU-bound part of a report, run inside a worker
 * thread by the API (see ReportJobPool) so the event loop keeps serving requests.
 */
export async function runReportJob(job: ReportJob): Promise<RenderedReport> {
  const { format } = job;
  const started = performance.now();
  const { fileName, buildMs, rendering } = startReportJob(job, started);
  const { bytes, pageCount } = await rendering;
  return { bytes, format, fileName, pageCount, buildMs, renderMs: performance.now() - started - buildMs };
}

/** Synthetic reports laid out when a kept job worker starts (see warmUpReportRenderers). */
export const DEFAULT_WARM_UP_REPORTS = 3;

/**
 * Readies the current thread for report jobs: loads the renderers and lays out a small part a few
 * times in this thread (large documents render their parts here), then renders `reports`
 * synthetic reports (warmUpReportSource) through the whole PDF pipeline: model build, parts on the
 * part workers when `pdfThreads` > 0 (which starts them), assembly here. V8 needs several
 * documents' worth of this code before it runs at its steady speed; without this, the first
 * reports a service renders pay for it. The part cache is not used.
 */
export async function warmUpReportRenderers(options: { rounds?: number; pdfThreads?: number; reports?: number } = {}): Promise<{ ms: number }> {
  const started = performance.now();
  await warmUpPdfRenderer(options.rounds ?? 3);
  const threads = Math.max(0, options.pdfThreads ?? 0);
  for (let i = 0; i < (options.reports ?? DEFAULT_WARM_UP_REPORTS); i++) {
    const model = buildReport(warmUpReportSource({ seed: i }));
    const runner = threads > 0 ? partPool(threads).pdfPartRunner() : inThreadPdfRunner;
    await renderPlannedPdf(planPdf(model, runner.parallelism ?? 1), runner);
  }
  return { ms: performance.now() - started };
}

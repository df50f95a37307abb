import { buildReport } from '../builder';
import type { ReportFormat } from '../model/report-model';
import type { ReportSource } from '../builder/report-source';
import { renderHtml } from '../render/html';
import { renderPdf } from '../render/pdf';
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
   * Worker threads rendering PDF parts in parallel (0: in this thread). Nested inside the API's
   * job worker, these threads are created per job and released at its end.
   */
  pdfThreads?: number;
}

/**
 * Builds the model and renders it: the whole CPU-bound part of a report, run inside a worker
 * thread by the API (see ReportJobPool) so the event loop keeps serving requests.
 */
export async function runReportJob(job: ReportJob): Promise<RenderedReport> {
  const t0 = performance.now();
  const model = buildReport(job.source);
  const t1 = performance.now();
  let bytes: Buffer;
  let pageCount: number | null = null;
  switch (job.format) {
    case 'pdf': {
      const threads = job.pdfThreads ?? 0;
      const pool = threads > 0 ? new ReportRenderPool({ threads }) : null;
      let pdf;
      try {
        pdf = await renderPdf(model, pool ? { runner: pool.pdfPartRunner() } : {});
      } finally {
        await pool?.close();
      }
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
  return { bytes, format: job.format, fileName: `${model.meta.fileBaseName}.${job.format}`, pageCount, buildMs: t1 - t0, renderMs: performance.now() - t1 };
}

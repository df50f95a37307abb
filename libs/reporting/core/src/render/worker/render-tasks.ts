import type { ReportModel } from '../../model/report-model';
import type { PdfPartResult, PdfPartTask } from '../pdf/pdf-parts';

/**
 * The tasks a report-render worker runs. All are plain data (structured clone): a PDF part
 * carries only its slice of the model, whole-report tasks the model.
 */
export type ReportRenderTask =
  | { kind: 'pdf-part'; part: PdfPartTask }
  | { kind: 'xlsx'; model: ReportModel }
  | { kind: 'html'; model: ReportModel }
  /** Loads the rendering code and lays out a tiny document, so the first real task starts warm. */
  | { kind: 'warm-up' };

export type ReportRenderTaskKind = ReportRenderTask['kind'];

export interface ReportRenderResultByKind {
  'pdf-part': PdfPartResult;
  xlsx: Uint8Array;
  html: string;
  'warm-up': { threadId: number; ms: number };
}

export type ReportRenderResult<K extends ReportRenderTaskKind> = ReportRenderResultByKind[K];

/** Runs one task in the current thread (the worker's handler, and the pool's in-thread fallback). */
export async function runReportRenderTask(task: ReportRenderTask): Promise<ReportRenderResultByKind[ReportRenderTaskKind]> {
  switch (task.kind) {
    case 'pdf-part': {
      const { renderPdfPart } = await import('../pdf/render-part');
      return renderPdfPart(task.part);
    }
    case 'xlsx': {
      // Implemented by the Excel renderer (render/xlsx); loaded lazily so a PDF-only worker never loads exceljs.
      const { renderXlsx } = await import('../xlsx');
      const buffer = await renderXlsx(task.model);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    case 'html': {
      // Implemented by the HTML renderer (render/html); loaded lazily.
      const { renderHtml } = await import('../html');
      return renderHtml(task.model);
    }
    case 'warm-up': {
      const started = performance.now();
      const { warmUpPdfRenderer } = await import('../pdf/render-part');
      await warmUpPdfRenderer();
      const { threadId } = await import('node:worker_threads');
      return { threadId, ms: performance.now() - started };
    }
  }
}

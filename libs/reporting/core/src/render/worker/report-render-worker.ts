import type { PdfPartResult } from '../pdf/pdf-parts';
import { runReportRenderTask, type ReportRenderTask } from './render-tasks';
import { movedBytes, withMovedBytes } from './transfer-result';
// Loaded when the worker starts (piscina loads this module at start-up), not by the first task:
// PDF parts are the tasks that must start fast. Excel and HTML load on first use.
import '../pdf/render-part';

/**
 * Entry point of a report-render worker thread (piscina loads this module and calls the
 * default export for each task).
 */
export default async function handleReportRenderTask(task: ReportRenderTask) {
  const result = await runReportRenderTask(task);
  // Rendered bytes move to the calling thread instead of being copied.
  if (task.kind === 'pdf-part') return withMovedBytes(result as PdfPartResult);
  if (task.kind === 'xlsx') return movedBytes(result as Uint8Array);
  return result;
}

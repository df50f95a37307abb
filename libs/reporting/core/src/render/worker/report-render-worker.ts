import { runReportRenderTask, type ReportRenderTask } from './render-tasks';
// Loaded when the worker starts (piscina loads this module at start-up), not by the first task:
// PDF parts are the tasks that must start fast. Excel and HTML load on first use.
import '../pdf/render-part';

/**
 * Entry point of a report-render worker thread (piscina loads this module and calls the
 * default export for each task).
 */
export default function handleReportRenderTask(task: ReportRenderTask) {
  return runReportRenderTask(task);
}

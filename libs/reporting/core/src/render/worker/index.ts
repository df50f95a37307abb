/** Worker-thread pool for report rendering (PDF parts, Excel, HTML). */
export { ReportRenderPool, sharedReportRenderPool, type ReportRenderPoolOptions } from './report-render-pool';
export type { ReportRenderTask, ReportRenderTaskKind, ReportRenderResult } from './render-tasks';

/**
 * `@dup/reporting/job`: report jobs (model build and rendering) for the threads that run them.
 * Lighter than `@dup/reporting`: the Excel and HTML renderers are loaded by the first job that
 * needs them.
 */
export { runReportJob, warmUpReportRenderers, releaseReportPartWorkers, pdfPartCacheStats, type ReportJob, type RenderedReport } from './report-job';
export { withMovedBytes } from '../render/worker/transfer-result';
export type { ReportFormat } from '../model/report-model';
export type { ReportSource } from '../builder/report-source';

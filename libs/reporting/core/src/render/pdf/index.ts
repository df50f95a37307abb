/**
 * PDF rendition of the report (pdfmake for layout, pdf-lib for assembly). `renderPdf` renders
 * in the calling thread unless given a runner, e.g. `ReportRenderPool.pdfPartRunner()` from
 * '../worker', which renders the parts in parallel worker threads.
 */
export { renderPdf, inThreadPdfRunner, type PdfRenderOptions, type RenderedPdf } from './render-pdf';
export type { PdfPartRunner, PdfPartTask, PdfPartResult, PartItem, TocEntry, LineBox } from './pdf-parts';
export { loadReportStyle, type ReportStyle } from './report-style';

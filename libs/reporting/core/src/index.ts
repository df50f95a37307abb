export * from './model/report-model';
export * from './model/italian-format';
export * from './builder';
export * from './assets/report-assets';
export * from './job/report-job';
export { warmUpReportSource, type WarmUpSourceOptions } from './job/warm-up-source';
export { renderPdf, type RenderedPdf, type PdfRenderOptions } from './render/pdf';
export { renderXlsx } from './render/xlsx';
export { renderHtml } from './render/html';

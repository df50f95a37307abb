export * from './report-source';
export { buildReport, actLabel, approvalLine, countReport } from './build-report';
export { NOT_COMPUTABLE_FOOTNOTE } from './build-spending';
export { ReportScopeError, reportFileBaseName, scopePlan } from './report-scope';
export { markdownToBlocks } from './markdown-blocks';
export { italianNumberWords } from './italian-number-words';

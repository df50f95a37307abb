export * from './report-source';
export { buildReport, actLabel, approvalLine, countReport, NOT_COMPUTABLE_FOOTNOTE } from './build-report';
export { ReportScopeError, reportFileBaseName, scopePlan } from './report-scope';
export { markdownToBlocks } from './markdown-blocks';
export { italianNumberWords } from './italian-number-words';

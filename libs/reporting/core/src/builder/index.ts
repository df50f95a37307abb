export * from './report-source';
export { buildReport, actLabel, approvalLine, countReport } from './build-report';
export { NOT_COMPUTABLE_FOOTNOTE } from './build-spending';
export { ReportScopeError, reportFileBaseName, scopePlan } from './report-scope';
export { markdownToBlocks } from './markdown-blocks';
export { italianNumberWords } from './italian-number-words';
export { objectiveSectionId, PAGE_REFERENCE_SYNTAX, pageReferenceCodes } from './page-references';

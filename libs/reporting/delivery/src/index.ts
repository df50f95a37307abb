export * from './load-report-source';

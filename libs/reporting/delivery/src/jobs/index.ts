export * from './report-job-pool';

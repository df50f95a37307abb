export * from './load-report-source';
export * from './report-request';
export * from './report-access';
export * from './report.service';
export * from './jobs';
export * from './reporting-delivery.module';
export * from './report-scopes';

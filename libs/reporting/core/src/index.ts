export * from './model/report-model';
export * from './model/italian-format';
export * from './builder';
export * from './assets/report-assets';

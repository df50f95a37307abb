export * from './scalars';
export * from './domain-error';
export * from './format-error';
export * from './operation-depth';
export * from './query-limits.plugin';
export * from './cursor';
export * from './request-context';
export * from './connection';

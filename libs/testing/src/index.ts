export * from './test-database';
export * from './queries';

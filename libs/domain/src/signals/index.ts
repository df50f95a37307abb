export * from './plan-signals';

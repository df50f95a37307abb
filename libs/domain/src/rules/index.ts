export * from './plan-rules';
export * from './reporting-lead';

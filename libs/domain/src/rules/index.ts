export * from './plan-rules';
export * from './reporting-lead';
export * from './period-lifecycle';
export * from './council-votes';
export * from './plan-in-force';

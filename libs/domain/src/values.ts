/**
 * `@dup/domain/values`: the domain's plain values and arithmetic, without the entities (and so
 * without the ORM). For code that must stay light, such as the worker threads that render reports.
 */
export * from './spending';
export * from './report-text-keys';
export * from './labels';
export * from './period-states';
export { voteTotals, type VoteTotals } from './rules/council-votes';
export * from './rules/plan-in-force';

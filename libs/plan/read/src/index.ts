export * from './plan-read.module';
export * from './context';
export * from './loaders/plan-loaders';
export { readPlanDataVersion } from './read-model/edition-tree-cache';
export { bumpPlanDataVersion } from './read-model/plan-data-version';
export { EDITION_TREE_STATEMENTS } from './read-model/edition-tree';
export * from './services/plan-summary.service';
export * from './services/spending.service';
export * as PlanTypes from './types';

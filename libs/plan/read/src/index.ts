export * from './plan-read.module';
export * from './context';
export * from './loaders/plan-loaders';
export * from './services/plan-summary.service';
export * from './services/spending.service';
export * as PlanTypes from './types';

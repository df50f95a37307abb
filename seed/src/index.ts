export * from './dataset/plan-dataset';
export * from './dataset/read-dataset';
export * from './loader/load-budget-catalogue';
export * from './loader/load-plan-dataset';
export * from './demo-seed';
export * from './dataset/scale-dataset';
export { importLivornoDup } from './importers/livorno/import-livorno';
export { comparableText } from './importers/livorno/markdown';
export { LIVORNO_SOURCE_PATH, livornoSourceText, livornoImport } from './importers/livorno/test-source';

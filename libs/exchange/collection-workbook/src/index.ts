export * from './collection-source';
export * from './import-problems';
export * from './import-workbook';
export { readCollectionWorkbook } from './read-workbook';
export { writeCollectionWorkbook, workbookFileName } from './write-workbook';
export { guardWorkbookZip, COLLECTION_LIMITS } from './zip-guard';
export * from './workbook-format';
export * from './collection-workbook.module';

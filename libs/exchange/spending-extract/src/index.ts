export * from './spending-extract.module';
export * from './spending-import.service';
export * from './spending-template.service';
export * from './spending-versions';
export * from './validate-extract';
export * from './read-extract-file';
export { parseAmount, formatItalianAmount } from './italian-amount';
export { EXTRACT_COLUMNS } from './spending-columns';
export { SPENDING_MAX_BYTES } from './http/spending-import.controller';

export * from './orm-config';
export * from './embedded-postgres';
export * from './database-bootstrap';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './sql-statement-counter';

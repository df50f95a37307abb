export * from './enums';
export * from './entities';
export { ALL_ENTITIES } from './all-entities';
export * from './spending';
export * from './rules';
export * from './access';
export * from './signals';
export * from './labels';
export * from './spending/spending-versions';

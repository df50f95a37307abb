export * from './spending-math';

export * from './scalars';
export * from './domain-error';
export * from './format-error';
export * from './depth-limit.rule';
export * from './complexity.plugin';
export * from './cursor';

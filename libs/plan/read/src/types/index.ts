export * from './plan.types';
export * from './tree.types';
export * from './spending.types';
export * from './connection.types';
export * from './council-session.types';
export * from './edition-link.types';

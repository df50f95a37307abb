export * from './password';
export * from './tokens';
export * from './viewer-resolver';
export * from './access';
export * from './auth-options';
export * from './login.service';
export * from './user-admin.service';
export * from './auth.module';
export { ViewerType } from './graphql/auth.types';

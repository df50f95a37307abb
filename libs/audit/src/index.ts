export * from './record-audit';
export * from './audit-trail.service';
export { AUDIT_READERS } from './graphql/audit.resolver';
export * from './audit.module';

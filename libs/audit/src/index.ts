export * from './record-audit';
export * from './audit-trail.service';
export { AUDIT_READERS } from './graphql/audit.resolver';
export * from './audit.module';
export * from './audit-operations';
export { loadAuditSubjects, type AuditSubject } from './audit-subject';

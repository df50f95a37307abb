import { Module } from '@nestjs/common';
import { AuditResolver } from './graphql/audit.resolver';

/** Every resolver of the audit trail, also used to print the committed schema. */
export const AUDIT_RESOLVERS = [AuditResolver];

/** The append-only audit trail: recording (recordAudit) and the auditors' query. */
@Module({ providers: AUDIT_RESOLVERS })
export class AuditModule {}

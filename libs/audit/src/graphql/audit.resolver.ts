import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { AuditEntry } from '@dup/domain';
import { Role, type Viewer } from '@dup/domain';
import { checkPageSize, toConnection, DomainError, pageOf, type RequestContextBase } from '@dup/graphql-kit';
import { auditOperationLabel, auditOperations } from '../audit-operations';
import { loadAuditSubjects, type AuditSubject } from '../audit-subject';
import { auditTrailPage } from '../audit-trail.service';
import { AuditEntryConnectionType, AuditEntryType, AuditOperationType, AuditSubjectType, AuditTrailFilterInput } from './audit.types';

/** Who reads the trail: auditors (their job) and administrators (user management is audited too). */
export const AUDIT_READERS: readonly Role[] = [Role.AUDITOR, Role.ADMIN];

type AuditContext = RequestContextBase & { authError?: Error | null; auditSubjectLoader?: DataLoader<string, AuditSubject | null> };

const toEntryType = (e: AuditEntry): AuditEntryType => ({
  id: e.id,
  occurredAt: e.occurredAt,
  actor: e.actor,
  actorUserId: e.actorUserId ?? null,
  actorRole: e.actorRole ?? null,
  via: e.via,
  operation: e.operation,
  operationLabel: auditOperationLabel(e.operation),
  entityType: e.entityType,
  entityId: e.entityId,
  periodId: e.periodId ?? null,
  before: e.before ?? null,
  after: e.after ?? null,
  requestId: e.requestId ?? null,
});

/** The subjects of every entry of the request in one statement. */
const subjectLoader = (ctx: AuditContext, enteId: string) =>
  (ctx.auditSubjectLoader ??= new DataLoader<string, AuditSubject | null>(async (ids) => {
    const subjects = await loadAuditSubjects(ctx.em, enteId, ids);
    return ids.map((id) => subjects.get(id) ?? null);
  }));

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnectionType, {
    description: "Registro delle modifiche dell'ente (revisori e amministratori), dal più recente; paginato con cursore.",
    complexity: pageOf(200),
  })
  async auditTrail(
    @Context() ctx: AuditContext,
    @Args('filter', { type: () => AuditTrailFilterInput, nullable: true, description: 'Criteri di filtro.' }) filter?: AuditTrailFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: 'Dimensione della pagina (predefinita 50).' }) first?: number,
    @Args('after', { nullable: true, description: 'Cursore dopo il quale iniziare (endCursor della pagina precedente).' }) after?: string,
    @Args('oldestFirst', { nullable: true, description: 'Vero per scorrere dal più vecchio al più recente.' }) oldestFirst?: boolean,
  ): Promise<AuditEntryConnectionType> {
    const viewer = auditReader(ctx);
    const size = checkPageSize(first, 50, ctx.maxPageSize);
    const page = await auditTrailPage(ctx.em, viewer.enteId, filter ?? {}, size, after, !oldestFirst);
    return toConnection({ ...page, rows: page.rows.map((r) => ({ cursor: r.cursor, node: toEntryType(r.entry) })) });
  }

  @Query(() => [AuditOperationType], { description: 'Operazioni registrate nel registro delle modifiche, con la descrizione in italiano (per il filtro).' })
  auditOperations(@Context() ctx: AuditContext): AuditOperationType[] {
    auditReader(ctx);
    return auditOperations();
  }

  @ResolveField(() => AuditSubjectType, { description: 'Che cosa è stato modificato, in termini del piano (codice obiettivo, finalità, indicatore, settore, periodo).' })
  async subject(@Parent() entry: AuditEntryType, @Context() ctx: AuditContext): Promise<AuditSubjectType> {
    const viewer = auditReader(ctx);
    return (await subjectLoader(ctx, viewer.enteId).load(entry.id)) ?? fallbackSubject(entry);
  }
}

/** An entry the subject query did not return (cannot happen for a row just read; kept total). */
const fallbackSubject = (entry: AuditEntryType): AuditSubject => ({
  objectiveCode: null,
  goalId: null,
  goalPosition: null,
  goalTitle: null,
  indicatorId: null,
  indicatorName: null,
  departmentCode: null,
  departmentName: null,
  periodCutoff: null,
  label: `${entry.entityType} ${entry.entityId}`,
});

/**
 * The role check of the trail. It cannot use @dup/auth's requireRole: auth records its own
 * writes here, and a library cycle is not allowed. Anonymous requests never get this far (the
 * authentication plugin refuses them before execution); the check is kept as a second line.
 */
function auditReader(ctx: AuditContext): Viewer {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.viewer) throw new DomainError('UNAUTHENTICATED', 'Accesso richiesto: effettuare il login o usare un token API.');
  if (!AUDIT_READERS.includes(ctx.viewer.role)) {
    throw new DomainError('FORBIDDEN', 'Il registro delle modifiche è consultabile solo da revisori e amministratori.', { role: ctx.viewer.role });
  }
  return ctx.viewer;
}

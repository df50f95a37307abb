import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiToken, Role } from '@dup/domain';
import { notFound, type RequestContextBase } from '@dup/graphql-kit';
import { recordAudit } from '@dup/audit';
import type { AuthContext } from '../access';
import { requireRole, requireViewer } from '../access';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { login } from '../login.service';
import { createApiToken } from '../user-admin.service';
import { ApiTokenType, CreatedApiTokenType, LoginResultType, ViewerType } from './auth.types';

const toTokenType = (t: ApiToken): ApiTokenType => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt ?? null,
  revokedAt: t.revokedAt ?? null,
  lastUsedAt: t.lastUsedAt ?? null,
});

@Resolver()
export class AuthResolver {
  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  @Mutation(() => LoginResultType, { description: 'Accesso con nome utente e password; restituisce un token a scadenza.' })
  async login(
    @Context() ctx: RequestContextBase & AuthContext,
    @Args('username', { description: 'Nome utente.' }) username: string,
    @Args('password', { description: 'Password.' }) password: string,
    @Args('ente', { nullable: true, description: "Codice ISTAT dell'ente, se il nome utente esiste in più enti." }) ente?: string,
  ): Promise<LoginResultType> {
    const result = await login(ctx.em, { username, password, ente }, { secret: this.options.jwtSecret, ttlSeconds: this.options.accessTokenTtlSeconds });
    return { accessToken: result.accessToken, expiresAt: result.expiresAt, viewer: { ...result.viewer, departmentIds: [...result.viewer.departmentIds] } };
  }

  @Query(() => ViewerType, { description: "L'utente autenticato." })
  me(@Context() ctx: RequestContextBase & AuthContext): ViewerType {
    const v = requireViewer(ctx);
    return { ...v, departmentIds: [...v.departmentIds] };
  }

  @Mutation(() => CreatedApiTokenType, { description: 'Crea un token API in sola lettura per il revisore autenticato.' })
  async createApiToken(
    @Context() ctx: RequestContextBase & AuthContext,
    @Args('name', { description: 'Nome descrittivo del token.' }) name: string,
    @Args('expiresAt', { nullable: true, type: () => Date, description: 'Scadenza facoltativa.' }) expiresAt?: Date,
  ): Promise<CreatedApiTokenType> {
    const viewer = requireRole(ctx, [Role.AUDITOR], { write: true });
    // The audit row commits with the token or not at all.
    const { token, row } = await ctx.em.transactional(async (tx) => {
      const created = await createApiToken(tx, viewer, { name, expiresAt });
      const after = toTokenType(created.row);
      await recordAudit(tx, viewer, { operation: 'CREATE_API_TOKEN', entityType: 'ApiToken', entityId: after.id, after, requestId: ctx.requestId });
      return created;
    });
    return { token, apiToken: toTokenType(row) };
  }

  @Query(() => [ApiTokenType], { description: 'Token API del revisore autenticato.' })
  async apiTokens(@Context() ctx: RequestContextBase & AuthContext): Promise<ApiTokenType[]> {
    const viewer = requireRole(ctx, [Role.AUDITOR]);
    return (await ctx.em.find(ApiToken, { user: viewer.userId }, { orderBy: { createdAt: 'desc' } })).map(toTokenType);
  }

  @Mutation(() => ApiTokenType, { description: 'Revoca un token API (del revisore stesso, o di chiunque per un amministratore).' })
  async revokeApiToken(@Context() ctx: RequestContextBase & AuthContext, @Args('id', { type: () => ID, description: 'Identificativo del token.' }) id: string) {
    const viewer = requireRole(ctx, [Role.AUDITOR, Role.ADMIN], { write: true });
    return ctx.em.transactional(async (tx) => {
      const token = await tx.findOne(ApiToken, { id, ente: viewer.enteId, ...(viewer.role === Role.ADMIN ? {} : { user: viewer.userId }) });
      if (!token) throw notFound('Token API', id);
      const before = toTokenType(token);
      token.revokedAt ??= new Date();
      await tx.flush();
      const after = toTokenType(token);
      await recordAudit(tx, viewer, { operation: 'REVOKE_API_TOKEN', entityType: 'ApiToken', entityId: token.id, before, after, requestId: ctx.requestId });
      return after;
    });
  }
}

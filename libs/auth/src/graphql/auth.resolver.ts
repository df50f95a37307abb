import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { ApiToken, Role, User } from '@dup/domain';
import { badUserInput, DomainError, notFound, type RequestContextBase } from '@dup/graphql-kit';
import { recordAudit } from '@dup/audit';
import type { AuthContext } from '../access';
import { requireRole, requireViewer } from '../access';
import { AUTH_OPTIONS, type AuthOptions } from '../auth-options';
import { login } from '../login.service';
import { LoginLimits } from '../login-limits';
import { hashPassword, passwordProblem, verifyPassword } from '../password';
import { clearSessionCookies, setSessionCookies } from '../session-cookies';
import { revokeSession, revokeUserSessions } from '../sessions';
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
export class AuthResolver implements OnApplicationShutdown {
  private readonly loginLimits: LoginLimits;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    this.loginLimits = new LoginLimits(options.loginAttempts);
  }

  onApplicationShutdown(): void {
    this.loginLimits.close();
  }

  @Mutation(() => LoginResultType, {
    description:
      'Accesso con nome utente e password; restituisce un token a scadenza e apre la sessione del browser (cookie httpOnly, più il token anti-CSRF).',
  })
  async login(
    @Context() ctx: RequestContextBase & AuthContext & { req: Request },
    @Args('username', { description: 'Nome utente.' }) username: string,
    @Args('password', { description: 'Password.' }) password: string,
    @Args('ente', { nullable: true, description: "Codice ISTAT dell'ente: serve solo se nome utente e password valgono in più enti." }) ente?: string,
  ): Promise<LoginResultType> {
    await this.loginLimits.count(username, ctx.req.ip);
    const userAgent = ctx.req.headers['user-agent'] ?? null;
    const result = await login(ctx.em, { username, password, ente }, { secret: this.options.jwtSecret, ttlSeconds: this.options.accessTokenTtlSeconds, userAgent });
    if (ctx.req.res) setSessionCookies(ctx.req, ctx.req.res, result);
    return {
      accessToken: result.accessToken,
      expiresAt: result.expiresAt,
      csrfToken: result.csrfToken,
      viewer: { ...result.viewer, departmentIds: [...result.viewer.departmentIds] },
    };
  }

  @Mutation(() => Boolean, {
    description: "Chiude la sessione: il token di accesso non vale più e i cookie del browser sono cancellati. Sempre consentita, anche a sessione scaduta.",
  })
  async logout(@Context() ctx: RequestContextBase & AuthContext & { req: Request }): Promise<boolean> {
    const viewer = ctx.viewer;
    // The session row itself records when and why it ended.
    if (viewer?.sessionId) await revokeSession(ctx.em, viewer.sessionId, 'logout');
    if (ctx.req.res) clearSessionCookies(ctx.req, ctx.req.res);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Cambia la password dell'utente autenticato, verificando quella attuale; chiude le altre sue sessioni aperte.",
  })
  async changePassword(
    @Context() ctx: RequestContextBase & AuthContext,
    @Args('currentPassword', { description: 'Password attuale.' }) currentPassword: string,
    @Args('newPassword', { description: 'Nuova password (almeno 12 caratteri).' }) newPassword: string,
  ): Promise<boolean> {
    const viewer = requireViewer(ctx);
    if (viewer.readOnly || !viewer.sessionId) {
      throw new DomainError('FORBIDDEN', 'La password si cambia da una sessione di accesso con nome utente e password, non con un token API.');
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw badUserInput('newPassword', problem);
    if (newPassword === currentPassword) throw badUserInput('newPassword', 'La nuova password deve essere diversa da quella attuale.');
    return ctx.em.transactional(async (tx) => {
      const user = await tx.findOneOrFail(User, { id: viewer.userId, ente: viewer.enteId });
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw badUserInput('currentPassword', 'La password attuale non è corretta.');
      }
      user.passwordHash = await hashPassword(newPassword);
      // A password the administrator reset is replaced now: the user is no longer asked to.
      user.mustChangePassword = false;
      await tx.flush();
      const ended = await revokeUserSessions(tx, user.id, 'password-change', viewer.sessionId);
      await recordAudit(tx, viewer, {
        operation: 'CHANGE_PASSWORD',
        entityType: 'User',
        entityId: user.id,
        after: { otherSessionsEnded: ended },
        requestId: ctx.requestId,
      });
      return true;
    });
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

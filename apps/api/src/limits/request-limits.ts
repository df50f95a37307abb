import { type CanActivate, type ExecutionContext, HttpException, Inject, Injectable, type OnApplicationShutdown, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { resolveRequestCredentials } from '@dup/auth';
import type { Viewer } from '@dup/domain';
import { addressKey, DomainError, RateLimiter, type RateLimit } from '@dup/graphql-kit';
import { APP_CONFIG } from '../tokens';
import type { AppConfig } from '@dup/config';

const NO_REQUEST_LIMIT = 'dup:no-request-limit';

/** A controller whose requests are never counted (health probes). */
export const NoRequestLimit = () => SetMetadata(NO_REQUEST_LIMIT, true);

/**
 * The per-user request quota: each HTTP request counts once, whatever it asks (a GraphQL
 * operation with any number of root fields, a report download), against the user who sends it,
 * or against the client's address when anonymous. GraphQL requests are counted when their
 * context is built (graphql-options.ts); other routes by RequestLimitGuard.
 */
export class RequestLimits implements OnApplicationShutdown {
  private readonly limiter = new RateLimiter();
  private readonly quota: RateLimit;

  constructor(perMinute: number) {
    this.quota = { name: 'requests', limit: perMinute, windowMs: 60_000, message: 'Troppe richieste in poco tempo: riprovare tra qualche secondo.' };
  }

  /** Counts one request, sets the X-RateLimit-* headers, and throws TOO_MANY_REQUESTS beyond the quota. */
  async count(req: Request, res: Response | undefined, viewer: Viewer | null): Promise<void> {
    const key = viewer ? `user:${viewer.userId}` : `address:${addressKey(req.ip)}`;
    try {
      const state = await this.limiter.hit(this.quota, key);
      res?.setHeader('X-RateLimit-Limit', String(state.limit));
      res?.setHeader('X-RateLimit-Remaining', String(state.remaining));
      res?.setHeader('X-RateLimit-Reset', String(state.resetSeconds));
    } catch (error) {
      const retryAfter = (error as DomainError).extensions?.['retryAfterSeconds'];
      if (retryAfter !== undefined) res?.setHeader('Retry-After', String(retryAfter));
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.limiter.close();
  }
}

/** Counts the requests of every non-GraphQL route (report downloads) against the quota of who sends them. */
@Injectable()
export class RequestLimitGuard implements CanActivate {
  constructor(
    private readonly limits: RequestLimits,
    private readonly reflector: Reflector,
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(NO_REQUEST_LIMIT, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const { viewer } = await resolveRequestCredentials(this.orm.em.fork(), req, this.config.auth.jwtSecret, { requireCsrf: false });
    try {
      await this.limits.count(req, res, viewer);
    } catch (error) {
      if (error instanceof DomainError) throw new HttpException({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: error.message }, 429);
      throw error;
    }
    return true;
  }
}

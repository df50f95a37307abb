import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { GraphQLResolveInfo } from 'graphql';
import type { Viewer } from '@dup/domain';

type TrackedRequest = { ip?: string; viewer?: Viewer | null; res?: unknown };

/** Per-user rate limit (per address when anonymous), for REST routes and GraphQL operations alike. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  /** Decisions per GraphQL request (its context object) and response path. */
  private readonly decisions = new WeakMap<object, Map<string, Promise<boolean>>>();

  /**
   * A GraphQL field is counted once per request even when the operation is executed twice (a
   * compiled query that reported an error is run again by graphql-js, see jitExecutionPlugin):
   * the second execution gets the first one's decision, including its TOO_MANY_REQUESTS.
   */
  override canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return super.canActivate(context);
    const gql = GqlExecutionContext.create(context);
    const requestContext = gql.getContext<object>();
    const key = `${context.getClass().name}.${context.getHandler().name}@${responsePath(gql.getInfo<GraphQLResolveInfo>()?.path)}`;
    let decisions = this.decisions.get(requestContext);
    if (!decisions) this.decisions.set(requestContext, (decisions = new Map()));
    let decision = decisions.get(key);
    if (!decision) {
      decision = super.canActivate(context);
      decisions.set(key, decision);
    }
    return decision;
  }

  override getRequestResponse(context: ExecutionContext) {
    if (context.getType<GqlContextType>() === 'graphql') {
      const { req } = GqlExecutionContext.create(context).getContext<{ req: TrackedRequest }>();
      return { req: req as Record<string, unknown>, res: req.res as Record<string, unknown> };
    }
    return super.getRequestResponse(context);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const tracked = req as TrackedRequest;
    return tracked.viewer ? `user:${tracked.viewer.userId}` : `ip:${tracked.ip ?? 'unknown'}`;
  }
}

function responsePath(path: GraphQLResolveInfo['path'] | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.prev) keys.unshift(p.key);
  return keys.join('.');
}

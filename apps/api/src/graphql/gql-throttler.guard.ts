import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Viewer } from '@dup/domain';

type TrackedRequest = { ip?: string; viewer?: Viewer | null; res?: unknown };

/** Per-user rate limit (per address when anonymous), for REST routes and GraphQL operations alike. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
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

import { normalizeIp, ThrottlerStorageService } from '@nestjs/throttler';
import { DomainError } from './domain-error';

/** A quota: at most `limit` hits per key in a sliding window of `windowMs`; beyond it, blocked for the window. */
export interface RateLimit {
  name: string;
  limit: number;
  windowMs: number;
  /** The Italian message of the refusal. */
  message: string;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window frees a hit. */
  resetSeconds: number;
}

/**
 * In-memory rate limits (one process serves the API), on @nestjs/throttler's sliding-window
 * storage. `hit` counts one hit and throws TOO_MANY_REQUESTS, with the seconds to wait, once a
 * key is over its quota.
 */
export class RateLimiter {
  private readonly storage = new ThrottlerStorageService();

  async hit(quota: RateLimit, key: string): Promise<RateLimitState> {
    const record = await this.storage.increment(`${quota.name}:${key}`, quota.windowMs, quota.limit, quota.windowMs, quota.name);
    if (record.isBlocked) throw tooManyRequests(quota.message, Math.max(1, record.timeToBlockExpire));
    return { limit: quota.limit, remaining: Math.max(0, quota.limit - record.totalHits), resetSeconds: record.timeToExpire };
  }

  /** Stops the storage's sweep timer. */
  close(): void {
    this.storage.onApplicationShutdown();
  }
}

/**
 * TOO_MANY_REQUESTS with the seconds to wait: as `retryAfterSeconds` for clients, and as the
 * HTTP 429 and Retry-After header Apollo applies when the error ends the request before execution.
 */
export function tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
  return new DomainError('TOO_MANY_REQUESTS', message, {
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/** The key of a client address: IPv6 clients by their /64, as one host usually holds the whole prefix. */
export function addressKey(ip: string | undefined): string {
  return ip ? normalizeIp(ip) : 'unknown';
}

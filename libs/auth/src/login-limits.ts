import { addressKey, RateLimiter, type RateLimit } from '@dup/graphql-kit';

/** Login attempts allowed in LOGIN_WINDOW_MS. */
export interface LoginAttemptLimits {
  perAccount: number;
  perAddress: number;
}

export const LOGIN_WINDOW_MS = 15 * 60_000;

const MESSAGE = 'Troppi tentativi di accesso in poco tempo: riprovare tra qualche minuto.';

/**
 * Limits password guessing: per account (whatever the address, so spreading the guesses over
 * many addresses does not help) and per client address (whatever the account, so trying one
 * password on many accounts does not either). Every attempt counts, before the password is
 * checked, and an account that does not exist is counted like one that does: the refusal says
 * nothing about which usernames exist.
 */
export class LoginLimits {
  private readonly limiter = new RateLimiter();
  private readonly perAccount: RateLimit;
  private readonly perAddress: RateLimit;

  constructor(limits: LoginAttemptLimits) {
    this.perAccount = { name: 'login-account', limit: limits.perAccount, windowMs: LOGIN_WINDOW_MS, message: MESSAGE };
    this.perAddress = { name: 'login-address', limit: limits.perAddress, windowMs: LOGIN_WINDOW_MS, message: MESSAGE };
  }

  /** Counts one attempt; TOO_MANY_REQUESTS (with the seconds to wait) beyond either limit. */
  async count(username: string, clientAddress: string | undefined): Promise<void> {
    await this.limiter.hit(this.perAddress, addressKey(clientAddress));
    await this.limiter.hit(this.perAccount, username.trim().toLowerCase());
  }

  close(): void {
    this.limiter.close();
  }
}

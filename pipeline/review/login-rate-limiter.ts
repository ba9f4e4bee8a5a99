// Failed logins are counted per client address (keys "ip:…") and per account name; too many in the window
// locks that key for a while, so that a password cannot be guessed at speed from one place or against one account.
// The counts live in the database, so review servers behind one proxy count every attempt together.
import {
  clearLoginFailures,
  deleteExpiredLoginLocks,
  lockLogin,
  loginLockedUntil,
  recordLoginFailure,
  type Store,
} from '../../storage/index.ts';
import { REVIEW_CONFIG, type ReviewConfig } from './review-config.ts';

export class LoginRateLimiter {
  constructor(
    private readonly store: Store,
    private readonly config: ReviewConfig['login'] = REVIEW_CONFIG.login,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until these keys may try again; 0 when they may try now. */
  async retryAfter(keys: readonly string[]): Promise<number> {
    const t = this.now();
    const until = await loginLockedUntil(this.store, keys);
    return until > t ? Math.ceil((until - t) / 1000) : 0;
  }

  async fail(keys: readonly string[]): Promise<void> {
    const t = this.now();
    const counts = await recordLoginFailure(this.store, keys, t, this.config.windowSeconds * 1000);
    for (const k of keys) {
      const max = k.startsWith('ip:') ? this.config.maxAttemptsPerAddress : this.config.maxAttempts;
      if ((counts.get(k) ?? 0) >= max) await lockLogin(this.store, k, t + this.config.lockSeconds * 1000);
    }
    await deleteExpiredLoginLocks(this.store, t);
  }

  async succeed(keys: readonly string[]): Promise<void> {
    await clearLoginFailures(this.store, keys);
  }
}

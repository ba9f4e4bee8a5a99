// Failed logins are counted per client address (keys "ip:…") and per account name; too many in the window
// locks that key for a while, so that a password cannot be guessed at speed from one place or against one account.
import { REVIEW_CONFIG, type ReviewConfig } from './review-config.ts';

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class LoginRateLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly config: ReviewConfig['login'] = REVIEW_CONFIG.login,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until these keys may try again; 0 when they may try now. */
  retryAfter(keys: readonly string[]): number {
    const t = this.now();
    let wait = 0;
    for (const k of keys) {
      const e = this.entries.get(k);
      if (e && e.lockedUntil > t) wait = Math.max(wait, Math.ceil((e.lockedUntil - t) / 1000));
    }
    return wait;
  }

  fail(keys: readonly string[]): void {
    const t = this.now();
    const windowMs = this.config.windowSeconds * 1000;
    for (const k of keys) {
      const e = this.entries.get(k) ?? { failures: [], lockedUntil: 0 };
      e.failures = [...e.failures.filter((f) => t - f < windowMs), t];
      const max = k.startsWith('ip:') ? this.config.maxAttemptsPerAddress : this.config.maxAttempts;
      if (e.failures.length >= max) {
        e.lockedUntil = t + this.config.lockSeconds * 1000;
        e.failures = [];
      }
      this.entries.set(k, e);
    }
    // Keep the map from growing without bound under a spray of names.
    if (this.entries.size > 10_000) {
      for (const [k, e] of this.entries)
        if (e.lockedUntil <= t && e.failures.every((f) => t - f >= windowMs)) this.entries.delete(k);
    }
  }

  succeed(keys: readonly string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}

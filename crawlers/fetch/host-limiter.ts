// Per-host politeness: at most `rate` request starts per second and `concurrency` requests in flight per
// host. Starts are spaced evenly (no bursts), so a 1 req/s host sees one request a second, not sixty at the
// top of each minute.

export interface HostSlot {
  release(): void;
}

/**
 * What the polite fetcher waits on before each request: this process's own limiter (HostLimiter), or the
 * one shared by every worker through the database (SharedHostLimiter).
 */
export interface HostSlots {
  acquire(host: string, rate: number, concurrency: number, signal?: AbortSignal): Promise<HostSlot>;
}

/** A start this late (timer or event-loop lag) still counts from its scheduled time, up to a quarter
 * of the interval: the average rate holds under load, and no two starts come closer than 3/4 interval. */
const MAX_SLACK_MS = 50;

interface HostState {
  nextStartAt: number;
  active: number;
  readonly waiters: { rate: number; concurrency: number; resolve: (slot: HostSlot) => void }[];
  timer: NodeJS.Timeout | null;
}

export class HostLimiter implements HostSlots {
  private readonly hosts = new Map<string, HostState>();

  /** Waits for a slot on `host`; call `release()` when the response has been read. */
  acquire(host: string, rate: number, concurrency: number, signal?: AbortSignal): Promise<HostSlot> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { nextStartAt: 0, active: 0, waiters: [], timer: null };
      this.hosts.set(host, state);
    }
    const s = state;
    return new Promise<HostSlot>((resolve, reject) => {
      // The abort listener goes once the slot is granted: a crawl's signal would otherwise collect one
      // listener per request of the whole run.
      const onAbort = () => {
        const i = s.waiters.indexOf(waiter);
        if (i >= 0) {
          s.waiters.splice(i, 1);
          reject(signal?.reason ?? new Error('aborted'));
        }
      };
      const waiter = {
        rate,
        concurrency,
        resolve: (slot: HostSlot) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(slot);
        },
      };
      s.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pump(s);
    });
  }

  private pump(s: HostState): void {
    if (s.timer) return;
    while (s.waiters.length > 0) {
      const next = s.waiters[0]!;
      if (s.active >= next.concurrency) return;
      const now = performance.now();
      if (now < s.nextStartAt) {
        s.timer = setTimeout(() => {
          s.timer = null;
          this.pump(s);
        }, s.nextStartAt - now);
        return;
      }
      s.waiters.shift();
      s.active += 1;
      // Spacing from the scheduled start, not from a late timer, so timer lag does not lower the rate.
      const interval = Number.isFinite(next.rate) && next.rate > 0 ? 1000 / next.rate : 0;
      const slack = Math.min(interval / 4, MAX_SLACK_MS);
      const base = now - s.nextStartAt <= slack ? s.nextStartAt : now;
      s.nextStartAt = base + interval;
      let released = false;
      next.resolve({
        release: () => {
          if (released) return;
          released = true;
          s.active -= 1;
          this.pump(s);
        },
      });
    }
  }
}

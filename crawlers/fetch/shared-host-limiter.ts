// The per-host politeness limit kept by all workers together (soz worker, PostgreSQL): before each request
// a worker takes a slot of the host in the database (storage: takeHostSlot), which grants it only when the
// host's next start time has come and fewer than `concurrency` requests are in flight from any worker.
// Within one process the requests of a host first queue in a local HostLimiter (so a process never asks for
// more than the host allows) and ask the database one at a time, waiting exactly as long as it says.
import { describeError, type Logger } from '../../core/index.ts';
import { releaseHostSlot, type Store, takeHostSlot } from '../../storage/index.ts';
import { HostLimiter, type HostSlot, type HostSlots } from './host-limiter.ts';

export interface SharedHostLimiterOptions {
  /** Who holds the slots (the worker's id), for clean-up and for reading the table. */
  readonly holder: string;
  /** A slot not released by then is freed: a worker killed mid-request must not hold a host forever. */
  readonly slotTtlMs: number;
  /** How long to wait before asking again while the host has all its requests in flight. */
  readonly busyWaitMs?: number;
  readonly logger?: Logger;
}

/** Same spacing rule as HostLimiter: a start this late still counts from its scheduled time. */
const MAX_SLACK_MS = 50;

let tokens = 0;

/** A granted request start, with when it was granted on the database's clock. */
export interface SharedHostSlot extends HostSlot {
  readonly grantedAtMs: number;
}

export class SharedHostLimiter implements HostSlots {
  private readonly local = new HostLimiter();
  /** Per host, the end of the chain of this process's database asks (one at a time). */
  private readonly asking = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly options: SharedHostLimiterOptions,
  ) {}

  async acquire(
    host: string,
    rate: number,
    concurrency: number,
    signal?: AbortSignal,
  ): Promise<SharedHostSlot> {
    // This process's share first: no more of its own requests than the host allows in flight.
    const local = await this.local.acquire(host, Number.POSITIVE_INFINITY, concurrency, signal);
    let token: string;
    let grantedAtMs: number;
    try {
      ({ token, atMs: grantedAtMs } = await this.serially(host, () =>
        this.takeShared(host, rate, concurrency, signal),
      ));
    } catch (error) {
      local.release();
      throw error;
    }
    let released = false;
    return {
      grantedAtMs,
      release: () => {
        if (released) return;
        released = true;
        // The local slot is given back once the shared one is, so the next request of this process does not
        // find its own finished request still counted.
        releaseHostSlot(this.store, token)
          .catch((error) =>
            // Not fatal: the slot expires by itself (slotTtlMs); until then the host has one slot less.
            this.options.logger?.warn(
              `shared host limiter: could not free a slot of ${host}: ${describeError(error)}`,
            ),
          )
          .finally(() => local.release());
      },
    };
  }

  private serially<T>(host: string, work: () => Promise<T>): Promise<T> {
    const before = this.asking.get(host) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.asking.set(host, tail);
    void tail.then(() => {
      if (this.asking.get(host) === tail) this.asking.delete(host);
    });
    return mine;
  }

  private async takeShared(
    host: string,
    rate: number,
    concurrency: number,
    signal?: AbortSignal,
  ): Promise<{ token: string; atMs: number }> {
    const intervalMs = Number.isFinite(rate) && rate > 0 ? 1000 / rate : 0;
    tokens += 1;
    const token = `${this.options.holder}:${tokens}`;
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const answer = await takeHostSlot(this.store, {
        host,
        holder: this.options.holder,
        token,
        intervalMs,
        slackMs: Math.min(intervalMs / 4, MAX_SLACK_MS),
        concurrency: Math.max(1, concurrency),
        slotTtlMs: this.options.slotTtlMs,
        busyWaitMs: this.options.busyWaitMs ?? 50,
      });
      if (answer.granted) return { token, atMs: answer.atMs };
      await sleep(Math.max(1, answer.waitMs), signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

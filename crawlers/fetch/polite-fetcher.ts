// One polite HTTP GET: robots.txt obeyed, per-host rate and concurrency, a request timeout, a page size
// cap, a redirect limit, retries with exponential backoff on timeouts, network errors and 5xx, 429 waiting
// for Retry-After, and 404/410 never retried. Failures are values with a reason, never exceptions.
import type { RawPage } from '../../core/index.ts';
import type { CrawlConfig } from './crawl-config.ts';
import { HostLimiter } from './host-limiter.ts';
import { RobotsCache } from './robots-cache.ts';

export interface FetchRequest {
  readonly url: string;
  readonly sourceId: string;
  /** Requests per second and in-flight requests for this URL's host (the source's own limits). */
  readonly rate?: number;
  readonly concurrency?: number;
  readonly accept?: string;
  /** Validators of the last fetch, for a conditional request. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly signal?: AbortSignal;
}

export type FetchOutcome =
  | { readonly ok: true; readonly notModified: false; readonly page: RawPage; readonly attempts: number }
  | { readonly ok: true; readonly notModified: true; readonly status: 304; readonly attempts: number }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly status: number | null;
      /** Refused by robots.txt: not an error of the site. */
      readonly blocked: boolean;
      /** A passing trouble (timeout, 5xx, 429, network): worth trying again in a later run. */
      readonly retryable: boolean;
      readonly attempts: number;
    };

/** Called for every HTTP request actually sent (tests and benchmarks count them). */
export type RequestListener = (url: string, status: number | null) => void;

class PageTooLarge extends Error {}

type AttemptOutcome = FetchOutcome extends infer T
  ? T extends FetchOutcome
    ? Omit<T, 'attempts'>
    : never
  : never;

export class PoliteFetcher {
  readonly config: CrawlConfig;
  private readonly limiter = new HostLimiter();
  private readonly robots: RobotsCache;
  private readonly listener?: RequestListener;

  constructor(config: CrawlConfig, listener?: RequestListener) {
    this.config = config;
    this.listener = listener;
    this.robots = new RobotsCache(config.userAgent, (url, signal) => this.fetchRobots(url, signal));
  }

  async fetch(req: FetchRequest): Promise<FetchOutcome> {
    const cfg = this.config;
    let attempts = 0;
    let lastReason = '';
    let lastStatus: number | null = null;
    for (let attempt = 0; attempt <= cfg.maxRetries; attempt++) {
      if (req.signal?.aborted) return this.failed('crawl aborted', null, attempts, true);
      attempts += 1;
      const result = await this.attempt(req);
      if (result.kind === 'done') return { ...result.outcome, attempts } as FetchOutcome;
      lastReason = result.reason;
      lastStatus = result.status;
      if (attempt === cfg.maxRetries) break;
      let waitMs = Math.min(cfg.backoffMaxMs, cfg.backoffBaseMs * 2 ** attempt);
      if (result.retryAfterMs !== undefined) {
        if (result.retryAfterMs > cfg.maxRetryAfterMs) {
          return this.failed(
            `${result.reason}, Retry-After ${Math.round(result.retryAfterMs / 1000)} s is too long`,
            429,
            attempts,
            true,
          );
        }
        waitMs = Math.max(result.retryAfterMs, 0);
      } else {
        waitMs *= 0.8 + Math.random() * 0.4; // jitter, so retries of many pages do not arrive together
      }
      await sleep(waitMs, req.signal);
    }
    return this.failed(`${lastReason} (after ${attempts} attempts)`, lastStatus, attempts, true);
  }

  private failed(reason: string, status: number | null, attempts: number, retryable = false): FetchOutcome {
    return { ok: false, reason, status, blocked: false, retryable, attempts };
  }

  private async attempt(
    req: FetchRequest,
  ): Promise<
    | { kind: 'done'; outcome: AttemptOutcome }
    | { kind: 'retry'; reason: string; status: number | null; retryAfterMs?: number }
  > {
    const cfg = this.config;
    const seen = new Set<string>();
    let url = req.url;
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { kind: 'done', outcome: this.fail(`not a URL: ${url}`, null) };
      }
      const refusal = await this.robots.refusal(parsed, req.signal);
      if (refusal) {
        // Refused by the rules is final; a robots.txt that could not be read is worth another run.
        const byRules = refusal.startsWith('disallowed');
        return {
          kind: 'done',
          outcome: { ...this.fail(refusal, null), blocked: byRules, retryable: !byRules },
        };
      }
      seen.add(url);
      const crawlDelay = this.robots.crawlDelay(parsed);
      let rate = req.rate ?? cfg.ratePerSecond;
      if (crawlDelay && crawlDelay > 0) rate = Math.min(rate, 1 / crawlDelay);
      const slot = await this.limiter.acquire(
        parsed.host,
        rate,
        req.concurrency ?? cfg.hostConcurrency,
        req.signal,
      );
      const headers: Record<string, string> = {
        'user-agent': cfg.userAgent,
        accept: req.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (hop === 0 && req.etag) headers['if-none-match'] = req.etag;
      if (hop === 0 && req.lastModified) headers['if-modified-since'] = req.lastModified;
      const deadline = new Deadline(cfg.requestTimeoutMs, req.signal);
      const signal = deadline.signal;
      let response: Response;
      let body: Uint8Array;
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal });
        this.listener?.(url, response.status);
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (!location)
            return {
              kind: 'done',
              outcome: this.fail(`HTTP ${response.status} without Location`, response.status),
            };
          const next = new URL(location, url).href;
          if (seen.has(next))
            return { kind: 'done', outcome: this.fail(`redirect loop at ${next}`, response.status) };
          if (hop + 1 > cfg.maxRedirects)
            return {
              kind: 'done',
              outcome: this.fail(`more than ${cfg.maxRedirects} redirects`, response.status),
            };
          url = next;
          continue;
        }
        if (response.status !== 200) await response.body?.cancel();
        body = response.status === 200 ? await readCapped(response, cfg.maxPageBytes) : new Uint8Array();
      } catch (error) {
        if (error instanceof PageTooLarge) {
          return { kind: 'done', outcome: this.fail(`page larger than ${cfg.maxPageBytes} bytes`, 200) };
        }
        if (req.signal?.aborted)
          return { kind: 'done', outcome: { ...this.fail('crawl aborted', null), retryable: true } };
        if (deadline.timedOut) {
          this.listener?.(url, null);
          return { kind: 'retry', reason: `timeout after ${cfg.requestTimeoutMs} ms`, status: null };
        }
        return { kind: 'retry', reason: `network error: ${networkErrorCode(error)}`, status: null };
      } finally {
        deadline.clear();
        slot.release();
      }
      const status = response.status;
      if (status === 304) return { kind: 'done', outcome: { ok: true, notModified: true, status: 304 } };
      if (status === 200) {
        const headerMap: Record<string, string> = {};
        response.headers.forEach((v, k) => {
          headerMap[k.toLowerCase()] = v;
        });
        const page: RawPage = {
          sourceId: req.sourceId,
          url: req.url,
          finalUrl: url,
          status,
          headers: headerMap,
          body,
          fetchedAt: new Date().toISOString(),
        };
        return { kind: 'done', outcome: { ok: true, notModified: false, page } };
      }
      if (status === 429) {
        return {
          kind: 'retry',
          reason: 'HTTP 429 Too Many Requests',
          status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) ?? cfg.backoffBaseMs,
        };
      }
      if (status >= 500) return { kind: 'retry', reason: `HTTP ${status}`, status };
      return { kind: 'done', outcome: this.fail(`HTTP ${status}`, status) };
    }
  }

  private fail(reason: string, status: number | null) {
    return { ok: false as const, reason, status, blocked: false, retryable: false };
  }

  /** robots.txt itself: fetched once per host and run, within the host's rate limit. */
  private async fetchRobots(url: string, signal?: AbortSignal): Promise<{ status: number; text: string }> {
    const parsed = new URL(url);
    const slot = await this.limiter.acquire(parsed.host, this.config.ratePerSecond, 1, signal);
    try {
      const deadline = new Deadline(this.config.requestTimeoutMs, signal);
      try {
        const response = await fetch(url, {
          headers: { 'user-agent': this.config.userAgent, accept: 'text/plain' },
          signal: deadline.signal,
        });
        this.listener?.(url, response.status);
        const text =
          response.status === 200 ? new TextDecoder().decode(await readCapped(response, 512_000)) : '';
        if (response.status !== 200) await response.body?.cancel();
        return { status: response.status, text };
      } finally {
        deadline.clear();
      }
    } finally {
      slot.release();
    }
  }
}

/**
 * A request's time limit joined with the crawl's abort signal. A plain timer, cleared when done:
 * AbortSignal.timeout + AbortSignal.any cost more per request and keep timers alive until they fire.
 */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly outer?: AbortSignal;
  private readonly onOuterAbort = () => this.controller.abort(this.outer?.reason);
  timedOut = false;

  constructor(ms: number, outer?: AbortSignal) {
    this.outer = outer;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error(`timeout after ${ms} ms`));
    }, ms);
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

async function readCapped(response: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel();
    throw new PageTooLarge();
  }
  // A declared length within the cap can be read in one go (the stream is still cut at the cap below
  // when no length is declared, or a server sends more than it declared).
  if (response.headers.get('content-length') !== null && Number.isFinite(declared)) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > cap) throw new PageTooLarge();
    return bytes;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > cap) throw new PageTooLarge();
    chunks.push(chunk);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** The useful part of a failed fetch: undici hides the code (ECONNREFUSED, ENOTFOUND) in `cause`. */
export function networkErrorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } })
    .cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).message;
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

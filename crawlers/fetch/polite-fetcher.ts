// One polite HTTP GET: robots.txt obeyed, per-host rate and concurrency, a request timeout, a page size
// cap, a redirect limit, retries with exponential backoff on timeouts, network errors and 5xx, 429 waiting
// for Retry-After, and 404/410 never retried. Failures are values with a reason, never exceptions.
import type { RawPage } from '../../core/index.ts';
import type { CrawlConfig } from './crawl-config.ts';
import { HostLimiter, type HostSlots } from './host-limiter.ts';
import { HttpAgents, HttpGetError, type HttpResult, httpGet } from './http-get.ts';
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

type AttemptOutcome = FetchOutcome extends infer T
  ? T extends FetchOutcome
    ? Omit<T, 'attempts'>
    : never
  : never;

export class PoliteFetcher {
  readonly config: CrawlConfig;
  private readonly limiter: HostSlots;
  private readonly agents = new HttpAgents();
  private readonly robots: RobotsCache;
  private readonly listener?: RequestListener;

  /** `limiter`: the per-host limit to keep; by default this process's own (workers share one, see soz worker). */
  constructor(config: CrawlConfig, listener?: RequestListener, limiter: HostSlots = new HostLimiter()) {
    this.config = config;
    this.listener = listener;
    this.limiter = limiter;
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

  /** Closes the kept-alive connections (idle ones never hold the process open; this frees them now). */
  close(): void {
    this.agents.destroy();
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
    let staleResent = false;
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
      let response: HttpResult;
      try {
        response = await httpGet(parsed, {
          headers,
          agents: this.agents,
          timeoutMs: cfg.requestTimeoutMs,
          maxBytes: cfg.maxPageBytes,
          signal: req.signal,
          onStatus: (status) => this.listener?.(url, status),
        });
      } catch (error) {
        const e = error instanceof HttpGetError ? error : null;
        if (e?.kind === 'too-large') return { kind: 'done', outcome: this.fail(e.message, 200) };
        if (req.signal?.aborted || e?.kind === 'aborted')
          return { kind: 'done', outcome: { ...this.fail('crawl aborted', null), retryable: true } };
        if (e?.kind === 'timeout') {
          this.listener?.(url, null);
          return { kind: 'retry', reason: e.message, status: null };
        }
        // A kept-alive connection the server closed just then: resent at once, not counted as a try.
        if (e?.staleConnection && !staleResent) {
          staleResent = true;
          hop -= 1;
          continue;
        }
        return {
          kind: 'retry',
          reason: `network error: ${e?.code ?? networkErrorCode(error)}`,
          status: null,
        };
      } finally {
        slot.release();
      }
      const status = response.status;
      if (status >= 300 && status < 400 && status !== 304) {
        const location = response.headers.location;
        if (!location) return { kind: 'done', outcome: this.fail(`HTTP ${status} without Location`, status) };
        const next = new URL(location, url).href;
        if (seen.has(next)) return { kind: 'done', outcome: this.fail(`redirect loop at ${next}`, status) };
        if (hop + 1 > cfg.maxRedirects)
          return { kind: 'done', outcome: this.fail(`more than ${cfg.maxRedirects} redirects`, status) };
        url = next;
        continue;
      }
      if (status === 304) return { kind: 'done', outcome: { ok: true, notModified: true, status: 304 } };
      if (status === 200) {
        const page: RawPage = {
          sourceId: req.sourceId,
          url: req.url,
          finalUrl: url,
          status,
          headers: response.headers,
          body: response.body,
          fetchedAt: new Date().toISOString(),
        };
        return { kind: 'done', outcome: { ok: true, notModified: false, page } };
      }
      if (status === 429) {
        return {
          kind: 'retry',
          reason: 'HTTP 429 Too Many Requests',
          status,
          retryAfterMs: parseRetryAfter(response.headers['retry-after'] ?? null) ?? cfg.backoffBaseMs,
        };
      }
      if (status >= 500) return { kind: 'retry', reason: `HTTP ${status}`, status };
      return { kind: 'done', outcome: this.fail(`HTTP ${status}`, status) };
    }
  }

  private fail(reason: string, status: number | null) {
    return { ok: false as const, reason, status, blocked: false, retryable: false };
  }

  /**
   * robots.txt itself: fetched once per host and run, within the host's rate limit, following up to five
   * redirects (RFC 9309). Through the same client as the pages: fetch() alone would load a second HTTP
   * stack into the process (16 MB, 40 ms) for one request per host.
   */
  private async fetchRobots(url: string, signal?: AbortSignal): Promise<{ status: number; text: string }> {
    let target = new URL(url);
    const slot = await this.limiter.acquire(target.host, this.config.ratePerSecond, 1, signal);
    try {
      for (let hop = 0; ; hop++) {
        const from = target.href;
        const response = await httpGet(target, {
          headers: {
            'user-agent': this.config.userAgent,
            accept: 'text/plain',
            'accept-encoding': 'gzip, deflate, br',
          },
          agents: this.agents,
          timeoutMs: this.config.requestTimeoutMs,
          maxBytes: 512_000,
          signal,
          onStatus: (status) => this.listener?.(from, status),
        });
        const location = response.headers.location;
        if (response.status >= 300 && response.status < 400 && location && hop < 5) {
          target = new URL(location, target);
          continue;
        }
        const text = response.status === 200 ? new TextDecoder().decode(response.body) : '';
        return { status: response.status, text };
      }
    } finally {
      slot.release();
    }
  }
}

/** The useful part of a failed request: its code (ECONNREFUSED, ENOTFOUND), which fetch hides in `cause`. */
export function networkErrorCode(error: unknown): string {
  if (error instanceof HttpGetError) return error.kind === 'network' ? error.code : error.message;
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

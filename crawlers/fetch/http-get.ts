// One HTTP GET on node:http / node:https, without following redirects: the status, the headers and (for a
// 200) the body, decoded from gzip, deflate or brotli and cut at a size cap. The polite fetcher's article
// requests go through here rather than through fetch(): fetch's WHATWG streams, Request/Response objects
// and abort signals cost twice the CPU per page of a plain request, more than the rest of the crawl layer.
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export interface HttpResult {
  readonly status: number;
  /** Lower-cased names; repeated headers joined with ", " (as fetch's Headers does). */
  readonly headers: Record<string, string>;
  /** Empty unless the status is 200. */
  readonly body: Uint8Array;
}

export interface HttpGetOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly agents: HttpAgents;
  /** The whole request, body included. */
  readonly timeoutMs: number;
  /** Bytes of the body at most, as sent and as decoded. */
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  /** Called when the status line arrives (before the body is read). */
  readonly onStatus?: (status: number) => void;
}

/** Why a request failed, for the caller to tell a passing trouble from a final one. */
export class HttpGetError extends Error {
  constructor(
    message: string,
    readonly kind: 'too-large' | 'timeout' | 'aborted' | 'network',
    /** ECONNREFUSED, ECONNRESET, …: what failed on the network. */
    readonly code: string,
    /** The request went out on a kept-alive connection the server had just closed: safe to resend. */
    readonly staleConnection = false,
  ) {
    super(message);
  }
}

/** Kept-alive connections, one pool per scheme; `destroy()` closes them when the crawl ends. */
export class HttpAgents {
  readonly http = new http.Agent({ keepAlive: true, scheduling: 'lifo' });
  readonly https = new https.Agent({ keepAlive: true, scheduling: 'lifo' });

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

const decoders: Record<string, (buf: Buffer, opts: zlib.ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  br: promisify(zlib.brotliDecompress) as (buf: Buffer, opts: zlib.ZlibOptions) => Promise<Buffer>,
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate (the first byte tells).
  deflate: (buf, opts) =>
    (buf[0]! & 0x0f) === 8 ? promisify(zlib.inflate)(buf, opts) : promisify(zlib.inflateRaw)(buf, opts),
};

export function httpGet(url: URL, options: HttpGetOptions): Promise<HttpResult> {
  return new Promise<HttpResult>((resolve, reject) => {
    const { signal, maxBytes } = options;
    let settled = false;
    let req: http.ClientRequest | null = null;
    const finish = (error: HttpGetError | null, result?: HttpResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        req?.destroy();
        reject(error);
      } else resolve(result!);
    };
    const onAbort = () => finish(new HttpGetError('crawl aborted', 'aborted', 'ABORT_ERR'));
    const timer = setTimeout(
      () => finish(new HttpGetError(`timeout after ${options.timeoutMs} ms`, 'timeout', 'ETIMEDOUT')),
      options.timeoutMs,
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const tooLarge = () =>
      finish(new HttpGetError(`page larger than ${maxBytes} bytes`, 'too-large', 'E2BIG'));
    const client = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? options.agents.https : options.agents.http;
    req = client.get(url, { agent, headers: options.headers }, (res) => {
      const status = res.statusCode ?? 0;
      options.onStatus?.(status);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      }
      if (status !== 200) {
        // No body is needed: an empty one is drained so the connection is reused, any other dropped.
        if (status === 304 || headers['content-length'] === '0') res.resume();
        else res.destroy();
        return finish(null, { status, headers, body: new Uint8Array() });
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) tooLarge();
        else chunks.push(chunk);
      });
      let ended = false;
      res.on('error', (error) => finish(networkError(error, false)));
      // A connection cut mid-body: not every Node version reports it as an error of the response.
      res.on('close', () => {
        if (!ended) finish(new HttpGetError('network error: ECONNRESET', 'network', 'ECONNRESET'));
      });
      res.on('end', () => {
        ended = true;
        if (settled) return;
        const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
        decode(raw, headers['content-encoding'], maxBytes).then(
          (body) => finish(null, { status, headers, body }),
          (error: unknown) =>
            (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
              ? tooLarge()
              : finish(networkError(error, false)),
        );
      });
    });
    req.on('error', (error) => finish(networkError(error, req?.reusedSocket ?? false)));
  });
}

/** Content-Encoding undone, last applied first; an unknown coding is left as it is (as fetch does). */
async function decode(raw: Buffer, encoding: string | undefined, maxBytes: number): Promise<Uint8Array> {
  if (!encoding || raw.byteLength === 0) return raw;
  let body = raw;
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim());
  for (const coding of codings.reverse()) {
    const decoder = decoders[coding];
    if (decoder) body = await decoder(body, { maxOutputLength: maxBytes });
  }
  return body;
}

function networkError(error: unknown, reusedSocket: boolean): HttpGetError {
  const code = (error as { code?: string }).code ?? (error as Error).message;
  // A kept-alive connection closed by the server just as the request went out: nothing reached it.
  const stale = reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
  return new HttpGetError(`network error: ${code}`, 'network', code, stale);
}

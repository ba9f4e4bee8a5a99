// Small request helpers for node:http: cookies, a size-limited urlencoded form body, client address.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { UiReason } from './review-errors.ts';

/** A request the server refuses; `reason` words it for the reviewer (errors.<key>), `message` for the log. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: UiReason,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      // A malformed cookie value is ignored, as browsers do; the request goes on without it.
      out.set(name, '');
    }
  }
  return out;
}

/** A form body (application/x-www-form-urlencoded), every field as its last value, plus multi-valued ones. */
export interface FormBody {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
}

export async function readForm(req: IncomingMessage, maxBytes: number): Promise<FormBody> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new RequestError(415, 'forms must be sent as application/x-www-form-urlencoded', {
      key: 'formType',
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new RequestError(413, `the form is larger than ${maxBytes} bytes`, {
        key: 'formTooLarge',
        vars: { bytes: maxBytes },
      });
    chunks.push(chunk as Buffer);
  }
  const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  return {
    get: (name) => {
      const all = params.getAll(name);
      return all.length ? all[all.length - 1] : undefined;
    },
    all: (name) => params.getAll(name),
    has: (name) => params.has(name),
  };
}

/**
 * The client's address: the socket's, or behind a trusted reverse proxy the last X-Forwarded-For entry —
 * the one our proxy appended; earlier entries come from the client and could be forged. Without
 * `trustProxy` the header is ignored, since anyone can send it.
 */
export function clientAddress(req: IncomingMessage, trustProxy = false): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    const last = list[list.length - 1]!.trim();
    if (isIP(last)) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

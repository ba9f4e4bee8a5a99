// robots.txt per origin, fetched once per crawl. Rules are parsed by crawlee's RobotsTxtFile; a missing
// robots.txt (4xx) allows everything; an unreachable one or a 5xx disallows the host for this run, as
// the robots.txt standard (RFC 9309) asks.
import { RobotsTxtFile } from '@crawlee/utils';
import { networkErrorCode } from './polite-fetcher.ts';

interface Entry {
  readonly rules: RobotsTxtFile | null;
  readonly allowAll: boolean;
  readonly crawlDelay: number | null;
  /** Why the whole host is off limits (robots.txt unreachable or failing), when it is. */
  readonly hostRefused?: string;
}

export class RobotsCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly agentToken: string;

  constructor(
    userAgent: string,
    private readonly load: (url: string, signal?: AbortSignal) => Promise<{ status: number; text: string }>,
  ) {
    this.agentToken = userAgent.split(/[\s/]/)[0] ?? '*';
  }

  /** Null when robots.txt lets us fetch `url`, else the reason it does not. */
  async refusal(url: URL, signal?: AbortSignal): Promise<string | null> {
    if (url.pathname === '/robots.txt') return null;
    const entry = await this.entry(url.origin, signal);
    if (entry.allowAll) return null;
    if (!entry.rules) return entry.hostRefused ?? 'robots.txt could not be read';
    return entry.rules.isAllowed(url.href, this.agentToken)
      ? null
      : `disallowed by robots.txt: ${url.pathname}`;
  }

  /** Crawl-delay (seconds) for us, once robots.txt has been read; null when none. */
  crawlDelay(url: URL): number | null {
    return this.settled.get(url.origin)?.crawlDelay ?? null;
  }

  private readonly settled = new Map<string, Entry>();

  private entry(origin: string, signal?: AbortSignal): Promise<Entry> {
    let p = this.entries.get(origin);
    if (!p) {
      p = this.read(origin, signal).then((e) => {
        this.settled.set(origin, e);
        return e;
      });
      this.entries.set(origin, p);
    }
    return p;
  }

  private async read(origin: string, signal?: AbortSignal): Promise<Entry> {
    const url = `${origin}/robots.txt`;
    let res: { status: number; text: string };
    try {
      res = await this.load(url, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      const cause = networkErrorCode(error);
      return {
        rules: null,
        allowAll: false,
        crawlDelay: null,
        hostRefused: `robots.txt unreachable (${cause}): host skipped this run`,
      };
    }
    if (res.status >= 400 && res.status < 500) return { rules: null, allowAll: true, crawlDelay: null };
    if (res.status !== 200) {
      return {
        rules: null,
        allowAll: false,
        crawlDelay: null,
        hostRefused: `robots.txt answered HTTP ${res.status}: host skipped this run`,
      };
    }
    return {
      rules: RobotsTxtFile.from(url, res.text),
      allowAll: false,
      crawlDelay: crawlDelayFor(res.text, this.agentToken),
    };
  }
}

/** The Crawl-delay of the group naming our agent, else of the `*` group. */
export function crawlDelayFor(text: string, agentToken: string): number | null {
  let agents: string[] = [];
  let inRules = false;
  const delays = new Map<string, number>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (inRules) agents = [];
      inRules = false;
      agents.push(value.toLowerCase());
    } else {
      inRules = true;
      if (key === 'crawl-delay' && Number.isFinite(Number(value)))
        for (const a of agents) delays.set(a, Number(value));
    }
  }
  return delays.get(agentToken.toLowerCase()) ?? delays.get('*') ?? null;
}

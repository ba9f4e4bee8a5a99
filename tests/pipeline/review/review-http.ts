// A tiny cookie-keeping HTTP client for the review server tests (fetch with manual redirects).

export class ReviewClient {
  /** `sent` goes with every request (a browser's Accept-Language); `cookies` may be shared with another client. */
  constructor(
    readonly base: string,
    private readonly sent: Record<string, string> = {},
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser (same cookies) talking to another server: two servers behind one proxy. */
  at(base: string): ReviewClient {
    return new ReviewClient(base, this.sent, this.cookies);
  }

  /** The raw Set-Cookie headers of the last response that set any (for cookie attribute checks). */
  lastSetCookies: string[] = [];

  private remember(res: Response) {
    const set = res.headers.getSetCookie();
    if (set.length > 0) this.lastSetCookies = set;
    for (const c of set) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/Max-Age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...this.sent, ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(path: string): Promise<{ res: Response; body: string }> {
    const res = await fetch(this.base + path, { redirect: 'manual', headers: this.headers() });
    this.remember(res);
    return { res, body: await res.text() };
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<{ res: Response; body: string }> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
      body: form.toString(),
    });
    this.remember(res);
    return { res, body: await res.text() };
  }

  static csrfOf(body: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (!m) throw new Error('no CSRF token on the page');
    return m[1]!;
  }

  async logIn(name: string, password: string): Promise<Response> {
    const page = await this.get('/login');
    const { res } = await this.post('/login', { _csrf: ReviewClient.csrfOf(page.body), name, password });
    return res;
  }
}

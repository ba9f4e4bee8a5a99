// What an action on a portal page caused, watched from inside the page (functions run through inPage and
// waitInPage, so they must not reach anything outside themselves).
// Why in the page and not with Playwright's page.waitForResponse: once a page is subscribed to responses,
// Playwright keeps every response it reports (client Request and Response objects under the page, the
// server's dispatchers, the answer's body) until the page closes or 10,000 of them pile up, and one search's
// walk through its result pages stays on one page: that was ~30 KiB per result page (heap snapshots at
// result page 100 and 300, docs/court-portal.md «Speed and memory»). Counters in the page leave nothing behind.

export interface WatchArgs {
  /** The result panel, marked stale so that its replacement shows; null when the action replaces no panel. */
  readonly panel: string | null;
  /** Message areas emptied before the action, so that a message after it is the portal's answer to it. */
  readonly clear: readonly string[];
}

interface Watch {
  answers: number;
  mutations: number;
  last: number;
}

/**
 * From now on, counts the DOM's changes and the answers to JSF partial (AJAX) requests — sent by
 * XMLHttpRequest (jsf.js, RichFaces, PrimeFaces) or by fetch — that is, requests with the header
 * `Faces-Request: partial/ajax` or a `…faces.partial.ajax` parameter. Installed once per document.
 */
export function watchUpdates(arg: WatchArgs): void {
  const w = window as unknown as { __sozWatch?: Watch };
  let watch = w.__sozWatch;
  if (!watch) {
    const state: Watch = { answers: 0, mutations: 0, last: performance.now() };
    watch = state;
    w.__sozWatch = state;
    new MutationObserver(() => {
      state.mutations++;
      state.last = performance.now();
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    const facesBody = (body: unknown): boolean => {
      if (typeof body === 'string') return /faces\.partial\.ajax=/.test(body);
      if (body instanceof URLSearchParams || body instanceof FormData)
        return body.has('javax.faces.partial.ajax') || body.has('jakarta.faces.partial.ajax');
      return false;
    };
    const answered = () => {
      state.answers++;
    };
    const pageFetch = window.fetch;
    if (typeof pageFetch === 'function') {
      window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        const faces = headers.get('faces-request') === 'partial/ajax' || facesBody(init?.body);
        const response = pageFetch.call(this, input, init);
        // A failed request is no answer: the wait for one times out and says so.
        if (faces) response.then(answered, () => undefined);
        return response;
      } as typeof fetch;
    }
    const xhr = XMLHttpRequest.prototype;
    const setHeader = xhr.setRequestHeader;
    const send = xhr.send;
    const facesRequests = new WeakSet<XMLHttpRequest>();
    xhr.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
      if (name.toLowerCase() === 'faces-request' && value === 'partial/ajax') facesRequests.add(this);
      return setHeader.call(this, name, value);
    };
    xhr.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      // `load` comes after the page's own readystatechange handler has applied the answer.
      if (facesRequests.has(this) || facesBody(body)) this.addEventListener('load', answered, { once: true });
      return send.call(this, body);
    };
  }
  watch.answers = 0;
  if (arg.panel) document.querySelector(arg.panel)?.setAttribute('data-soz-stale', '1');
  for (const s of arg.clear) for (const m of document.querySelectorAll(s)) m.innerHTML = '';
  watch.mutations = 0;
  watch.last = performance.now();
}

/** An AJAX answer arrived since watchUpdates, or this is another document: the action navigated. */
export function answeredOrLeft(_: null): boolean {
  const watch = (window as unknown as { __sozWatch?: Watch }).__sozWatch;
  return watch === undefined || watch.answers > 0;
}

/** The result panel was replaced, or the DOM changed and has been quiet for 80 ms. */
export function settled(panel: string | null): boolean {
  if (panel) {
    const p = document.querySelector(panel);
    if (p && !p.hasAttribute('data-soz-stale')) return true;
  }
  const watch = (window as unknown as { __sozWatch?: Watch }).__sozWatch;
  return watch !== undefined && watch.mutations > 0 && performance.now() - watch.last > 80;
}

/**
 * Both at once, in one wait (a page turn costs one wait, not two): another document, or an AJAX answer and
 * the page settled after it. Self-contained: in-page functions cannot call each other.
 */
export function answeredAndSettled(panel: string | null): boolean {
  const watch = (window as unknown as { __sozWatch?: Watch }).__sozWatch;
  if (watch === undefined) return true;
  if (watch.answers === 0) return false;
  if (panel) {
    const p = document.querySelector(panel);
    if (p && !p.hasAttribute('data-soz-stale')) return true;
  }
  return watch.mutations > 0 && performance.now() - watch.last > 80;
}

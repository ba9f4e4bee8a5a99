// How the crawler finds its way on a page it has never seen: functions that run inside the page (through
// Playwright's page.evaluate, so each is self-contained: no imports, no closures) and mark what they found
// with a data-soz-* attribute for Playwright to act on. They look for things the way a person does: menu
// links by their text, fields by their label or name ending, buttons by role and text, the pager by its
// page numbers or its `thisPage` posts, the language switch by its text or its selectLanguage…() call.

export interface FieldQuery {
  readonly key: string;
  readonly names: readonly string[];
  readonly labels: readonly string[];
  /** CSS templates with `{name}` (config selectors.field). */
  readonly selectors: readonly string[];
}

export interface FoundField {
  readonly kind: 'select' | 'text' | 'date' | 'selectize' | 'hidden';
  /** How it was found, for reports. */
  readonly how: string;
  readonly placeholder: string;
}

/** Marks the form field (`data-soz-field`) and, for a selectize-style widget, the widget (`data-soz-widget`). */
export function markField(q: FieldQuery): FoundField | null {
  const fold = (s: string) =>
    s
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[:*]\s*$/, '')
      .trim();
  const isControl = (e: Element | null): e is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
    !!e &&
    e.matches('input, select, textarea') &&
    !e.matches('[type=submit], [type=button], [type=image], [type=reset], [type=checkbox], [type=radio]');
  for (const old of document.querySelectorAll(`[data-soz-field="${q.key}"], [data-soz-widget="${q.key}"]`)) {
    old.removeAttribute('data-soz-field');
    old.removeAttribute('data-soz-widget');
  }
  let el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null = null;
  let how = '';
  outer: for (const name of q.names) {
    for (const template of q.selectors) {
      let found: NodeListOf<Element>;
      try {
        found = document.querySelectorAll(template.split('{name}').join(name));
      } catch {
        continue; // a template that is no valid selector for this name; the others may be
      }
      for (const f of found) {
        if (isControl(f) && !f.closest('[class*="selectize-control"]')) {
          el = f;
          how = `name ending «${name}»`;
          break outer;
        }
      }
    }
  }
  if (!el) {
    const wanted = q.labels.map(fold);
    const candidates = document.querySelectorAll('label, th, td, dt, span, div, b, strong, p, legend');
    for (const label of candidates) {
      if (label.querySelector('input, select, textarea, table, div, p')) continue;
      if (!wanted.includes(fold(label.textContent ?? ''))) continue;
      const forId = label.getAttribute('for');
      let c: Element | null = forId ? document.getElementById(forId) : null;
      if (!isControl(c)) {
        // The first control after the label, inside the nearest ancestor (up to three levels) that has one.
        c = null;
        let scope: Element | null = label.parentElement;
        for (let depth = 0; scope && depth < 3 && !c; depth++, scope = scope.parentElement) {
          for (const candidate of scope.querySelectorAll('input, select, textarea')) {
            if (!isControl(candidate)) continue;
            if (label.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) {
              c = candidate;
              break;
            }
          }
        }
      }
      if (isControl(c)) {
        el = c;
        how = `label «${(label.textContent ?? '').trim()}»`;
        break;
      }
    }
  }
  if (!el) return null;
  // A selectize-style widget: the label may point at the widget's own input; the real field is the hidden one.
  const inWidget = el.closest('[class*="selectize-control"]');
  if (inWidget) {
    const original = inWidget.previousElementSibling;
    if (isControl(original) || original?.matches('input[type=hidden]')) el = original as HTMLInputElement;
  }
  el.setAttribute('data-soz-field', q.key);
  const style = getComputedStyle(el);
  const hidden =
    (el instanceof HTMLInputElement && el.type === 'hidden') ||
    style.display === 'none' ||
    style.visibility === 'hidden' ||
    el.classList.contains('selectized');
  const placeholder = el.getAttribute('placeholder') ?? '';
  if (hidden) {
    let widget: Element | null = el.nextElementSibling;
    if (!widget?.matches('[class*="selectize"]'))
      widget = el.parentElement?.querySelector('[class*="selectize-control"]') ?? null;
    if (widget) {
      widget.setAttribute('data-soz-widget', q.key);
      return { kind: 'selectize', how: `${how}, a selectize-style widget`, placeholder };
    }
    return { kind: 'hidden', how: `${how}, hidden`, placeholder };
  }
  if (el instanceof HTMLSelectElement) return { kind: 'select', how, placeholder };
  if (el instanceof HTMLInputElement && el.type === 'date') return { kind: 'date', how, placeholder };
  return { kind: 'text', how, placeholder };
}

/** Marks (`data-soz-button`) the search button of the form holding the marked fields: by role and text. */
export function markSearchButton(q: {
  texts: readonly string[];
  selectors: readonly string[];
}): string | null {
  const fold = (s: string) =>
    s
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .toLowerCase()
      .replace(/ё/g, 'е');
  for (const old of document.querySelectorAll('[data-soz-button]')) old.removeAttribute('data-soz-button');
  const scope: ParentNode = document.querySelector('[data-soz-field]')?.closest('form') ?? document;
  const wanted = q.texts.map(fold);
  const buttons = [
    ...scope.querySelectorAll(
      'button, input[type=submit], input[type=button], [role=button], a[onclick], a[class*="btn"], a[class*="button"]',
    ),
  ];
  const label = (b: Element) => fold(b instanceof HTMLInputElement ? b.value : (b.textContent ?? ''));
  const match =
    buttons.find((b) => wanted.includes(label(b))) ??
    buttons.find((b) => wanted.some((w) => label(b).startsWith(w))) ??
    q.selectors.map((s) => scope.querySelector(s)).find((b) => b !== null) ??
    null;
  if (!match) return null;
  match.setAttribute('data-soz-button', '1');
  return `«${label(match)}»`;
}

/** Marks (`data-soz-menu`) the first link whose text contains one of `texts`; returns its address. */
export function markMenuLink(texts: readonly string[]): { href: string; text: string } | null {
  const fold = (s: string) =>
    s
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .toLowerCase()
      .replace(/ё/g, 'е');
  for (const old of document.querySelectorAll('[data-soz-menu]')) old.removeAttribute('data-soz-menu');
  const wanted = texts.map(fold);
  const links = [...document.querySelectorAll('a, [role=menuitem], [role=link]')];
  // Exact texts first (a menu item), then containment (a longer wording of the same service).
  const match =
    links.find((a) => wanted.includes(fold(a.textContent ?? ''))) ??
    links.find((a) => wanted.some((w) => fold(a.textContent ?? '').includes(w)));
  if (!match) return null;
  match.setAttribute('data-soz-menu', '1');
  return {
    href: match instanceof HTMLAnchorElement ? match.href : '',
    text: (match.textContent ?? '').trim(),
  };
}

/** The interface language: `html[lang]`, else the share of Kazakh-only letters in the interface's words. */
export function pageLanguage(): 'ru' | 'kk' | null {
  const lang = (document.documentElement.getAttribute('lang') ?? '').toLowerCase().slice(0, 2);
  if (lang === 'ru') return 'ru';
  if (lang === 'kk' || lang === 'kz') return 'kk';
  const words = [...document.querySelectorAll('a, label, th, button, h1, h2, h3, legend, dt')]
    .flatMap((e) => (e.textContent ?? '').split(/[^А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+/))
    .filter((w) => w.length > 2);
  if (words.length === 0) return null;
  const kazakh = words.filter((w) => /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(w)).length;
  return kazakh / words.length > 0.12 ? 'kk' : 'ru';
}

/** Marks (`data-soz-lang`) the switch to `lang`: by the configured selectors, else by its text. */
export function markLanguageSwitch(q: {
  selectors: readonly string[];
  texts: readonly string[];
}): string | null {
  const fold = (s: string) =>
    s
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .toLowerCase();
  for (const old of document.querySelectorAll('[data-soz-lang]')) old.removeAttribute('data-soz-lang');
  for (const s of q.selectors) {
    let el: Element | null = null;
    try {
      el = document.querySelector(s);
    } catch {
      continue;
    }
    if (el) {
      el.setAttribute('data-soz-lang', '1');
      return s;
    }
  }
  const wanted = q.texts.map(fold);
  const el = [...document.querySelectorAll('a, button, [role=button], [onclick]')].find((e) =>
    wanted.includes(fold(e.textContent ?? '')),
  );
  if (!el) return null;
  el.setAttribute('data-soz-lang', '1');
  return `text «${(el.textContent ?? '').trim()}»`;
}

/**
 * Marks (`data-soz-next`) the control leading from result page `n` to page n+1: the link numbered n+1, a
 * `thisPage` post of n+1 (RichFaces data scroller), else a "next" control that is not disabled.
 */
export function markNextPage(q: {
  n: number;
  pager: readonly string[];
  next: readonly string[];
  texts: readonly string[];
}): string | null {
  for (const old of document.querySelectorAll('[data-soz-next]')) old.removeAttribute('data-soz-next');
  const containers = new Set<Element>();
  for (const s of q.pager) {
    try {
      for (const c of document.querySelectorAll(s)) containers.add(c);
    } catch {
      // an invalid selector names nothing
    }
  }
  for (const e of document.querySelectorAll('[onclick*="thisPage"]'))
    if (e.parentElement) containers.add(e.parentElement);
  const disabled = (e: Element) =>
    /(^|[\s-])(dis|disabled|inactive)(\s|$)|rf-ds-dis/.test(e.className.toString()) ||
    e.getAttribute('aria-disabled') === 'true' ||
    e.hasAttribute('disabled');
  const clickable = (e: Element) =>
    (e.matches('a[href], button, input, [onclick], [role=button], [role=link]') ||
      e.querySelector('a[href], [onclick]') !== null) &&
    !disabled(e);
  const target = String(q.n + 1);
  const candidates = [...containers].flatMap((c) => [
    ...c.querySelectorAll('a, button, span, li, [onclick]'),
  ]);
  const mark = (e: Element, how: string) => {
    const inner = e.matches('a, button, [onclick]') ? e : (e.querySelector('a, button, [onclick]') ?? e);
    inner.setAttribute('data-soz-next', '1');
    return how;
  };
  const numbered = candidates.find((e) => (e.textContent ?? '').trim() === target && clickable(e));
  if (numbered) return mark(numbered, `page link ${target}`);
  const posted = candidates.find((e) => {
    const m = /thisPage['"]?\s*[:=,]\s*['"]?(\d+)/.exec(e.getAttribute('onclick') ?? '');
    return m?.[1] === target && !disabled(e);
  });
  if (posted) return mark(posted, `thisPage=${target}`);
  for (const s of q.next) {
    for (const c of containers) {
      let e: Element | null = null;
      try {
        e = c.querySelector(s);
      } catch {
        break;
      }
      if (e && clickable(e)) return mark(e, s);
    }
  }
  const texts = q.texts.map((t) => t.trim().toLowerCase());
  const byText = candidates.find(
    (e) => texts.includes((e.textContent ?? '').trim().toLowerCase()) && clickable(e),
  );
  return byText ? mark(byText, `«${(byText.textContent ?? '').trim()}»`) : null;
}

/** A call of one of our in-page functions, as source. Compilers may wrap functions in a `__name` helper. */
const inPageCall = <A, R>(fn: (arg: A) => R, arg: A) =>
  `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;

/** Runs one of our in-page functions (this file's, watch-page-updates.ts's) in the page. */
export async function inPage<A, R>(
  page: { evaluate(expression: string): Promise<unknown> },
  fn: (arg: A) => R,
  arg: A,
): Promise<R> {
  return page.evaluate(inPageCall(fn, arg)) as Promise<R>;
}

/**
 * Waits until one of our in-page functions returns true, across navigations. The handle Playwright returns
 * is released at once: an undisposed handle stays referenced as long as the page lives.
 */
export async function waitInPage<A>(
  page: {
    waitForFunction(
      expression: string,
      arg: undefined,
      options: { timeout: number; polling: number },
    ): Promise<{ dispose(): Promise<void> }>;
  },
  fn: (arg: A) => boolean,
  arg: A,
  options: { timeout: number; polling: number },
): Promise<void> {
  const handle = await page.waitForFunction(inPageCall(fn, arg), undefined, options);
  await handle.dispose();
}

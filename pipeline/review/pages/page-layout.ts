// The frame of every page: navigation, the signed-in account, flash messages and the shortcut help.
// Styles and script come from /static (the Content-Security-Policy forbids inline ones).
import type { User } from '../../../storage/index.ts';
import { html, type SafeHtml } from '../html.ts';
import type { UiText } from '../ui-text.ts';

export interface PageContext {
  readonly user: User | null;
  readonly csrf: string;
  /** The page's wording (config/review-ui/<lang>/): every visible string goes through it. */
  readonly text: UiText;
}

export interface Flash {
  readonly kind: 'ok' | 'error' | 'conflict';
  readonly message: string;
}

/** Keys and the wording key that explains each (common.shortcuts.<name>). */
export const SHORTCUTS: readonly [string, string][] = [
  ['j', 'next'],
  ['k', 'previous'],
  ['Enter', 'open'],
  ['c', 'confirm'],
  ['r', 'reject'],
  ['d', 'defer'],
  ['?', 'help'],
];

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

export function layout(
  ctx: PageContext,
  title: string,
  body: SafeHtml,
  flash: readonly Flash[] = [],
): string {
  const t = ctx.text;
  const nav = ctx.user
    ? html`<nav>
        <a href="/queue">${t.t('common.nav.queue')}</a>
        <a href="/entries">${t.t('common.nav.entries')}</a>
        <a href="/cases">${t.t('cases.nav')}</a>
        <span class="who">${ctx.user.name} (${t.t(`common.roles.${ctx.user.role}`)})</span>
        <form method="post" action="/logout" class="inline">${csrfField(ctx.csrf)}<button type="submit">${t.t('common.nav.logout')}</button></form>
      </nav>`
    : html``;
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t.t('common.brand')}</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header><span class="brand">${t.t('common.brand')}</span>${nav}</header>
${flash.map((f) => html`<p class="flash flash-${f.kind}" role="${f.kind === 'ok' ? 'status' : 'alert'}">${f.message}</p>`)}
<main>${body}</main>
<footer>
  <p class="shortcut-line">${t.t('common.keys')}: ${SHORTCUTS.filter(([k]) => k !== 'Enter').map(([k, what]) => html`<kbd>${k}</kbd> ${t.t(`common.shortcutsShort.${what}`)} · `)}</p>
  <section id="shortcuts" class="shortcuts" hidden aria-label="${t.t('common.shortcutsTitle')}">
    <h2>${t.t('common.shortcutsTitle')}</h2>
    <dl>${SHORTCUTS.map(([k, what]) => html`<dt><kbd>${k}</kbd></dt><dd>${t.t(`common.shortcuts.${what}`)}</dd>`)}</dl>
  </section>
</footer>
</body>
</html>`.value;
}

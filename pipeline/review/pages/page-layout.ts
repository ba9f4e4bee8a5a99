// The frame of every page: navigation, the signed-in account, the language switch, flash messages and the
// shortcut help. Styles and script come from /static (the Content-Security-Policy forbids inline ones).
// Text that is content, not wording (titles and texts of reports, names, ids, URLs), is marked
// translate="no": the languages test reads everything else and finds no English on a Kazakh page.
import type { User } from '../../../storage/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { UI_LANGS, type UiText } from '../ui-text.ts';

export interface PageContext {
  readonly user: User | null;
  readonly csrf: string;
  /** The page's wording (config/review-ui/<lang>/): every visible string goes through it. */
  readonly text: UiText;
  /** This page's own address (path and query), where the language switch brings the reviewer back. */
  readonly here?: string;
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

/** Where the language switch posts: the account's choice when signed in, a cookie on the login page. */
export const LANG_SWITCH_PATH = { signedIn: '/lang', anonymous: '/login/lang' } as const;

// Three buttons, one per language, each named in its own language: one click, no script needed. They
// carry no type attribute (submit by default) so that `button[type="submit"]` still means the page's own
// form. A page without a form token (an error page of a stranger) has no switch.
function languageSwitch(ctx: PageContext): SafeHtml | '' {
  if (!ctx.csrf) return '';
  const t = ctx.text;
  const action = ctx.user ? LANG_SWITCH_PATH.signedIn : LANG_SWITCH_PATH.anonymous;
  return html`<form method="post" action="${action}" class="lang-switch" id="lang-switch" aria-label="${t.t('common.langSwitch.label')}">
    ${csrfField(ctx.csrf)}${ctx.here ? html`<input type="hidden" name="back" value="${ctx.here}">` : ''}
    ${UI_LANGS.map(
      (l) =>
        html`<button name="lang" value="${l}" lang="${l}"${l === t.lang ? html` aria-pressed="true" disabled` : ''}>${t.t(`common.langSwitch.${l}`)}</button>`,
    )}
  </form>`;
}

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
        <a href="/add">${t.t('add.nav')}</a>
        <a href="/classifier">${t.t('classifier.nav')}</a>
        ${ctx.user.role === 'editor' ? html`<a href="/sources">${t.t('sources.nav')}</a>` : ''}
        <span class="who"><span translate="no">${ctx.user.name}</span> (${t.t(`common.roles.${ctx.user.role}`)})</span>
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
<header><span class="brand">${t.t('common.brand')}</span>${nav}${languageSwitch(ctx)}</header>
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

// The frame of every page: navigation, the signed-in account, flash messages and the shortcut help.
// Styles and script come from /static (the Content-Security-Policy forbids inline ones).
import type { User } from '../../../storage/index.ts';
import { html, type SafeHtml } from '../html.ts';

export interface PageContext {
  readonly user: User | null;
  readonly csrf: string;
}

export interface Flash {
  readonly kind: 'ok' | 'error' | 'conflict';
  readonly message: string;
}

export const SHORTCUTS: readonly [string, string][] = [
  ['j', 'next candidate'],
  ['k', 'previous candidate'],
  ['Enter', 'open the selected candidate (queue)'],
  ['c', 'confirm: go to the entry form'],
  ['r', 'reject: go to the reason'],
  ['d', 'defer this candidate'],
  ['?', 'show or hide this help'],
];

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

export function layout(
  ctx: PageContext,
  title: string,
  body: SafeHtml,
  flash: readonly Flash[] = [],
): string {
  const nav = ctx.user
    ? html`<nav>
        <a href="/queue">Queue</a>
        <a href="/entries">Entries</a>
        <span class="who">${ctx.user.name} (${ctx.user.role})</span>
        <form method="post" action="/logout" class="inline">${csrfField(ctx.csrf)}<button type="submit">Log out</button></form>
      </nav>`
    : html``;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Soz Monitor review</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header><span class="brand">Soz Monitor · review</span>${nav}</header>
${flash.map((f) => html`<p class="flash flash-${f.kind}" role="${f.kind === 'ok' ? 'status' : 'alert'}">${f.message}</p>`)}
<main>${body}</main>
<footer>
  <p class="shortcut-line">Keys: ${SHORTCUTS.filter(([k]) => k !== 'Enter').map(([k, what]) => html`<kbd>${k}</kbd> ${what.split(':')[0]} · `)}</p>
  <section id="shortcuts" class="shortcuts" hidden aria-label="Keyboard shortcuts">
    <h2>Keyboard shortcuts</h2>
    <dl>${SHORTCUTS.map(([k, what]) => html`<dt><kbd>${k}</kbd></dt><dd>${what}</dd>`)}</dl>
  </section>
</footer>
</body>
</html>`.value;
}

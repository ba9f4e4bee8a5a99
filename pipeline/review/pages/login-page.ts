import { html } from '../html.ts';
import type { UiText } from '../ui-text.ts';
import { csrfField, layout } from './page-layout.ts';

export function loginPage(opts: {
  csrf: string;
  text: UiText;
  error?: string;
  noAccounts: boolean;
  name?: string;
}): string {
  const body = html`<h1>Log in</h1>
    ${
      opts.noAccounts
        ? html`<p class="flash flash-error">No review accounts exist yet. Create one on the server with
          <code>soz users add NAME --role editor</code>, then log in here.</p>`
        : ''
    }
    ${opts.error ? html`<p class="flash flash-error" role="alert">${opts.error}</p>` : ''}
    <form method="post" action="/login" class="login">
      ${csrfField(opts.csrf)}
      <label>Name <input name="name" autocomplete="username" required value="${opts.name ?? ''}" autofocus></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Log in</button>
    </form>`;
  return layout({ user: null, csrf: opts.csrf, text: opts.text }, 'Log in', body);
}

export function messagePage(ctx: Parameters<typeof layout>[0], title: string, message: string): string {
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1><p>${message}</p><p><a href="/queue">Back to the queue</a></p>`,
  );
}

import { html } from '../html.ts';
import type { UiText } from '../ui-text.ts';
import { csrfField, layout, type PageContext } from './page-layout.ts';

export function loginPage(opts: {
  csrf: string;
  text: UiText;
  /** Already in the page's language. */
  error?: string;
  noAccounts: boolean;
  name?: string;
}): string {
  const t = opts.text;
  const body = html`<h1>${t.t('login.heading')}</h1>
    ${
      opts.noAccounts
        ? html`<p class="flash flash-error">${t.t('login.noAccounts')}
          <code translate="no">soz users add NAME --role editor</code></p>`
        : ''
    }
    ${opts.error ? html`<p class="flash flash-error" role="alert">${opts.error}</p>` : ''}
    <form method="post" action="/login" class="login">
      ${csrfField(opts.csrf)}
      <label>${t.t('login.name')} <input name="name" autocomplete="username" required value="${opts.name ?? ''}" autofocus></label>
      <label>${t.t('login.password')} <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">${t.t('login.button')}</button>
    </form>`;
  return layout({ user: null, csrf: opts.csrf, text: t, here: '/login' }, t.t('login.title'), body);
}

/** A page with one message (not found, logged out, a refused form); title and message in the page's language. */
export function messagePage(ctx: PageContext, title: string, message: string): string {
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1><p>${message}</p><p><a href="/queue">${ctx.text.t('messages.backToQueue')}</a></p>`,
  );
}

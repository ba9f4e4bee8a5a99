// Which language a review page speaks, and how a choice is remembered: the account's choice (users.ui_lang)
// first, then this browser's choice (a cookie, set by the switch on the login page and on every switch), then
// the browser's Accept-Language, then config/review.json's default.
import type { IncomingMessage } from 'node:http';
import { parseCookies } from './http-request.ts';
import { isUiLang, pickUiLang, type UiLang } from './ui-text.ts';

export const LANG_COOKIE = 'soz_lang';

/** A year: the choice outlives sessions; it is not a secret, but only the server needs to read it. */
/** Secure (https only) when the server's public URL is https, like the session cookie. */
export const langCookie = (lang: UiLang, secure = false) =>
  `${LANG_COOKIE}=${lang}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000${secure ? '; Secure' : ''}`;

/** The page language from the account's choice, the browser's cookie, Accept-Language and the default. */
export function chooseUiLang(
  account: string | null | undefined,
  cookie: string | null | undefined,
  acceptLanguage: string | undefined,
  fallback: UiLang,
): UiLang {
  if (isUiLang(account)) return account;
  return pickUiLang(cookie, acceptLanguage, fallback);
}

/** The language of a request before its session is known (error pages, the login page). */
export function requestUiLang(req: IncomingMessage, fallback: UiLang): UiLang {
  return chooseUiLang(
    null,
    parseCookies(req.headers.cookie).get(LANG_COOKIE),
    req.headers['accept-language'],
    fallback,
  );
}

/**
 * Where the switch returns: a path of this site (never another host: "//evil.example" and "/\\evil" are
 * refused), else the fallback.
 */
export function safeBackPath(back: string | undefined, fallback: string): string {
  if (!back?.startsWith('/') || back.startsWith('//') || back.includes('\\')) return fallback;
  if (/[\r\n]/.test(back) || back.length > 2000) return fallback;
  return back;
}

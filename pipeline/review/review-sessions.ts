// Logins and sessions of the review server. The cookie holds a random token; the database holds its
// SHA-256 and the session's CSRF token. Failed logins go through the rate limiter.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  getSession,
  getUserByName,
  type SessionUser,
  type Store,
} from '../../storage/index.ts';
import type { LoginRateLimiter } from './login-rate-limiter.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { REVIEW_CONFIG, type ReviewConfig } from './review-config.ts';

export const SESSION_COOKIE = 'soz_session';
export const LOGIN_CSRF_COOKIE = 'soz_login_csrf';

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Constant-time comparison of two tokens; false for any missing one. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `; Secure` when the server is reached over https (its public URL), so browsers never send it in clear. */
const secureFlag = (secure: boolean) => (secure ? '; Secure' : '');

export function sessionCookie(token: string, maxAgeSeconds: number, secure = false): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secureFlag(secure)}`;
}

export const clearedSessionCookie = (secure = false) =>
  `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secureFlag(secure)}`;

export const loginCsrfCookie = (token: string, secure = false) =>
  `${LOGIN_CSRF_COOKIE}=${token}; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600${secureFlag(secure)}`;

export async function currentSession(store: Store, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  return getSession(store, hashToken(token));
}

// Verifying against a hash of a random password when the account does not exist keeps the answer's
// timing the same as for a wrong password.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => {
  dummyHash ??= hashPassword(newToken());
  return dummyHash;
};

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly maxAge: number }
  | { readonly ok: false; readonly retryAfter: number; readonly message: string };

export async function logIn(
  store: Store,
  limiter: LoginRateLimiter,
  input: { name: string; password: string; address: string },
  config: ReviewConfig = REVIEW_CONFIG,
): Promise<LoginResult> {
  const keys = [`ip:${input.address}`, `user:${input.name.trim().toLowerCase()}`];
  const wait = await limiter.retryAfter(keys);
  if (wait > 0) {
    return { ok: false, retryAfter: wait, message: `Too many failed logins. Try again in ${wait} seconds.` };
  }
  const user = input.name.trim() ? await getUserByName(store, input.name.trim()) : null;
  const good = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || user.disabled || !good) {
    await limiter.fail(keys);
    const after = await limiter.retryAfter(keys);
    return {
      ok: false,
      retryAfter: after,
      message:
        after > 0 ? `Too many failed logins. Try again in ${after} seconds.` : 'Wrong name or password.',
    };
  }
  await limiter.succeed(keys);
  await deleteExpiredSessions(store);
  const token = newToken();
  const maxAge = config.server.sessionHours * 3600;
  await createSession(store, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + maxAge * 1000).toISOString(),
  });
  return { ok: true, token, maxAge };
}

export async function logOut(store: Store, token: string | undefined): Promise<void> {
  if (token) await deleteSession(store, hashToken(token));
}

// Review accounts and their sessions. Passwords arrive already hashed (pipeline/review hashes with scrypt);
// session tokens arrive hashed too, so a leaked database gives no usable cookie.
import { toNumber } from './dialect.ts';
import { nowIso } from './json-column.ts';
import type { Store } from './open-store.ts';

export type UserRole = 'reviewer' | 'editor';

export interface User {
  readonly id: number;
  readonly name: string;
  readonly role: UserRole;
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly disabled: boolean;
  /** The review UI language the account chose (ru, kk, en), or null when it chose none. */
  readonly uiLang: string | null;
}

function toUser(r: {
  id: number;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled: number;
  ui_lang: string | null;
}): User {
  return {
    id: toNumber(r.id),
    name: r.name,
    role: r.role as UserRole,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    disabled: toNumber(r.disabled) === 1,
    uiLang: r.ui_lang ?? null,
  };
}

/** Adds an account, or replaces the role and password of an existing one; says which. */
export async function saveUser(
  store: Store,
  u: { name: string; role: UserRole; passwordHash: string },
): Promise<'created' | 'updated'> {
  const existing = await getUserByName(store, u.name);
  if (existing) {
    await store.db
      .updateTable('users')
      .set({ role: u.role, password_hash: u.passwordHash, disabled: 0 })
      .where('id', '=', existing.id)
      .execute();
    return 'updated';
  }
  await store.db
    .insertInto('users')
    .values({ name: u.name, role: u.role, password_hash: u.passwordHash, created_at: nowIso(), disabled: 0 })
    .execute();
  return 'created';
}

export async function getUserByName(store: Store, name: string): Promise<User | null> {
  const row = await store.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map(toUser);
}

export async function countUsers(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return toNumber(row?.n);
}

export async function setUserDisabled(store: Store, name: string, disabled: boolean): Promise<boolean> {
  const row = await store.db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('name', '=', name)
    .returning('id')
    .executeTakeFirst();
  if (row && disabled) {
    await store.db.deleteFrom('sessions').where('user_id', '=', toNumber(row.id)).execute();
  }
  return !!row;
}

/** Stores the account's review UI language (null: none chosen); false when there is no such account. */
export async function setUserUiLang(store: Store, userId: number, lang: string | null): Promise<boolean> {
  const row = await store.db
    .updateTable('users')
    .set({ ui_lang: lang })
    .where('id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export async function createSession(
  store: Store,
  s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: string },
): Promise<void> {
  await store.db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: nowIso(),
      expires_at: s.expiresAt,
    })
    .execute();
}

export interface SessionUser {
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** The live session with this token hash, if it has not expired and its account is enabled. */
export async function getSession(
  store: Store,
  tokenHash: string,
  now = nowIso(),
): Promise<SessionUser | null> {
  const row = await store.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.csrf_token',
      's.expires_at',
      'u.id',
      'u.name',
      'u.role',
      'u.password_hash',
      'u.created_at',
      'u.disabled',
      'u.ui_lang',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return null;
  return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(store: Store, tokenHash: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(store: Store, now = nowIso()): Promise<void> {
  await store.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

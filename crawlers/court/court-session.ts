// The portal's captcha, the way a real deployment meets it: a person passes the check once in a real
// browser window (or pastes the cookie header of their own browser), the session is saved as a Playwright
// storage state (cookies and origins), and the nightly crawls reuse it until the portal expires it.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError, inputError } from '../../core/index.ts';

export interface StorageStateCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly expires: number;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: 'Strict' | 'Lax' | 'None';
}

export interface StorageState {
  readonly cookies: readonly StorageStateCookie[];
  readonly origins: readonly {
    readonly origin: string;
    readonly localStorage: readonly { readonly name: string; readonly value: string }[];
  }[];
}

/** The file name of the saved session, next to the database (`soz court session` and `soz crawl` agree). */
export const COURT_SESSION_FILE = 'court-session.json';

/** Where the session lives by default: beside the SQLite file, or in ./data with PostgreSQL. */
export function defaultCourtSessionPath(sqlitePath: string | null): string {
  return join(sqlitePath ? dirname(sqlitePath) : 'data', COURT_SESSION_FILE);
}

/** Reads and checks a Playwright storage state; every problem names the file and the field. */
export function readStorageState(path: string): StorageState {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw inputError(`${path}: cannot read the browser storage state (${describeError(error)})`);
  }
  const root = doc as { cookies?: unknown; origins?: unknown };
  if (!Array.isArray(root?.cookies))
    throw inputError(`${path}: field "cookies": must be a list (a Playwright storage state)`);
  const cookies = root.cookies.map((c, i) => {
    const o = c as Record<string, unknown>;
    for (const k of ['name', 'value', 'domain', 'path']) {
      if (typeof o?.[k] !== 'string')
        throw inputError(`${path}: field "cookies[${i}].${k}": must be a string`);
    }
    const sameSite = o.sameSite === 'Strict' || o.sameSite === 'None' ? o.sameSite : 'Lax';
    return {
      name: o.name as string,
      value: o.value as string,
      domain: o.domain as string,
      path: o.path as string,
      expires: typeof o.expires === 'number' ? o.expires : -1,
      httpOnly: o.httpOnly === true,
      secure: o.secure === true,
      sameSite,
    } satisfies StorageStateCookie;
  });
  const originsRaw = root.origins ?? [];
  if (!Array.isArray(originsRaw)) throw inputError(`${path}: field "origins": must be a list`);
  const origins = originsRaw.map((o, i) => {
    const r = o as { origin?: unknown; localStorage?: unknown };
    if (typeof r?.origin !== 'string')
      throw inputError(`${path}: field "origins[${i}].origin": must be a string`);
    const items = r.localStorage ?? [];
    if (!Array.isArray(items))
      throw inputError(`${path}: field "origins[${i}].localStorage": must be a list`);
    return {
      origin: r.origin,
      localStorage: items.map((it, j) => {
        const kv = it as { name?: unknown; value?: unknown };
        if (typeof kv?.name !== 'string' || typeof kv.value !== 'string')
          throw inputError(`${path}: field "origins[${i}].localStorage[${j}]": needs string name and value`);
        return { name: kv.name, value: kv.value };
      }),
    };
  });
  return { cookies, origins };
}

/** Writes a storage state readable by its owner only (it is a key to the portal), atomically. */
export function writeStorageState(path: string, state: StorageState): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
}

/**
 * A storage state from a `Cookie:` header copied out of a person's browser («name=value; name2=value2»,
 * with or without the «Cookie:» prefix), for the portal at `portalUrl`.
 */
export function storageStateFromCookieHeader(header: string, portalUrl: string): StorageState {
  const url = new URL(portalUrl);
  const text = header.trim().replace(/^cookie:\s*/i, '');
  const cookies = text
    .split(/;\s*/)
    .filter((part) => part.trim() !== '')
    .map((part, i) => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw inputError(`--cookie: part ${i + 1} («${part}») is not name=value`);
      return {
        name: part.slice(0, eq).trim(),
        value: part.slice(eq + 1).trim(),
        domain: url.hostname,
        path: '/',
        expires: -1,
        httpOnly: false,
        secure: url.protocol === 'https:',
        sameSite: 'Lax' as const,
      };
    });
  if (cookies.length === 0) throw inputError('--cookie: no cookie given (expected «name=value; …»)');
  return { cookies, origins: [] };
}

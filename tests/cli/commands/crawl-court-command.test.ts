// `soz court session` and `soz crawl --court-config FILE --source ID` against both imitation variants, through
// the real command line, as a deployer runs them: a session saved from a pasted cookie header next to the
// database and reused by default; every speech-related case stored with its fields and made a candidate, no
// ordinary case flagged; a PDF-only act's text stored; the next night visits no unchanged card or act; an
// expired session blocks its source with the message to run `soz court session` while the other source goes
// on. Both variants are crawled with the SHIPPED config/court.json whose only change is the source's url: the
// redesigned portal (other addresses, ids, menu order and wording) is reached through its own menus and labels.
// A file whose field wording cannot be found shows that the file's selectors are used: the report names what
// was looked for and where, and the page is saved next to the database.
// Browser runs are slow on two cores: few crawls, narrow searches where the point is not coverage.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { COURT_CONFIG_FILE } from '../../../crawlers/index.ts';
import { type CourtPortal, startCourtPortal, type VariantName } from '../../../imitation/index.ts';
import { listItems, openStore } from '../../../storage/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'soz.mjs');
const ENV = { ...process.env, SOZ_DB: '', DATABASE_URL: '', CRAWLEE_LOG_LEVEL: 'WARNING' };

type Json = Record<string, unknown>;
const shipped = (): Json => JSON.parse(readFileSync(COURT_CONFIG_FILE, 'utf8')) as Json;

async function soz(
  args: string[],
  timeout = 240_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: ENV, timeout });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function courtItems(db: string) {
  const store = await openStore({ path: db, env: {} });
  try {
    return await listItems(store, { kind: 'court' });
  } finally {
    await store.close();
  }
}

/**
 * The shipped court configuration with one change: the source's url is the imitation's. For the redesigned
 * portal too — its addresses are not the configured ones, so the crawler must find them by menus and labels.
 */
function configFor(portal: CourtPortal, change: (c: Json) => void = () => {}): Json {
  const c = shipped();
  const sources = c.sources as Json[];
  expect(sources).toHaveLength(1);
  c.sources = [{ ...sources[0], url: portal.url }];
  change(c);
  return c;
}
const SOURCE = (shipped().sources as { id: string }[])[0]?.id ?? '';
describe.each(['documented', 'redesigned'] as VariantName[])(
  'soz crawl --court-config (shipped config, only the url changed) on the %s portal',
  (variant) => {
    let portal: CourtPortal;
    let other: CourtPortal;
    const dir = tempDir(`soz-court-${variant}-`);
    const db = join(dir, 'court.sqlite');
    const configFile = join(dir, 'court.json');
    const cookieLine = { name: '', value: '' };
    let saved: { code: number; stdout: string; stderr: string };
    let firstNight: { code: number; stdout: string; stderr: string };
    let firstNightCaptchas = -1;
    let items: Awaited<ReturnType<typeof courtItems>> = [];

    // One first night per variant, shared by the tests that only read its results: a person's session saved
    // from a pasted cookie header, then the crawl that reuses it by default.
    beforeAll(async () => {
      portal = await startCourtPortal({ variant });
      writeFileSync(configFile, JSON.stringify(configFor(portal)));
      Object.assign(cookieLine, portal.createPassedSession());
      saved = await soz([
        '--db',
        db,
        'court',
        'session',
        '--court-config',
        configFile,
        '--cookie',
        `${cookieLine.name}=${cookieLine.value}; theme=dark`,
      ]);
      firstNight = await soz(['--db', db, 'crawl', '--court-config', configFile, '--source', SOURCE]);
      firstNightCaptchas = portal.stats().captchaServed;
      items = await courtItems(db);
    }, 400_000);
    afterAll(async () => {
      await portal?.close();
      await other?.close();
    });

    it('saves the session from a pasted cookie header next to the database, with cookies and origins', () => {
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stdout).toMatch(/saved 2 cookie\(s\)/);
      expect(saved.stdout).toMatch(/opens without the check/);
      const state = JSON.parse(readFileSync(join(dir, 'court-session.json'), 'utf8'));
      expect(state.cookies.map((c: { name: string }) => c.name).sort()).toEqual(
        [cookieLine.name, 'theme'].sort(),
      );
      expect(state.cookies[0]).toMatchObject({ domain: '127.0.0.1', path: '/' });
      expect(Array.isArray(state.origins)).toBe(true);
    });

    it('finds its way with the shipped config and reuses the saved session: the source succeeds, no check met', () => {
      expect(firstNight.stdout, firstNight.stderr).toMatch(new RegExp(`^${SOURCE}: succeeded`, 'm'));
      expect(firstNightCaptchas).toBe(0);
    });

    it('stores every speech-related case with its fields and makes it a candidate', () => {
      const speech = portal.data.cases.filter((x) => x.speech);
      expect(speech.length).toBeGreaterThan(3);
      for (const c of speech) {
        const item = items.find((i) => i.caseNumber === c.number);
        expect(item, `speech case ${c.number}\n${firstNight.stdout}`).toBeDefined();
        expect(item?.court?.judge, c.number).toBe(c.judge);
        expect(item?.court?.registeredAt, c.number).toBe(c.registeredAt);
        expect(item?.court?.court, c.number).toBe(
          portal.data.courts.find((x) => x.code === c.court)?.name.ru,
        );
        expect(item?.court?.history.length, c.number).toBe(c.history.length);
        expect(item?.classification?.candidate, `speech case ${c.number} is a candidate`).toBe(true);
      }
    });

    it('flags no ordinary case', () => {
      const ordinary = portal.data.cases.filter((x) => !x.speech);
      const stored = ordinary.filter((c) => items.some((i) => i.caseNumber === c.number));
      // The broad searches do bring ordinary cases in; none of them may become a candidate.
      expect(stored.length).toBeGreaterThan(0);
      for (const c of stored) {
        const item = items.find((i) => i.caseNumber === c.number);
        expect(item?.classification?.candidate, `ordinary case ${c.number}`).toBe(false);
      }
    });

    it("stores a PDF-only act's text", () => {
      // 7140-20-00-2/5120's only act is a PDF: its words are in the stored text.
      const pdfOnly = portal.data.cases.find((c) => c.number === '7140-20-00-2/5120');
      const pdfItem = items.find((i) => i.caseNumber === '7140-20-00-2/5120');
      expect(pdfOnly?.acts[0]?.formats).toEqual(['pdf']);
      const firstWords = (pdfOnly?.acts[0]?.text[0] ?? '').split(' ').slice(0, 6).join(' ');
      expect(firstWords.length).toBeGreaterThan(10);
      expect(pdfItem?.text).toContain(firstWords);
    });

    it('visits no unchanged card or act on the next night', async () => {
      portal.resetStats();
      const crawl = await soz(['--db', db, 'crawl', '--court-config', configFile, '--source', SOURCE]);
      expect(crawl.stdout, crawl.stderr).toMatch(new RegExp(`^${SOURCE}: succeeded`, 'm'));
      const stats = portal.stats();
      expect(stats.cards).toBe(0);
      expect(stats.actsLists).toBe(0);
      expect(stats.actViews).toBe(0);
      expect(stats.downloads).toBe(0);
    }, 300_000);

    it('ends an expired session blocked with the message to run soz court session, and goes on with the next source', async () => {
      other = await startCourtPortal({ variant, captcha: false });
      const two = configFor(portal, (c) => {
        c.searches = { ...(c.searches as Json), categories: [], keywords: ['тілші'] };
      });
      two.sources = [
        ...(two.sources as Json[]),
        { id: 'court-other', name: 'Court portal (second imitation)', url: other.url },
      ];
      const file = join(dir, 'two.json');
      writeFileSync(file, JSON.stringify(two));
      portal.expireSessions();
      portal.resetStats();
      const crawl = await soz([
        '--db',
        db,
        'crawl',
        '--court-config',
        file,
        '--source',
        SOURCE,
        '--source',
        'court-other',
      ]);
      // The portal really served its expiry to the saved session (the documented one by a fresh session that
      // meets the check again, the redesigned one by its «session expired» page).
      expect(portal.stats().expiredServed, crawl.stdout).toBeGreaterThan(0);
      expect(crawl.stdout).toMatch(
        new RegExp(`^${SOURCE}: blocked.*session expired — run soz court session`, 'm'),
      );
      expect(crawl.stdout).not.toMatch(new RegExp(`^${SOURCE}:.*0 results`, 'm'));
      expect(crawl.stdout, crawl.stderr).toMatch(/^court-other: succeeded/m);
      expect(crawl.code).toBe(0);
      expect(other.stats().cards).toBeGreaterThan(0);
    }, 300_000);

    it("uses the file's field wording: what cannot be found is named with its page, which is saved next to the database", async () => {
      // The second imitation asks for no check, so the page with the missing field is reached.
      const broken = configFor(other, (c) => {
        c.searches = { ...(c.searches as Json), categories: [], keywords: ['тілші'] };
        const fields = c.fields as Record<string, { names: string[]; labels: string[] }>;
        fields.actsKeyword = { names: ['edit-no-such-field'], labels: ['Нет такого поля'] };
      });
      const file = join(dir, 'broken.json');
      writeFileSync(file, JSON.stringify(broken));
      const crawl = await soz(['--db', db, 'crawl', '--court-config', file, '--source', SOURCE]);
      const out = `${crawl.stdout}\n${crawl.stderr}`;
      expect(out).toMatch(/could not find .*Нет такого поля/);
      expect(out).toContain(`${other.url}${other.variant.paths.actsBank}`);
      const savedAs = /saved as (\S+)\.html/.exec(out)?.[1];
      expect(savedAs, out).toBeDefined();
      expect(savedAs?.startsWith(join(dir, 'court-diagnostics'))).toBe(true);
      expect(existsSync(`${savedAs}.html`)).toBe(true);
      expect(existsSync(`${savedAs}.png`)).toBe(true);
      expect(readFileSync(`${savedAs}.html`, 'utf8')).toMatch(/<form/);
    }, 300_000);
  },
);

describe('soz court session without a window', () => {
  it('says clearly that no browser can open a window, and how to paste cookies instead', async () => {
    const dir = tempDir('soz-court-nowin-');
    // The Chromium from npm ci (and any with no display) cannot show a window to a person.
    const r = await run(process.execPath, [BIN, '--db', join(dir, 'x.sqlite'), 'court', 'session'], {
      env: { ...ENV, SOZ_CHROMIUM: '', DISPLAY: '', WAYLAND_DISPLAY: '' },
      timeout: 60_000,
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in r && r.code).toBe(1);
    expect((r as { stderr: string }).stderr).toMatch(/--cookie/);
    expect((r as { stderr: string }).stderr).toMatch(/window|display/i);
    expect(existsSync(join(dir, 'court-session.json'))).toBe(false);
  }, 120_000);

  it('names an unknown source and leaves the database as it was', async () => {
    const dir = tempDir('soz-court-unknown-');
    const db = join(dir, 'x.sqlite');
    const r = await soz(['--db', db, 'crawl', '--source', 'court-nowhere'], 60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown source "court-nowhere"/);
    expect(existsSync(db)).toBe(false);
  }, 120_000);
});

// `soz court session` and `soz crawl --court-config FILE --source ID` against both imitation variants, through
// the real command line, as a deployer runs them: a session saved from a pasted cookie header next to the
// database and reused by default; every speech-related case stored with its fields and made a candidate, no
// ordinary case flagged; a PDF-only act's text stored; the next night visits no unchanged card or act; an
// expired session blocks its source with the message to run `soz court session` while the other source goes
// on. The redesigned variant is configured only through the file (its own addresses), and a file whose field
// wording cannot be found shows that the file's selectors are used: the report names what was looked for and
// where, and the page is saved next to the database.
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

/** A court configuration pointed at the imitation; for the redesigned portal, with that portal's addresses. */
function configFor(portal: CourtPortal, change: (c: Json) => void = () => {}): Json {
  const c = shipped();
  c.sources = [{ id: 'court-imit', name: 'Court portal (imitation)', url: portal.url }];
  if (portal.variant.name === 'redesigned') {
    const p = portal.variant.paths;
    c.paths = {
      ...(c.paths as Json),
      home: p.home,
      actsBank: p.actsBank,
      caseSearch: p.caseSearch,
      schedule: p.schedule,
      caseActs: p.caseActs,
    };
  }
  change(c);
  return c;
}

describe.each(['documented', 'redesigned'] as VariantName[])(
  'soz crawl --court-config on the %s portal',
  (variant) => {
    let portal: CourtPortal;
    let other: CourtPortal;
    const dir = tempDir(`soz-court-${variant}-`);
    const db = join(dir, 'court.sqlite');
    const configFile = join(dir, 'court.json');

    beforeAll(async () => {
      portal = await startCourtPortal({ variant });
      writeFileSync(configFile, JSON.stringify(configFor(portal)));
    });
    afterAll(async () => {
      await portal?.close();
      await other?.close();
    });

    it('saves a session from a pasted cookie header, then stores every speech case as a candidate with its fields', async () => {
      const cookie = portal.createPassedSession();
      const saved = await soz([
        '--db',
        db,
        'court',
        'session',
        '--court-config',
        configFile,
        '--cookie',
        `${cookie.name}=${cookie.value}; theme=dark`,
      ]);
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stdout).toMatch(/saved 2 cookie\(s\)/);
      expect(saved.stdout).toMatch(/opens without the check/);
      const state = JSON.parse(readFileSync(join(dir, 'court-session.json'), 'utf8'));
      expect(state.cookies.map((c: { name: string }) => c.name).sort()).toEqual(
        [cookie.name, 'theme'].sort(),
      );
      expect(state.cookies[0]).toMatchObject({ domain: '127.0.0.1', path: '/' });
      expect(Array.isArray(state.origins)).toBe(true);

      const crawl = await soz(['--db', db, 'crawl', '--court-config', configFile, '--source', 'court-imit']);
      expect(crawl.stdout, crawl.stderr).toMatch(/^court-imit: succeeded/m);
      expect(portal.stats().captchaServed).toBe(0);
      const items = await courtItems(db);
      for (const c of portal.data.cases.filter((x) => x.speech)) {
        const item = items.find((i) => i.caseNumber === c.number);
        expect(item, `speech case ${c.number}`).toBeDefined();
        expect(item?.court?.judge, c.number).toBe(c.judge);
        expect(item?.court?.registeredAt, c.number).toBe(c.registeredAt);
        expect(item?.court?.court, c.number).toBe(
          portal.data.courts.find((x) => x.code === c.court)?.name.ru,
        );
        expect(item?.court?.history.length, c.number).toBe(c.history.length);
        expect(item?.classification?.candidate, `speech case ${c.number} is a candidate`).toBe(true);
      }
      for (const c of portal.data.cases.filter((x) => !x.speech)) {
        const item = items.find((i) => i.caseNumber === c.number);
        if (item) expect(item.classification?.candidate, `ordinary case ${c.number}`).toBe(false);
      }
      // 7140-20-00-2/5120's only act is a PDF: its words are in the stored text, with the file's hash and size.
      const pdfOnly = portal.data.cases.find((c) => c.number === '7140-20-00-2/5120');
      const pdfItem = items.find((i) => i.caseNumber === '7140-20-00-2/5120');
      expect(pdfOnly?.acts[0]?.formats).toEqual(['pdf']);
      const firstWords = (pdfOnly?.acts[0]?.text[0] ?? '').split(' ').slice(0, 6).join(' ');
      expect(pdfItem?.text).toContain(firstWords);
    }, 400_000);

    it('visits no unchanged card or act on the next night', async () => {
      portal.resetStats();
      const crawl = await soz(['--db', db, 'crawl', '--court-config', configFile, '--source', 'court-imit']);
      expect(crawl.stdout, crawl.stderr).toMatch(/^court-imit: succeeded/m);
      const stats = portal.stats();
      expect(stats.cards).toBe(0);
      expect(stats.actsLists).toBe(0);
      expect(stats.actViews).toBe(0);
      expect(stats.downloads).toBe(0);
    }, 300_000);

    it('ends an expired session blocked with the message to run soz court session, and goes on with the next source', async () => {
      other = await startCourtPortal({ variant, captcha: false });
      const narrow = (c: Json) => {
        c.searches = { ...(c.searches as Json), categories: [], keywords: ['тілші'] };
      };
      const two = configFor(portal, narrow);
      two.sources = [
        { id: 'court-imit', name: 'Court portal (imitation)', url: portal.url },
        { id: 'court-other', name: 'Court portal (second imitation)', url: other.url },
      ];
      const file = join(dir, 'two.json');
      writeFileSync(file, JSON.stringify(two));
      portal.expireSessions();
      const crawl = await soz([
        '--db',
        db,
        'crawl',
        '--court-config',
        file,
        '--source',
        'court-imit',
        '--source',
        'court-other',
      ]);
      expect(crawl.stdout).toMatch(/^court-imit: blocked.*session expired — run soz court session/m);
      expect(crawl.stdout).not.toMatch(/^court-imit:.*0 results/m);
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
      const crawl = await soz(['--db', db, 'crawl', '--court-config', file, '--source', 'court-imit']);
      const out = `${crawl.stdout}\n${crawl.stderr}`;
      expect(out).toMatch(/could not find .*Нет такого поля/);
      expect(out).toContain(`${other.url}${other.variant.paths.actsBank}`);
      const saved = /saved as (\S+)\.html/.exec(out)?.[1];
      expect(saved, out).toBeDefined();
      expect(saved?.startsWith(join(dir, 'court-diagnostics'))).toBe(true);
      expect(existsSync(`${saved}.html`)).toBe(true);
      expect(existsSync(`${saved}.png`)).toBe(true);
      expect(readFileSync(`${saved}.html`, 'utf8')).toMatch(/<form/);
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

// `soz doctor`: the browser it would use and why (SOZ_CHROMIUM, Debian's, the bundled one) with its version,
// the database without touching it, the Node version, and every configuration file read by the program's
// own loaders; each problem comes with its fix, and a blocking one makes the exit code non-zero.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { runDoctor, satisfiesMinimum } from '../../../cli/doctor/run-doctor.ts';
import { CONFIG_DIR, EXIT, PROJECT_ROOT } from '../../../core/index.ts';
import { MIGRATIONS, openStore } from '../../../storage/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const NO_DEBIAN = '/nonexistent/usr/bin/chromium';
const KNOWN = Math.max(...MIGRATIONS.map((m) => m.version));
const check = (report: Awaited<ReturnType<typeof runDoctor>>, id: string) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

function soz(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/soz.mjs'), ...args],
      { cwd: PROJECT_ROOT, timeout: 60_000, env: { ...process.env, SOZ_DB: '', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('soz doctor', () => {
  it('prefers SOZ_CHROMIUM, then Debian’s chromium, then the bundled one, and says which, why and its version', async () => {
    const dir = tempDir('soz-doctor-');
    // A stand-in for Debian's browser: only --version is asked of it.
    const debian = join(dir, 'chromium');
    writeFileSync(
      debian,
      '#!/bin/sh\necho "Chromium 140.0.7339.185 built on Debian GNU/Linux 13 (trixie)"\n',
    );
    chmodSync(debian, 0o755);
    const env = { PATH: process.env.PATH };

    const fromDebian = check(
      await runDoctor({ env, debianChromium: debian, dbPath: join(dir, 'a.sqlite') }),
      'browser',
    );
    expect(fromDebian).toMatchObject({ status: 'ok', details: { origin: 'debian', executablePath: debian } });
    expect(fromDebian.details!.version).toBe('Chromium 140.0.7339.185 built on Debian GNU/Linux 13 (trixie)');
    expect(fromDebian.summary).toMatch(/SOZ_CHROMIUM is not set and .*chromium exists \(preferred/);

    const chosen = check(
      await runDoctor({
        env: { ...env, SOZ_CHROMIUM: debian },
        debianChromium: NO_DEBIAN,
        dbPath: join(dir, 'a.sqlite'),
      }),
      'browser',
    );
    expect(chosen).toMatchObject({ status: 'ok', details: { origin: 'SOZ_CHROMIUM' } });
    expect(chosen.summary).toMatch(/SOZ_CHROMIUM is set/);

    // Neither: the Chromium inside @sparticuz/chromium, launched for its version.
    const bundled = check(
      await runDoctor({ env, debianChromium: NO_DEBIAN, dbPath: join(dir, 'a.sqlite') }),
      'browser',
    );
    expect(bundled).toMatchObject({ status: 'ok', details: { origin: 'bundled' } });
    expect(bundled.details!.version).toMatch(/^Chromium \d+\./);
    expect(bundled.summary).toMatch(
      /^Chromium \d+\S*: \S+ \(@sparticuz\/chromium [\d.]+, bundled with npm ci\), because SOZ_CHROMIUM is not set and \S+ does not exist/,
    );

    const missing = await runDoctor({
      env: { ...env, SOZ_CHROMIUM: join(dir, 'no-such-browser') },
      debianChromium: debian,
      dbPath: join(dir, 'a.sqlite'),
    });
    expect(check(missing, 'browser')).toMatchObject({ status: 'error' });
    expect(check(missing, 'browser').fix).toMatch(
      /point SOZ_CHROMIUM at a Chromium binary that exists, or unset it/,
    );
    expect(missing.ok).toBe(false);

    // Found, but it does not start.
    const broken = join(dir, 'broken-chromium');
    writeFileSync(
      broken,
      '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    );
    chmodSync(broken, 0o755);
    const dead = check(
      await runDoctor({ env, debianChromium: broken, dbPath: join(dir, 'a.sqlite') }),
      'browser',
    );
    expect(dead.status).toBe('error');
    expect(dead.summary).toMatch(/does not start/);
    expect(dead.fix).toMatch(/apt-get install --reinstall chromium/);
  });

  it('looks at the database without creating or migrating it, and names what is wrong with it', async () => {
    const dir = tempDir('soz-doctor-db-');
    const env = { PATH: process.env.PATH };
    const path = join(dir, 'soz.sqlite');
    const fresh = check(await runDoctor({ env, dbPath: path, debianChromium: NO_DEBIAN }), 'database');
    expect(fresh).toMatchObject({
      status: 'ok',
      details: { kind: 'sqlite', exists: false, chosenBy: '--db' },
    });
    expect(fresh.summary).toMatch(new RegExp(`not created yet; .* at schema v${KNOWN}`));
    expect(existsSync(path)).toBe(false);

    const store = await openStore({ path, env: {} });
    await store.close();
    const current = check(
      await runDoctor({ env: { ...env, SOZ_DB: path }, debianChromium: NO_DEBIAN }),
      'database',
    );
    expect(current).toMatchObject({ status: 'ok', details: { schemaVersion: KNOWN, chosenBy: 'SOZ_DB' } });
    expect(current.summary).toMatch(new RegExp(`schema v${KNOWN}, up to date`));

    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all '.repeat(200));
    const bad = check(await runDoctor({ env, dbPath: junk, debianChromium: NO_DEBIAN }), 'database');
    expect(bad.status).toBe('error');
    expect(bad.fix).toMatch(/not a Soz Monitor database/);

    // A PostgreSQL server that is not there: the URL is shown without its password.
    const pg = check(
      await runDoctor({
        env: { ...env, DATABASE_URL: 'postgres://soz:s3cret-pass@127.0.0.1:1/soz' },
        debianChromium: NO_DEBIAN,
      }),
      'database',
    );
    expect(pg).toMatchObject({
      status: 'error',
      details: { kind: 'postgres', reachable: false, chosenBy: 'DATABASE_URL' },
    });
    expect(pg.summary).toContain('postgres://soz:***@127.0.0.1:1/soz');
    expect(JSON.stringify(pg)).not.toContain('s3cret-pass');
    expect(pg.fix).toMatch(/start the PostgreSQL server, or correct DATABASE_URL/);
  });

  it('checks the Node version against package.json', async () => {
    expect(satisfiesMinimum('v20.20.2', '>=20.0.0')).toBe(true);
    expect(satisfiesMinimum('v18.19.1', '>=20.0.0')).toBe(false);
    expect(satisfiesMinimum('v20.9.0', '>=20.10')).toBe(false);
    const old = check(
      await runDoctor({
        nodeVersion: 'v18.19.1',
        env: {},
        debianChromium: NO_DEBIAN,
        dbPath: join(tempDir(), 'x.sqlite'),
      }),
      'node',
    );
    expect(old).toMatchObject({ status: 'error', details: { version: 'v18.19.1', required: '>=20.0.0' } });
    expect(old.fix).toMatch(/install Node.js 20.0.0 or newer/);
  });

  it('reads every configuration file with the program’s own loader and names the file, the field and the fix', async () => {
    const config = join(tempDir('soz-doctor-config-'), 'config');
    cpSync(CONFIG_DIR, config, { recursive: true });
    const base = {
      env: { PATH: process.env.PATH },
      debianChromium: NO_DEBIAN,
      dbPath: join(tempDir(), 'x.sqlite'),
    };
    const good = await runDoctor({ ...base, configDir: config });
    expect(good.checks.filter((c) => c.id.startsWith('config.')).map((c) => [c.id, c.status])).toEqual([
      ['config.sources', 'ok'],
      ['config.crawl', 'warning'], // the shipped User-Agent names a placeholder contact
      ['config.court', 'ok'],
      ['config.taxonomy', 'ok'],
      ['config.lexicons', 'ok'],
      ['config.models', 'ok'],
      ['config.review', 'ok'],
      ['config.reviewUi', 'ok'],
      ['config.digest', 'ok'],
    ]);
    expect(good.ok).toBe(true);

    // The shipped sources file has comments (JSONC); the doctor's loader reads it like the crawl's.
    const sources = parseJsonc(readFileSync(join(config, 'sources.json'), 'utf8'));
    const list = Array.isArray(sources) ? sources : sources.sources;
    list[1].kind = 'newsletter';
    writeFileSync(join(config, 'sources.json'), JSON.stringify(sources, null, 2));
    writeFileSync(join(config, 'court.json'), '{ "sources": [ ');
    writeFileSync(join(config, 'lexicons', 'kk.json'), '{ "targets": [ "журналист" ] ');
    rmSync(join(config, 'model', 'model.json'));
    const kk = JSON.parse(readFileSync(join(config, 'review-ui', 'kk', 'queue.json'), 'utf8'));
    delete kk.filter;
    writeFileSync(join(config, 'review-ui', 'kk', 'queue.json'), JSON.stringify(kk));
    const review = JSON.parse(readFileSync(join(config, 'review.json'), 'utf8'));
    review.ui.defaultLang = 'de';
    writeFileSync(join(config, 'review.json'), JSON.stringify(review));

    const bad = await runDoctor({ ...base, configDir: config });
    expect(bad.ok).toBe(false);
    const sourcesCheck = check(bad, 'config.sources');
    expect(sourcesCheck.status).toBe('error');
    expect(sourcesCheck.summary).toContain(join(config, 'sources.json'));
    expect(sourcesCheck.summary).toMatch(/kind/);
    expect(sourcesCheck.fix).toMatch(/correct the source and field named above/);
    expect(check(bad, 'config.court')).toMatchObject({ status: 'error' });
    expect(check(bad, 'config.court').summary).toMatch(/court\.json: not valid JSON/);
    expect(check(bad, 'config.lexicons').summary).toMatch(/config\/lexicons\/kk\.json: not valid JSON/);
    expect(check(bad, 'config.models').summary).toMatch(/cannot read the classifier model .*model\.json/);
    expect(check(bad, 'config.models').fix).toMatch(/npm run train/);
    expect(check(bad, 'config.reviewUi').summary).toBe('config/review-ui/kk lacks queue.filter');
    expect(check(bad, 'config.review').summary).toMatch(/ui\.defaultLang must be ru, kk or en, not "de"/);
    // What was fine stays fine.
    expect(check(bad, 'config.taxonomy').status).toBe('ok');
    expect(check(bad, 'config.digest').status).toBe('ok');
  });

  it('prints one line per check and exits 1 on a blocking problem, with --json for scripts', async () => {
    const dir = tempDir('soz-doctor-cli-');
    const json = await soz(['--db', join(dir, 'soz.sqlite'), 'doctor', '--json'], {
      SOZ_CHROMIUM: join(dir, 'no-such-browser'),
    });
    expect(json.code, json.stderr).toBe(EXIT.failure);
    const report = JSON.parse(json.stdout) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => c.id).slice(0, 3)).toEqual(['node', 'browser', 'database']);
    expect(report.checks.find((c) => c.id === 'browser')!.status).toBe('error');

    const text = await soz(['--db', join(dir, 'soz.sqlite'), 'doctor'], {});
    expect(text.code, text.stdout + text.stderr).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/^ok\s+Node\.js\s+v\d+/m);
    expect(text.stdout).toMatch(/^ok\s+Browser\s+Chromium \d+/m);
    expect(text.stdout).toMatch(/^ok\s+Database\s+SQLite .*soz\.sqlite \(from --db\): not created yet/m);
    expect(text.stdout).toMatch(/^warning\s+config\/crawl\.json\s+.*\n\s+fix: put your own contact URL/m);
    expect(text.stdout).toMatch(/Everything Soz Monitor needs is in place \(1 warning\)\./);
    expect(existsSync(join(dir, 'soz.sqlite'))).toBe(false);
  }, 120_000);
});

// `soz crawl --source <court source>` against the imitation portal, through the real command line: the
// court items land in the same store as news, classified, and `soz items list` shows them.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../core/index.ts';
import { COURT_CONFIG_FILE } from '../../../crawlers/index.ts';
import { type CourtPortal, startCourtPortal } from '../../../imitation/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'soz.mjs');

describe('soz crawl --source <court source>', () => {
  let portal: CourtPortal;
  const dir = tempDir();
  const db = join(dir, 'court.sqlite');
  const config = join(dir, 'court.json');

  beforeAll(async () => {
    portal = await startCourtPortal();
    // The shipped configuration, pointed at the imitation instead of the real portal.
    const shipped = JSON.parse(readFileSync(COURT_CONFIG_FILE, 'utf8'));
    shipped.sources = shipped.sources.map((s: { id: string }) => ({ ...s, url: portal.url }));
    writeFileSync(config, JSON.stringify(shipped));
  });
  afterAll(async () => portal?.close());

  it('stores every speech-related case and lists it with its case number and court', async () => {
    const env = { ...process.env, SOZ_DB: '', DATABASE_URL: '' };
    const crawl = await run(
      process.execPath,
      [BIN, '--db', db, 'crawl', '--source', 'court-sud-kz', '--court-config', config],
      {
        env,
        timeout: 240_000,
      },
    );
    expect(crawl.stdout).toMatch(/^court-sud-kz: succeeded/m);
    const list = await run(
      process.execPath,
      [BIN, '--db', db, 'items', 'list', '--json', '--kind', 'court'],
      { env, timeout: 60_000 },
    );
    const items = list.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { kind: string; caseNumber: string; court: string | null; candidate: boolean },
      );
    for (const c of portal.data.cases.filter((x) => x.speech)) {
      const item = items.find((i) => i.caseNumber === c.number);
      expect(item, `speech case ${c.number}`).toBeDefined();
      expect(item!.kind).toBe('court');
      expect(item!.court).toBeTruthy();
    }
    // Ordinary cases that merely mention media or moral damage are not candidates.
    for (const c of portal.data.cases.filter((x) => !x.speech)) {
      const item = items.find((i) => i.caseNumber === c.number);
      if (item) expect(item.candidate, `ordinary case ${c.number}`).toBe(false);
    }
  }, 300_000);

  it('names an unknown source and leaves the database as it was', async () => {
    const env = { ...process.env, SOZ_DB: '', DATABASE_URL: '' };
    const before = readFileSync(db);
    const failed = await run(
      process.execPath,
      [BIN, '--db', db, 'crawl', '--source', 'court-nowhere', '--court-config', config],
      {
        env,
        timeout: 60_000,
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toMatch(/unknown source "court-nowhere"/);
    expect(readFileSync(db).equals(before)).toBe(true);
  }, 120_000);
});

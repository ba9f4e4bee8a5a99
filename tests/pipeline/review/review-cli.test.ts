// `soz review` and `soz users` as scripts use them: JSON lines out, decisions by option, exit code 5 on a
// decision that would overwrite another, passwords only through stdin.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, PROJECT_ROOT } from '../../../core/index.ts';
import { verifyPassword } from '../../../pipeline/index.ts';
import { getEntry, getUserByName, openStore } from '../../../storage/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';
import {
  BLOCKING_LATE,
  CLAIM_RU_1,
  CONFIRMED_BLOCKING_ENTRY_ID,
  FRAUD_NEWS,
  type SeededReview,
  seedReview,
} from './review-fixtures.ts';

const BIN = join(PROJECT_ROOT, 'bin', 'soz.mjs');
let db: string;
let seeded: SeededReview;

function soz(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
      env: { ...process.env, SOZ_DB: '', DATABASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  db = join(tempDir('soz-review-cli-'), 'review.sqlite');
  const store = await openStore({ path: db, env: {} });
  seeded = await seedReview(store);
  await store.close();
});

afterAll(() => {
  rmSync(dirname(db), { recursive: true, force: true });
});

// Each `soz` process loads the whole CLI (crawlers included): seconds apiece on a busy 2-core machine.
describe('soz review and soz users', { timeout: 300_000 }, () => {
  it('adds an account with a password from stdin, hashed with scrypt, and refuses a short one', async () => {
    const ok = await soz(
      ['users', 'add', 'aliya', '--role', 'editor', '--password-stdin'],
      'длинный-пароль-9\n',
    );
    expect(ok.code, ok.stderr).toBe(EXIT.ok);
    const short = await soz(['users', 'add', 'bolat', '--password-stdin'], 'short\n');
    expect(short.code).toBe(EXIT.input);
    expect(short.stderr).toMatch(/password: needs at least 8 characters/);
    const store = await openStore({ path: db, env: {} });
    const user = (await getUserByName(store, 'aliya'))!;
    await store.close();
    expect(user.role).toBe('editor');
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('длинный-пароль-9', user.passwordHash)).toBe(true);
  });

  it('lists pending candidates as JSON lines with sources, categories and score', async () => {
    const r = await soz(['review', 'list', '--json']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(8);
    const claim = lines.find((l) => l.id === seeded.tasks[CLAIM_RU_1.key])!;
    expect(Object.keys(claim)).toEqual(
      expect.arrayContaining(['id', 'status', 'title', 'sources', 'categories', 'score']),
    );
    expect(claim.sources).toHaveLength(3);
    expect(claim.sources[0].url).toBe(CLAIM_RU_1.url);
    expect(claim.categories[0]).toEqual({ id: 'pressure', score: 0.62 });
    const show = await soz(['review', 'show', String(claim.id)]);
    expect(show.stdout).toContain('--claimed-amount-kzt');
    expect(show.stdout).toContain('1910-24-00-2/1234');
  });

  it('confirms with corrected fields, rejects, merges, and answers a second decision with exit code 5', async () => {
    const claim = seeded.tasks[CLAIM_RU_1.key]!;
    const c = await soz([
      'review',
      'confirm',
      String(claim),
      '--category',
      'civil_claim',
      '--claimed-amount-kzt',
      '10000000',
      '--stage',
      'charge',
      '--reviewer',
      'aliya',
    ]);
    expect(c.code, c.stderr).toBe(EXIT.ok);
    expect(c.stdout).toContain(`entry 2024-03-r${claim}`);
    const again = await soz(['review', 'reject', String(claim), '--reason', 'дубль', '--reviewer', 'aliya']);
    expect(again.code).toBe(EXIT.conflict);
    expect(again.stderr).toMatch(/already confirmed by aliya/);
    const stranger = await soz([
      'review',
      'reject',
      String(seeded.tasks[FRAUD_NEWS.key]),
      '--reason',
      'x',
      '--reviewer',
      'nobody',
    ]);
    expect(stranger.code).toBe(EXIT.usage);
    const rej = await soz([
      'review',
      'reject',
      String(seeded.tasks[FRAUD_NEWS.key]),
      '--reason',
      'уголовная хроника',
      '--reviewer',
      'aliya',
    ]);
    expect(rej.code, rej.stderr).toBe(EXIT.ok);
    const merge = await soz([
      'review',
      'merge',
      String(seeded.tasks[BLOCKING_LATE.key]),
      '--into',
      CONFIRMED_BLOCKING_ENTRY_ID,
      '--reviewer',
      'aliya',
    ]);
    expect(merge.code, merge.stderr).toBe(EXIT.ok);
    const store = await openStore({ path: db, env: {} });
    const entry = await getEntry(store, `2024-03-r${claim}`);
    const merged = await getEntry(store, CONFIRMED_BLOCKING_ENTRY_ID);
    await store.close();
    expect(entry).toMatchObject({ category: 'civil_claim', claimedAmountKzt: 10_000_000 });
    expect(merged!.sources).toContain(BLOCKING_LATE.url);
    const left = await soz(['review', 'list', '--json']);
    expect(left.stdout.trim().split('\n')).toHaveLength(5);
  });
});

// `soz cases` and the case options of `soz review confirm`, in-process: JSON on stdout, one-line errors,
// exit codes (2 bad arguments, 3 an unknown case, 5 a concurrent change).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { EXIT } from '../../../core/index.ts';
import { openStore, saveUser } from '../../../storage/index.ts';
import { captureOutput } from '../../helpers/capture-output.ts';
import { tempDir } from '../../helpers/test-stores.ts';
import { CASE_NUMBER, CLAIM_FILED, CLOSED_HEARING, ingestStory } from '../../pipeline/cases/case-fixtures.ts';

afterEach(() => vi.restoreAllMocks());

let db: string;
let tasks: number[];

beforeEach(async () => {
  db = join(tempDir(), 'soz.sqlite');
  const store = await openStore({ path: db, env: {} });
  await saveUser(store, { name: 'aliya', role: 'reviewer', passwordHash: 'x' });
  await saveUser(store, { name: 'erlan', role: 'editor', passwordHash: 'x' });
  tasks = await ingestStory(store, [CLAIM_FILED, CLOSED_HEARING]);
  await store.close();
});

const soz = async (...args: string[]) => {
  const io = captureOutput();
  const code = await main(['--db', db, ...args]);
  vi.restoreAllMocks();
  return { code, out: io.out(), err: io.err() };
};

describe('soz cases', () => {
  it('confirms into a new case and as its update, then lists and shows it as JSON', async () => {
    const [claim, hearing] = tasks.map(String) as [string, string];
    let r = await soz('review', 'confirm', claim, '--category', 'civil_claim', '--reviewer', 'aliya');
    expect(r.code).toBe(EXIT.ok);
    const caseId = `c-2024-04-r${claim}`;
    expect(r.out).toContain(`in case ${caseId}`);

    r = await soz('review', 'show', hearing, '--json');
    const shown = JSON.parse(r.out);
    expect(shown.case.proposals.map((p: { id: string }) => p.id)).toEqual([caseId]);

    r = await soz(
      'review',
      'confirm',
      hearing,
      '--category',
      'closed_session',
      '--case',
      caseId,
      '--reviewer',
      'aliya',
    );
    expect(r.code).toBe(EXIT.ok);

    r = await soz('cases', 'list', '--json');
    const listed = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: caseId,
      status: 'in_court',
      caseNumbers: [CASE_NUMBER],
      firstMonth: '2024-04',
    });

    r = await soz('cases', 'list', '--month', '2024-05', '--json');
    expect(JSON.parse(r.out.trim())).toMatchObject({
      id: caseId,
      changed: true,
      entries: [{ month: '2024-05', event: 'closed_hearing' }],
    });

    r = await soz('cases', 'show', caseId, '--json');
    const view = JSON.parse(r.out);
    expect(view.timeline.map((s: { event: string; ongoing: boolean }) => [s.event, s.ongoing])).toEqual([
      ['charge', false],
      ['closed_hearing', true],
    ]);
    r = await soz('cases', 'show', caseId);
    expect(r.out).toContain(`Case ${caseId}:`);
    expect(r.out).toMatch(/closed_hearing\s+2024-05-r\d+ \(update\) → in_court/);

    r = await soz(
      'cases',
      'status',
      caseId,
      '--status',
      'dropped',
      '--note',
      'иск отозван',
      '--reviewer',
      'erlan',
    );
    expect(r.out).toContain(`case ${caseId} is dropped (set by an editor)`);
    r = await soz(
      'cases',
      'status',
      caseId,
      '--status',
      'derived',
      '--reviewer',
      'erlan',
      '--expect-version',
      '1',
    );
    expect(r.code).toBe(EXIT.conflict);
    expect(r.err).toMatch(/case .* was changed/);
  });

  it('answers bad arguments and unknown cases with one line and the right exit code', async () => {
    let r = await soz('cases', 'list', '--status', 'closed');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    r = await soz('cases', 'show', 'c-none');
    expect(r.code).toBe(EXIT.input);
    expect(r.err).toContain('there is no case c-none');
    r = await soz('cases', 'status', 'c-none', '--status', 'dropped', '--reviewer', 'erlan');
    expect(r.code).toBe(EXIT.input);
    r = await soz('cases', 'status', 'c-none', '--status', 'dropped', '--reviewer', 'aliya');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('only editors can set the status of a case');
    r = await soz(
      'review',
      'confirm',
      String(tasks[0]),
      '--category',
      'civil_claim',
      '--case-event',
      'verdict',
      '--reviewer',
      'aliya',
    );
    expect(r.code).toBe(EXIT.input);
    expect(r.err).toContain('caseEvent: "verdict" is not one of');
  });
});

// The court crawler against the imitated portal, in a real Chromium: every speech-related fixture case is
// stored with the right facts (compared field by field) while the portal throws each of its faults at it;
// the next night costs no case page; a captcha blocks the source and a saved session gets past it.
// Browser runs are slow on two cores: few tests, generous timeouts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Classification,
  type CourtRecord,
  EMPTY_FACTS,
  type LanguageResult,
  type TextClassifier,
} from '../../../core/index.ts';
import { type CourtConfig, crawlCourtSource, loadCourtConfig } from '../../../crawlers/index.ts';
import {
  type CourtPortal,
  HISTORY_EVENTS,
  type PortalCase,
  type PortalData,
  startCourtPortal,
} from '../../../imitation/index.ts';
import { getCrawlRun, getItemByUrl, listItems } from '../../../storage/index.ts';
import { openTestStore, type TestStore, tempDir } from '../../helpers/test-stores.ts';

/** Records what it was asked; never a candidate (the real classifier's decisions are tested in classifiers/). */
class RecordingClassifier implements TextClassifier {
  readonly modelVersion = 'test-recording';
  readonly seen: { title: string; court?: CourtRecord }[] = [];
  detectLanguage(): LanguageResult {
    return { lang: 'ru', script: 'cyrl', confidence: 1 };
  }
  classify(input: { title: string; court?: CourtRecord }, l: LanguageResult): Classification {
    this.seen.push({ title: input.title, court: input.court });
    return {
      modelVersion: this.modelVersion,
      lang: l.lang,
      script: l.script,
      candidate: false,
      score: 0,
      categories: [],
      facts: EMPTY_FACTS,
    };
  }
}

const PLAINTIFF_ROLES = new Set(['claimant', 'applicant', 'private_prosecutor']);

/** What the crawler must extract from a fixture case, as the Russian interface shows it. */
function expectedRecord(data: PortalData, c: PortalCase): CourtRecord {
  const court = data.courts.find((x) => x.code === c.court);
  const latest = [...c.acts].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return {
    caseNumber: c.number,
    court: court?.name.ru ?? null,
    region: court?.region.ru ?? null,
    judge: c.judge,
    plaintiffs: c.parties.filter((p) => PLAINTIFF_ROLES.has(p.role)).map((p) => p.name),
    defendants: c.parties.filter((p) => !PLAINTIFF_ROLES.has(p.role)).map((p) => p.name),
    category: data.categories.find((x) => x.code === c.category)?.name.ru ?? null,
    actKind: latest?.kind ?? null,
    registeredAt: c.registeredAt,
    decidedAt: latest?.date ?? null,
    closedHearing: c.acts.some((a) => a.closedHearing) || c.hearings.some((h) => h.closed),
    outcome: latest?.outcome ?? null,
    claimedAmountKzt: c.claimedAmountKzt,
    awardedAmountKzt: latest?.awardedAmountKzt ?? null,
    history: c.history.map((h) => ({ date: h.date, event: HISTORY_EVENTS[h.event].ru })),
  };
}

/** Chromium processes started by this test process (read from /proc), to crash the browser on purpose. */
function chromiumDescendants(): number[] {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code !== 'ENOENT' &&
        (error as NodeJS.ErrnoException).code !== 'ESRCH'
      )
        throw error;
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  return [...name].filter(([pid, n]) => /chrom/i.test(n) && isDescendant(pid)).map(([pid]) => pid);
}

const SOURCE = (url: string) => ({
  id: 'court-test',
  name: 'Court portal (imitation)',
  kind: 'court' as const,
  url,
});

let portal: CourtPortal;
let t: TestStore;
let config: CourtConfig;
let crashes = 0;
let crashArmed = false;
let actGets = 0;
let session: string;

beforeAll(async () => {
  portal = await startCourtPortal({
    idSeed: 11,
    onRequest: ({ path, ajax }) => {
      if (path !== '/courtActs/act.xhtml' || ajax || !crashArmed) return;
      actGets++;
      if (actGets !== 3) return;
      // The browser dies mid-crawl, as Chromium does when the machine runs out of memory.
      for (const pid of chromiumDescendants()) {
        try {
          process.kill(pid, 'SIGKILL');
          crashes++;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
        }
      }
    },
  });
  t = await openTestStore('sqlite');
  // The acts bank asks for the check, as the real one does: a person passed it once (soz court session).
  session = join(tempDir('soz-court-session-'), 'state.json');
  const passed = portal.createPassedSession();
  writeFileSync(
    session,
    JSON.stringify({
      cookies: [
        {
          ...passed,
          domain: '127.0.0.1',
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Lax',
        },
      ],
      origins: [],
    }),
  );
  const base = loadCourtConfig();
  config = {
    ...base,
    crawl: {
      ...base.crawl,
      navigationTimeoutSecs: 10,
      ajaxTimeoutMs: 10_000,
      recycleBrowserEveryPages: 6,
      maxRetries: 4,
    },
  };
});

afterAll(async () => {
  await t?.close();
  await portal?.close();
});

describe('crawlCourtSource against the imitated portal', () => {
  it('stores every speech-related case with correct fields, surviving HTTP 500, error pages, a slow page and a browser crash', async () => {
    portal.addFault({ kind: 'http500', path: '/courtActs/act.xhtml', ajax: false });
    portal.addFault({ kind: 'error-page', path: '/form/lawsuit/card.xhtml', ajax: false });
    portal.addFault({ kind: 'error-page', path: '/courtActs/index.xhtml', ajax: true });
    portal.addFault({ kind: 'slow', path: '/new/scheduleOfCases/index.xhtml', ajax: false, delayMs: 25_000 });
    crashArmed = true;
    const classifier = new RecordingClassifier();
    const report = await crawlCourtSource(t.store, SOURCE(portal.url), {
      classifier,
      config,
      storageStatePath: session,
    });
    crashArmed = false;

    expect(report.status, report.errors.join('\n')).toBe('succeeded');
    expect(report.failed).toBe(0);
    expect(portal.stats().faultsServed).toBe(4);
    expect(crashes).toBeGreaterThan(0);
    // Each fault cost at least one retry, and each was reported.
    expect(report.retries).toBeGreaterThanOrEqual(5);
    const errors = report.errors.join('\n');
    expect(errors).toContain('HTTP 500');
    expect(errors).toContain('Сервис временно недоступен');
    expect(errors).toMatch(/[Tt]imeout/);

    const speech = portal.data.cases.filter((c) => c.speech);
    const items = await listItems(t.store, { kind: 'court' });
    expect(report.newItems).toBe(items.length);
    for (const c of speech) {
      const item = items.find((i) => i.caseNumber === c.number);
      expect(item, `speech case ${c.number} was not stored`).toBeDefined();
      const got = item?.court as CourtRecord;
      const want = expectedRecord(portal.data, c);
      for (const field of Object.keys(want) as (keyof CourtRecord)[]) {
        expect(got[field], `${c.number}: ${field}`).toEqual(want[field]);
      }
      expect(item?.kind).toBe('court');
      expect(item?.extractedBy).toBe('court');
      expect(item?.url).toBe(`${portal.url}/form/lawsuit/card.xhtml?id=${c.id}`);
      expect(item?.title).toContain(c.number);
      expect(item?.classification?.modelVersion).toBe('test-recording');
    }
    // The classifier saw the facts, and the act's own words (Kazakh ones included) are in the text.
    const kk = items.find((i) => i.caseNumber === '3510-20-00-1/241');
    expect(kk?.text).toContain('көрінеу жалған ақпарат');
    expect(kk?.text).toContain('закрытом судебном заседании');
    expect(
      classifier.seen.find((s) => s.court?.caseNumber === '7527-20-00-2/3318')?.court?.defendants,
    ).toContain('ТОО «Редакция газеты «Степной вестник»»');
    // An ordinary case that no configured search reaches (a divorce heard behind closed doors) is not fetched.
    expect(items.some((i) => i.caseNumber === '7527-20-00-2/3350')).toBe(false);
    const run = (await getCrawlRun(
      t.store,
      (
        await t.store.db.selectFrom('crawl_runs').select('id').executeTakeFirstOrThrow()
      ).id,
    ))!;
    expect(run.sources[0]?.status).toBe('succeeded');
  }, 400_000);

  it('costs no case page on an unchanged night, and re-reads only the case whose history changed', async () => {
    const classifier = new RecordingClassifier();
    portal.resetStats();
    const quiet = await crawlCourtSource(t.store, SOURCE(portal.url), {
      classifier,
      config,
      storageStatePath: session,
    });
    expect(quiet.status, quiet.errors.join('\n')).toBe('succeeded');
    expect(quiet.unchanged).toBe(quiet.found);
    expect(quiet.casePages + quiet.actPages).toBe(0);
    expect(portal.stats().hits['/form/lawsuit/card.xhtml'] ?? 0).toBe(0);
    expect(portal.stats().hits['/courtActs/act.xhtml'] ?? 0).toBe(0);
    expect(classifier.seen).toHaveLength(0);

    // The Shymkent honour claim gets its decision.
    portal.updateCase(1003, (c) => ({
      ...c,
      history: [...c.history, { date: '2020-08-25', event: 'decision' }],
      acts: [
        {
          id: 50031,
          kind: 'решение',
          date: '2020-08-25',
          instance: 'first',
          closedHearing: false,
          outcome: 'Талап қанағаттандырусыз қалдырылсын',
          awardedAmountKzt: 0,
          text: [
            'Сот талапты қанағаттандырусыз қалдырды: мақалада айтылған мәліметтер шындыққа сәйкес келеді.',
          ],
        },
      ],
    }));
    portal.resetStats();
    const next = await crawlCourtSource(t.store, SOURCE(portal.url), {
      classifier,
      config,
      storageStatePath: session,
    });
    expect(next.updated).toBe(1);
    expect(next.unchanged).toBe(next.found - 1);
    expect(portal.stats().hits['/form/lawsuit/card.xhtml']).toBe(1);
    expect(portal.stats().hits['/courtActs/act.xhtml']).toBe(1);
    const item = await getItemByUrl(t.store, `${portal.url}/form/lawsuit/card.xhtml?id=1003`);
    expect(item?.revision).toBe(2);
    expect(item?.court?.decidedAt).toBe('2020-08-25');
    expect(item?.court?.awardedAmountKzt).toBe(0);
    expect(item?.court?.history.at(-1)).toEqual({ date: '2020-08-25', event: 'Вынесено решение' });
  }, 300_000);

  it('stops at a captcha with status blocked, and resumes with a saved browser session', async () => {
    await t.reset();
    const narrow: CourtConfig = {
      ...config,
      searches: { ...config.searches, categories: [], keywords: ['тілші'] },
    };
    const classifier = new RecordingClassifier();
    portal.setCaptcha(true);
    try {
      const blocked = await crawlCourtSource(t.store, SOURCE(portal.url), { classifier, config: narrow });
      expect(blocked.status).toBe('blocked');
      expect(blocked.errors.join('\n')).toMatch(/captcha .*--storage-state/);
      expect(blocked.newItems).toBe(0);
      const runs = await t.store.db
        .selectFrom('crawl_run_sources')
        .select(['status', 'errors_json'])
        .execute();
      expect(runs.map((r) => r.status)).toEqual(['blocked']);

      const file = join(tempDir('soz-court-state-'), 'state.json');
      const cookie = portal.createPassedSession();
      writeFileSync(
        file,
        JSON.stringify({
          cookies: [
            {
              ...cookie,
              domain: '127.0.0.1',
              path: '/',
              expires: -1,
              httpOnly: true,
              secure: false,
              sameSite: 'Lax',
            },
          ],
          origins: [],
        }),
      );
      const resumed = await crawlCourtSource(t.store, SOURCE(portal.url), {
        classifier,
        config: narrow,
        storageStatePath: file,
      });
      expect(resumed.status, resumed.errors.join('\n')).toBe('succeeded');
      expect(resumed.newItems).toBe(1);
      const items = await listItems(t.store, { kind: 'court' });
      expect(items.map((i) => i.caseNumber)).toEqual(['7511-20-00-4/2210']);
    } finally {
      portal.setCaptcha(false);
    }
  }, 300_000);
});

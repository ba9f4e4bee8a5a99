// Near-duplicate clustering: reports of one event (two Russian rewrites and a Kazakh report) become one
// candidate; reports of different events written from the same template stay apart.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  compareFingerprints,
  extractAmounts,
  extractCaseNumbers,
  extractDates,
  extractEventKeys,
  fingerprintItem,
  type ItemFingerprint,
} from '../../../pipeline/index.ts';
import { getTask, listReviewLog } from '../../../storage/index.ts';
import { openTestStore, TEST_DIALECTS } from '../../helpers/test-stores.ts';
import {
  CLAIM_KK,
  CLAIM_RU_1,
  CLAIM_RU_2,
  classificationOf,
  DETENTION_AKTOBE,
  DETENTION_SHYMKENT,
  type FixtureReport,
  FRAUD_NEWS,
  INJECTION,
  ingestReport,
} from '../review/review-fixtures.ts';

const fp = (r: FixtureReport, itemId = 1): ItemFingerprint =>
  fingerprintItem({ itemId, title: r.title, text: r.text, lang: r.lang, facts: classificationOf(r).facts });

describe('event keys', () => {
  it('reads Russian and Kazakh dates as month-day, ignoring years and unrelated numbers', () => {
    expect(extractDates('Иск зарегистрирован 12 марта 2024 года, а 3 мая — второй.')).toEqual([
      '03-12',
      '05-03',
    ]);
    expect(extractDates('Талап арыз 2024 жылғы 12 наурызда тіркелді')).toEqual(['03-12']);
    expect(extractDates('наурыздың 12-сі күні, 05.03.2024 және 2024-03-19')).toEqual([
      '03-05',
      '03-12',
      '03-19',
    ]);
    // «5 млн» and «магазин» are not dates
    expect(extractDates('5 млн тенге, 7 магазинов')).toEqual([]);
  });

  it('normalises amounts written with spaces, «млн» or «миллион», in tenge or MCI', () => {
    expect(extractAmounts('10 млн тенге, 10 000 000 тенге и 10 миллион теңге')).toEqual(['10000000kzt']);
    expect(extractAmounts('штраф 100 МРП')).toEqual(['100mci']);
  });

  it('takes court case numbers but not phone numbers or year ranges', () => {
    expect(extractCaseNumbers('дело № 1910-24-00-2/1234, тел. 8-701, 2023-2024')).toEqual([
      '1910-24-00-2/1234',
    ]);
  });

  it('folds Kazakh letters so that «Сейтқали» and «Сейткали» share a name stem', () => {
    const ru = extractEventKeys('Журналист Айгерим Сейткали', null);
    const kk = extractEventKeys('Журналист Айгерим Сейтқалиға', null);
    expect(ru.name.filter((n) => kk.name.includes(n)).length).toBe(2);
  });
});

describe('fingerprint comparison', () => {
  it('joins two Russian rewrites of one event', () => {
    const s = compareFingerprints(fp(CLAIM_RU_1), fp(CLAIM_RU_2));
    expect(s.join).toBe(true);
  });

  it('joins the Kazakh report with the Russian one by shared facts, though their words differ', () => {
    const s = compareFingerprints(fp(CLAIM_RU_1), fp(CLAIM_KK));
    expect(s.text).toBeLessThan(0.2);
    expect(s.sharedStrong).toBeGreaterThanOrEqual(2);
    expect(s.join).toBe(true);
  });

  it('keeps apart two detentions written from one template (different people, towns and dates)', () => {
    const s = compareFingerprints(fp(DETENTION_SHYMKENT), fp(DETENTION_AKTOBE));
    expect(s.text).toBeGreaterThan(0.4);
    expect(s.conflict).toBe(true);
    expect(s.join).toBe(false);
  });

  it('keeps unrelated candidates apart', () => {
    for (const [a, b] of [
      [CLAIM_RU_1, FRAUD_NEWS],
      [CLAIM_KK, DETENTION_SHYMKENT],
      [INJECTION, FRAUD_NEWS],
    ] as const) {
      expect(compareFingerprints(fp(a), fp(b)).join, `${a.key} vs ${b.key}`).toBe(false);
    }
  });
});

describe.each(TEST_DIALECTS)('queueCandidate clustering on %s', (dialect) => {
  const ready = openTestStore(dialect);
  afterAll(async () => (await ready).close());
  beforeEach(async () => (await ready).reset());

  it('puts the three reports of one event into one pending candidate and logs each join', async () => {
    const { store } = await ready;
    const a = await ingestReport(store, CLAIM_RU_1);
    const b = await ingestReport(store, CLAIM_KK);
    const c = await ingestReport(store, CLAIM_RU_2);
    expect(a.joined).toBe(false);
    expect(b).toMatchObject({ taskId: a.taskId, joined: true });
    expect(c).toMatchObject({ taskId: a.taskId, joined: true });
    const task = (await getTask(store, a.taskId))!;
    expect(task.itemIds).toEqual([a.itemId, b.itemId, c.itemId].sort((x, y) => x - y));
    expect(task.version).toBe(1);
    const log = await listReviewLog(store, { taskId: a.taskId });
    expect(log.map((l) => l.action)).toEqual(['cluster-join', 'cluster-join']);
    expect(log[0]!.actor).toBe('pipeline');
  });

  it('gives two template-alike detentions two candidates, and re-queueing an item keeps its task', async () => {
    const { store } = await ready;
    const a = await ingestReport(store, DETENTION_SHYMKENT);
    const b = await ingestReport(store, DETENTION_AKTOBE);
    expect(b.taskId).not.toBe(a.taskId);
    const again = await ingestReport(store, DETENTION_SHYMKENT);
    expect(again.taskId).toBe(a.taskId);
  });
});

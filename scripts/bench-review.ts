// `npm run bench:review`: the review server with 10,000 pending candidates in a SQLite file. Reports server
// time per request (the Server-Timing header: from request arrival to the response being written) for the
// queue page in its common shapes and for a candidate page, against a baseline request served in the same
// process (the login page: rendering and headers, no queue query). Also the cost of clustering one new item
// against 10,000 open tasks. Goal: the queue page under 200 ms.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, type CategoryId, type Classification, monthName } from '../core/index.ts';
import { encodeTaskFingerprint } from '../pipeline/cluster/task-fingerprint.ts';
import { fingerprintItem, hashPassword, queueCandidate, startReviewServer } from '../pipeline/index.ts';
import { createTask, openStore, saveArticle, saveClassification, saveUser } from '../storage/index.ts';

const N = Number(process.env.BENCH_CANDIDATES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_MS = 200;

const FIRST = [
  'Ерлан',
  'Айгерим',
  'Даурен',
  'Асель',
  'Нурлан',
  'Гульнара',
  'Бауыржан',
  'Жанар',
  'Тимур',
  'Мадина',
];
const LAST = [
  'Жумабаев',
  'Сейткали',
  'Оспанов',
  'Ахметова',
  'Есимов',
  'Садыкова',
  'Калиев',
  'Нурланулы',
  'Ибраев',
  'Омарова',
];
const TOWNS = ['Шымкенте', 'Актобе', 'Таразе', 'Павлодаре', 'Уральске', 'Костанае', 'Семее', 'Атырау'];
const CATS: CategoryId[] = [
  'detention',
  'civil_claim',
  'criminal_charge',
  'obstruction',
  'threat',
  'info_denial',
  'blocking',
  'pressure',
];
const SOURCES = ['dala-news', 'zhetysu-info', 'qazaq-uni', 'ontustik-today', 'aqtobe-news', 'court-portal'];

function synthetic(i: number): { article: Article; classification: Classification } {
  const who = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const town = TOWNS[i % TOWNS.length]!;
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  const lang = i % 4 === 0 ? 'kk' : 'ru';
  const cat = CATS[i % CATS.length]!;
  const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const text = `Журналист ${who} сообщил о случае в ${town} ${day} ${monthName('ru', month)}. Материал номер ${i} о ${cat}: редакция требует объяснений от местного акимата, дело № ${1000 + i}-24-00-2/${i}.

Коллеги ${who} отмечают, что подобное происходит не впервые, и просят прокуратуру дать оценку действиям должностных лиц.`;
  const phrase = 'редакция требует объяснений';
  const start = text.indexOf(phrase);
  return {
    article: {
      sourceId: SOURCES[i % SOURCES.length]!,
      kind: i % 17 === 0 ? 'court' : 'news',
      url: `https://bench.example.kz/${i}`,
      canonicalUrl: `https://bench.example.kz/${i}`,
      title: `${who}: случай в ${town} (${i})`,
      text,
      publishedAt: `${date}T08:00:00Z`,
      author: null,
      section: null,
      langHint: lang,
      fetchedAt: `${date}T09:00:00Z`,
      html: null,
      extractedBy: 'generic',
    },
    classification: {
      modelVersion: 'bench',
      lang,
      script: 'cyrl',
      candidate: true,
      score: ((i * 7919) % 1000) / 1000,
      categories: [{ id: cat, score: 0.7, evidence: [{ start, end: start + phrase.length, text: phrase }] }],
      facts: {
        people: [who],
        outlets: [],
        stateBodies: [],
        courts: [],
        caseNumbers: [],
        lawArticles: [],
        amountsKzt: [],
        dates: [date],
        places: [],
        outcome: null,
      },
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

async function main() {
  // BENCH_DB=path keeps the seeded database between runs (for profiling); by default a temporary file.
  const kept = process.env.BENCH_DB;
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'soz-bench-review-'));
  const path = kept ?? join(dir!, 'bench.sqlite');
  const reuse = kept !== undefined && existsSync(kept);
  const store = await openStore({ path, env: {} });
  try {
    const t0 = performance.now();
    for (let i = 0; i < (reuse ? 0 : N); i++) {
      const { article, classification } = synthetic(i);
      const { itemId } = await saveArticle(store, article, {
        lang: classification.lang,
        script: 'cyrl',
        confidence: 0.99,
      });
      await saveClassification(store, itemId, classification);
      const fp = fingerprintItem({
        itemId,
        title: article.title,
        text: article.text,
        lang: classification.lang,
        facts: classification.facts,
      });
      await createTask(store, {
        itemId,
        title: article.title,
        kind: article.kind,
        lang: classification.lang,
        month: article.publishedAt!.slice(0, 7),
        topCategory: classification.categories[0]!.id,
        score: classification.score,
        fingerprint: encodeTaskFingerprint([fp]),
      });
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    if (!reuse)
      await saveUser(store, {
        name: 'bench',
        role: 'editor',
        passwordHash: await hashPassword('bench-password-1'),
      });

    // Clustering one new item against the open tasks of its month window (±1 month: ~2,500 tasks here).
    const clusterTimes: number[] = [];
    for (let k = 0; k < (reuse ? 0 : 20); k++) {
      const { article, classification } = synthetic(N + k);
      const { itemId } = await saveArticle(store, article);
      await saveClassification(store, itemId, classification);
      const s = performance.now();
      await queueCandidate(store, itemId, article, classification);
      clusterTimes.push(performance.now() - s);
    }

    const server = await startReviewServer(store, {
      port: 0,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    try {
      // Log in once; reuse the session cookie.
      const loginPage = await fetch(`${server.url}/login`);
      const csrfCookie = loginPage.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
      const login = await fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
        body: new URLSearchParams({ _csrf: csrf, name: 'bench', password: 'bench-password-1' }).toString(),
      });
      const session = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      if (login.status !== 303 || !session.includes('soz_session='))
        throw new Error(`bench login failed: ${login.status}`);

      async function measure(
        path: string,
        withSession = true,
      ): Promise<{ server: number[]; client: number[]; bytes: number }> {
        const server_: number[] = [];
        const client: number[] = [];
        let bytes = 0;
        for (let r = 0; r < RUNS + 3; r++) {
          const s = performance.now();
          const res = await fetch(server.url + path, { headers: withSession ? { cookie: session } : {} });
          const body = await res.text();
          const c = performance.now() - s;
          if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
          const dur = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
          if (r >= 3) {
            server_.push(dur);
            client.push(c);
          }
          bytes = body.length;
        }
        return { server: server_, client, bytes };
      }

      const baseline = await measure('/login', false);
      const cases: [string, string][] = [
        ['queue, by score (page 1)', '/queue'],
        ['queue, by date', '/queue?sort=date'],
        ['queue, category filter', '/queue?category=detention'],
        ['queue, language kk', '/queue?lang=kk'],
        ['queue, source filter', '/queue?source=qazaq-uni'],
        ['queue, month + kind', '/queue?month=2024-03&kind=news'],
        ['queue, page 100', '/queue?page=100'],
        ['candidate page', '/candidates/5000'],
      ];
      const base = median(baseline.server);
      console.log(
        `soz bench:review — ${N} pending candidates (SQLite file), ${RUNS} requests per case after 3 warm-up`,
      );
      console.log(`seeding: ${seedSeconds.toFixed(1)} s`);
      if (clusterTimes.length)
        console.log(
          `clustering one new item against open tasks (±1 month): median ${median(clusterTimes).toFixed(1)} ms, p95 ${p95(clusterTimes).toFixed(1)} ms`,
        );
      console.log('');
      console.log('case                          server median  server p95  client median   KiB  ×baseline');
      const row = (name: string, m: { server: number[]; client: number[]; bytes: number }) =>
        console.log(
          `${name.padEnd(30)}${median(m.server).toFixed(1).padStart(10)} ms${p95(m.server).toFixed(1).padStart(9)} ms${median(m.client).toFixed(1).padStart(12)} ms${(m.bytes / 1024).toFixed(0).padStart(6)}${(median(m.server) / base).toFixed(1).padStart(10)}`,
        );
      row('baseline: login page', baseline);
      let worst = 0;
      for (const [name, path] of cases) {
        const m = await measure(path);
        row(name, m);
        if (path.startsWith('/queue')) worst = Math.max(worst, p95(m.server));
      }
      console.log('');
      console.log(
        `queue page worst p95 server time: ${worst.toFixed(1)} ms — goal < ${GOAL_MS} ms: ${worst < GOAL_MS ? 'met' : 'NOT met'}`,
      );
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

// The synthetic database of `npm run bench:scale`: N items over ten years written straight into our own
// schema in multi-row inserts inside transactions (fast enough for a million on this machine), from a seeded
// PRNG so that two runs build the same data. Shares scale with N: 15% court items, 10% of items candidates,
// 30,000 confirmed entries and 5,000 cases per million. Texts are a few hundred characters of our own.
import { sql } from 'kysely';
import type { Store } from '../../storage/index.ts';

export interface ScaleCounts {
  readonly items: number;
  readonly court: number;
  readonly candidates: number;
  readonly tasks: number;
  readonly pending: number;
  readonly entries: number;
  readonly cases: number;
}

export interface GenerateOptions {
  readonly items: number;
  readonly seed?: number;
  readonly onProgress?: (table: string, done: number, total: number) => void;
}

export const FIRST_YEAR = 2016;
export const YEARS = 10;
export const MONTHS = YEARS * 12;
export const NEWS_SOURCES = Array.from({ length: 40 }, (_, i) => `outlet-${String(i + 1).padStart(2, '0')}`);
export const COURT_SOURCE = 'court-portal';
const CATEGORIES = [
  'civil_claim',
  'criminal_charge',
  'detention',
  'obstruction',
  'threat',
  'info_denial',
  'pressure',
  'blocking',
  'attack',
  'administrative_charge',
  'closed_session',
  'regulation',
] as const;
const BLOCK: Record<string, 'A' | 'B' | 'C'> = {
  attack: 'A',
  threat: 'A',
  obstruction: 'A',
  detention: 'A',
  pressure: 'A',
  info_denial: 'B',
  closed_session: 'B',
  blocking: 'B',
  regulation: 'B',
  criminal_charge: 'C',
  civil_claim: 'C',
  administrative_charge: 'C',
};
const PEOPLE = ['Ерлан Жумабаев', 'Айгерим Сейткали', 'Даурен Оспанов', 'Асель Ахметова', 'Нурлан Есимов'];
const TOWNS = ['Шымкент', 'Актобе', 'Тараз', 'Павлодар', 'Уральск', 'Костанай', 'Семей', 'Атырау'];
const COURTS = ['Специализированный межрайонный суд', 'Районный суд № 2', 'Городской суд'];

/** mulberry32: small, fast and good enough to spread synthetic rows. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const monthOf = (index: number) => `${FIRST_YEAR + Math.floor(index / 12)}-${pad((index % 12) + 1)}`;

/** Month index 0..119 of item i: spread over ten years with volume growing about 2.5× from first to last. */
function monthIndexOf(i: number, n: number): number {
  // Inverse of a linear density 1..2.5 over [0,1): items are in date order, as a nightly crawl stores them.
  const u = (i + 0.5) / n;
  const a = 1;
  const b = 1.5;
  const x = (-a + Math.sqrt(a * a + 2 * b * u * (a + b / 2))) / b;
  return Math.min(MONTHS - 1, Math.floor(x * MONTHS));
}

function newsText(
  rnd: () => number,
  who: string,
  town: string,
  cat: string,
  i: number,
  lang: string,
): string {
  if (lang === 'kk')
    return `${town} қаласында журналист ${who} редакцияға келген хаттан кейін әкімдікке сауал жолдады. Материал № ${i} (${cat}) бойынша редакция түсініктеме күтуде. Әріптестері мұндай жағдай бірінші рет емес екенін айтып, прокуратурадан лауазымды адамдардың әрекетіне баға беруді сұрады. Оқиға туралы толығырақ кейінірек жазамыз.`;
  if (lang === 'en')
    return `In ${town}, reporter ${who} says officials refused to answer a written request for the ${rnd() < 0.5 ? 'city budget' : 'tender documents'}. Story ${i} (${cat}): the newsroom has filed a complaint with the prosecutor and will appeal if the refusal stands. Colleagues note that this is not the first such case this year.`;
  return `Журналист ${who} сообщил о случае в городе ${town}: материал номер ${i} о событии категории ${cat}. Редакция требует объяснений от местного акимата и направила запрос в прокуратуру. Коллеги отмечают, что подобное происходит не впервые, и просят дать оценку действиям должностных лиц. Мы продолжим следить за развитием событий.`;
}

/** Rows of one multi-row insert: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
function rowsPerInsert(store: Store, columns: number): number {
  return Math.floor((store.traits.name === 'sqlite' ? 30_000 : 60_000) / columns);
}

async function insertAll<T extends Record<string, unknown>>(
  store: Store,
  table: string,
  rows: Iterable<T>,
  total: number,
  onProgress?: GenerateOptions['onProgress'],
): Promise<void> {
  let batch: T[] = [];
  let per = 0;
  let done = 0;
  let tx: T[][] = [];
  const flushTx = async () => {
    if (tx.length === 0) return;
    const chunks = tx;
    tx = [];
    await store.db.transaction().execute(async (trx) => {
      for (const c of chunks)
        await trx
          .insertInto(table as never)
          .values(c as never)
          .execute();
    });
    onProgress?.(table, done, total);
  };
  for (const row of rows) {
    if (per === 0) per = rowsPerInsert(store, Object.keys(row).length);
    batch.push(row);
    done++;
    if (batch.length >= per) {
      tx.push(batch);
      batch = [];
      // About 20,000 rows per transaction: few commits, bounded memory.
      if (tx.length * per >= 20_000) await flushTx();
    }
  }
  if (batch.length > 0) tx.push(batch);
  await flushTx();
}

/** Fills an empty, migrated store. Returns what it wrote. */
export async function generateScaleDatabase(store: Store, options: GenerateOptions): Promise<ScaleCounts> {
  const n = options.items;
  const rnd = seededRandom(options.seed ?? 20_260_101);
  const progress = options.onProgress;
  const nEntries = Math.max(1, Math.round((n * 30_000) / 1_000_000));
  const nCases = Math.max(1, Math.round((n * 5_000) / 1_000_000));
  const now = `${FIRST_YEAR + YEARS}-01-01T00:00:00.000Z`;

  await store.db
    .insertInto('sources')
    .values(
      [...NEWS_SOURCES, COURT_SOURCE].map((id) => ({
        id,
        name: id,
        kind: id === COURT_SOURCE ? 'court' : 'news',
        lang: null,
        config_json: '{}',
        last_success_at: now,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  // Which items are court items and candidates, decided up front so that later tables can point at them.
  const court = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  const month = new Uint8Array(n);
  const langOf = new Uint8Array(n); // 0 ru, 1 kk, 2 en
  let nCourt = 0;
  for (let i = 0; i < n; i++) {
    month[i] = monthIndexOf(i, n);
    if (rnd() < 0.15) {
      court[i] = 1;
      nCourt++;
    }
    const r = rnd();
    langOf[i] = court[i] ? 0 : r < 0.62 ? 0 : r < 0.92 ? 1 : 2;
  }
  // Exactly 10% candidates, chosen by a seeded shuffle of the indices.
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const nCandidates = Math.round(n / 10);
  for (let k = 0; k < nCandidates; k++) candidate[order[k]!] = 1;

  const caseOfCourtItem = (i: number) => (i * 7919) % nCases;
  const caseId = (c: number) => `case-${pad(c + 1, 6)}`;
  const caseNumber = (c: number) => `${7500 + (c % 400)}-${pad(16 + (c % 10))}-00-2/${c + 1}`;
  const LANGS = ['ru', 'kk', 'en'];

  // A candidate item's date and source, for the task it leads (review_tasks.published_at/source_id).
  const candidateHead = new Map<number, { published: string; source: string }>();
  function* items() {
    for (let i = 0; i < n; i++) {
      const m = month[i]!;
      const day = 1 + Math.floor(rnd() * 28);
      const published = `${monthOf(m)}-${pad(day)}T${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:00.000Z`;
      const isCourt = court[i] === 1;
      const source = isCourt ? COURT_SOURCE : NEWS_SOURCES[Math.floor(rnd() ** 1.6 * NEWS_SOURCES.length)]!;
      const who = PEOPLE[i % PEOPLE.length]!;
      const town = TOWNS[(i >> 3) % TOWNS.length]!;
      const cat = CATEGORIES[i % CATEGORIES.length]!;
      const lang = LANGS[langOf[i]!]!;
      const url = isCourt
        ? `https://office.sud.kz/acts/${i + 1}`
        : `https://${source}.kz/${monthOf(m).replace('-', '/')}/news-${i + 1}`;
      const c = isCourt ? caseOfCourtItem(i) : -1;
      if (candidate[i]) candidateHead.set(i, { published, source });
      yield {
        id: i + 1,
        source_id: source,
        kind: isCourt ? 'court' : 'news',
        url,
        canonical_url: url,
        title: isCourt ? `Судебный акт по делу № ${caseNumber(c)}` : `${town}: ${who} — материал ${i + 1}`,
        text: isCourt
          ? `${COURTS[i % COURTS.length]} города ${town} рассмотрел гражданское дело № ${caseNumber(c)} по иску о защите чести, достоинства и деловой репутации к редакции и журналисту ${who}. Суд исследовал материалы дела, выслушал стороны и вынес решение; стороны вправе обжаловать его в течение месяца.`
          : newsText(rnd, who, town, cat, i + 1, lang),
        published_at: published,
        fetched_at: published,
        updated_at: published,
        author: isCourt ? null : who,
        section: isCourt ? null : 'society',
        lang,
        script: lang === 'en' ? 'Latn' : 'Cyrl',
        lang_confidence: 0.9,
        content_hash: `h${(i + 1).toString(16)}`,
        raw_html_gz: null,
        extracted_by: isCourt ? 'court' : 'readability',
        case_number: isCourt ? caseNumber(c) : null,
        court_json: isCourt ? JSON.stringify({ court: COURTS[i % COURTS.length], region: town }) : null,
        revision: 1,
        short: 0,
        body_note: null,
      };
    }
  }
  await insertAll(store, 'items', items(), n, progress);

  // Candidates become tasks: consecutive candidate items of the same month and kind form a cluster of up to
  // three about a third of the time. Tasks of the last two months are pending; older ones decided, with
  // exactly nEntries confirmed (spread over the decade), some deferred left over from earlier months.
  const candIdx: number[] = [];
  for (let i = 0; i < n; i++) if (candidate[i]) candIdx.push(i);
  const tasks: { items: number[]; month: number; kind: string }[] = [];
  for (let k = 0; k < candIdx.length; ) {
    const first = candIdx[k]!;
    const group = [first];
    k++;
    while (
      group.length < 3 &&
      k < candIdx.length &&
      month[candIdx[k]!] === month[first] &&
      court[candIdx[k]!] === court[first] &&
      rnd() < 0.35
    ) {
      group.push(candIdx[k]!);
      k++;
    }
    tasks.push({ items: group, month: month[first]!, kind: court[first] ? 'court' : 'news' });
  }
  const decidedTasks = tasks.filter((t) => t.month < MONTHS - 2);
  const confirmEvery = decidedTasks.length / nEntries;
  const status: string[] = new Array(tasks.length);
  let confirmed = 0;
  let decidedSeen = 0;
  let pending = 0;
  const entryOfTask = new Map<number, number>();
  tasks.forEach((t, ti) => {
    if (t.month >= MONTHS - 2) {
      status[ti] = 'pending';
      pending++;
      return;
    }
    if (confirmed < nEntries && decidedSeen >= confirmed * confirmEvery) {
      status[ti] = 'confirmed';
      entryOfTask.set(ti, confirmed);
      confirmed++;
    } else {
      const r = rnd();
      status[ti] = r < 0.8 ? 'rejected' : r < 0.95 ? 'duplicate' : 'deferred';
    }
    decidedSeen++;
  });
  const entryId = (e: number, m: number) => `${monthOf(m)}-${pad(e + 1, 6)}`;

  function* taskRows() {
    for (let ti = 0; ti < tasks.length; ti++) {
      const t = tasks[ti]!;
      const head = t.items[0]!;
      const e = entryOfTask.get(ti);
      const decided = status[ti] !== 'pending';
      yield {
        id: ti + 1,
        status: status[ti]!,
        top_category: t.kind === 'court' ? 'civil_claim' : CATEGORIES[head % CATEGORIES.length]!,
        score: Math.round(rnd() * 1000) / 1000,
        lang: LANGS[langOf[head]!]!,
        kind: t.kind,
        month: monthOf(t.month),
        title: `Кандидат ${ti + 1}: материал ${head + 1}`,
        first_item_id: head + 1,
        published_at: candidateHead.get(head)!.published,
        source_id: candidateHead.get(head)!.source,
        fingerprint: null,
        entry_id: e === undefined ? null : entryId(e, t.month),
        reason: status[ti] === 'rejected' ? 'not a violation' : null,
        decided_by: decided ? 'editor' : null,
        decided_at: decided ? `${monthOf(Math.min(MONTHS - 1, t.month + 1))}-05T09:00:00.000Z` : null,
        version: decided ? 2 : 1,
        created_at: `${monthOf(t.month)}-28T03:00:00.000Z`,
        updated_at: `${monthOf(t.month)}-28T03:00:00.000Z`,
      };
    }
  }
  await insertAll(store, 'review_tasks', taskRows(), tasks.length, progress);
  function* taskItems() {
    for (let ti = 0; ti < tasks.length; ti++)
      for (const [k, i] of tasks[ti]!.items.entries())
        yield { task_id: ti + 1, item_id: i + 1, similarity: k === 0 ? 1 : 0.8, added_at: now };
  }
  await insertAll(store, 'review_task_items', taskItems(), candIdx.length, progress);
  function* classifications() {
    for (const i of candIdx)
      yield {
        item_id: i + 1,
        model_version: 'scale-1',
        lang: LANGS[langOf[i]!]!,
        script: langOf[i] === 2 ? 'Latn' : 'Cyrl',
        candidate: 1,
        score: 0.7,
        categories_json: JSON.stringify([
          { id: CATEGORIES[i % CATEGORIES.length], score: 0.7, evidence: [] },
        ]),
        facts_json: JSON.stringify({
          people: [PEOPLE[i % PEOPLE.length]],
          outlets: [],
          stateBodies: [],
          courts: court[i] ? [COURTS[i % COURTS.length]] : [],
          caseNumbers: court[i] ? [caseNumber(caseOfCourtItem(i))] : [],
          lawArticles: court[i] ? ['ст. 143 ГК РК'] : [],
          amountsKzt: [],
          dates: [],
          places: [TOWNS[(i >> 3) % TOWNS.length]],
          outcome: null,
        }),
        created_at: now,
      };
  }
  await insertAll(store, 'classifications', classifications(), candIdx.length, progress);

  function* cases() {
    for (let c = 0; c < nCases; c++) {
      const first = Math.floor((c / nCases) * (MONTHS - 6));
      yield {
        id: caseId(c),
        title: `${PEOPLE[c % PEOPLE.length]} — иск о защите чести (${TOWNS[c % TOWNS.length]})`,
        category: 'civil_claim',
        status: c % 3 === 0 ? 'decided_for_media' : 'in_court',
        derived_status: c % 3 === 0 ? 'decided_for_media' : 'in_court',
        status_override: null,
        status_note: null,
        claimants_json: JSON.stringify([`аким ${TOWNS[c % TOWNS.length]}`]),
        defendants_json: JSON.stringify([PEOPLE[c % PEOPLE.length]]),
        court: COURTS[c % COURTS.length]!,
        region: TOWNS[c % TOWNS.length]!,
        law_articles_json: JSON.stringify(['ст. 143 ГК РК']),
        claimed_amount_kzt: 1_000_000 * (1 + (c % 50)),
        awarded_amount_kzt: c % 3 === 0 ? 100_000 * (c % 20) : null,
        honor_dignity: 1,
        first_month: monthOf(first),
        last_month: monthOf(Math.min(MONTHS - 1, first + 6)),
        merged_into: null,
        version: 1,
        created_by: 'editor',
        created_at: now,
        updated_at: now,
      };
    }
  }
  await insertAll(store, 'cases', cases(), nCases, progress);
  function* caseNumbers() {
    for (let c = 0; c < nCases; c++)
      yield { case_id: caseId(c), normalized: caseNumber(c), case_number: caseNumber(c), origin: 'entry' };
  }
  await insertAll(store, 'case_numbers', caseNumbers(), nCases, progress);
  function* caseItems() {
    for (let i = 0; i < n; i++)
      if (court[i])
        yield {
          item_id: i + 1,
          case_id: caseId(caseOfCourtItem(i)),
          matched_by: 'case_number',
          added_at: now,
        };
  }
  await insertAll(store, 'case_items', caseItems(), nCourt, progress);

  const confirmedTasks = [...entryOfTask.entries()];
  function* entries() {
    for (const [ti, e] of confirmedTasks) {
      const t = tasks[ti]!;
      const head = t.items[0]!;
      const cat = t.kind === 'court' ? 'civil_claim' : CATEGORIES[head % CATEGORIES.length]!;
      const inCase = t.kind === 'court';
      const c = inCase ? caseOfCourtItem(head) : -1;
      yield {
        id: entryId(e, t.month),
        month: monthOf(t.month),
        event_date: `${monthOf(t.month)}-${pad(1 + (e % 28))}`,
        category: cat,
        block: BLOCK[cat]!,
        stage: inCase ? 'judicial_act' : 'incident',
        in_court: inCase ? 1 : 0,
        outcome: inCase ? 'pending' : null,
        claimed_amount_kzt: inCase ? 1_000_000 * (1 + (c % 50)) : null,
        awarded_amount_kzt: null,
        law_article: inCase ? 'ст. 143 ГК РК' : null,
        is_honor_dignity: inCase ? 1 : 0,
        summary: `${PEOPLE[head % PEOPLE.length]} (${TOWNS[head % TOWNS.length]}): ${cat}, материал ${head + 1}. Редакция сообщила о случае и направила жалобу; запись подтверждена редактором после проверки источников.`,
        lang: LANGS[langOf[head]!]!,
        people_json: JSON.stringify([PEOPLE[head % PEOPLE.length]]),
        outlets_json: JSON.stringify([NEWS_SOURCES[head % NEWS_SOURCES.length]]),
        actors_json: JSON.stringify([`акимат ${TOWNS[head % TOWNS.length]}`]),
        court: inCase ? COURTS[head % COURTS.length]! : null,
        case_number: inCase ? caseNumber(c) : null,
        region: TOWNS[head % TOWNS.length]!,
        ongoing: 0,
        case_id: inCase ? caseId(c) : null,
        case_event: inCase ? 'hearing' : null,
        review_task_id: ti + 1,
        origin: 'review',
        version: 1,
        created_at: now,
        updated_at: now,
      };
    }
  }
  await insertAll(store, 'dataset_entries', entries(), confirmedTasks.length, progress);
  function* entrySources() {
    for (const [ti, e] of confirmedTasks) {
      const t = tasks[ti]!;
      for (const [pos, i] of t.items.entries())
        yield {
          entry_id: entryId(e, t.month),
          position: pos,
          url: court[i] ? `https://office.sud.kz/acts/${i + 1}` : `https://src.kz/${i + 1}`,
          item_id: i + 1,
        };
    }
  }
  await insertAll(store, 'dataset_entry_sources', entrySources(), confirmedTasks.length, progress);

  if (store.traits.name === 'postgres') {
    // Explicit ids bypass the identity sequences: move them past the rows written.
    for (const table of ['items', 'review_tasks', 'classifications'])
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        store.db,
      );
    // VACUUM as well: an archive built over ten years has been vacuumed by autovacuum many times, but a
    // bulk-loaded one has no visibility map yet, and without it PostgreSQL reads the table for every entry
    // of an index-only scan (the queue's counts and facets), which the archive would not be doing.
    await sql`vacuum analyze`.execute(store.db);
  } else {
    await sql`analyze`.execute(store.db);
  }
  return {
    items: n,
    court: nCourt,
    candidates: candIdx.length,
    tasks: tasks.length,
    pending,
    entries: confirmed,
    cases: nCases,
  };
}

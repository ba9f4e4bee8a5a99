// `soz review`: the review web UI (`serve`) and its command-line equivalents for scripts and small teams.
import { CATEGORY_IDS, EXIT, inputError, isCategoryId, SozError, usageError } from '../../core/index.ts';
import {
  addReportByUrl,
  type ClassifierStats,
  classifierStats,
  confirmCandidate,
  deferCandidate,
  describeAddFailure,
  ENTRY_FIELDS,
  installedCandidateLines,
  loadCandidate,
  mergeCandidate,
  optionName,
  rejectCandidate,
  splitCandidate,
  startReviewServer,
  suggestCase,
  undoDecision,
} from '../../pipeline/index.ts';
import {
  countUsers,
  getUserByName,
  latestClassifications,
  queuePage,
  ReviewConflict,
  type Store,
  type TaskStatus,
  type UserRole,
} from '../../storage/index.ts';
import { openClassifier } from '../classifier/open-classifier.ts';
import { type Command, type CommandContext, intOption, stringOption } from '../command.ts';
import { addReportDeps, modelInUse, modelInUseOf } from '../review/add-report-deps.ts';

const STATUSES: readonly TaskStatus[] = ['pending', 'deferred', 'confirmed', 'duplicate', 'rejected'];

function taskIdArg(ctx: CommandContext): number {
  const raw = ctx.positionals[0];
  if (!raw) throw usageError('give the candidate ID (see soz review list)');
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw usageError(`ID: "${raw}" is not a candidate id`);
  return id;
}

/** The acting reviewer: must be an account when accounts exist; its role decides what it may undo. */
export async function reviewer(ctx: CommandContext, store: Store): Promise<{ name: string; role: UserRole }> {
  const name = stringOption(ctx, 'reviewer', true).trim();
  if (!name) throw usageError('--reviewer: give your name');
  if ((await countUsers(store)) === 0) return { name, role: 'editor' };
  const user = await getUserByName(store, name);
  if (!user || user.disabled)
    throw usageError(`--reviewer: no active account named ${name} (see soz users list)`);
  return { name: user.name, role: user.role };
}

/** A concurrent change is exit code 5 with the message, not an unexpected error. */
async function decide<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReviewConflict) throw new SozError(error.message, EXIT.conflict, { cause: error });
    throw error;
  }
}

function expectVersion(ctx: CommandContext): number | undefined {
  const v = stringOption(ctx, 'expect-version');
  return v === undefined ? undefined : intOption(ctx, 'expect-version', 1, 1);
}

const decisionOptions = {
  reviewer: { type: 'string' },
  'expect-version': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const serve: Command = {
  name: 'serve',
  summary: 'serve the review web UI',
  help: `Usage: soz review serve [--port 8080] [--host 127.0.0.1] [--public-url URL] [--trust-proxy] [--model FILE]

Binds 127.0.0.1 by default. Another interface (e.g. --host 0.0.0.0) is refused until accounts exist
(soz users add NAME --role editor). Stops on Ctrl-C.

Behind a reverse proxy (several servers on one database: sessions and the login rate limit are in it):
  --public-url URL   the address reviewers open, e.g. https://review.example.org (default: config/review.json
                     server.publicUrl); https makes the cookies Secure, and form posts from it are accepted
  --trust-proxy      take the client address (for the login rate limit and the log) from the last
                     X-Forwarded-For entry, which the proxy appends; without it that header is ignored
  --model FILE       the classifier's model for "Add a report" (default config/model/model.json); a model
                     soz train installs there later is used from the next report added or Classifier page
See docs/deployment.md.`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'public-url': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    model: { type: 'string' },
  },
  async run(ctx) {
    const port = intOption(ctx, 'port', 8080, 0);
    if (port > 65535) throw usageError(`--port: ${port} is not a port number`);
    const host = stringOption(ctx, 'host') ?? '127.0.0.1';
    const publicUrl = stringOption(ctx, 'public-url');
    if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl))
      throw usageError(`--public-url: "${publicUrl}" is not an http(s) address`);
    // Built before the first request, not lazily inside one: the model and the dataset's known names are read
    // now, and "Add a report" brings the names up to date alongside each fetch (confirmed since, or a new day).
    const modelPath = stringOption(ctx, 'model');
    const { store, classifier } = await openClassifier(ctx, modelPath === undefined ? {} : { modelPath });
    const addDeps = addReportDeps({ classifier });
    const server = await startReviewServer(store, {
      port,
      host,
      logger: ctx.logger,
      trustProxy: ctx.values['trust-proxy'] === true,
      ...(publicUrl ? { publicUrl } : {}),
      addReport: () => addDeps,
      // The uncertain order measures against the lines of the model Add-a-report scores with, brought up to date.
      lines: async () => {
        await classifier
          .refreshIfChanged()
          .catch((error) => ctx.logger.warn(`classifier not refreshed: ${(error as Error).message}`));
        return classifier.lines;
      },
      // The page shows the model Add-a-report scores with: a model soz train installed since start is loaded first.
      model: async () => {
        await classifier
          .refreshIfChanged()
          .catch((error) => ctx.logger.warn(`classifier not refreshed: ${(error as Error).message}`));
        return modelInUseOf(classifier.model);
      },
    });
    ctx.logger.info(`review server at ${server.url} (Ctrl-C stops it)`);
    if ((await countUsers(store)) === 0) ctx.logger.warn('no accounts yet: soz users add NAME --role editor');
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    ctx.logger.info('review server stopped');
    return EXIT.ok;
  },
};

const list: Command = {
  name: 'list',
  summary: 'list candidates (pending by default)',
  help: `Usage: soz review list [--json] [--status pending|deferred|confirmed|duplicate|rejected]
         [--category ID] [--lang ru|kk|en] [--source ID] [--month YYYY-MM] [--kind news|court]
         [--sort score|date|uncertain] [--limit N] [--model FILE]

--sort uncertain: scores closest to the candidate line of their language first: the line the installed model
(default config/model/model.json, or --model FILE) decides that language by, its real-text calibration's
line where it has one (calibrate:real), else config/classifier.json's threshold.

--json prints one JSON object a line: id, status, title, sources (sourceId, url, lang), categories
(id, score), score.`,
  options: {
    json: { type: 'boolean' },
    status: { type: 'string' },
    category: { type: 'string' },
    lang: { type: 'string' },
    source: { type: 'string' },
    month: { type: 'string' },
    kind: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    model: { type: 'string' },
  },
  async run(ctx) {
    const status = (stringOption(ctx, 'status') ?? 'pending') as TaskStatus;
    if (!STATUSES.includes(status))
      throw usageError(`--status: "${status}" is not one of ${STATUSES.join(', ')}`);
    const category = stringOption(ctx, 'category');
    if (category !== undefined && !isCategoryId(category)) {
      throw usageError(`--category: "${category}" is not one of ${CATEGORY_IDS.join(', ')}`);
    }
    const kind = stringOption(ctx, 'kind');
    if (kind !== undefined && kind !== 'news' && kind !== 'court')
      throw usageError(`--kind: "${kind}" is not news or court`);
    const sort = stringOption(ctx, 'sort') ?? 'score';
    if (sort !== 'score' && sort !== 'date' && sort !== 'uncertain')
      throw usageError(`--sort: "${sort}" is not score, date or uncertain`);
    const month = stringOption(ctx, 'month');
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw usageError(`--month: "${month}" is not YYYY-MM`);
    const limit = intOption(ctx, 'limit', Number.MAX_SAFE_INTEGER, 1);
    // Read before the database, as the other commands read their model: a missing one leaves it untouched.
    const lines = sort === 'uncertain' ? installedCandidateLines(stringOption(ctx, 'model')) : undefined;
    const store = await ctx.openStore();
    let offset = 0;
    let printed = 0;
    while (printed < limit) {
      const { rows } = await queuePage(store, {
        status,
        category,
        lang: stringOption(ctx, 'lang'),
        sourceId: stringOption(ctx, 'source'),
        month,
        kind: kind as 'news' | 'court' | undefined,
        sort,
        lines,
        limit: Math.min(500, limit - printed),
        offset,
      });
      if (rows.length === 0) break;
      const classes = await latestClassifications(
        store,
        rows.map((r) => r.firstItemId),
      );
      for (const r of rows) {
        const cats = [...(classes.get(r.firstItemId)?.categories ?? [])]
          .sort((a, b) => b.score - a.score)
          .map((c) => ({ id: c.id, score: c.score }));
        if (ctx.values.json) {
          ctx.out(
            JSON.stringify({
              id: r.id,
              status: r.status,
              title: r.title,
              sources: r.sources.map((s) => ({ sourceId: s.sourceId, url: s.url, lang: s.lang })),
              categories: cats,
              score: r.score,
              month: r.month,
              kind: r.kind,
              entryId: r.entryId,
            }),
          );
        } else {
          ctx.out(
            `${String(r.id).padStart(6)}  ${r.score.toFixed(2)}  ${(r.topCategory ?? '—').padEnd(21)} ${String(r.sources.length).padStart(2)} src  ${r.title}`,
          );
        }
        printed++;
      }
      offset += rows.length;
    }
    return EXIT.ok;
  },
};

const add: Command = {
  name: 'add',
  summary: 'add a report by URL: fetch, extract, classify and queue it (a miss when below the line)',
  help: `Usage: soz review add URL --reviewer NAME [--note TEXT] [--json]

Fetches the page as the crawler does (config/crawl.json: its User-Agent, robots.txt, its timeout), extracts
the article, classifies it and queues it as a candidate, or joins it to the candidate of the same event.
A report the classifier scored below its candidate line is queued all the same, marked as added by a
reviewer, and counted as a miss once confirmed (soz review stats). A bad URL, a fetch failure or a page
without an article is exit code 1 with the URL and what failed; nothing is stored then.`,
  options: { reviewer: { type: 'string' }, note: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const [url, ...extra] = ctx.positionals;
    if (!url || extra.length > 0) throw usageError('soz review add: give exactly one URL');
    // Scored as the nightly crawl scores: with the journalists and outlets the dataset knows.
    const { store, classifier } = await openClassifier(ctx);
    const who = await reviewer(ctx, store);
    const r = await addReportByUrl(store, addReportDeps({ classifier }), {
      url,
      note: stringOption(ctx, 'note') ?? null,
      actor: who.name,
    });
    if (!r.ok) throw inputError(describeAddFailure(r));
    if (ctx.values.json) ctx.out(JSON.stringify(r));
    else if (r.alreadyQueued) ctx.out(`${r.url} is already in the queue: candidate ${r.taskId}`);
    else
      ctx.out(
        `${r.url} added as ${r.joined ? 'a report of' : ''} candidate ${r.taskId} (item ${r.itemId}, score ${r.score.toFixed(3)} with ${r.modelVersion}${r.miss ? ': below the line, a miss once confirmed' : ''})`,
      );
    return EXIT.ok;
  },
};

const pctText = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function printStats(ctx: CommandContext, s: ClassifierStats) {
  const m = s.model;
  ctx.out(
    m
      ? `model ${m.version}, trained ${m.trainedAt} on ${m.reviewed} reviewer decisions and ${m.base} base texts${m.realViolations > 0 ? ` (ranking also on ${m.realViolations} real-text violations)` : ''}`
      : 'model: unknown',
  );
  if (m)
    ctx.out(
      m.calibrated.length > 0
        ? `calibrated on real text for ${m.calibrated.join(', ')}: ${m.calibratedOn}`
        : "calibrated on real text: no (the model's own weights for every language)",
    );
  if (m)
    ctx.out(
      m.layer
        ? `real-text layer: ${m.layer.examples} labelled texts (${m.layer.violations} violations), line ${m.layer.line}: ${m.layer.fittedOn}`
        : 'real-text layer: none (the base decision decides)',
    );
  ctx.out(
    `known by name: ${s.knownPeople.watched} people on the watch list, ${s.knownPeople.dataset} more from the dataset`,
  );
  const table = (
    title: string,
    rows: Readonly<
      Record<string, { decided: number; confirmed: number; precision: number | null; categoryRight: number }>
    >,
  ) => {
    ctx.out(`  ${title}`);
    for (const [k, r] of Object.entries(rows))
      ctx.out(
        `    ${k.padEnd(24)} ${pctText(r.precision).padStart(6)}  ${String(r.confirmed).padStart(4)} of ${String(r.decided).padEnd(4)}  category right ${r.categoryRight}`,
      );
  };
  for (const p of s.periods) {
    ctx.out(`\nlast ${p.days} days (since ${p.since})`);
    const o = p.overall;
    ctx.out(`  confirmed precision ${pctText(o.precision)} (${o.confirmed} of ${o.decided} flagged reports)`);
    table('by top category', p.byCategory);
    table('by language', p.byLang);
    ctx.out('  rejections by reason');
    if (p.rejections.length === 0) ctx.out('    none');
    for (const r of p.rejections) ctx.out(`    ${String(r.count).padStart(4)}  ${r.reason}`);
    ctx.out(`  misses: ${p.misses.length} (added by URL: ${p.added}, ${p.addedBelowLine} below the line)`);
    for (const x of p.misses)
      ctx.out(
        `    item ${x.itemId}  ${x.lang ?? '—'}  ${x.category ?? '—'}  score ${x.score === null ? '—' : x.score.toFixed(3)}  ${x.addedBy ? `added by ${x.addedBy}` : 'reached the queue otherwise'}`,
      );
  }
}

const stats: Command = {
  name: 'stats',
  summary: "the classifier by reviewers' decisions: precision, rejections, misses, the model in use",
  help: `Usage: soz review stats [--json] [--model FILE]

Over the last 30 and 90 days of decisions: reviewer-confirmed precision per top category and per language
(of the reports the classifier flagged and reviewers decided on, the share confirmed), rejections by
reason, misses (confirmed reports the classifier had not flagged, reports added by URL below its line
among them), the model in use (default config/model/model.json), and how many people it knows by name
(the watch list, config/lexicons/watched-people.json, and the dataset's people not on it). The review UI's
Classifier page shows the same.`,
  options: { json: { type: 'boolean' }, model: { type: 'string' } },
  async run(ctx) {
    const store = await ctx.openStore();
    const s = await classifierStats(store, modelInUse(stringOption(ctx, 'model')));
    if (ctx.values.json) ctx.out(JSON.stringify(s));
    else printStats(ctx, s);
    return EXIT.ok;
  },
};

const show: Command = {
  name: 'show',
  summary: 'show a candidate: sources, categories, suggested entry, text and log',
  help: 'Usage: soz review show ID [--json]',
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const id = taskIdArg(ctx);
    const store = await ctx.openStore();
    const loaded = await loadCandidate(store, id);
    if (!loaded) throw inputError(`no candidate with id ${id}`);
    // The suggestion with what a court record and the joined case already say, and the cases it may update.
    const cases = await suggestCase(store, loaded, '', true);
    const c = { ...loaded, draft: cases.draft };
    if (ctx.values.json) {
      ctx.out(
        JSON.stringify({
          task: c.task,
          items: c.items.map((i) => ({
            id: i.item.id,
            sourceId: i.item.sourceId,
            url: i.item.canonicalUrl || i.item.url,
            lang: i.item.lang,
            publishedAt: i.item.publishedAt,
            title: i.item.title,
            similarity: i.similarity,
            categories: i.classification?.categories ?? [],
            facts: i.classification?.facts ?? null,
            text: i.item.text,
          })),
          suggestedEntry: c.draft,
          case: {
            joined: cases.joinedCase?.id ?? null,
            proposals: cases.proposals.map((p) => ({
              id: p.legalCase.id,
              title: p.legalCase.title,
              status: p.legalCase.status,
              reasons: p.reasons,
              matched: p.matched,
            })),
          },
          log: c.log,
        }),
      );
      return EXIT.ok;
    }
    const t = c.task;
    ctx.out(`Candidate ${t.id}: ${t.title}`);
    ctx.out(
      `status ${t.status}${t.decidedBy ? ` by ${t.decidedBy} at ${t.decidedAt}` : ''}${t.entryId ? ` → entry ${t.entryId}` : ''} · version ${t.version} · ${t.kind} · month ${t.month ?? '—'} · score ${t.score.toFixed(2)}`,
    );
    ctx.out('\nReports:');
    for (const i of c.items) {
      ctx.out(
        `  [item ${i.item.id}] ${i.item.sourceId} ${i.item.lang ?? '?'} ${i.item.publishedAt?.slice(0, 10) ?? ''} ${i.item.canonicalUrl || i.item.url}`,
      );
    }
    const head = c.items[0];
    ctx.out('\nCategories:');
    for (const cat of [...(head?.classification?.categories ?? [])].sort((a, b) => b.score - a.score)) {
      ctx.out(
        `  ${cat.id.padEnd(22)} ${cat.score.toFixed(2)}  ${cat.evidence.map((e) => `«${e.text}»`).join(' ')}`,
      );
    }
    if (cases.joinedCase)
      ctx.out(`\nIts court item joined case ${cases.joinedCase.id}: ${cases.joinedCase.title}`);
    for (const p of cases.proposals)
      ctx.out(
        `Update of case ${p.legalCase.id}? ${p.legalCase.title} (${p.reasons.join(', ')}: ${p.matched.join(', ')}) → --case ${p.legalCase.id}`,
      );
    ctx.out('\nSuggested entry (override with soz review confirm --FIELD VALUE):');
    for (const f of ENTRY_FIELDS) ctx.out(`  --${optionName(f).padEnd(20)} ${c.draft[f]}`);
    ctx.out(`\n${head?.item.text ?? ''}`);
    if (c.log.length) {
      ctx.out('\nLog:');
      for (const l of c.log) ctx.out(`  ${l.at} ${l.actor} ${l.action}`);
    }
    return EXIT.ok;
  },
};

const fieldOptions = Object.fromEntries(
  ENTRY_FIELDS.map((f) => [optionName(f), { type: 'string' as const }]),
);

const confirm: Command = {
  name: 'confirm',
  summary: 'confirm a candidate as a dataset entry',
  help: `Usage: soz review confirm ID --category C --reviewer NAME [--FIELD VALUE]... [--expect-version N]

Fields start from the suggestion that 'soz review show ID' prints; each option overrides one:
${ENTRY_FIELDS.map((f) => `  --${optionName(f)}`).join('\n')}
Lists (people, outlets, actors) are separated by ';'. Flags (in-court, is-honor-dignity, ongoing) take yes/no.
--case places the entry in a case: a case id (an update of that case), new, or none; without it the case
its court item joined, else a new case for a charge, claim or decision. --case-event says what the entry is
in the case (charge, hearing, closed_hearing, judicial_act, appeal, dropped, other; derived by default).`,
  options: {
    ...decisionOptions,
    ...fieldOptions,
    case: { type: 'string' },
    'case-event': { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const taskId = taskIdArg(ctx);
    stringOption(ctx, 'category', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const form: Record<string, string> = {};
    for (const f of ENTRY_FIELDS) {
      const v = stringOption(ctx, optionName(f));
      if (v !== undefined) form[f] = v;
    }
    const { entry } = await decide(() =>
      confirmCandidate(store, {
        taskId,
        expectedVersion: expectVersion(ctx),
        actor: who.name,
        form,
        caseId: stringOption(ctx, 'case'),
        caseEvent: stringOption(ctx, 'case-event'),
      }),
    );
    if (ctx.values.json) ctx.out(JSON.stringify(entry));
    else
      ctx.out(
        `confirmed candidate ${taskId} as entry ${entry.id} (${entry.category}, ${entry.sources.length} source(s))${entry.caseId ? ` in case ${entry.caseId}` : ''}`,
      );
    return EXIT.ok;
  },
};

const reject: Command = {
  name: 'reject',
  summary: 'reject a candidate, with a reason',
  help: 'Usage: soz review reject ID --reason TEXT --reviewer NAME [--expect-version N]',
  options: { ...decisionOptions, reason: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const taskId = taskIdArg(ctx);
    const reason = stringOption(ctx, 'reason', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    await decide(() =>
      rejectCandidate(store, { taskId, expectedVersion: expectVersion(ctx), actor: who.name, reason }),
    );
    ctx.out(`rejected candidate ${taskId}`);
    return EXIT.ok;
  },
};

const merge: Command = {
  name: 'merge',
  summary: 'mark a candidate as a duplicate of an entry: its URLs become further sources',
  help: 'Usage: soz review merge ID --into ENTRY_ID --reviewer NAME [--expect-version N]',
  options: { ...decisionOptions, into: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const taskId = taskIdArg(ctx);
    const entryId = stringOption(ctx, 'into', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const { entry } = await decide(() =>
      mergeCandidate(store, { taskId, expectedVersion: expectVersion(ctx), actor: who.name, entryId }),
    );
    ctx.out(`merged candidate ${taskId} into entry ${entry.id} (now ${entry.sources.length} sources)`);
    return EXIT.ok;
  },
};

const defer: Command = {
  name: 'defer',
  summary: 'defer a candidate (it stays open)',
  help: 'Usage: soz review defer ID --reviewer NAME [--reason TEXT]',
  options: { ...decisionOptions, reason: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const taskId = taskIdArg(ctx);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    await decide(() =>
      deferCandidate(store, {
        taskId,
        expectedVersion: expectVersion(ctx),
        actor: who.name,
        reason: stringOption(ctx, 'reason'),
      }),
    );
    ctx.out(`deferred candidate ${taskId}`);
    return EXIT.ok;
  },
};

const split: Command = {
  name: 'split',
  summary: 'move reports out of a wrong cluster into a new candidate',
  help: 'Usage: soz review split ID --items ITEM_ID[,ITEM_ID...] --reviewer NAME (item ids: soz review show ID)',
  options: { ...decisionOptions, items: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const taskId = taskIdArg(ctx);
    const raw = stringOption(ctx, 'items', true);
    const itemIds = raw.split(',').map((s) => Number(s.trim()));
    if (itemIds.some((n) => !Number.isInteger(n) || n < 1))
      throw usageError(`--items: "${raw}" is not a list of item ids`);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const { newTask } = await decide(() =>
      splitCandidate(store, { taskId, expectedVersion: expectVersion(ctx), actor: who.name, itemIds }),
    );
    ctx.out(`split item(s) ${itemIds.join(', ')} off candidate ${taskId} into candidate ${newTask.id}`);
    return EXIT.ok;
  },
};

const undo: Command = {
  name: 'undo',
  summary: "reopen a decided candidate (editors: anyone's decision; reviewers: their own)",
  help: 'Usage: soz review undo ID --reviewer NAME [--expect-version N]',
  options: decisionOptions,
  allowPositionals: true,
  async run(ctx) {
    const taskId = taskIdArg(ctx);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    await decide(() =>
      undoDecision(store, { taskId, expectedVersion: expectVersion(ctx), actor: who.name, role: who.role }),
    );
    ctx.out(`candidate ${taskId} is pending again`);
    return EXIT.ok;
  },
};

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review candidates: web UI, list, show, confirm, reject, merge, defer, split, undo',
  help: 'Usage: soz [--db PATH] review <subcommand>',
  subcommands: [serve, list, show, add, confirm, reject, merge, defer, split, undo, stats],
};

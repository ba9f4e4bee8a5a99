// `soz cases`: the cases followed over months — list (open ones, or what changed in a month), show one with
// its timeline, and the editors' corrections for scripts and small teams.
import {
  CASE_STATUSES,
  type CaseStatus,
  EXIT,
  type LegalCase,
  parseMonth,
  SozError,
  usageError,
} from '../../core/index.ts';
import {
  attachEntry,
  type CaseOfMonth,
  type CaseView,
  detachEntry,
  editCase,
  loadCasesOfMonth,
  loadCaseView,
  mergeCases,
  setCaseStatus,
  setEntryEvent,
  splitCase,
} from '../../pipeline/index.ts';
import { CaseConflict, listCases } from '../../storage/index.ts';
import { type Command, type CommandContext, stringOption } from '../command.ts';
import { reviewer } from './review-command.ts';

const caseJson = (k: LegalCase) => ({
  id: k.id,
  title: k.title,
  status: k.status,
  derivedStatus: k.derivedStatus,
  statusOverride: k.statusOverride,
  statusNote: k.statusNote,
  category: k.category,
  claimants: k.claimants,
  defendants: k.defendants,
  court: k.court,
  region: k.region,
  caseNumbers: k.caseNumbers,
  lawArticles: k.lawArticles,
  claimedAmountKzt: k.claimedAmountKzt,
  awardedAmountKzt: k.awardedAmountKzt,
  honorDignity: k.honorDignity,
  firstMonth: k.firstMonth,
  lastMonth: k.lastMonth,
  version: k.version,
});

function caseIdArg(ctx: CommandContext): string {
  const id = ctx.positionals[0]?.trim();
  if (!id) throw usageError('give the case ID (see soz cases list)');
  return id;
}

/** A concurrent change is exit code 5 with the message. */
async function decide<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CaseConflict) throw new SozError(error.message, EXIT.conflict, { cause: error });
    throw error;
  }
}

const list: Command = {
  name: 'list',
  summary: 'list open cases, or the cases of a month with what changed',
  help: `Usage: soz cases list [--status open|all|STATUS] [--month YYYY-MM] [--json]

Without --month: the cases of the status (open by default: pending, in_court, appealed), most recently
active first. With --month: the open cases and every case that changed in the month, with its entries of
the month, the court portal's events and editors' changes.
Statuses: ${CASE_STATUSES.join(', ')}.
--json prints one JSON object a line.`,
  options: { status: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const status = stringOption(ctx, 'status') ?? 'open';
    if (status !== 'open' && status !== 'all' && !(CASE_STATUSES as readonly string[]).includes(status))
      throw usageError(`--status: "${status}" is not one of open, all, ${CASE_STATUSES.join(', ')}`);
    const monthOption = stringOption(ctx, 'month');
    const month = monthOption === undefined ? undefined : parseMonth(monthOption);
    const store = await ctx.openStore();
    if (month) {
      const rows: CaseOfMonth[] = await loadCasesOfMonth(store, month, status as 'open' | 'all' | CaseStatus);
      for (const r of rows) {
        if (ctx.values.json) {
          ctx.out(
            JSON.stringify({
              ...caseJson(r.legalCase),
              changed: r.changed,
              entries: r.entries.map((e) => ({ id: e.entry.id, month: e.entry.month, event: e.event })),
              portalEvents: r.portalEvents,
              actions: r.actions,
            }),
          );
        } else {
          const what = [
            r.entries.length ? r.entries.map((e) => `${e.event} ${e.entry.id}`).join(', ') : '',
            r.portalEvents.length
              ? `portal: ${r.portalEvents.map((p) => `${p.date} ${p.text}`).join('; ')}`
              : '',
            r.actions.length ? `editors: ${r.actions.map((a) => `${a.action} (${a.actor})`).join(', ')}` : '',
          ].filter(Boolean);
          ctx.out(
            `${r.legalCase.id}  ${r.legalCase.status.padEnd(21)} ${r.legalCase.title}${what.length ? `\n    ${month}: ${what.join(' · ')}` : ''}`,
          );
        }
      }
      return EXIT.ok;
    }
    const statuses =
      status === 'all'
        ? undefined
        : status === 'open'
          ? (['pending', 'in_court', 'appealed'] as CaseStatus[])
          : [status as CaseStatus];
    for (const k of await listCases(store, statuses ? { statuses } : {})) {
      if (ctx.values.json) ctx.out(JSON.stringify(caseJson(k)));
      else
        ctx.out(
          `${k.id}  ${k.status.padEnd(21)} ${(k.firstMonth ?? '').padEnd(7)}–${(k.lastMonth ?? '').padEnd(7)}  ${k.caseNumbers.join(', ') || '—'}  ${k.title}`,
        );
    }
    return EXIT.ok;
  },
};

function showText(ctx: CommandContext, v: CaseView) {
  const k = v.legalCase;
  if (v.requestedId !== k.id) ctx.out(`(case ${v.requestedId} was merged into ${k.id})`);
  ctx.out(`Case ${k.id}: ${k.title}`);
  ctx.out(
    `status ${k.status}${k.statusOverride ? ` (set by an editor${k.statusNote ? `: ${k.statusNote}` : ''}; derived ${k.derivedStatus})` : ''} · ${k.category ?? '—'} · version ${k.version}`,
  );
  ctx.out(`claimants:  ${k.claimants.join('; ') || '—'}`);
  ctx.out(`defendants: ${k.defendants.join('; ') || '—'}`);
  ctx.out(`court: ${k.court ?? '—'} · region: ${k.region ?? '—'}`);
  ctx.out(
    `case numbers: ${k.caseNumbers.join(', ') || '—'} · law articles: ${k.lawArticles.join(', ') || '—'}`,
  );
  ctx.out(`claimed: ${k.claimedAmountKzt ?? '—'} tenge · awarded: ${k.awardedAmountKzt ?? '—'} tenge`);
  ctx.out('\nTimeline:');
  for (const r of v.timeline) {
    if (r.kind === 'portal') ctx.out(`  ${r.date}  portal         ${r.text} (item ${r.item.id})`);
    else
      ctx.out(
        `  ${r.date}  ${r.event.padEnd(14)} ${r.entry.id}${r.entry.ongoing ? ' (update)' : ''} → ${r.statusAfter}  ${r.entry.summary.slice(0, 100)}`,
      );
  }
  ctx.out('\nSources:');
  for (const s of v.sources) ctx.out(`  ${s.url}${s.entryIds.length ? `  (${s.entryIds.join(', ')})` : ''}`);
  if (v.log.length) {
    ctx.out('\nLog:');
    for (const l of v.log) ctx.out(`  ${l.at} ${l.actor} ${l.action}${l.entryId ? ` ${l.entryId}` : ''}`);
  }
}

const show: Command = {
  name: 'show',
  summary: 'show a case: facts, timeline, sources and log',
  help: 'Usage: soz cases show ID [--json]',
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const v = await loadCaseView(await ctx.openStore(), caseIdArg(ctx));
    if (!ctx.values.json) {
      showText(ctx, v);
      return EXIT.ok;
    }
    ctx.out(
      JSON.stringify({
        case: caseJson(v.legalCase),
        requestedId: v.requestedId,
        timeline: v.timeline.map((r) =>
          r.kind === 'portal'
            ? { kind: r.kind, date: r.date, text: r.text, itemId: r.item.id }
            : {
                kind: r.kind,
                date: r.date,
                month: r.month,
                event: r.event,
                eventSet: r.eventSet,
                statusAfter: r.statusAfter,
                entryId: r.entry.id,
                ongoing: r.entry.ongoing,
              },
        ),
        entries: v.entries,
        sources: v.sources,
        items: v.items.map((i) => ({
          id: i.item.id,
          url: i.item.canonicalUrl || i.item.url,
          matchedBy: i.matchedBy,
        })),
        log: v.log,
      }),
    );
    return EXIT.ok;
  },
};

const editorOptions = { reviewer: { type: 'string' }, 'expect-version': { type: 'string' } } as const;

function expectVersion(ctx: CommandContext): number | undefined {
  const v = stringOption(ctx, 'expect-version');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--expect-version: "${v}" is not a version`);
  return n;
}

const status: Command = {
  name: 'status',
  summary: "set a case's status (editors); 'derived' goes back to the entries' status",
  help: `Usage: soz cases status ID --status derived|${CASE_STATUSES.join('|')} [--note TEXT] --reviewer NAME`,
  options: { ...editorOptions, status: { type: 'string' }, note: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const caseId = caseIdArg(ctx);
    const value = stringOption(ctx, 'status', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const k = await decide(() =>
      setCaseStatus(store, {
        caseId,
        actor: who.name,
        role: who.role,
        status: value,
        note: stringOption(ctx, 'note'),
        expectedVersion: expectVersion(ctx),
      }),
    );
    ctx.out(`case ${k.id} is ${k.status}${k.statusOverride ? ' (set by an editor)' : ' (derived)'}`);
    return EXIT.ok;
  },
};

const edit: Command = {
  name: 'edit',
  summary: "correct a case's title, parties, court, region, law articles or numbers (editors)",
  help: `Usage: soz cases edit ID [--title T] [--claimants A;B] [--defendants A;B] [--court C] [--region R]
                      [--law-articles A;B] [--case-numbers N;M] --reviewer NAME [--expect-version N]`,
  options: {
    ...editorOptions,
    title: { type: 'string' },
    claimants: { type: 'string' },
    defendants: { type: 'string' },
    court: { type: 'string' },
    region: { type: 'string' },
    'law-articles': { type: 'string' },
    'case-numbers': { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const caseId = caseIdArg(ctx);
    const form: Record<string, string> = {};
    for (const [option, field] of [
      ['title', 'title'],
      ['claimants', 'claimants'],
      ['defendants', 'defendants'],
      ['court', 'court'],
      ['region', 'region'],
      ['law-articles', 'lawArticles'],
      ['case-numbers', 'caseNumbers'],
    ] as const) {
      const v = stringOption(ctx, option);
      if (v !== undefined) form[field] = v;
    }
    if (Object.keys(form).length === 0) throw usageError('give at least one field to change (see --help)');
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const k = await decide(() =>
      editCase(store, { caseId, actor: who.name, role: who.role, form, expectedVersion: expectVersion(ctx) }),
    );
    ctx.out(`case ${k.id} saved (version ${k.version})`);
    return EXIT.ok;
  },
};

const merge: Command = {
  name: 'merge',
  summary: 'merge a case into another (the same matter recorded twice; editors)',
  help: 'Usage: soz cases merge ID --into OTHER_ID --reviewer NAME',
  options: { ...editorOptions, into: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const from = caseIdArg(ctx);
    const into = stringOption(ctx, 'into', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const k = await decide(() =>
      mergeCases(store, { from, into, actor: who.name, role: who.role, expectedVersion: expectVersion(ctx) }),
    );
    ctx.out(`merged case ${from} into ${k.id}`);
    return EXIT.ok;
  },
};

const split: Command = {
  name: 'split',
  summary: 'move entries of a case into a new case of their own (editors)',
  help: 'Usage: soz cases split ID --entries ENTRY_ID[,ENTRY_ID...] --reviewer NAME',
  options: { ...editorOptions, entries: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const caseId = caseIdArg(ctx);
    const entryIds = stringOption(ctx, 'entries', true).split(',');
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const k = await decide(() =>
      splitCase(store, {
        caseId,
        entryIds,
        actor: who.name,
        role: who.role,
        expectedVersion: expectVersion(ctx),
      }),
    );
    ctx.out(`split ${entryIds.join(', ')} off case ${caseId} into case ${k.id}`);
    return EXIT.ok;
  },
};

const attach: Command = {
  name: 'attach',
  summary: 'attach a confirmed entry to a case (editors)',
  help: 'Usage: soz cases attach ID --entry ENTRY_ID [--event EVENT] --reviewer NAME',
  options: { ...editorOptions, entry: { type: 'string' }, event: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const caseId = caseIdArg(ctx);
    const entryId = stringOption(ctx, 'entry', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    const k = await attachEntry(store, {
      caseId,
      entryId,
      event: stringOption(ctx, 'event'),
      actor: who.name,
      role: who.role,
    });
    ctx.out(`entry ${entryId} is in case ${k.id} (now ${k.status})`);
    return EXIT.ok;
  },
};

const detach: Command = {
  name: 'detach',
  summary: 'take an entry out of its case (editors); an empty case is deleted',
  help: 'Usage: soz cases detach --entry ENTRY_ID --reviewer NAME',
  options: { ...editorOptions, entry: { type: 'string' } },
  async run(ctx) {
    const entryId = stringOption(ctx, 'entry', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    await detachEntry(store, { entryId, actor: who.name, role: who.role });
    ctx.out(`entry ${entryId} belongs to no case now`);
    return EXIT.ok;
  },
};

const event: Command = {
  name: 'event',
  summary:
    'say what an entry is in its case: charge, hearing, closed_hearing, judicial_act, appeal, dropped, other, auto',
  help: 'Usage: soz cases event --entry ENTRY_ID --event EVENT|auto --reviewer NAME',
  options: { ...editorOptions, entry: { type: 'string' }, event: { type: 'string' } },
  async run(ctx) {
    const entryId = stringOption(ctx, 'entry', true);
    const value = stringOption(ctx, 'event', true);
    const store = await ctx.openStore();
    const who = await reviewer(ctx, store);
    await setEntryEvent(store, { entryId, event: value, actor: who.name, role: who.role });
    ctx.out(`entry ${entryId}: ${value}`);
    return EXIT.ok;
  },
};

export const casesCommand: Command = {
  name: 'cases',
  summary: 'cases followed over months: list, show, and editors’ corrections',
  help: 'Usage: soz [--db PATH] cases <subcommand>',
  subcommands: [list, show, status, edit, merge, split, attach, detach, event],
};

// The 2010–2021 layout (the reference example): narrative items first, then the statistics tail.
import { CATEGORY_IDS } from '../../core/index.ts';
import { amountInWords } from './amount-in-words.ts';
import type { Counted } from './compute-digest-stats.ts';
import type { Plural } from './digest-config.ts';
import {
  chartOf,
  closing,
  type DigestBlock,
  type DigestContext,
  type DigestDocument,
  draftNotes,
  type ExplainLine,
  explainLine,
  narrated,
  narrativeItem,
  opening,
} from './digest-document.ts';
import { fillTemplate, pluralForm } from './fill-template.ts';

export function buildClassicDigest(ctx: DigestContext, explain: boolean): DigestDocument {
  const { words, stats } = ctx;
  const c = stats.classic;
  const phrase = (key: string, n: number, extra: Record<string, string | number> = {}) => {
    const template = pluralForm(words.classic[key] as Plural | string, n, words.locale);
    const word = words.numberWords[n] ?? String(n);
    return fillTemplate(template, { ...ctx.monthValues, n, N: word, ...extra });
  };
  const head = opening(ctx);
  const blocks: DigestBlock[] = [...draftNotes(ctx), { kind: 'paragraph', text: head.openingSentence }];

  // Grouped loosely by theme, as the analysts do: by category in taxonomy order, then by date.
  const order = (id: string) => CATEGORY_IDS.indexOf(id as (typeof CATEGORY_IDS)[number]);
  const items = narrated(stats.monthEntries).sort(
    (a, b) =>
      order(a.category) - order(b.category) ||
      (a.eventDate ?? '').localeCompare(b.eventDate ?? '') ||
      a.id.localeCompare(b.id),
  );
  if (stats.monthEntries.length === 0) {
    blocks.push({ kind: 'paragraph', text: fillTemplate(words.empty, ctx.monthValues) });
  } else if (items.length > 0) {
    blocks.push({ kind: 'paragraph', text: String(words.classic.reports) });
    blocks.push({ kind: 'items', items: items.map((e) => narrativeItem(ctx, e, false)) });
  }

  const acts = c.judicialActs.value;
  blocks.push({
    kind: 'paragraph',
    text:
      phrase('judicialActs', acts) + (acts > 0 ? ` ${phrase('inFavour', c.judicialActsForMedia.value)}` : ''),
  });

  const civilHonour = (m: { civil: Counted; civilHonour: Counted }, key: string) => {
    if (m.civil.value === 0) return '';
    // "All of them" when every claim is on honour and dignity; "It was …" when there is just one.
    const forms = words.classic[key] as Plural;
    const all =
      m.civilHonour.value === m.civil.value &&
      (m.civil.value === 1 ? (forms.allOne ?? forms.all) : forms.all);
    return ` ${all ? fillTemplate(all, { n: m.civil.value }) : phrase(key, m.civilHonour.value)}`;
  };

  const m = c.month;
  blocks.push({ kind: 'paragraph', text: String(words.classic.monthChargesIntro) });
  blocks.push({
    kind: 'bullets',
    items: [
      phrase('monthCriminal', m.criminal.value) +
        (m.criminal.value > 0 ? phrase('monthCriminalInCourt', m.criminalInCourt.value) : '.'),
      phrase('monthCivil', m.civil.value) + civilHonour(m, 'monthCivilHonour'),
      `${phrase('monthAdministrative', m.administrative.value)}.`,
    ],
  });

  const y = c.ytd;
  blocks.push({ kind: 'paragraph', text: String(words.classic.ytdIntro) });
  blocks.push({
    kind: 'bullets',
    items: [
      phrase('ytdCriminal', y.criminal.value) +
        (y.criminal.value > 0 ? phrase('ytdCriminalInCourt', y.criminalInCourt.value) : '.'),
      `${phrase('ytdAdministrative', y.administrative.value)}.`,
      phrase('ytdCivil', y.civil.value) +
        (y.civil.value > 0 ? ` ${phrase('ytdCivilHonour', y.civilHonour.value)}` : ''),
      fillTemplate(String(words.classic.amounts), {
        claimed: amountInWords(c.claimed.value, words),
        awarded: amountInWords(c.awarded.value, words),
      }),
    ],
  });
  blocks.push({ kind: 'chart' });
  blocks.push(...closing(ctx));

  let lines: ExplainLine[] | null = null;
  if (explain) {
    lines = [
      explainLine(ctx, 'judicialActs', c.judicialActs),
      explainLine(ctx, 'judicialActsForMedia', c.judicialActsForMedia),
      explainLine(ctx, 'monthCriminal', m.criminal),
      explainLine(ctx, 'monthCriminalInCourt', m.criminalInCourt),
      explainLine(ctx, 'monthCivil', m.civil),
      explainLine(ctx, 'monthCivilHonour', m.civilHonour),
      explainLine(ctx, 'monthAdministrative', m.administrative),
      explainLine(ctx, 'ytdCriminal', y.criminal),
      explainLine(ctx, 'ytdCriminalInCourt', y.criminalInCourt),
      explainLine(ctx, 'ytdAdministrative', y.administrative),
      explainLine(ctx, 'ytdCivil', y.civil),
      explainLine(ctx, 'ytdCivilHonour', y.civilHonour),
      explainLine(ctx, 'claimed', c.claimed),
      explainLine(ctx, 'awarded', c.awarded),
      explainLine(ctx, 'ongoing', stats.ongoing),
    ];
  }
  return {
    lang: words.lang,
    header: head.header,
    title: head.title,
    dateLine: head.dateLine,
    blocks,
    explain: lines,
    explainHeading: words.explainHeading,
    sourcesLabel: words.sources,
    chart: chartOf(ctx),
  };
}

// The 2023+ layout: counts per block and category first, the year to date against the same months of the
// previous year, then "Events in the country" by date.
import { type Block, CATEGORIES } from '../../core/index.ts';
import type { YtdComparison } from './compute-digest-stats.ts';
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

const BLOCKS: readonly Block[] = ['A', 'B', 'C'];

/** "…, 1.5 times more than in the same period of 2019 (55)." and its variants. */
function comparison(ctx: DigestContext, cmp: YtdComparison): string {
  const w = ctx.words.blocks;
  const cur = cmp.current.value;
  const prev = cmp.previous.value;
  const prevYear = Number(ctx.stats.month.slice(0, 4)) - 1;
  const values = { prev, prevYear };
  // A year the dataset holds nothing of has no figures to compare with: "no data", never "none".
  if (!ctx.stats.previousYearHasData) return fillTemplate(w.noData, values);
  if (prev === 0) return fillTemplate(w.noPrevious, values);
  if (cur === 0) return fillTemplate(w.noneNow, values);
  const fmt = new Intl.NumberFormat(ctx.words.locale, { maximumFractionDigits: 1 });
  const raw = cur >= prev ? cur / prev : prev / cur;
  // The 2023+ reports round the ratio down to a tenth: 87 against 55 is "1.5 times more" (1.58).
  const ratio = Math.floor(raw * 10 + 1e-9) / 10;
  if (ratio === 1) return fillTemplate(w.same, values);
  return fillTemplate(cur > prev ? w.more : w.fewer, { ...values, ratio: fmt.format(ratio) });
}

export function buildBlocksDigest(ctx: DigestContext, explain: boolean): DigestDocument {
  const { words, stats } = ctx;
  const w = words.blocks;
  const lang = words.lang;
  const s = stats.blocks;
  const head = opening(ctx);
  const blocks: DigestBlock[] = [...draftNotes(ctx), { kind: 'paragraph', text: head.openingSentence }];
  if (stats.monthEntries.length === 0) {
    blocks.push({ kind: 'paragraph', text: fillTemplate(words.empty, ctx.monthValues) });
  }

  blocks.push({ kind: 'heading', text: fillTemplate(w.countsHeading, ctx.monthValues) });
  for (const b of BLOCKS) {
    const n = s.blocks[b].value;
    blocks.push({ kind: 'paragraph', text: fillTemplate(pluralForm(w.block[b], n, words.locale), { n }) });
    const cats = CATEGORIES.filter((c) => c.block === b && s.categories[c.id].value > 0);
    if (cats.length > 0) {
      blocks.push({
        kind: 'bullets',
        items: cats.map((c) => {
          const n = s.categories[c.id].value;
          return fillTemplate(pluralForm(w.categoryCases, n, words.locale), { name: c.name[lang], n });
        }),
      });
    }
  }

  const monthNumber = Number(stats.month.slice(5, 7));
  const period = fillTemplate(pluralForm(w.ytdPeriod, monthNumber, 'en'), ctx.monthValues);
  const ytdLine = (label: string, cmp: YtdComparison) =>
    fillTemplate(w.ytdLine, { label, n: cmp.current.value, period }) + comparison(ctx, cmp);
  blocks.push({ kind: 'heading', text: w.ytdHeading });
  const ytdItems: string[] = [];
  for (const b of BLOCKS) {
    ytdItems.push(ytdLine(w.blockLabel[b], s.ytdBlocks[b]));
    // Categories only where the count changed, as the reports do.
    for (const c of CATEGORIES) {
      const cmp = s.ytdCategories[c.id];
      if (c.block === b && cmp.current.value !== cmp.previous.value)
        ytdItems.push(ytdLine(c.name[lang], cmp));
    }
  }
  blocks.push({ kind: 'bullets', items: ytdItems });
  blocks.push({ kind: 'chart' });

  const events = narrated(stats.monthEntries).sort(
    (a, b) => (a.eventDate ?? '9999').localeCompare(b.eventDate ?? '9999') || a.id.localeCompare(b.id),
  );
  if (events.length > 0) {
    blocks.push({ kind: 'heading', text: w.events });
    blocks.push({ kind: 'items', items: events.map((e) => narrativeItem(ctx, e, true)) });
  }
  blocks.push(...closing(ctx));

  let lines: ExplainLine[] | null = null;
  if (explain) {
    const year = Number(stats.month.slice(0, 4));
    lines = [];
    for (const b of BLOCKS) {
      lines.push(explainLine(ctx, 'block', s.blocks[b], { block: b }));
      for (const c of CATEGORIES) {
        if (c.block === b && s.categories[c.id].value > 0)
          lines.push(explainLine(ctx, 'categoryMonth', s.categories[c.id], { name: c.name[lang] }));
      }
    }
    for (const b of BLOCKS) {
      lines.push(explainLine(ctx, 'ytdBlock', s.ytdBlocks[b].current, { block: b, year }));
      lines.push(explainLine(ctx, 'ytdBlockPrev', s.ytdBlocks[b].previous, { block: b, year: year - 1 }));
      for (const c of CATEGORIES) {
        const cmp = s.ytdCategories[c.id];
        if (c.block !== b || cmp.current.value === cmp.previous.value) continue;
        lines.push(explainLine(ctx, 'ytdCategory', cmp.current, { name: c.name[lang], year }));
        lines.push(explainLine(ctx, 'ytdCategoryPrev', cmp.previous, { name: c.name[lang], year: year - 1 }));
      }
    }
    lines.push(explainLine(ctx, 'ongoing', stats.ongoing));
  }
  return {
    lang,
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

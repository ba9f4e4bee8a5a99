// What the demo prints after its crawl: items per source, languages, and the candidates per category
// with the words that made the classifier flag them.
import type { CategoryId } from '../../core/index.ts';
import { listItems, type Store } from '../../storage/index.ts';

export interface DemoSummary {
  readonly itemsPerSource: Readonly<Record<string, number>>;
  readonly languages: Readonly<Record<string, number>>;
  readonly candidates: number;
  readonly categories: readonly { id: CategoryId; count: number; evidence: readonly string[] }[];
}

export async function summarizeDemo(store: Store): Promise<DemoSummary> {
  const items = await listItems(store);
  const itemsPerSource: Record<string, number> = {};
  const languages: Record<string, number> = {};
  const byCategory = new Map<CategoryId, { count: number; evidence: Map<string, number> }>();
  let candidates = 0;
  for (const item of items) {
    itemsPerSource[item.sourceId] = (itemsPerSource[item.sourceId] ?? 0) + 1;
    const lang = item.lang ?? 'unknown';
    languages[lang] = (languages[lang] ?? 0) + 1;
    const c = item.classification;
    if (!c?.candidate) continue;
    candidates++;
    const top = c.categories[0];
    if (!top) continue;
    const slot = byCategory.get(top.id) ?? { count: 0, evidence: new Map<string, number>() };
    slot.count++;
    for (const span of top.evidence) {
      const word = span.text.trim().toLowerCase();
      if (word) slot.evidence.set(word, (slot.evidence.get(word) ?? 0) + 1);
    }
    byCategory.set(top.id, slot);
  }
  const categories = [...byCategory.entries()]
    .map(([id, s]) => ({
      id,
      count: s.count,
      evidence: [...s.evidence.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([w]) => w),
    }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return { itemsPerSource, languages, candidates, categories };
}

export function formatDemoSummary(s: DemoSummary): string[] {
  const lines = ['Items per source:'];
  for (const [source, n] of Object.entries(s.itemsPerSource).sort())
    lines.push(`  ${source.padEnd(20)} ${n}`);
  lines.push(
    `Languages: ${Object.entries(s.languages)
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  );
  lines.push(`Candidates for review: ${s.candidates}`);
  for (const c of s.categories) {
    lines.push(
      `  ${c.id.padEnd(22)} ${String(c.count).padStart(3)}  evidence: ${c.evidence.map((w) => `«${w}»`).join(', ')}`,
    );
  }
  return lines;
}

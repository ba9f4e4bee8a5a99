// Language identification on the real-text dev set: the manifest's language against detectLanguage's, per
// register (headline, lead, paragraph) — issue 11 asks that it hold on text no one here wrote. Not tuned on: the
// language model is trained on our own lines only, so every part of the set counts.
import { detectLanguage } from '../classifiers/index.ts';
import type { RealSet } from './evaluate-real.ts';

export interface LanguageAccuracy {
  /** 'all', then each register tag present (headline, lead, paragraph). */
  readonly group: string;
  readonly right: number;
  readonly total: number;
  /** Ids of the excerpts whose language was not the manifest's, with what was detected. */
  readonly wrong: readonly { readonly id: string; readonly gold: string; readonly got: string }[];
}

const REGISTERS = ['headline', 'lead', 'paragraph'] as const;

export function realLanguageAccuracy(set: RealSet): LanguageAccuracy[] {
  const judged = set.items
    .filter((t) => t.lang !== undefined)
    .map((t) => ({ t, got: detectLanguage(t.title ? `${t.title}\n\n${t.text}` : t.text).lang }));
  const group = (name: string, rows: typeof judged): LanguageAccuracy => ({
    group: name,
    right: rows.filter((r) => r.got === r.t.lang).length,
    total: rows.length,
    wrong: rows.filter((r) => r.got !== r.t.lang).map((r) => ({ id: r.t.id, gold: r.t.lang!, got: r.got })),
  });
  return [
    group('all', judged),
    ...REGISTERS.map((reg) =>
      group(
        reg,
        judged.filter((r) => r.t.tags.includes(reg)),
      ),
    ).filter((g) => g.total > 0),
  ];
}

export function formatLanguageAccuracy(rows: readonly LanguageAccuracy[]): string[] {
  return [
    'language identification (manifest language vs detected)',
    ...rows.map(
      (r) =>
        `  ${r.group.padEnd(20)}${(r.total === 0 ? 0 : r.right / r.total).toFixed(3)} (${r.right}/${r.total})${
          r.wrong.length > 0 && r.wrong.length <= 10
            ? `  wrong: ${r.wrong.map((w) => `${w.id} ${w.gold}→${w.got}`).join(', ')}`
            : ''
        }`,
    ),
  ];
}

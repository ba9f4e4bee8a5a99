// Language identification on the real-text dev set: the manifest's language against detectLanguage's, per
// register (headline, lead, paragraph) — issue 11 asks that it hold on text no one here wrote. The committed
// sets' measure (evaluateLanguage) over the real excerpts. Not tuned on: the language model is trained on our
// own lines only, so every part of the set counts.
import { evaluateLanguage, type LanguageSample } from '../classifiers/index.ts';
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
  const samples: LanguageSample[] = set.items.flatMap((t) =>
    t.lang === undefined
      ? []
      : [
          {
            id: t.id,
            text: t.title ? `${t.title}\n\n${t.text}` : t.text,
            lang: t.lang,
            variety: t.tags.find((tag) => tag.startsWith(`${t.lang}-`)) ?? t.lang,
            kind: REGISTERS.find((r) => t.tags.includes(r)) ?? 'other',
          },
        ],
  );
  const report = evaluateLanguage(samples);
  const wrong = report.errors.map((e) => ({
    id: e.id ?? '',
    kind: e.kind,
    gold: e.gold,
    got: e.got.split('/')[0] ?? e.got,
  }));
  const group = (name: string, right: number, total: number, kind?: string): LanguageAccuracy => ({
    group: name,
    right,
    total,
    wrong: wrong
      .filter((w) => kind === undefined || w.kind === kind)
      .map(({ id, gold, got }) => ({ id, gold, got })),
  });
  return [
    group('all', samples.length - report.errors.length, samples.length),
    ...REGISTERS.flatMap((reg) => {
      const row = report.byKind[reg];
      return row ? [group(reg, row.right, row.total, reg)] : [];
    }),
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

// What the tests of real-text kinds of error assert on: whether a sentence of ours is a candidate, the category
// ranked first (and the whole ranking), and the score — one text classified as a news item in its detected language.
import type { CategoryId, TextClassifier } from '../../core/index.ts';

export interface Verdict {
  readonly candidate: boolean;
  readonly first: CategoryId | undefined;
  readonly ids: readonly CategoryId[];
  readonly score: number;
}

export function verdictOf(classifier: TextClassifier, text: string): Verdict {
  const c = classifier.classify({ title: '', text, kind: 'news' }, classifier.detectLanguage(text));
  return {
    candidate: c.candidate,
    first: c.categories[0]?.id,
    ids: c.categories.map((x) => x.id),
    score: c.score,
  };
}

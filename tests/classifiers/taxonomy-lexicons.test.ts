// A lexicon file with a slip is refused at load with its file named, rather than read in part: a negative cue
// pasted inside another entry (["преми*", 2, ["зафиксировал* .. случа*", 3]]) used to be read as the first entry
// alone, and the pasted cue silently did nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import ru from '../../config/lexicons/ru.json' with { type: 'json' };

afterEach(() => {
  vi.doUnmock('../../config/lexicons/ru.json');
  vi.resetModules();
});

const withNegatives = (negatives: unknown[]) => {
  vi.resetModules();
  vi.doMock('../../config/lexicons/ru.json', () => ({ default: { ...ru, negatives } }));
  return import('../../classifiers/taxonomy-lexicons.ts');
};

describe('the lexicons’ negative cues', () => {
  it('refuses an entry with more than a pattern and a weight, naming the file and the entry', async () => {
    await expect(
      withNegatives([...ru.negatives, ['преми*', 2, ['зафиксировал* .. случа*', 3]]]),
    ).rejects.toThrow(
      /config\/lexicons\/ru\.json: bad negative \["преми\*",2,\["зафиксировал\* \.\. случа\*",3\]\]/,
    );
  });

  it('refuses a weight that is not a number', async () => {
    await expect(withNegatives([['преми*', '2']])).rejects.toThrow(
      /config\/lexicons\/ru\.json: bad negative/,
    );
  });

  it('reads well-formed entries', async () => {
    const { LEXICONS } = await withNegatives([['преми*', 2]]);
    expect(LEXICONS.ru.matcher.size).toBeGreaterThan(100);
  });
});

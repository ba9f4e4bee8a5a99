// A lexicon file with a slip is refused at load with its file and list named, rather than read in part or failing
// inside the pattern parser: a negative cue pasted inside another entry (["преми*", 2, ["зафиксировал* .. случа*", 3]])
// used to be read as the first entry alone, and the pasted cue silently did nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import ru from '../../config/lexicons/ru.json' with { type: 'json' };

afterEach(() => {
  vi.doUnmock('../../config/lexicons/ru.json');
  vi.resetModules();
});

const withLexicon = (patch: Record<string, unknown>) => {
  vi.resetModules();
  vi.doMock('../../config/lexicons/ru.json', () => ({ default: { ...ru, ...patch } }));
  return import('../../classifiers/taxonomy-lexicons.ts');
};
const withNegatives = (negatives: unknown[]) => withLexicon({ negatives });

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

describe('the lexicons’ lists of patterns', () => {
  it('refuses a number among the targets, naming the file and the list', async () => {
    await expect(withLexicon({ targets: [...ru.targets, 42] })).rejects.toThrow(
      /config\/lexicons\/ru\.json: "targets" holds 42, not a pattern/,
    );
  });

  it('refuses an empty pattern in a category, naming the category', async () => {
    const categories = { ...ru.categories, detention: [...ru.categories.detention, ' '] };
    await expect(withLexicon({ categories })).rejects.toThrow(
      /config\/lexicons\/ru\.json: "categories\.detention" holds " ", not a pattern/,
    );
  });

  it('refuses a list pasted into a context', async () => {
    const contexts = { ...ru.contexts, travelBan: [...ru.contexts.travelBan, ['запрет* на въезд*']] };
    await expect(withLexicon({ contexts })).rejects.toThrow(
      /"contexts\.travelBan" holds \["запрет\* на въезд\*"\]/,
    );
  });
});

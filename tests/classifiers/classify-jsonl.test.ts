import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyJsonl } from '../../classifiers/classify-jsonl.ts';
import { createClassifier } from '../../classifiers/index.ts';
import { CATEGORY_IDS, SozError, type TextClassifier } from '../../core/index.ts';

let classifier: TextClassifier;
beforeAll(() => {
  classifier = createClassifier({ facts: 'always' });
});

async function run(lines: string[]): Promise<{ out: Record<string, unknown>[]; error?: SozError }> {
  const out: Record<string, unknown>[] = [];
  try {
    await classifyJsonl(Readable.from([lines.join('\n')]), 'in.jsonl', classifier, (l) => {
      out.push(JSON.parse(l) as Record<string, unknown>);
    });
    return { out };
  } catch (error) {
    return { out, error: error as SozError };
  }
}

describe('soz classify (JSON Lines)', () => {
  it('writes one line per input, in order, in the contract shape', async () => {
    const { out, error } = await run([
      JSON.stringify({
        id: 'a',
        title: 'Тілші ұсталды',
        text: 'Оралда полиция митингіні түсірген тілшіні ұстады.',
      }),
      JSON.stringify({ id: 2, text: 'Weather: snow is expected in Astana on Monday.' }),
    ]);
    expect(error).toBeUndefined();
    expect(out.map((o) => o.id)).toEqual(['a', 2]);
    const first = out[0]!;
    expect(Object.keys(first)).toEqual(['id', 'lang', 'script', 'candidate', 'score', 'categories', 'facts']);
    expect(first.lang).toBe('kk');
    expect(first.candidate).toBe(true);
    const categories = first.categories as {
      id: string;
      evidence: { start: number; end: number; text: string }[];
    }[];
    expect(CATEGORY_IDS).toContain(categories[0]!.id);
    const text = 'Оралда полиция митингіні түсірген тілшіні ұстады.';
    for (const e of categories.flatMap((c) => c.evidence)) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(out[1]!.candidate).toBe(false);
  });

  it.each([
    ['an empty line', ['{"id":1,"text":"a"}', '', '{"id":3,"text":"c"}'], 'in.jsonl:2: empty line', 1],
    ['a line that is not JSON', ['{"id":1,"text":"a"}', '{"id":2,"text":'], 'in.jsonl:2: not JSON', 1],
    ['a missing text', ['{"id":1}'], 'in.jsonl:1: "text" must be a string', 0],
    ['a missing id', ['{"text":"x"}'], 'in.jsonl:1: "id" must be a string or number', 0],
  ])(
    'stops at %s with an input error naming the line, after writing the lines before it',
    async (_q, lines, message, written) => {
      const { out, error } = await run(lines);
      expect(error).toBeInstanceOf(SozError);
      expect(error!.message).toContain(message);
      expect(out.length).toBe(written);
    },
  );
});

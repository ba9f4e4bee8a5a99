// `soz classify`: JSON Lines in ({"id", "text", "title"?}), one JSON line out per input, in order. The shape of
// an output line is the contract; evidence offsets index "text".
import { createInterface } from 'node:readline';
import { type Classification, inputError, parseJsonLine, type TextClassifier } from '../core/index.ts';

export interface ClassifyLine {
  readonly id: string | number;
  readonly text: string;
  readonly title: string;
}

/** Parses one input line, throwing an input error that names the source and line. */
export function parseClassifyLine(line: string, where: string): ClassifyLine {
  if (!line.trim()) throw inputError(`${where}: empty line (expected {"id", "text", "title"?})`);
  const o = parseJsonLine(line, where);
  if (typeof o.id !== 'string' && typeof o.id !== 'number')
    throw inputError(`${where}: "id" must be a string or number`);
  if (typeof o.text !== 'string') throw inputError(`${where}: "text" must be a string`);
  if (o.title !== undefined && o.title !== null && typeof o.title !== 'string') {
    throw inputError(`${where}: "title" must be a string when given`);
  }
  return { id: o.id, text: o.text, title: typeof o.title === 'string' ? o.title : '' };
}

export function classificationLine(id: string | number, c: Classification): string {
  return JSON.stringify({
    id,
    lang: c.lang,
    script: c.script,
    candidate: c.candidate,
    score: c.score,
    categories: c.categories.map((k) => ({
      id: k.id,
      score: k.score,
      evidence: k.evidence.map((e) => ({ start: e.start, end: e.end, text: e.text })),
    })),
    facts: c.facts,
  });
}

/** Classifies every line of `input`, calling `write` with each output line; returns how many were classified. */
export async function classifyJsonl(
  input: NodeJS.ReadableStream,
  sourceName: string,
  classifier: TextClassifier,
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let count = 0;
  for await (const line of lines) {
    n++;
    const item = parseClassifyLine(line, `${sourceName}:${n}`);
    const language = classifier.detectLanguage(item.title ? `${item.title}\n\n${item.text}` : item.text);
    await write(
      classificationLine(
        item.id,
        classifier.classify({ title: item.title, text: item.text, kind: 'news' }, language),
      ),
    );
    count++;
  }
  return count;
}

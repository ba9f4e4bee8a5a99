import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { classifyJsonl } from '../../classifiers/classify-jsonl.ts';
import { createClassifier } from '../../classifiers/index.ts';
import { EXIT, inputError } from '../../core/index.ts';
import { type Command, stringOption } from '../command.ts';

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'classify JSON Lines of texts: language, candidate, categories with evidence, facts',
  help: `Usage: soz classify [--in FILE] [--out FILE]

Reads JSON Lines {"id", "text", "title"?} (stdin by default) and writes one line per input, in order:
{"id", "lang", "script", "candidate", "score", "categories": [{"id", "score", "evidence": [{"start", "end", "text"}]}], "facts"}
Evidence offsets index "text" (title words count but are not spanned). An empty or malformed line stops the run
with an error naming the line; the lines before it have been written.

Options:
  --in FILE    input JSON Lines (default stdin)
  --out FILE   output JSON Lines (default stdout)`,
  options: { in: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const inPath = stringOption(ctx, 'in');
    const outPath = stringOption(ctx, 'out');
    if (inPath && !existsSync(inPath)) throw inputError(`--in ${inPath}: no such file`);
    const classifier = createClassifier({ facts: 'always' });
    const input = inPath ? createReadStream(inPath, 'utf8') : ctx.stdin;
    const file = outPath ? createWriteStream(outPath, 'utf8') : null;
    const write = async (line: string) => {
      if (!file) return ctx.out(line);
      if (!file.write(`${line}\n`)) await once(file, 'drain');
    };
    try {
      const n = await classifyJsonl(input, inPath ?? 'stdin', classifier, write);
      ctx.logger.info(`classified ${n} texts with model ${classifier.modelVersion}`);
    } finally {
      if (file)
        await new Promise<void>((done, fail) =>
          file.end((error?: Error | null) => (error ? fail(error) : done())),
        );
    }
    return EXIT.ok;
  },
};

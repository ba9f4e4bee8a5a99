// `soz extract FILE_OR_DIR... [--url URL]`: runs decoding and extraction over saved HTML files, for trying
// a new source offline. One JSON line per HTML file on stdout; a page without an article gives a line with
// "rejected" (the reason) and null fields, so the output still has one line per file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT, inputError, usageError } from '../../core/index.ts';
import { decodePage, extractArticle } from '../../pipeline/index.ts';
import { type Command, stringOption } from '../command.ts';

const HTML_FILE = /\.x?html?$/i;

/** The HTML files a path names: the file itself, or every .html/.htm file under a folder, sorted. */
export function htmlFilesOf(path: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(
      code === 'ENOENT' ? `${path}: no such file or directory` : `${path}: ${(error as Error).message}`,
    );
  }
  if (!stat.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) out.push(...htmlFilesOf(child));
    else if (HTML_FILE.test(name)) out.push(child);
  }
  return out;
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'extract articles from saved HTML files (one JSON line per file)',
  help: [
    'Usage: soz extract FILE_OR_DIR... [--url URL] [--source ID]',
    '',
    'Decodes each HTML file (charset from BOM, <meta> or sniffed) and extracts its article. Prints one JSON',
    'line per file: {"file","url","title","text","publishedAt","author","lang"}; a page without an article',
    'prints "rejected" with the reason instead. Folders are searched for .html/.htm files.',
    '',
    "  --url URL     the page's address (resolves the canonical link; default: the file's file:// URL)",
    '  --source ID   source id recorded with the article (default: "local")',
  ].join('\n'),
  options: { url: { type: 'string' }, source: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    if (ctx.positionals.length === 0) throw usageError('soz extract: give at least one HTML file or folder');
    const url = stringOption(ctx, 'url');
    if (url !== undefined) {
      try {
        new URL(url);
      } catch {
        throw usageError(`--url: "${url}" is not an absolute URL`);
      }
    }
    const sourceId = stringOption(ctx, 'source') ?? 'local';
    // Check every argument before printing anything, so a typo does not leave half an output.
    const files = ctx.positionals.flatMap((p) => {
      const found = htmlFilesOf(p);
      if (found.length === 0) throw inputError(`${p}: no .html or .htm files in this folder`);
      return found;
    });
    let rejected = 0;
    for (const file of files) {
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch (error) {
        throw inputError(`${file}: cannot read: ${(error as Error).message}`);
      }
      const pageUrl = url ?? pathToFileURL(resolve(file)).href;
      const page = decodePage({
        sourceId,
        url: pageUrl,
        finalUrl: pageUrl,
        status: 200,
        headers: {},
        body,
        fetchedAt: new Date().toISOString(),
      });
      const result = extractArticle(page, { sourceId });
      if (result.ok) {
        const a = result.value;
        ctx.out(
          JSON.stringify({
            file,
            url: a.canonicalUrl,
            title: a.title,
            text: a.text,
            publishedAt: a.publishedAt,
            author: a.author,
            lang: a.langHint,
          }),
        );
      } else {
        rejected++;
        ctx.logger.warn(`${file}: no article: ${result.reason}`);
        ctx.out(
          JSON.stringify({
            file,
            url: pageUrl,
            title: null,
            text: null,
            publishedAt: null,
            author: null,
            lang: null,
            rejected: result.reason,
          }),
        );
      }
    }
    return rejected === files.length ? EXIT.failure : EXIT.ok;
  },
};

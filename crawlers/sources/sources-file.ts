// The sources registry as a text file that people edit: JSON with comments (// and /* */) and trailing
// commas. It is read with jsonc-parser, and changed by small text edits (an entry appended before the
// closing bracket, one value replaced), so comments, order and each entry's layout stay as they were.
// Every change is validated as a whole registry before the file is replaced (atomically).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  applyEdits,
  findNodeAtLocation,
  modify,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { inputError } from '../../core/index.ts';
import { type NewsSource, parseNewsSources } from './news-source.ts';

export function readSourcesText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(
      `${file}: cannot read the sources file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}

/** Parses registry text (JSON with comments), naming the file and line of the first syntax error. */
export function parseSourcesText(text: string, file: string): NewsSource[] {
  const errors: ParseError[] = [];
  const doc = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    const line = text.slice(0, e.offset).split('\n').length;
    throw inputError(
      `${file}:${line}: not valid JSON (${printParseErrorCode(e.error)} at offset ${e.offset})`,
    );
  }
  return parseNewsSources(doc, file);
}

/** One entry on one line, keys in the given order: the registry's own layout. */
export function formatEntry(entry: Record<string, unknown>): string {
  return `{ ${Object.entries(entry)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
}

/** The registry text with `entry` appended as the last source; throws (naming the field) if invalid. */
export function appendSource(text: string, entry: Record<string, unknown>, file: string): string {
  const existing = parseSourcesText(text, file);
  if (existing.some((s) => s.id === entry.id))
    throw inputError(
      `${file}: a source with id "${String(entry.id)}" already exists; choose another with --id`,
    );
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const list = tree && (tree.type === 'array' ? tree : findNodeAtLocation(tree, ['sources']));
  if (list?.type !== 'array') throw inputError(`${file}: expected {"sources": [...]} or a list of sources`);
  const close = list.offset + list.length - 1;
  const last = list.children?.[list.children.length - 1];
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const bracketOnOwnLine = text.slice(lineStart, close).trim() === '';
  const indent = last ? text.slice(text.lastIndexOf('\n', last.offset - 1) + 1, last.offset) : '    ';
  const line = `${/^\s*$/.test(indent) ? indent : '    '}${formatEntry(entry)}`;
  let out: string;
  if (bracketOnOwnLine) out = `${text.slice(0, lineStart)}${line}\n${text.slice(lineStart)}`;
  else out = `${text.slice(0, close)}\n${line}\n${text.slice(close)}`;
  if (last) {
    // A comma after the last entry, unless it has one (trailing commas are allowed in the file).
    const end = last.offset + last.length;
    const between = text.slice(end, list.offset + list.length - 1);
    if (!/^\s*,/.test(between)) out = `${out.slice(0, end)},${out.slice(end)}`;
  }
  parseSourcesText(out, file);
  return out;
}

/** The registry text with one field of one source set (a minimal edit of that value). */
export function setSourceField(
  text: string,
  id: string,
  field: string,
  value: unknown,
  file: string,
): string {
  const sources = parseSourcesText(text, file);
  const index = sources.findIndex((s) => s.id === id);
  if (index < 0) throw inputError(`${file}: no source "${id}"`);
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const path = tree?.type === 'array' ? [index, field] : ['sources', index, field];
  const edits = modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  const out = applyEdits(text, edits);
  parseSourcesText(out, file);
  return out;
}

/** Replaces the file with `text` atomically (a crash leaves the old or the new file, never half of one). */
export function writeSourcesText(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

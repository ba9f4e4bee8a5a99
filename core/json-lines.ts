// JSON Lines as our sets and manifests are written: one object a line, blank lines allowed; every error names the
// file and line, so a hand-edited set is fixed where it broke.
import { inputError } from './errors.ts';

/** One line's object; `where` (e.g. `file:12`) prefixes the error. */
export function parseJsonLine(line: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw inputError(`${where}: not JSON (${(error as Error).message})`, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw inputError(`${where}: expected a JSON object`);
  return value as Record<string, unknown>;
}

/** Every non-blank line's object, with where it stands. */
export function parseJsonLines(
  content: string,
  file: string,
): { readonly where: string; readonly value: Record<string, unknown> }[] {
  const out: { where: string; value: Record<string, unknown> }[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    out.push({ where, value: parseJsonLine(line, where) });
  });
  return out;
}

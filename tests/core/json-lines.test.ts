// Sets and manifests are edited by hand: a broken line must be named by file and line, blank lines skipped.
import { describe, expect, it } from 'vitest';
import { parseJsonLine, parseJsonLines } from '../../core/index.ts';

describe('parseJsonLines', () => {
  it('parses each non-blank line with where it stands, counting blank lines in the numbering', () => {
    const rows = parseJsonLines('{"id":"a"}\n\n  \n{"id":"b"}\n', 'set.jsonl');
    expect(rows).toEqual([
      { where: 'set.jsonl:1', value: { id: 'a' } },
      { where: 'set.jsonl:4', value: { id: 'b' } },
    ]);
  });

  it('names the file and line of a line that is not JSON', () => {
    expect(() => parseJsonLines('{"id":"a"}\n{"id": oops}\n', 'config/dev/x.jsonl')).toThrow(
      /^config\/dev\/x\.jsonl:2: not JSON/,
    );
  });

  it('refuses JSON that is not an object (an array, a string, null)', () => {
    for (const line of ['[1,2]', '"text"', 'null', '42'])
      expect(() => parseJsonLine(line, 'm.jsonl:7')).toThrow('m.jsonl:7: expected a JSON object');
  });
});

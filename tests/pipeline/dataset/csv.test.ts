// The CSV reader on what spreadsheet programs write: a BOM, CRLF, quoted separators, doubled quotes,
// line breaks inside a field, blank lines.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../pipeline/dataset/csv.ts';

describe('parseCsv', () => {
  it('reads a BOM, CRLF endings and quoted fields, keeping the line each record starts on', () => {
    const text = '\uFEFFmonth,summary\r\n2020-08,"Fined, then ""warned""\r\nagain"\r\n\r\n2020-09,plain\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['month', 'summary'] },
      { line: 2, cells: ['2020-08', 'Fined, then "warned"\r\nagain'] },
      { line: 5, cells: ['2020-09', 'plain'] },
    ]);
  });

  it('keeps empty cells and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['', '', ''] },
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/not closed/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/after a closing quote/);
  });
});

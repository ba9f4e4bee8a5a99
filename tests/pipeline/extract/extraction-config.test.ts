// config/extraction.json is data that people edit: a broken field is named in the error.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTRACTION_CONFIG_PATH, loadExtractionConfig } from '../../../pipeline/extract/extraction-config.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withChange(change: (cfg: Record<string, Record<string, unknown>>) => void): string {
  const cfg = JSON.parse(readFileSync(EXTRACTION_CONFIG_PATH, 'utf8'));
  change(cfg);
  const path = join(dir, `extraction-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(cfg));
  return path;
}

describe('loadExtractionConfig', () => {
  it('loads the project configuration', () => {
    expect(loadExtractionConfig(EXTRACTION_CONFIG_PATH).extract.minBodyChars).toBeGreaterThan(0);
  });

  it('names a missing or mistyped field', () => {
    const path = withChange((c) => {
      c.extract!.minBodyChars = 'many';
    });
    expect(() => loadExtractionConfig(path)).toThrow(/extract\.minBodyChars/);
  });

  it('names an invalid pattern with its index', () => {
    const path = withChange((c) => {
      (c.extract!.boilerplatePrefixes as string[]).push('^(unclosed');
    });
    expect(() => loadExtractionConfig(path)).toThrow(/extract\.boilerplatePrefixes\[\d+\]/);
  });

  it('names the file when it is not JSON', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "decode": ');
    expect(() => loadExtractionConfig(path)).toThrow(path);
  });
});

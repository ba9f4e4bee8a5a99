// The sources registry: the shipped one is valid and broad enough; mistakes are named by source and field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SOURCES_FILE, loadSources, parseNewsSources, selectSources } from '../../../crawlers/index.ts';
import { tempDir } from '../../helpers/test-stores.ts';

const bad = (entry: object) => () => parseNewsSources({ sources: [entry] }, 'sources.json');

describe('config/sources.json', () => {
  it('lists at least 12 real Kazakh outlets in Russian, Kazakh and English', () => {
    const sources = loadSources();
    expect(sources.length).toBeGreaterThanOrEqual(12);
    expect(new Set(sources.map((s) => s.lang))).toEqual(new Set(['ru', 'kk', 'en']));
    expect(new Set(sources.map((s) => s.kind))).toEqual(new Set(['rss', 'sitemap', 'listing']));
    for (const s of sources) expect(new URL(s.urls[0]!).hostname).toMatch(/\.(kz|org|media)$/);
  });

  it('the demo registry names the imitation outlets with host placeholders', () => {
    const ids = loadSources(DEMO_SOURCES_FILE).map((s) => s.id);
    expect(ids).toEqual(['demo-vestnik', 'demo-dala', 'demo-zharshy', 'demo-akzhaiyk', 'demo-moved-feed']);
  });
});

describe('parseNewsSources', () => {
  it('accepts a source with only id, kind and url, with defaults for the rest', () => {
    const [s] = parseNewsSources([{ id: 'min', kind: 'rss', url: 'https://e.kz/rss' }], 'f');
    expect(s).toMatchObject({
      id: 'min',
      name: 'min',
      kind: 'rss',
      urls: ['https://e.kz/rss'],
      lang: null,
      enabled: true,
    });
  });

  it('names the source and field of each mistake', () => {
    expect(bad({ id: 'x', kind: 'court', url: 'https://e.kz' })).toThrow(
      'sources.json: source "x", field "kind": "court" sources belong',
    );
    expect(bad({ id: 'x', kind: 'feed', url: 'https://e.kz' })).toThrow(
      'source "x", field "kind": must be one of rss, atom, sitemap, listing',
    );
    expect(bad({ id: 'x', kind: 'rss' })).toThrow('source "x", field "url": an entry URL is required');
    expect(bad({ id: 'x', kind: 'rss', urls: ['https://e.kz', 'ftp://e.kz'] })).toThrow(
      'source "x", field "urls[1]": "ftp://e.kz" is not an http(s) URL',
    );
    expect(bad({ id: 'x', kind: 'rss', url: 'e.kz/rss' })).toThrow(
      'field "url": "e.kz/rss" is not an absolute URL',
    );
    expect(bad({ id: 'x', kind: 'rss', url: 'https://e.kz', lang: 'kz' })).toThrow(
      'field "lang": must be one of kk, ru, en, other',
    );
    expect(bad({ id: 'x', kind: 'rss', url: 'https://e.kz', rate: 0 })).toThrow(
      'field "rate": must be a positive number',
    );
    expect(bad({ id: 'x', kind: 'rss', url: 'https://e.kz', articlePattern: '(' })).toThrow(
      'field "articlePattern": is not a valid regular expression',
    );
    expect(bad({ id: 'x', kind: 'rss', url: 'https://e.kz', selectors: { headline: 'h1' } })).toThrow(
      'field "selectors.headline": unknown selector',
    );
    expect(bad({ id: 'x', kind: 'rss', url: 'https://e.kz', feed: 'y' })).toThrow(
      'source "x", field "feed": unknown field',
    );
    expect(bad({ kind: 'rss', url: 'https://e.kz' })).toThrow('source #1, field "id"');
    expect(() =>
      parseNewsSources(
        [
          { id: 'a', kind: 'rss', url: 'https://e.kz' },
          { id: 'a', kind: 'rss', url: 'https://f.kz' },
        ],
        'f',
      ),
    ).toThrow('source "a", field "id": is used by two sources');
  });

  it('reports a corrupt file with its line', () => {
    const file = join(tempDir(), 'sources.json');
    // Comments and trailing commas are allowed (JSON with comments); a missing comma is not.
    writeFileSync(file, '{\n  // ours\n  "sources": [\n    { "id": "a" "kind": "rss" },\n  ]\n}\n');
    expect(() => loadSources(file)).toThrow(new RegExp(`${file}:4: not valid JSON`));
    expect(() => loadSources(join(tempDir(), 'none.json'))).toThrow(
      /cannot read the sources file \(ENOENT\)/,
    );
  });

  it('selects sources by id and rejects an unknown one', () => {
    const sources = parseNewsSources(
      [
        { id: 'a', kind: 'rss', url: 'https://e.kz' },
        { id: 'b', kind: 'rss', url: 'https://f.kz', enabled: false },
      ],
      'f',
    );
    expect(selectSources(sources, [], 'f').map((s) => s.id)).toEqual(['a']);
    expect(selectSources(sources, ['b'], 'f').map((s) => s.id)).toEqual(['b']);
    expect(() => selectSources(sources, ['zz'], 'f')).toThrow('unknown source "zz" (not in f; known: a, b)');
  });
});

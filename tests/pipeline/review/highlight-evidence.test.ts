// Evidence highlighting and escaping, the two things that stand between scraped text and the page.
import { describe, expect, it } from 'vitest';
import { highlightEvidence, placeEvidence } from '../../../pipeline/review/highlight-evidence.ts';
import { escapeHtml, html, safeHref } from '../../../pipeline/review/html.ts';

const TEXT = 'Журналиста <b>задержали</b> у акимата & увезли в отдел.';

describe('evidence highlighting', () => {
  it('marks spans whose text matches, skips stale and out-of-range ones, and resolves overlaps', () => {
    const start = TEXT.indexOf('задержали');
    const spans = placeEvidence(TEXT, [
      {
        id: 'detention',
        score: 0.8,
        evidence: [
          { start, end: start + 9, text: 'задержали' },
          // stale: offsets from an older version of the text
          { start: 0, end: 5, text: 'Блоге' },
          // past the end of the text
          { start: 90, end: 95, text: 'отдел' },
        ],
      },
      // overlaps the first span: the earlier, longer one wins
      { id: 'attack', score: 0.2, evidence: [{ start: start + 2, end: start + 9, text: 'держали' }] },
    ]);
    expect(spans).toEqual([{ start, end: start + 9, category: 'detention' }]);
  });

  it('escapes the text around and inside the marks', () => {
    const start = TEXT.indexOf('задержали');
    const out = highlightEvidence(TEXT, [
      { id: 'detention', score: 0.8, evidence: [{ start, end: start + 9, text: 'задержали' }] },
    ]).value;
    expect(out).toBe(
      'Журналиста &lt;b&gt;<mark class="evidence" data-category="detention" title="detention">задержали</mark>&lt;/b&gt; у акимата &amp; увезли в отдел.',
    );
  });
});

describe('html', () => {
  it('escapes interpolated values, including quotes that would end an attribute', () => {
    const v = `"><img src=x onerror=alert(1)>'`;
    expect(html`<input value="${v}">`.value).toBe(
      '<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;">',
    );
    expect(escapeHtml('`')).toBe('&#96;');
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://dala-news.example.kz/a?b=1')).toBe('https://dala-news.example.kz/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('не ссылка')).toBeNull();
  });
});

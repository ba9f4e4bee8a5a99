// The classifier's evidence spans, marked in the text. Offsets are code-unit offsets into the item's text
// (core's EvidenceSpan); a span whose `text` does not match the text at its offsets (a stale classification,
// offsets into the title, another normalisation) is skipped rather than marking the wrong words.
import type { CategoryScore } from '../../core/index.ts';
import { html, type SafeHtml } from './html.ts';

export interface PlacedSpan {
  readonly start: number;
  readonly end: number;
  readonly category: string;
}

/** The spans that match the text, in order, without overlaps (the earlier and then longer one wins). */
export function placeEvidence(text: string, categories: readonly CategoryScore[]): PlacedSpan[] {
  const all: PlacedSpan[] = [];
  for (const c of categories) {
    for (const e of c.evidence) {
      if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > text.length)
        continue;
      if (e.end <= e.start || text.slice(e.start, e.end) !== e.text) continue;
      all.push({ start: e.start, end: e.end, category: c.id });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlacedSpan[] = [];
  let until = 0;
  for (const s of all) {
    if (s.start < until) continue;
    out.push(s);
    until = s.end;
  }
  return out;
}

export function highlightEvidence(text: string, categories: readonly CategoryScore[]): SafeHtml {
  const spans = placeEvidence(text, categories);
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(html`${text.slice(at, s.start)}`);
    parts.push(
      html`<mark class="evidence" data-category="${s.category}" title="${s.category}">${text.slice(s.start, s.end)}</mark>`,
    );
    at = s.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

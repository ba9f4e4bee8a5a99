// Page titles carry the outlet's name ("Суд оштрафовал редактора — Степной вестник", "Zharshy | …"). A
// segment split off by a dash, bar or similar separator is dropped from either end when it is the site's
// name or short (a name, not a headline) and what remains still reads as a headline.

const SEPARATOR = /\s+(?:[—–|·•»:]|::)\s+|\s+-\s+/;
const MAX_SITE_WORDS = 4;
const MIN_HEADLINE_WORDS = 3;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function cleanTitle(title: string, siteName: string | null): string {
  let t = title.replace(/\s+/g, ' ').trim();
  const site = siteName?.trim().toLowerCase() ?? null;
  const isSite = (seg: string) =>
    (site !== null && seg.trim().toLowerCase() === site) || words(seg) <= MAX_SITE_WORDS;
  for (let round = 0; round < 2; round++) {
    const parts = t.split(SEPARATOR);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1]!;
    const rest = t.slice(0, t.length - last.length).replace(/\s*[—–|·•»:-]+\s*$/, '');
    if (isSite(last) && words(rest) >= MIN_HEADLINE_WORDS) {
      t = rest;
      continue;
    }
    const first = parts[0]!;
    const tail = t.slice(first.length).replace(/^\s*[—–|·•»:-]+\s*/, '');
    // A leading segment goes only when it is the site's name (a short leading "Opinion" may be meant).
    if (site !== null && first.trim().toLowerCase() === site && words(tail) >= MIN_HEADLINE_WORDS) {
      t = tail;
      continue;
    }
    break;
  }
  return t;
}

// The gatherer's tool: a batch of search results with our labels (JSON Lines, one result per line) becomes saved
// answers in the cache and lines of the manifest. A line:
//   {"q": query, "rank": n, "url": …, "x": the result's excerpt (may stop after the last span used),
//    "lang": "ru", "script"?: "cyrl", "src": "news"|"monitor", "g"?: an event shared by several pages,
//    "items": [{"f": first words of the span, "t"?: its last words (default: to the end of the line),
//               or "s"/"e": offsets in the normalised excerpt; "k": "h"|"p"|"l" (headline, paragraph, lead), "c": category id or "none", "c2"?: second id,
//               "r": why, "lang"?: override}]}
import { readFileSync, writeFileSync } from 'node:fs';
import { type CategoryId, inputError, isCategoryId, parseJsonLines } from '../core/index.ts';
import { normalizeExcerptText, sha256 } from './excerpt-text.ts';
import { excludedPages } from './excluded-pages.ts';
import {
  type ExcerptKind,
  type ManifestEntry,
  manifestLine,
  type Part,
  parseManifest,
  type RealLang,
  type RealScript,
  type SourceKind,
} from './real-dev-manifest.ts';
import { mergeAnswer, RESPONSES_DIR, readAnswer } from './search-answers.ts';

const KIND: Record<string, ExcerptKind> = { h: 'headline', p: 'paragraph', l: 'lead' };

export interface AddReport {
  readonly added: readonly ManifestEntry[];
  readonly skipped: readonly string[];
}

export function entryId(url: string, start: number, end: number): string {
  return `real-${sha256(`${url}#${start}-${end}`).slice(0, 10)}`;
}

/** Resolves a span by its first words (and optionally last words) in the normalised excerpt. */
export function resolveSpan(text: string, from: string, to?: string): [number, number] | null {
  const f = normalizeExcerptText(from);
  const start = text.indexOf(f);
  if (start < 0) return null;
  if (to === undefined) {
    const nl = text.indexOf('\n', start);
    return [start, nl < 0 ? text.length : nl];
  }
  const t = normalizeExcerptText(to);
  const at = text.indexOf(t, start);
  if (at < 0) return null;
  return [start, at + t.length];
}

export function addGathered(
  batchFile: string,
  manifestFile: string,
  options: {
    labeller: string;
    responsesDir?: string;
    excluded?: (urls: string[]) => Set<string>;
    /** The part the new entries belong to, stored with them (e.g. 'fresh'); none: the split's hash decides. */
    part?: Part;
  },
): AddReport {
  const manifest = parseManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  const known = new Set(manifest.map((e) => e.sha256));
  const ids = new Set(manifest.map((e) => e.id));
  const parsed = parseJsonLines(readFileSync(batchFile, 'utf8'), batchFile);
  const excluded = (options.excluded ?? excludedPages)(parsed.map((p) => String(p.value.url)));
  const added: ManifestEntry[] = [];
  const skipped: string[] = [];
  const byQuery = new Map<string, { rank: number; url: string; excerpt: string }[]>();
  for (const { where, value: v } of parsed) {
    const url = String(v.url);
    if (excluded.has(url)) {
      skipped.push(`${where}: a page reserved for independent evaluation, dropped`);
      continue;
    }
    if (typeof v.q !== 'string' || !Array.isArray(v.items))
      throw inputError(`${where}: needs "q" and "items"`);
    if (v.x === undefined) {
      // More spans of a result already saved: take its text from the saved answer.
      const saved = readAnswer(v.q, options.responsesDir ?? RESPONSES_DIR)?.results.find(
        (r) => r.url === url,
      );
      if (!saved) throw inputError(`${where}: no "x", and no saved answer holds ${url} for this query`);
      v.x = saved.excerpt;
    }
    if (typeof v.x !== 'string') throw inputError(`${where}: "x" must be the result's excerpt text`);
    const text = normalizeExcerptText(v.x);
    const lang = v.lang as RealLang;
    if (!['kk', 'ru', 'en'].includes(lang)) throw inputError(`${where}: "lang" must be kk, ru or en`);
    const src = v.src as SourceKind;
    if (src !== 'news' && src !== 'monitor') throw inputError(`${where}: "src" must be news or monitor`);
    const script = (v.script ?? 'cyrl') as RealScript;
    if (lang === 'en' && v.script === undefined) {
      // English is Latin script; only Kazakh needs saying.
    }
    let used = false;
    (v.items as Record<string, unknown>[]).forEach((it, j) => {
      const at = `${where} items[${j}]`;
      const span: [number, number] | null =
        typeof it.s === 'number' && typeof it.e === 'number'
          ? it.s >= 0 && it.e > it.s && it.e <= text.length
            ? [it.s, it.e]
            : null
          : it.f
            ? resolveSpan(text, String(it.f), it.t === undefined ? undefined : String(it.t))
            : null;
      if (!span)
        throw inputError(
          `${at}: span ${JSON.stringify(it.f ?? it.s)} … ${JSON.stringify(it.t ?? it.e)} not found`,
        );
      const kind = KIND[String(it.k)];
      if (!kind) throw inputError(`${at}: "k" must be h, p or l`);
      const c = String(it.c);
      const candidate = c !== 'none';
      if (candidate && !isCategoryId(c)) throw inputError(`${at}: unknown category ${c}`);
      const c2 = it.c2 === undefined ? null : String(it.c2);
      if (c2 !== null && !isCategoryId(c2)) throw inputError(`${at}: unknown second category ${c2}`);
      if (typeof it.r !== 'string' || !it.r.trim()) throw inputError(`${at}: "r" (the reason) is required`);
      const itemLang = (it.lang ?? lang) as RealLang;
      const itemScript = (it.script ?? (itemLang === 'en' ? 'latn' : script)) as RealScript;
      const excerpt = text.slice(span[0], span[1]);
      const hash = sha256(excerpt);
      const id = entryId(url, span[0], span[1]);
      if (known.has(hash) || ids.has(id)) {
        skipped.push(`${at}: the same text is already in the manifest`);
        return;
      }
      known.add(hash);
      ids.add(id);
      used = true;
      added.push({
        id,
        url,
        query: v.q as string,
        rank: Number(v.rank ?? 0),
        start: span[0],
        end: span[1],
        sha256: hash,
        lang: itemLang,
        script: itemScript,
        kind,
        source: src,
        candidate,
        category: candidate ? (c as CategoryId) : null,
        alsoFits: candidate ? (c2 as CategoryId | null) : null,
        labeller: options.labeller,
        reason: it.r,
        ...(typeof v.g === 'string' && v.g ? { group: v.g } : {}),
        ...(options.part ? { part: options.part } : {}),
      });
    });
    if (used) {
      const list = byQuery.get(v.q) ?? [];
      list.push({ rank: Number(v.rank ?? 0), url, excerpt: v.x });
      byQuery.set(v.q, list);
    }
  }
  for (const [q, results] of byQuery) mergeAnswer(q, results, options.responsesDir ?? RESPONSES_DIR);
  const old = readFileSync(manifestFile, 'utf8');
  writeFileSync(manifestFile, old + added.map((e) => `${manifestLine(e)}\n`).join(''));
  return { added, skipped };
}

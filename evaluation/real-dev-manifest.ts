// The committed manifest of the real-text dev set (config/dev/real/manifest.jsonl): where each excerpt sits in a
// saved search answer, a hash of its text, and our label. Third-party text is never in it; the excerpts live in
// the git-ignored cache that `npm run real-dev -- build` rebuilds from the search answers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CategoryId, CONFIG_DIR, inputError, isCategoryId, parseJsonLines } from '../core/index.ts';

export const MANIFEST_PATH = resolve(CONFIG_DIR, 'dev', 'real', 'manifest.jsonl');

export type ExcerptKind = 'headline' | 'paragraph' | 'lead';
export type RealLang = 'kk' | 'ru' | 'en';
export type RealScript = 'cyrl' | 'latn';
export type SourceKind = 'news' | 'monitor';
/**
 * When each later part was gathered: `fresh` after the held-out part had been measured and read, and each of
 * `fresh2`…`fresh8` after the one before it had been measured and read; `fresh9` after `fresh8` had been gathered;
 * `fresh10` and `fresh11` together after fresh8 and fresh9 had been read; `fresh12` in that session after fresh10's
 * mid-session look; `fresh13` and `fresh14` together after fresh10–fresh12 had been read; `fresh15` mid-session after
 * fresh13 and fresh14 had been measured (errors unread); `fresh16`, `fresh17` and `fresh18` at that session's end,
 * each after the one before it had been measured and read; `fresh19` and `fresh20` together at the start of the
 * next session, before its code changed; `fresh21` and `fresh22` together later in that session, after fresh19 and
 * fresh20 had been measured and read; `fresh23` and `fresh24` together at that session's end, after its last code
 * change; `fresh25` and `fresh26` together at the start of the session after, before its code changed; `fresh27` and
 * `fresh28` together later in that session, after its first code changes (fresh25 and fresh26 unread); `fresh29`,
 * `fresh30` and `fresh31` together at the start of the session after, before its code changed; `fresh32`, `fresh33`
 * and `fresh34` together later in that session, after its first code change (fresh29–fresh31 unread); `fresh35`,
 * `fresh36` and `fresh37` together at that session's end, after its last classifier change; `fresh38`, `fresh39` and
 * `fresh40` together at the start of the session after, before its code changed; `fresh41`, `fresh42` and `fresh43`
 * together later in that session, after its first code changes (fresh38–fresh40 measured for the start code, unread);
 * `fresh44`, `fresh45` and `fresh46` together after fresh38–fresh43 had been measured, read and spent; `fresh47`,
 * `fresh48` and `fresh49` together at the start of the session after, before its code changed; `fresh50`, `fresh51`
 * and `fresh52` together at that session's end, after its last classifier change.
 * Each part is
 * measured for the start code and once for
 * the end code of the session that gathered it (docs/real-dev-set.md tells each part's measurements), and is spent
 * after it.
 */
/**
 * The parts gathered after the split, in order. Each is withheld from a plain evaluation and left out of the split's
 * checks (run-real-evaluation.ts WITHHELD_PARTS, split-real-dev.ts UNSPLIT_PARTS); a new part is added here once.
 */
export const FRESH_PARTS = [
  'fresh',
  'fresh2',
  'fresh3',
  'fresh4',
  'fresh5',
  'fresh6',
  'fresh7',
  'fresh8',
  'fresh9',
  'fresh10',
  'fresh11',
  'fresh12',
  'fresh13',
  'fresh14',
  'fresh15',
  'fresh16',
  'fresh17',
  'fresh18',
  'fresh19',
  'fresh20',
  'fresh21',
  'fresh22',
  'fresh23',
  'fresh24',
  'fresh25',
  'fresh26',
  'fresh27',
  'fresh28',
  'fresh29',
  'fresh30',
  'fresh31',
  'fresh32',
  'fresh33',
  'fresh34',
  'fresh35',
  'fresh36',
  'fresh37',
  'fresh38',
  'fresh39',
  'fresh40',
  'fresh41',
  'fresh42',
  'fresh43',
  'fresh44',
  'fresh45',
  'fresh46',
  'fresh47',
  'fresh48',
  'fresh49',
  'fresh50',
  'fresh51',
  'fresh52',
] as const;

export type Part = 'tuning' | 'heldout' | (typeof FRESH_PARTS)[number];

export interface ManifestEntry {
  /** Stable id: "real-" + the first 10 hex digits of sha256(url + "#" + start + "-" + end). */
  readonly id: string;
  /** The page's address as the search tool returned it. */
  readonly url: string;
  /** The `pages` query whose answer holds the excerpt (its sha256 names the saved answer file). */
  readonly query: string;
  /** The result's rank in that answer when it was gathered (informative; results are found by url). */
  readonly rank: number;
  /** Character offsets of the excerpt in the result's excerpt text after normalizeExcerptText(). */
  readonly start: number;
  readonly end: number;
  /** sha256 of the excerpt's normalised text. */
  readonly sha256: string;
  readonly lang: RealLang;
  readonly script: RealScript;
  readonly kind: ExcerptKind;
  /** News outlet, or a press-freedom organisation's alert or report. */
  readonly source: SourceKind;
  readonly candidate: boolean;
  /** The category the monthly report would count (taxonomy.md); null for non-candidates. */
  readonly category: CategoryId | null;
  /** A second category that also fits, which the report would not count for this excerpt. */
  readonly alsoFits: CategoryId | null;
  readonly labeller: string;
  /** Why, in a few words of our own. */
  readonly reason: string;
  /** Pages that report the same event share a group, so that the split keeps them on one side. */
  readonly group?: string;
  /** Which side of the one-time split; absent until `real-dev split` has run. */
  readonly part?: Part;
}

const KINDS = new Set(['headline', 'paragraph', 'lead']);
const LANGS = new Set(['kk', 'ru', 'en']);
const SCRIPTS = new Set(['cyrl', 'latn']);
const SOURCES = new Set(['news', 'monitor']);
export const PARTS: ReadonlySet<string> = new Set(['tuning', 'heldout', ...FRESH_PARTS]);

export function parseManifest(content: string, file: string): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  const ids = new Set<string>();
  for (const { where, value: v } of parseJsonLines(content, file)) {
    const str = (k: string) => {
      if (typeof v[k] !== 'string' || !(v[k] as string).trim())
        throw inputError(`${where}: "${k}" must be a non-empty string`);
      return v[k] as string;
    };
    const int = (k: string) => {
      if (!Number.isInteger(v[k]) || (v[k] as number) < 0)
        throw inputError(`${where}: "${k}" must be an integer ≥ 0`);
      return v[k] as number;
    };
    const oneOf = (k: string, set: ReadonlySet<string>) => {
      if (!set.has(v[k] as string))
        throw inputError(`${where}: "${k}" must be one of ${[...set].join(', ')}`);
      return v[k] as string;
    };
    const id = str('id');
    if (ids.has(id)) throw inputError(`${where}: duplicate id ${id}`);
    ids.add(id);
    const start = int('start');
    const end = int('end');
    if (end <= start) throw inputError(`${where}: "end" must be after "start"`);
    if (!/^[0-9a-f]{64}$/.test(str('sha256'))) throw inputError(`${where}: "sha256" must be 64 hex digits`);
    if (typeof v.candidate !== 'boolean') throw inputError(`${where}: "candidate" must be true or false`);
    const category = v.category ?? null;
    const alsoFits = v.alsoFits ?? null;
    if (category !== null && !isCategoryId(category))
      throw inputError(`${where}: unknown category ${JSON.stringify(category)}`);
    if (alsoFits !== null && !isCategoryId(alsoFits))
      throw inputError(`${where}: unknown alsoFits ${JSON.stringify(alsoFits)}`);
    if (v.candidate && category === null) throw inputError(`${where}: a candidate needs a category`);
    if (!v.candidate && (category !== null || alsoFits !== null))
      throw inputError(`${where}: a non-candidate has no category`);
    if (alsoFits !== null && alsoFits === category)
      throw inputError(`${where}: "alsoFits" repeats "category"`);
    if (v.part !== undefined) oneOf('part', PARTS);
    if (v.group !== undefined && (typeof v.group !== 'string' || !v.group))
      throw inputError(`${where}: "group" must be a non-empty string`);
    out.push({
      id,
      url: str('url'),
      query: str('query'),
      rank: int('rank'),
      start,
      end,
      sha256: v.sha256 as string,
      lang: oneOf('lang', LANGS) as RealLang,
      script: oneOf('script', SCRIPTS) as RealScript,
      kind: oneOf('kind', KINDS) as ExcerptKind,
      source: oneOf('source', SOURCES) as SourceKind,
      candidate: v.candidate,
      category: category as CategoryId | null,
      alsoFits: alsoFits as CategoryId | null,
      labeller: str('labeller'),
      reason: str('reason'),
      ...(v.group !== undefined ? { group: v.group as string } : {}),
      ...(v.part !== undefined ? { part: v.part as Part } : {}),
    });
  }
  return out;
}

export function readManifest(file: string = MANIFEST_PATH): ManifestEntry[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(`cannot read the real dev set's manifest ${file}: ${(error as Error).message}`, error);
  }
  return parseManifest(content, file);
}

/** One manifest line, keys in a fixed order so that diffs stay readable. */
export function manifestLine(e: ManifestEntry): string {
  return JSON.stringify({
    id: e.id,
    url: e.url,
    query: e.query,
    rank: e.rank,
    start: e.start,
    end: e.end,
    sha256: e.sha256,
    lang: e.lang,
    script: e.script,
    kind: e.kind,
    source: e.source,
    candidate: e.candidate,
    category: e.category,
    alsoFits: e.alsoFits,
    labeller: e.labeller,
    reason: e.reason,
    ...(e.group ? { group: e.group } : {}),
    ...(e.part ? { part: e.part } : {}),
  });
}

// `soz doctor`: what this installation would use and what is missing, each with its fix. It reads every
// configuration file through the loader the program itself uses (so it reports the same error a crawl or
// the review server would), looks at the database without changing it, and asks the browser for its version.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClassifier, loadModel, loadNgramModel } from '../../classifiers/index.ts';
import { BLOCK_NAMES, CATEGORIES, CONFIG_DIR, describeError, PROJECT_ROOT } from '../../core/index.ts';
import {
  type ChromiumChoice,
  DEBIAN_CHROMIUM,
  findChromium,
  loadCourtConfig,
  loadCrawlConfig,
  loadSources,
  placeholderContact,
} from '../../crawlers/index.ts';
import {
  DIGEST_LANGS,
  isUiLang,
  loadDigestCommon,
  loadDigestWords,
  loadUiWording,
  UI_LANGS,
} from '../../pipeline/index.ts';
import { type DatabaseProbe, probeDatabase } from '../../storage/index.ts';

export type CheckStatus = 'ok' | 'warning' | 'error';

export interface DoctorCheck {
  /** Stable id for scripts: node, browser, database, config.sources … */
  readonly id: string;
  /** What was checked, as a person names it. */
  readonly label: string;
  /** error: something a command needs is missing or invalid (doctor exits non-zero). */
  readonly status: CheckStatus;
  /** What was found, in one line. */
  readonly summary: string;
  /** What to do about it (absent when all is well). */
  readonly fix?: string;
  /** Machine-readable facts (versions, paths, reasons) for --json. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface DoctorReport {
  /** False when any check is an error. */
  readonly ok: boolean;
  readonly checks: readonly DoctorCheck[];
}

export interface DoctorOptions {
  /** The global --db, if given. */
  readonly dbPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The configuration folder (tests point it at a copy); digest wording and lexicons are read from the program's own. */
  readonly configDir?: string;
  /** Where Debian's browser would be (tests point it elsewhere). */
  readonly debianChromium?: string;
  readonly nodeVersion?: string;
}

const run = promisify(execFile);

/** Whether `version` (x.y.z) satisfies a ">=x.y.z" range (the form package.json's engines field uses). */
export function satisfiesMinimum(version: string, range: string): boolean | null {
  const min = /^\s*>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range);
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!min || !have) return null;
  const a = [Number(have[1]), Number(have[2]), Number(have[3])];
  const b = [Number(min[1]), Number(min[2] ?? 0), Number(min[3] ?? 0)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

function checkNode(version: string): DoctorCheck {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
  const range = pkg.engines?.node ?? '>=20.0.0';
  const fits = satisfiesMinimum(version, range);
  const details = { version, required: range };
  if (fits === false) {
    return {
      id: 'node',
      label: 'Node.js',
      status: 'error',
      summary: `${version}, but package.json asks for ${range}`,
      fix: `install Node.js ${range.replace('>=', '')} or newer (nodejs.org, or your distribution's nodejs package), then run npm ci again`,
      details,
    };
  }
  return {
    id: 'node',
    label: 'Node.js',
    status: 'ok',
    summary: `${version} (package.json asks for ${range})`,
    details,
  };
}

/** Why findChromium chose this browser, in a sentence (doctor and the demo print it). */
export function whyBrowser(choice: ChromiumChoice, debian: string = DEBIAN_CHROMIUM): string {
  switch (choice.origin) {
    case 'SOZ_CHROMIUM':
      return 'SOZ_CHROMIUM is set (it comes first)';
    case 'debian':
      return `SOZ_CHROMIUM is not set and ${debian} exists (preferred to the bundled one: apt keeps it up to date)`;
    case 'bundled':
      return `SOZ_CHROMIUM is not set and ${debian} does not exist (the bundled one comes last)`;
  }
}

async function checkBrowser(env: NodeJS.ProcessEnv, debian: string): Promise<DoctorCheck> {
  const label = 'Browser';
  let choice: ChromiumChoice;
  try {
    choice = await findChromium({ env, debianPath: debian });
  } catch (error) {
    const chosen = env.SOZ_CHROMIUM?.trim();
    return {
      id: 'browser',
      label,
      status: 'error',
      summary: describeError(error),
      fix: chosen
        ? `point SOZ_CHROMIUM at a Chromium binary that exists, or unset it to use ${debian} or the bundled one`
        : 'run npm ci (it brings a Chromium inside @sparticuz/chromium), or apt-get install chromium, or set SOZ_CHROMIUM',
      details: { origin: null, preference: ['SOZ_CHROMIUM', debian, '@sparticuz/chromium'] },
    };
  }
  const why = whyBrowser(choice, debian);
  const details = {
    origin: choice.origin,
    executablePath: choice.executablePath,
    reason: why,
    preference: ['SOZ_CHROMIUM', debian, '@sparticuz/chromium'],
  };
  try {
    const { stdout } = await run(choice.executablePath, ['--version'], { timeout: 15_000 });
    const version = stdout.trim();
    return {
      id: 'browser',
      label,
      status: 'ok',
      summary: `${version}: ${choice.description}, because ${why}`,
      details: { ...details, version },
    };
  } catch (error) {
    return {
      id: 'browser',
      label,
      status: 'error',
      summary: `${choice.executablePath} was chosen (${why}) but does not start: ${describeError(error).split('\n')[0]}`,
      fix:
        choice.origin === 'bundled'
          ? 'the bundled Chromium lacks system libraries here: apt-get install chromium (it brings them, and becomes the browser used), or set SOZ_CHROMIUM'
          : `reinstall it (apt-get install --reinstall chromium) or point SOZ_CHROMIUM at a working Chromium`,
      details: { ...details, version: null },
    };
  }
}

function describeDatabase(p: DatabaseProbe): string {
  const which = p.kind === 'sqlite' ? `SQLite ${p.location}` : `PostgreSQL ${p.location}`;
  const by =
    p.chosenBy === 'default'
      ? 'the default; --db, SOZ_DB or DATABASE_URL choose another'
      : p.chosenBy === 'url'
        ? 'given'
        : `from ${p.chosenBy}`;
  return `${which} (${by})`;
}

async function checkDatabase(options: DoctorOptions, env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const probe = await probeDatabase({ path: options.dbPath, env });
  const base = { id: 'database', label: 'Database', details: { ...probe } };
  const which = describeDatabase(probe);
  if (!probe.exists) {
    return {
      ...base,
      status: 'ok',
      summary: `${which}: not created yet; the first command that needs it creates it at schema v${probe.knownVersion}`,
    };
  }
  if (!probe.reachable) {
    return {
      ...base,
      status: 'error',
      summary: `${which}: cannot be read (${probe.error})`,
      fix:
        probe.kind === 'postgres'
          ? 'start the PostgreSQL server, or correct DATABASE_URL (host, port, user, password, database name)'
          : 'this file is not a Soz Monitor database: move it away, or choose another file with --db PATH or SOZ_DB',
    };
  }
  const version = probe.schemaVersion ?? 0;
  if (version > probe.knownVersion) {
    return {
      ...base,
      status: 'error',
      summary: `${which}: schema v${version}, newer than this program knows (v${probe.knownVersion})`,
      fix: 'upgrade Soz Monitor (git pull, then npm ci) before using this database',
    };
  }
  const state =
    version === probe.knownVersion
      ? `schema v${version}, up to date`
      : version === 0
        ? `reachable, no tables yet; the first command creates schema v${probe.knownVersion}`
        : `schema v${version}; migrated to v${probe.knownVersion} when next opened`;
  return { ...base, status: 'ok', summary: `${which}: ${state}` };
}

/** One configuration check: the loader's own error becomes the summary, with the fix for that file. */
function configCheck(
  id: string,
  label: string,
  fix: string,
  check: () => {
    summary: string;
    warning?: { summary: string; fix: string };
    details?: Record<string, unknown>;
  },
): DoctorCheck {
  try {
    const r = check();
    if (r.warning)
      return {
        id,
        label,
        status: 'warning',
        summary: r.warning.summary,
        fix: r.warning.fix,
        details: r.details,
      };
    return { id, label, status: 'ok', summary: r.summary, details: r.details };
  } catch (error) {
    return { id, label, status: 'error', summary: describeError(error), fix };
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function checkConfig(dir: string): DoctorCheck[] {
  const rel = (f: string) => `config/${f}`;
  return [
    configCheck(
      'config.sources',
      rel('sources.json'),
      'correct the source and field named above (README, "Configuration": id, kind, url are required)',
      () => {
        const sources = loadSources(join(dir, 'sources.json'));
        const enabled = sources.filter((s) => s.enabled).length;
        if (enabled === 0) {
          return {
            summary: '',
            warning: {
              summary: `${sources.length} sources, none enabled: a crawl fetches no news`,
              fix: 'enable at least one source in config/sources.json',
            },
          };
        }
        return {
          summary: `${sources.length} news sources, ${enabled} enabled`,
          details: { sources: sources.length, enabled },
        };
      },
    ),
    configCheck(
      'config.crawl',
      rel('crawl.json'),
      'correct the field named above in config/crawl.json',
      () => {
        const crawl = loadCrawlConfig(join(dir, 'crawl.json'));
        const placeholder = placeholderContact(crawl.userAgent);
        const summary = `User-Agent "${crawl.userAgent}", ${crawl.ratePerSecond} requests/s per host, schedule ${crawl.schedule.cron} ${crawl.schedule.timezone}`;
        if (placeholder) {
          return {
            summary,
            warning: {
              summary: `the User-Agent still names the placeholder contact ${placeholder}`,
              fix: "put your own contact URL in config/crawl.json's userAgent: site owners use it to reach you",
            },
          };
        }
        return { summary };
      },
    ),
    configCheck(
      'config.court',
      rel('court.json'),
      'correct the field named above in config/court.json',
      () => {
        const court = loadCourtConfig(join(dir, 'court.json'));
        return {
          summary: `${court.sources.length} court portal(s): ${court.sources.map((s) => s.url).join(', ')}`,
        };
      },
    ),
    configCheck(
      'config.taxonomy',
      rel('taxonomy.json'),
      'give every category and block its name in en, ru and kk (ids as in ../shared/domain/taxonomy.md)',
      () => {
        const raw = JSON.parse(readFileSync(join(dir, 'taxonomy.json'), 'utf8')) as {
          categories?: { id: string; en?: string; ru?: string; kk?: string }[];
        };
        const ids = (raw.categories ?? []).map((c) => c.id);
        const known = CATEGORIES.map((c) => c.id as string);
        if (ids.join() !== known.join()) {
          throw new Error(
            `config/taxonomy.json: category ids ${ids.join(', ')} differ from the program's ${known.join(', ')}`,
          );
        }
        for (const c of raw.categories ?? []) {
          for (const lang of ['en', 'ru', 'kk'] as const) {
            if (!c[lang]?.trim())
              throw new Error(`config/taxonomy.json: category ${c.id} has no ${lang} name`);
          }
        }
        for (const [block, names] of Object.entries(BLOCK_NAMES)) {
          for (const lang of ['en', 'ru', 'kk'] as const)
            if (!names[lang]?.trim())
              throw new Error(`config/taxonomy.json: block ${block} has no ${lang} name`);
        }
        return {
          summary: `${ids.length} categories (${CATEGORIES.filter((c) => c.refines).length} finer 2024 ids), named in en, ru and kk`,
        };
      },
    ),
    configCheck(
      'config.lexicons',
      rel('lexicons/'),
      'correct the file named above (JSON syntax, or a category id that is not in the taxonomy)',
      () => {
        const folder = join(dir, 'lexicons');
        const files = jsonFiles(folder);
        for (const f of files) {
          try {
            JSON.parse(readFileSync(join(folder, f), 'utf8'));
          } catch (error) {
            throw new Error(`config/lexicons/${f}: not valid JSON (${describeError(error)})`);
          }
        }
        for (const lang of ['ru', 'kk', 'en']) {
          if (!files.includes(`${lang}.json`)) throw new Error(`config/lexicons/${lang}.json is missing`);
        }
        return { summary: `${files.length} files: ${files.join(', ')}` };
      },
    ),
    configCheck(
      'config.models',
      rel('model/ and classifier.json'),
      "rebuild the models: npm run train (classifier, from config/training and reviewers' labels) and npm run train:language",
      () => {
        const model = loadModel(join(dir, 'model', 'model.json'));
        loadNgramModel(join(dir, 'model', 'language-ngrams.json'));
        // Builds the classifier as a crawl would, with the thresholds and lexicons, around this model.
        createClassifier({ model });
        return {
          summary: `classifier model ${model.version}, language n-gram model, thresholds in classifier.json`,
        };
      },
    ),
    configCheck(
      'config.review',
      rel('review.json'),
      'correct the field named above in config/review.json',
      () => {
        const review = JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8')) as {
          server?: { defaultPort?: unknown; defaultHost?: unknown };
          ui?: { defaultLang?: unknown };
        };
        const port = review.server?.defaultPort;
        if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(
            `config/review.json: server.defaultPort must be a port number, not ${JSON.stringify(port)}`,
          );
        const lang = review.ui?.defaultLang ?? 'en';
        if (!isUiLang(lang))
          throw new Error(
            `config/review.json: ui.defaultLang must be ru, kk or en, not ${JSON.stringify(lang)}`,
          );
        return {
          summary: `review server on ${String(review.server?.defaultHost)}:${port}; pages in the account's or browser's language, else ${lang}`,
        };
      },
    ),
    configCheck(
      'config.reviewUi',
      rel('review-ui/'),
      'add the missing keys to config/review-ui/<lang>/<area>.json: every language needs every key of every area',
      () => {
        const wording = loadUiWording(join(dir, 'review-ui'));
        const en = new Set(Object.keys(wording.get('en') ?? {}));
        for (const lang of UI_LANGS) {
          const keys = new Set(Object.keys(wording.get(lang) ?? {}));
          const missing = [...en].filter((k) => !keys.has(k));
          const extra = [...keys].filter((k) => !en.has(k));
          if (missing.length)
            throw new Error(
              `config/review-ui/${lang} lacks ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
            );
          if (extra.length)
            throw new Error(
              `config/review-ui/${lang} has keys English lacks: ${extra.slice(0, 5).join(', ')}`,
            );
        }
        return { summary: `${en.size} wording keys in ${UI_LANGS.join(', ')}` };
      },
    ),
    configCheck(
      'config.digest',
      rel('digest/'),
      'restore the key named above in config/digest/<lang>.json (see docs/digest.md)',
      () => {
        for (const lang of DIGEST_LANGS) loadDigestWords(lang);
        loadDigestCommon();
        return { summary: `wording in ${DIGEST_LANGS.join(', ')}, and common.json` };
      },
    ),
  ];
}

export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const checks: DoctorCheck[] = [
    checkNode(options.nodeVersion ?? process.version),
    await checkBrowser(env, options.debianChromium ?? DEBIAN_CHROMIUM),
    await checkDatabase(options, env),
    ...checkConfig(options.configDir ?? CONFIG_DIR),
  ];
  return { ok: checks.every((c) => c.status !== 'error'), checks };
}

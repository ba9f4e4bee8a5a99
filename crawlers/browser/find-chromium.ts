// Which Chromium the court crawler, the browser tests and `soz doctor` use. In order of preference:
// SOZ_CHROMIUM (the deployer's choice), Debian's /usr/bin/chromium (kept up to date by apt), and last the
// Chromium shipped inside the @sparticuz/chromium npm package, so that `npm ci` alone gives a working
// browser. Nothing is ever downloaded: the bundled binary is only decompressed from the installed package.
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags every launch gets: no sandbox (we run as root in CI), and none of Chromium's calls home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// The bundled build is made for sandbox-less containers: without a zygote it starts where no setuid helper exists.
const BUNDLED_EXTRA_ARGS: readonly string[] = ['--no-zygote'];

export type ChromiumOrigin = 'SOZ_CHROMIUM' | 'debian' | 'bundled';

export interface ChromiumChoice {
  readonly executablePath: string;
  readonly args: readonly string[];
  readonly origin: ChromiumOrigin;
  /** A sentence for reports and `soz doctor`. */
  readonly description: string;
}

export interface FindChromiumOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where Debian's browser would be (tests point it elsewhere to exercise the fallback). */
  readonly debianPath?: string;
  /** Folder of the @sparticuz/chromium package; by default resolved from node_modules. */
  readonly bundledPackageDir?: string | null;
  /** Where the bundled binary is decompressed; by default node_modules/.cache/soz-chromium/<version>. */
  readonly cacheDir?: string;
}

export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';
}

/** The package's folder, or null when it is not installed. */
export function bundledChromiumPackageDir(): string | null {
  try {
    // The package exports only its entry point (build/index.js); its root is two folders up.
    return dirname(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))));
  } catch (error) {
    if (error instanceof Error && /Cannot find (package|module)/.test(error.message)) return null;
    throw error;
  }
}

/** The Chromium to launch. Decompresses the bundled one on first use (about 1.5 s, 210 MB on disk). */
export async function findChromium(options: FindChromiumOptions = {}): Promise<ChromiumChoice> {
  const env = options.env ?? process.env;
  const chosen = env.SOZ_CHROMIUM?.trim();
  if (chosen) {
    if (!existsSync(chosen)) {
      throw new ChromiumNotFoundError(`SOZ_CHROMIUM names ${chosen}, which does not exist`);
    }
    return {
      executablePath: chosen,
      args: CHROMIUM_ARGS,
      origin: 'SOZ_CHROMIUM',
      description: `${chosen} (from SOZ_CHROMIUM)`,
    };
  }
  const debian = options.debianPath ?? DEBIAN_CHROMIUM;
  if (existsSync(debian)) {
    return {
      executablePath: debian,
      args: CHROMIUM_ARGS,
      origin: 'debian',
      description: `${debian} (Debian's chromium)`,
    };
  }
  const packageDir =
    options.bundledPackageDir === undefined ? bundledChromiumPackageDir() : options.bundledPackageDir;
  const archive = packageDir ? join(packageDir, 'bin', 'chromium.br') : null;
  if (!packageDir || !archive || !existsSync(archive)) {
    throw new ChromiumNotFoundError(
      `no Chromium: SOZ_CHROMIUM is not set, ${debian} does not exist and the bundled @sparticuz/chromium is not installed (run npm ci, or apt-get install chromium, or set SOZ_CHROMIUM)`,
    );
  }
  const version = await bundledVersion(packageDir);
  const cacheDir = options.cacheDir ?? join(packageDir, '..', '..', '.cache', 'soz-chromium', version);
  const executablePath = join(cacheDir, 'chromium');
  if (!existsSync(executablePath)) await decompress(archive, executablePath);
  return {
    executablePath,
    args: [...CHROMIUM_ARGS, ...BUNDLED_EXTRA_ARGS],
    origin: 'bundled',
    description: `${executablePath} (@sparticuz/chromium ${version}, bundled with npm ci)`,
  };
}

async function bundledVersion(packageDir: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

// Several test files may start at once: each writes its own temporary file and renames it into place, so a
// reader never sees half a binary.
async function decompress(archive: string, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${Date.now()}.partial`;
  try {
    await pipeline(
      createReadStream(archive),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 }),
    );
    if (!existsSync(target)) renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

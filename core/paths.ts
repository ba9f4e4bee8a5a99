import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where package.json is), whatever the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG_DIR = resolve(PROJECT_ROOT, 'config');
/** The embedded database, relative to the working directory as the README promises. */
export const DEFAULT_DB_PATH = './data/soz.sqlite';
/** Material shared with the project: benchmarks, reference report. */
export const SHARED_DIR = resolve(PROJECT_ROOT, '..', 'shared');

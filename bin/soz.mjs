#!/usr/bin/env node
// The `soz` entry point: registers tsx so the TypeScript sources run without a build step.
import { register } from 'tsx/esm/api';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
process.env.CRAWLEE_LOG_LEVEL ??= 'WARNING';
register();
// Commands that crawl get the crawl's heap setting before any module is loaded (see limit-heap-growth.ts).
const args = process.argv.slice(2);
const command = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--db');
if (command === 'crawl' || command === 'schedule' || command === 'demo' || command === 'worker') {
  const { limitHeapGrowth } = await import('../crawlers/limit-heap-growth.ts');
  limitHeapGrowth();
}
const { main } = await import('../cli/main.ts');
process.exitCode = await main(args);

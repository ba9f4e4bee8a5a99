#!/usr/bin/env node
// The `soz` entry point: registers tsx so the TypeScript sources run without a build step.
import { register } from 'tsx/esm/api';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
process.env.CRAWLEE_LOG_LEVEL ??= 'WARNING';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

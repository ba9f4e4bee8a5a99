// `soz`: the command line. Global options come before the subcommand; each subcommand has its own --help.
import { createLogger, describeError, EXIT, SozError, usageError } from '../core/index.ts';
import { openStore, type Store } from '../storage/index.ts';
import { type Command, type CommandContext, parseCommandArgs } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { createProgress } from './progress.ts';

const GLOBAL_HELP = (
  commands: readonly Command[],
) => `Soz Monitor: watches Kazakhstan's news sites and court portal for violations of freedom of speech.

Usage: soz [--db PATH] <command> [options]   (global options may also follow the command)

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Global options:
  --db PATH    SQLite database file (default ./data/soz.sqlite, or $SOZ_DB;
               PostgreSQL when $DATABASE_URL is set and --db is not)
  -h, --help   show help; 'soz <command> --help' for a command
  --version    print the version

Exit codes: 0 ok, 1 the work failed, 2 bad arguments, 3 bad input data, 4 database error, 5 review conflict.`;

export function commandHelp(command: Command, prefix: string): string {
  const subs = command.subcommands?.length
    ? `\n\nSubcommands:\n${command.subcommands.map((s) => `  ${s.name.padEnd(10)} ${s.summary}`).join('\n')}`
    : '';
  return `${prefix}: ${command.summary}\n\n${command.help.trim()}${subs}`;
}

/**
 * Global options are taken wherever they stand, since `npm run crawl -- --db x.sqlite` puts them after the
 * command: `--db PATH` anywhere (up to a `--`); `--help` and `--version` before the command. Other flags
 * before the command (`soz --json items list`) are handed to the command, which accepts or names them.
 */
export function splitGlobals(argv: readonly string[]): {
  dbPath?: string;
  rest: string[];
  help: boolean;
  version: boolean;
} {
  const rest: string[] = [];
  const carried: string[] = [];
  let dbPath: string | undefined;
  let help = false;
  let version = false;
  let seenCommand = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--db') {
      const v = argv[i + 1];
      if (!v || v.startsWith('-')) throw usageError('--db needs a path');
      dbPath = v;
      i += 1;
      continue;
    }
    if (a.startsWith('--db=')) {
      dbPath = a.slice(5);
      if (!dbPath) throw usageError('--db needs a path');
      continue;
    }
    if (!seenCommand && a.startsWith('-')) {
      if (a === '-h' || a === '--help') help = true;
      else if (a === '--version') version = true;
      else carried.push(a);
      continue;
    }
    seenCommand = true;
    rest.push(a);
  }
  if (carried.length > 0 && !seenCommand) throw usageError(`unknown option ${carried[0]} (see 'soz --help')`);
  // `soz --help crawl` is the command's help.
  if (help && seenCommand) {
    carried.push('--help');
    help = false;
  }
  const end = rest.indexOf('--');
  if (end < 0) rest.push(...carried);
  else rest.splice(end, 0, ...carried);
  return { dbPath, rest, help, version };
}

/** Runs `soz` with the given arguments; returns the exit code. */
export async function main(
  argv: readonly string[],
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const logger = createLogger();
  let store: Store | undefined;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const globals = splitGlobals(argv);
    if (globals.version) {
      const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
      process.stdout.write(`soz ${pkg.version}\n`);
      return EXIT.ok;
    }
    let args = globals.rest;
    const name = args.shift();
    if (!name || globals.help) {
      process.stdout.write(`${GLOBAL_HELP(commands)}\n`);
      return name || globals.help ? EXIT.ok : EXIT.usage;
    }
    let command = commands.find((c) => c.name === name);
    let prefix = `soz ${name}`;
    if (!command)
      throw usageError(`unknown command '${name}' (commands: ${commands.map((c) => c.name).join(', ')})`);
    // Walk down subcommands: `soz review list ...`.
    while (command.subcommands?.length && args[0] && !args[0].startsWith('-')) {
      const subName: string = args[0];
      const sub: Command | undefined = command.subcommands.find((s) => s.name === subName);
      if (!sub) {
        throw usageError(
          `unknown subcommand '${subName}' of ${prefix} (one of: ${command.subcommands.map((s) => s.name).join(', ')})`,
        );
      }
      command = sub;
      prefix = `${prefix} ${subName}`;
      args = args.slice(1);
    }
    if (args.includes('--help') || args.includes('-h') || !command.run) {
      process.stdout.write(`${commandHelp(command, prefix)}\n`);
      return command.run ? EXIT.ok : args.length === 0 && !command.run ? EXIT.usage : EXIT.ok;
    }
    const parsed = parseCommandArgs(command, args, prefix);
    const ctx: CommandContext = {
      values: parsed.values as CommandContext['values'],
      positionals: parsed.positionals,
      dbPath: globals.dbPath,
      openStore: async () => {
        store ??= await openStore({ path: globals.dbPath });
        return store;
      },
      logger,
      progress: (label, total) => createProgress(label, total),
      out: (line) => process.stdout.write(`${line}\n`),
      stdin: process.stdin,
      signal: abort.signal,
    };
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof SozError) {
      process.stderr.write(`soz: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`soz: unexpected error: ${describeError(error)}\n`);
    if (process.env.SOZ_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.failure;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store?.close();
  }
}

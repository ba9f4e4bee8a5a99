// What a `soz` subcommand is: a name, its help, its options (node's parseArgs), and a run function.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Logger } from '../core/index.ts';
import { usageError } from '../core/index.ts';
import type { Store } from '../storage/index.ts';
import type { Progress } from './progress.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** Values of the command's options, and the positional arguments. */
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: readonly string[];
  /** The global `--db PATH`, if given. */
  readonly dbPath: string | undefined;
  /** Opens the database once (lazily: commands that need none never touch it). */
  openStore(): Promise<Store>;
  readonly logger: Logger;
  /** A progress bar on a terminal, plain lines otherwise; always on stderr. */
  progress(label: string, total?: number): Progress;
  /** Machine-readable output: stdout alone. */
  out(line: string): void;
  readonly stdin: NodeJS.ReadableStream;
  /** Lets long-running commands (servers, schedules) stop cleanly. */
  readonly signal: AbortSignal;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage lines and option descriptions, shown by `--help`. */
  readonly help: string;
  readonly options?: OptionSpec;
  readonly allowPositionals?: boolean;
  /** Subcommands (`soz review list`), dispatched before options are parsed. */
  readonly subcommands?: readonly Command[];
  run?(ctx: CommandContext): Promise<number>;
}

export function parseCommandArgs(command: Command, args: readonly string[], prefix: string) {
  try {
    return parseArgs({
      args: [...args],
      options: command.options ?? {},
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message
      .replace(/\. To specify a positional.*$/s, '')
      .replace(/\s+/g, ' ');
    throw usageError(`${prefix}: ${message} (see '${prefix} --help')`);
  }
}

/** Reads a string option, throwing a usage error naming it when it is required and missing. */
export function stringOption(ctx: CommandContext, name: string, required: true): string;
export function stringOption(ctx: CommandContext, name: string, required?: false): string | undefined;
export function stringOption(ctx: CommandContext, name: string, required = false): string | undefined {
  const v = ctx.values[name];
  if (Array.isArray(v)) return String(v[v.length - 1]);
  if (typeof v === 'string') return v;
  if (required) throw usageError(`--${name} is required`);
  return undefined;
}

export function listOption(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

export function intOption(ctx: CommandContext, name: string, fallback: number, min = 0): number {
  const v = stringOption(ctx, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw usageError(`--${name}: "${v}" is not a whole number of at least ${min}`);
  return n;
}

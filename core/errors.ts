// Errors a user can act on. The CLI prints `message` on one line and exits with `exitCode`.

export const EXIT = {
  ok: 0,
  /** The work ran but failed (every source failed, a server error). */
  failure: 1,
  /** Bad arguments: unknown subcommand or option, invalid month. */
  usage: 2,
  /** Bad input data: a missing or malformed file, an invalid row. */
  input: 3,
  /** The database could not be opened or migrated. */
  database: 4,
  /** A review conflict: someone else changed the record first. */
  conflict: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class SozError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.failure, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SozError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string) => new SozError(message, EXIT.usage);
export const inputError = (message: string, cause?: unknown) => new SozError(message, EXIT.input, { cause });
export const databaseError = (message: string, cause?: unknown) =>
  new SozError(message, EXIT.database, { cause });

/** A short description of any thrown value, for one-line messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

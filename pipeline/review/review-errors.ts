// Errors of review decisions that a reviewer can act on; the server maps them to 403/409, the CLI to exit codes.
// Each carries a UiReason: the key of its wording in config/review-ui/<lang>/errors.json and the values to
// fill in, so the review UI says it in the reviewer's language while the CLI keeps the English message.
import { EXIT, SozError } from '../../core/index.ts';

export interface UiReason {
  /** A key of the errors area (errors.<key>). */
  readonly key: string;
  readonly vars?: Readonly<Record<string, string | number>>;
}

/** A decision or form the reviewer can correct (a missing reason, a field that does not parse). */
export class ReviewInputError extends SozError {
  constructor(
    message: string,
    readonly reason: UiReason,
  ) {
    super(message, EXIT.input);
    this.name = 'ReviewInputError';
  }
}

/** An input error with the English `message` for the CLI and the wording key for the UI. */
export const reviewInputError = (message: string, key: string, vars?: UiReason['vars']) =>
  new ReviewInputError(message, { key, vars });

/** The candidate was decided already (by anyone): deciding again would overwrite that decision. */
export class AlreadyDecided extends SozError {
  constructor(
    message: string,
    readonly reason?: UiReason,
  ) {
    super(message, EXIT.conflict);
    this.name = 'AlreadyDecided';
  }
}

/** A dataset entry changed since the editor opened it. */
export class EntryConflict extends SozError {
  constructor(
    message: string,
    readonly reason?: UiReason,
  ) {
    super(message, EXIT.conflict);
    this.name = 'EntryConflict';
  }
}

/** The account may not do this (a reviewer undoing someone else's decision, editing an entry). */
export class ReviewForbidden extends SozError {
  constructor(
    message: string,
    readonly reason?: UiReason,
  ) {
    super(message, EXIT.usage);
    this.name = 'ReviewForbidden';
  }
}

/** The UI wording of an error, when it has one. */
export function uiReasonOf(error: unknown): UiReason | null {
  if (
    error instanceof ReviewInputError ||
    error instanceof AlreadyDecided ||
    error instanceof EntryConflict ||
    error instanceof ReviewForbidden
  ) {
    return error.reason ?? null;
  }
  return null;
}

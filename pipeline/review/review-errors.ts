// Errors of review decisions that a reviewer can act on; the server maps them to 403/409, the CLI to exit codes.
import { EXIT, SozError } from '../../core/index.ts';

/** The candidate was decided already (by anyone): deciding again would overwrite that decision. */
export class AlreadyDecided extends SozError {
  constructor(message: string) {
    super(message, EXIT.conflict);
    this.name = 'AlreadyDecided';
  }
}

/** A dataset entry changed since the editor opened it. */
export class EntryConflict extends SozError {
  constructor(message: string) {
    super(message, EXIT.conflict);
    this.name = 'EntryConflict';
  }
}

/** The account may not do this (a reviewer undoing someone else's decision, editing an entry). */
export class ReviewForbidden extends SozError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'ReviewForbidden';
  }
}

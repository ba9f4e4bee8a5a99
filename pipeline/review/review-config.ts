// Server, login and password settings of config/review.json, typed.
import reviewJson from '../../config/review.json' with { type: 'json' };
import type { UiLang } from '../../core/index.ts';

export interface ReviewConfig {
  readonly server: {
    readonly defaultPort: number;
    readonly defaultHost: string;
    readonly pageSize: number;
    readonly entriesPageSize: number;
    readonly sessionHours: number;
    readonly maxBodyBytes: number;
    /** The address reviewers open when the servers sit behind a proxy (https makes cookies Secure). */
    readonly publicUrl?: string | null;
  };
  readonly login: {
    /** Failures per account name before it is locked. */
    readonly maxAttempts: number;
    /** Failures per client address (an office may share one) before it is locked. */
    readonly maxAttemptsPerAddress: number;
    readonly windowSeconds: number;
    readonly lockSeconds: number;
  };
  /** The UI language when neither the account, the browser's choice nor its Accept-Language settle it. */
  readonly ui?: { readonly defaultLang: UiLang };
  readonly password: {
    readonly minLength: number;
    readonly scryptN: number;
    readonly scryptR: number;
    readonly scryptP: number;
    readonly keyLength: number;
  };
}

export const REVIEW_CONFIG: ReviewConfig = reviewJson as ReviewConfig;

import type { Kysely } from 'kysely';
import type { DialectTraits } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations build tables before the typed schema exists
export type AnyDb = Kysely<any>;

/** A forward-only schema change, shared by both dialects. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: AnyDb, traits: DialectTraits): Promise<void>;
}

// `soz dataset import`: validates every row, then stores all of them in one transaction, or none.
import type { DatasetEntry } from '../../core/index.ts';
import { compareCaseEntries, inputError } from '../../core/index.ts';
import { existingCaseIds, insertCase, type Store, upsertEntries } from '../../storage/index.ts';
import { newCaseFacts } from '../cases/case-facts.ts';
import type { RawRow } from './dataset-fields.ts';
import { readDatasetFile } from './read-dataset-file.ts';
import { assignStableIds } from './stable-entry-id.ts';
import { type DatasetRowError, type ValidatedEntry, validateDatasetRow } from './validate-dataset-row.ts';

export interface ValidatedDataset {
  readonly entries: readonly DatasetEntry[];
  /** Row numbers of the valid entries, parallel to `entries`. */
  readonly rows: readonly number[];
  readonly errors: readonly DatasetRowError[];
}

/** Validates raw rows; a second row with an id already used in the file is an error on that row. */
export function validateDatasetRows(raw: readonly RawRow[]): ValidatedDataset {
  const valid: ValidatedEntry[] = [];
  const rows: number[] = [];
  const errors: DatasetRowError[] = [];
  const idRows = new Map<string, number>();
  for (const r of raw) {
    const result = validateDatasetRow(r);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const id = result.entry.id;
    if (id !== null) {
      const first = idRows.get(id);
      if (first !== undefined) {
        errors.push({ row: r.row, field: 'id', message: `"${id}" is already used by row ${first}` });
        continue;
      }
      idRows.set(id, r.row);
    }
    valid.push(result.entry);
    rows.push(r.row);
  }
  return { entries: assignStableIds(valid), rows, errors };
}

export function describeRowError(file: string, e: DatasetRowError): string {
  return `${file}: row ${e.row}, field ${e.field}: ${e.message}`;
}

export interface ImportResult {
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows left out because they were invalid (only with skipInvalid). */
  readonly skipped: readonly DatasetRowError[];
}

export async function importDataset(
  store: Store,
  path: string,
  options: { readonly skipInvalid?: boolean } = {},
): Promise<ImportResult> {
  const raw = await readDatasetFile(path);
  const { entries, errors } = validateDatasetRows(raw);
  if (errors.length > 0 && !options.skipInvalid) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    const first = errors[0]!;
    const more =
      errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
    const err = inputError(
      `${describeRowError(path, first)}${more}; ${badRows} invalid row${badRows > 1 ? 's' : ''}, nothing imported (--skip-invalid imports the valid rows)`,
    );
    Object.assign(err, { rowErrors: errors });
    throw err;
  }
  const counts = await upsertEntries(store, entries, 'import', (db) => createNamedCases(store, entries, db));
  return { rows: raw.length, ...counts, skipped: errors };
}

/** The cases a file names that do not exist yet are created, each from its earliest row. */
async function createNamedCases(store: Store, entries: readonly DatasetEntry[], db: Store['db']) {
  const named = new Map<string, DatasetEntry[]>();
  for (const e of entries) if (e.caseId) named.set(e.caseId, [...(named.get(e.caseId) ?? []), e]);
  if (named.size === 0) return;
  const known = await existingCaseIds(store, [...named.keys()], db);
  for (const [id, rows] of named) {
    if (known.has(id)) continue;
    const first = [...rows].sort(compareCaseEntries)[0]!;
    const charge = rows.find((r) => r.block === 'C') ?? first;
    await insertCase(store, newCaseFacts({ ...first, category: charge.category }, id, 'import'), db);
  }
}

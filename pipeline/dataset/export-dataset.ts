// `soz dataset export`: the entries of a month, a year or a date range, in any import format.
import { type EntryFilter, listEntries, type Store } from '../../storage/index.ts';
import type { DatasetFormat } from './read-dataset-file.ts';
import { formatDataset } from './write-dataset-file.ts';

export type ExportRange =
  | { readonly kind: 'all' }
  | { readonly kind: 'month'; readonly month: string }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'dates'; readonly from?: string; readonly to?: string };

function filterOf(range: ExportRange): EntryFilter {
  switch (range.kind) {
    case 'all':
      return {};
    case 'month':
      return { fromMonth: range.month, toMonth: range.month };
    case 'year':
      return { fromMonth: `${range.year}-01`, toMonth: `${range.year}-12` };
    case 'dates':
      // Event dates are stored as YYYY-MM-DD, so a date range compares as text.
      return { fromDate: range.from, toDate: range.to };
  }
}

export async function exportDataset(
  store: Store,
  range: ExportRange,
  format: DatasetFormat,
): Promise<{ readonly count: number; readonly bytes: Buffer }> {
  const entries = await listEntries(store, filterOf(range));
  return { count: entries.length, bytes: await formatDataset(entries, format) };
}

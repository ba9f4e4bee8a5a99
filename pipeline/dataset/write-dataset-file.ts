// Writes entries in any import format, with the import's fields, so that an export imports back unchanged.
import ExcelJS from 'exceljs';
import type { DatasetEntry } from '../../core/index.ts';
import { formatCsv } from './csv.ts';
import { DATASET_FIELDS, entryToFlatRow, entryToRow } from './dataset-fields.ts';
import type { DatasetFormat } from './read-dataset-file.ts';

export async function formatDataset(
  entries: readonly DatasetEntry[],
  format: DatasetFormat,
): Promise<Buffer> {
  if (format === 'jsonl') {
    return Buffer.from(entries.map((e) => JSON.stringify(entryToRow(e)) + '\n').join(''), 'utf8');
  }
  if (format === 'json') {
    return Buffer.from(JSON.stringify(entries.map(entryToRow), null, 2) + '\n', 'utf8');
  }
  const header = [...DATASET_FIELDS];
  const rows = entries.map((e) => {
    const flat = entryToFlatRow(e);
    return DATASET_FIELDS.map((f) => flat[f]);
  });
  if (format === 'csv') return Buffer.from(formatCsv([header, ...rows]), 'utf8');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('dataset');
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  // Every cell is written as text: Excel would otherwise turn "2020-08" into a date and ids into numbers.
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((col) => {
    col.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Reads a dataset file into raw rows, choosing the format by the file's extension.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { describeError, inputError } from '../../core/index.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import type { RawRow, RawValue } from './dataset-fields.ts';

export type DatasetFormat = 'jsonl' | 'json' | 'csv' | 'xlsx';
export const DATASET_FORMATS: readonly DatasetFormat[] = ['jsonl', 'json', 'csv', 'xlsx'];

export function formatOfPath(path: string): DatasetFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw inputError(`${path}: unknown dataset format "${ext}" (use .jsonl, .json, .csv or .xlsx)`);
}

function objectRow(value: unknown, row: number, path: string): RawRow {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw inputError(`${path}: row ${row}: expected an object with the dataset fields`);
  }
  return { row, values: value as Record<string, RawValue> };
}

function parseJsonLines(text: string, path: string): RawRow[] {
  const rows: RawRow[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw inputError(`${path}: row ${i + 1}: not valid JSON (${describeError(error)})`);
    }
    rows.push(objectRow(value, i + 1, path));
  }
  return rows;
}

function parseJsonArray(text: string, path: string): RawRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError(`${path}: not valid JSON (${describeError(error)})`);
  }
  if (!Array.isArray(value)) throw inputError(`${path}: expected a JSON array of entries`);
  return value.map((v, i) => objectRow(v, i + 1, path));
}

/** Rows of a header + cells table; blank cells are left out so that they read as "not given". */
function tableRows(
  header: readonly string[],
  records: readonly { line: number; cells: readonly RawValue[] }[],
) {
  return records.map(({ line, cells }) => {
    const values: Record<string, RawValue> = {};
    for (const [i, name] of header.entries()) {
      if (name === '') continue;
      const cell = cells[i];
      if (cell !== undefined && cell !== null && cell !== '') values[name] = cell;
    }
    for (let i = header.length; i < cells.length; i++) {
      if (cells[i] !== undefined && cells[i] !== '') values[`column ${i + 1}`] = cells[i];
    }
    return { row: line, values };
  });
}

function parseCsvRows(text: string, path: string): RawRow[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw inputError(`${path}: row ${error.line}: ${error.message}`);
    throw error;
  }
  const [head, ...rest] = records;
  if (!head) return [];
  return tableRows(
    head.cells.map((c) => c.trim()),
    rest,
  );
}

function cellValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  return String(v);
}

async function parseXlsx(bytes: Buffer, path: string): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw inputError(`${path}: not a readable XLSX workbook (${describeError(error)})`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const records: { line: number; cells: RawValue[] }[] = [];
  let header: string[] = [];
  const dateCells = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      if (value instanceof Date) dateCells.add(`${rowNumber}:${c - 1}`);
      cells.push(cellValue(value));
    }
    if (header.length === 0)
      header = cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    else records.push({ line: rowNumber, cells });
  });
  // Excel turns a typed "2020-08" into a date (1 August 2020): read it back as the month it was.
  const monthColumn = header.indexOf('month');
  if (monthColumn >= 0) {
    for (const r of records) {
      const v = r.cells[monthColumn];
      if (typeof v === 'string' && /^\d{4}-\d{2}-01$/.test(v) && dateCells.has(`${r.line}:${monthColumn}`)) {
        r.cells[monthColumn] = v.slice(0, 7);
      }
    }
  }
  return tableRows(header, records);
}

export async function readDatasetFile(path: string): Promise<RawRow[]> {
  const format = formatOfPath(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw inputError(`${path}: cannot read the file (${describeError(error)})`);
  }
  if (format === 'xlsx') return parseXlsx(bytes, path);
  const text = bytes.toString('utf8');
  if (format === 'jsonl') return parseJsonLines(text, path);
  if (format === 'json') return parseJsonArray(text, path);
  return parseCsvRows(text, path);
}

/**
 * Excel in and out (rosters, statistics, bulk imports), with exceljs loaded only when a workbook is actually
 * read or written: it is an external dependency of the function (see its package.json), so the other calls
 * never pay for loading it. Exports go to cloud storage and leave as a short-lived link for staff of that scope.
 */
import type ExcelJS from 'exceljs';
import { getCloud } from '../db';
import { functionNow } from '../lib/clock';
import { recordExport } from './files';

export type SheetRow = Record<string, string | number | null | undefined>;

export interface SheetSpec {
  name: string;
  columns: Array<{ header: string; key: string; width?: number }>;
  /** An array, or rows produced as they are written (e.g. read page by page): only one row is held at a time. */
  rows: Iterable<SheetRow> | AsyncIterable<SheetRow>;
}

function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

/**
 * Writes the workbook with exceljs's streaming writer: each row is turned into sheet XML and compressed as it
 * is added, then dropped, so the heap holds about one row of cells instead of the whole workbook model (a
 * 10,000-row roster needed more than the function's 256 MB that way; `npm run bench:export` prints the
 * figures). Strings are written inline (no shared-string table kept in memory). The finished file is a Buffer,
 * outside the JavaScript heap.
 */
export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    for await (const row of spec.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Rows of the first sheet of an .xlsx or .csv file as arrays of cell texts (header row included). */
export async function readRows(content: Buffer, kind: 'xlsx' | 'csv'): Promise<string[][]> {
  const { Readable } = await import('node:stream');
  const workbook = new (excel().Workbook)();
  const sheet =
    kind === 'xlsx'
      ? (await workbook.xlsx.load(content as unknown as ArrayBuffer)).worksheets[0]
      : await workbook.csv.read(Readable.from([content.toString('utf8').replace(/^\uFEFF/, '')]));
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i += 1) cells.push(row.getCell(i).text.trim());
    rows.push(cells);
  });
  return rows;
}

/** One cell of an uploaded sheet: its text, and whether Excel computes it (a formula: imports refuse those). */
export interface SheetCell {
  text: string;
  formula: boolean;
}

/** A non-empty row of an uploaded sheet, with its row number in the file (1 = the header). */
export interface ReadRow {
  number: number;
  cells: SheetCell[];
}

/**
 * The first sheet's rows as cells (header row included), reading at most `maxRows` rows: an .xlsx is streamed
 * and reading stops there, so a file of 50,000 rows costs no more than one of `maxRows` (loading it whole
 * would outlast the function's timeout). `truncated` says the file had more. In a .csv a cell starting with
 * `=` counts as a formula (spreadsheet programs run it when the file is opened).
 */
export async function readCells(
  content: Buffer,
  kind: 'xlsx' | 'csv',
  maxRows: number,
): Promise<{ rows: ReadRow[]; truncated: boolean }> {
  if (kind === 'csv') {
    const all = await readRows(content, 'csv');
    const rows = all
      .slice(0, maxRows)
      .map((r, i) => ({ number: i + 1, cells: r.map((text) => ({ text, formula: text.startsWith('=') })) }));
    return { rows, truncated: all.length > maxRows };
  }
  const { Readable } = await import('node:stream');
  const ExcelJSModule = excel();
  const reader = new ExcelJSModule.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
  } as never);
  const rows: ReadRow[] = [];
  let truncated = false;
  const formulaType = ExcelJSModule.ValueType.Formula;
  outer: for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const row of sheet) {
      if (rows.length >= maxRows) {
        truncated = true;
        break outer;
      }
      const cells: SheetCell[] = [];
      for (let i = 1; i <= row.cellCount; i += 1) {
        const cell = row.getCell(i);
        cells.push({ text: (cell.text ?? '').trim(), formula: cell.type === formulaType });
      }
      if (cells.some((c) => c.text || c.formula)) rows.push({ number: row.number, cells });
    }
    break; // the first sheet only
  }
  return { rows, truncated };
}

/**
 * Stores an export under `exports/<folder>/<name>.xlsx` and returns a link that works for `maxAgeSeconds`
 * (the app opens it with downloadFile + openDocument on weapp, a download on H5). The file itself is deleted
 * by the cron after a day (shared/files.ts deleteExpiredExports).
 */
export async function saveExport(
  content: Buffer,
  folder: string,
  name: string,
  maxAgeSeconds = 600,
): Promise<{ fileID: string; url: string; expiresAt: string }> {
  const cloud = getCloud();
  const now = functionNow();
  const safe = name.replace(/[^\w\u4e00-\u9fff.-]+/g, '_').slice(0, 80);
  const random = Math.random().toString(36).slice(2, 8);
  const cloudPath = `exports/${folder}/${now.getTime().toString(36)}${random}-${safe}.xlsx`;
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  // Recorded before any link leaves (the SDK cannot list storage: this record is how the cron finds the file).
  await recordExport(fileID, now);
  const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })) as {
    fileList: Array<{ tempFileURL: string }>;
  };
  return {
    fileID,
    url: res.fileList[0]?.tempFileURL ?? '',
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
  };
}

/** Downloads a file the caller uploaded (checked by the caller with checkOwnUpload) into memory. */
export async function downloadUpload(fileID: string): Promise<Buffer> {
  const res = (await getCloud().downloadFile({ fileID })) as { fileContent: Buffer };
  return res.fileContent;
}

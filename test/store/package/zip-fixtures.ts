import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { RelacjeError, type ErrorCode } from '../../../src/core/errors';
import { writeZipAtomically, type ZipOutputEntry } from '../../../src/store/xlsx/package/zip-writer';

/** A workbook as ExcelJS writes one: a table on a sheet, styles, a second sheet, shared strings. */
export async function excelJsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const clients = workbook.addWorksheet('Klienci');
  clients.addTable({
    name: 'tClients',
    ref: 'A1',
    columns: [{ name: 'Nazwa' }, { name: 'NIP' }, { name: 'Miasto' }],
    rows: Array.from({ length: 200 }, (_, i) => [`Firma ${i} sp. z o.o.`, `${5260000000 + i}`, 'Łódź']),
  });
  clients.getCell('E1').value = { formula: 'COUNTA(A:A)' };
  clients.getCell('A1').font = { bold: true };
  workbook.addWorksheet('Notatki').getCell('B2').value = 'zażółć gęślą jaźń';
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A fresh folder for one test, removed after it. */
export function temporaryFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-zip-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The bytes of a package written by `writeZipAtomically`, limits off unless given. */
export async function zipBytes(
  dir: string,
  entries: ZipOutputEntry[],
  limits: { maxRatio?: number; maxEntryBytes?: number } = { maxRatio: Infinity },
): Promise<Buffer> {
  const file = path.join(dir, `built-${Math.random().toString(36).slice(2)}.zip`);
  await writeZipAtomically(file, entries, { limits, modified: new Date(2026, 0, 2, 3, 4, 6) });
  return readFileSync(file);
}

/** Where the central directory header of `name` starts. */
export function centralHeaderOf(zip: Buffer, name: string): number {
  const signature = Buffer.from('PK\x01\x02', 'latin1');
  for (let offset = zip.indexOf(signature); offset >= 0; offset = zip.indexOf(signature, offset + 1)) {
    const length = zip.readUInt16LE(offset + 28);
    if (zip.toString('utf8', offset + 46, offset + 46 + length) === name) return offset;
  }
  throw new Error(`no ${name}`);
}

/** The error `run` throws, checked to be a RelacjeError of `code`. */
export function relacjeErrorOf<C extends ErrorCode>(code: C, run: () => unknown): RelacjeError<C> {
  try {
    run();
  } catch (error) {
    return ofCode(code, error);
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

/** The error reading `pieces` to the end throws, checked to be a RelacjeError of `code`. */
export async function streamErrorOf<C extends ErrorCode>(
  code: C,
  pieces: AsyncIterable<Buffer> | undefined,
): Promise<RelacjeError<C>> {
  try {
    for await (const piece of pieces!) expect(piece).toBeInstanceOf(Buffer);
  } catch (error) {
    return ofCode(code, error);
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

function ofCode<C extends ErrorCode>(code: C, error: unknown): RelacjeError<C> {
  expect(error).toBeInstanceOf(RelacjeError);
  expect((error as RelacjeError).code).toBe(code);
  return error as RelacjeError<C>;
}

export async function* slowly<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

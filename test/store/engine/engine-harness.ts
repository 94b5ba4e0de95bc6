import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createXlsxWorkbook } from '../../../src/store/xlsx/xlsx-store';
import { ZipEntries } from '../../../src/store/xlsx/zip-entries';

/** A fresh folder for one test. */
export function temporaryDir(prefix = 'relacje-engine-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * What a crash leaves: the .xlsx and its journal as they are on disk now, copied to a folder of
 * their own (the process that wrote them still holds its lock on the originals).
 */
export function crashCopy(file: string, dir: string): string {
  const copy = path.join(dir, `after-crash-${Math.random().toString(36).slice(2)}.xlsx`);
  copyFileSync(file, copy);
  if (existsSync(`${file}.journal`)) copyFileSync(`${file}.journal`, `${copy}.journal`);
  return copy;
}

/** Every part of the package, inflated, as text. */
export function partsOf(file: string): Map<string, string> {
  const zip = new ZipEntries(readFileSync(file));
  return new Map(zip.names().map((name) => [name, zip.read(name)!.toString('utf8')]));
}

/** Each part's stored (compressed) bytes, to tell copied parts from rewritten ones. */
export function rawPartsOf(file: string): Map<string, Buffer> {
  const zip = new ZipEntries(readFileSync(file));
  return new Map(zip.names().map((name) => [name, Buffer.from(zip.raw(name)!)]));
}

/** The name of the sheet part holding table `tableName`. */
export function sheetPartOfTable(parts: Map<string, string>, tableName: string): string {
  const tablePart = [...parts.keys()].find(
    (name) => name.startsWith('xl/tables/') && parts.get(name)!.includes(`name="${tableName}"`),
  );
  if (!tablePart) throw new Error(`no table part for ${tableName}`);
  const target = `../tables/${path.posix.basename(tablePart)}`;
  const rels = [...parts.keys()].find(
    (name) => name.startsWith('xl/worksheets/_rels/') && parts.get(name)!.includes(target),
  );
  if (!rels) throw new Error(`no sheet lists ${tablePart}`);
  return `xl/worksheets/${path.posix.basename(rels, '.rels')}`;
}

/** Folds happen when a test asks for them, never in its middle because writes paused. */
export const NO_IDLE_FOLD = { foldAfterIdleMs: 3_600_000 };

/** A new empty product workbook in a folder of its own for each test of the calling `describe`. */
export function useFreshWorkbook(): { readonly dir: string; readonly file: string } {
  let folder: ReturnType<typeof temporaryDir>;
  let file = '';
  beforeEach(async () => {
    folder = temporaryDir();
    file = path.join(folder.dir, 'firma.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
  });
  afterEach(() => folder.remove());
  return {
    get dir() {
      return folder.dir;
    },
    get file() {
      return file;
    },
  };
}

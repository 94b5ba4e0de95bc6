import { readFileSync } from 'node:fs';
import type { Locale } from '../../src/core/i18n';
import type { NewRecord } from '../../src/store/port';
import { readWorkbookStructure } from '../../src/store/xlsx/engine/workbook-structure';
import { readTablePart } from '../../src/store/xlsx/package/table-part';
import { writeZipAtomically } from '../../src/store/xlsx/package/zip-writer';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { ZipEntries } from '../../src/store/xlsx/zip-entries';
import { clientRecord } from '../contract/store-contract';

// Workbooks written by the product, then damaged at the package level the way other programs,
// older versions or users leave them; shared by the CLI and the workbook format tests.

export const CLIENTS: readonly NewRecord[] = [
  clientRecord(1, { city: 'Toruń', email: 'biuro@torun.example.pl' }),
  clientRecord(2, { city: 'Olsztyn', email: 'kontakt@olsztyn.example.pl' }),
  clientRecord(3, { city: 'Gniezno' }),
];

/** A workbook written by the product, with `clients`. */
export async function productWorkbook(
  file: string,
  locale: Locale = 'pl',
  clients: readonly NewRecord[] = CLIENTS,
): Promise<void> {
  await createXlsxWorkbook(file, { locale });
  const store = await openXlsxStore(file);
  await store.append('clients', [...clients]);
  await store.close();
}

export async function readAllOf(file: string) {
  const store = await openXlsxStore(file, { readOnly: true });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

/** Where a table lives in the package: its sheet part and its table part. */
export function tablePartsOf(file: string, tableName: string): { sheet: string; table: string } {
  const zip = new ZipEntries(readFileSync(file));
  for (const sheet of readWorkbookStructure(zip).sheets) {
    for (const table of sheet.tableParts) {
      if (readTablePart(zip.read(table)!.toString('utf8')).name === tableName) {
        return { sheet: sheet.part, table };
      }
    }
  }
  throw new Error(`no table ${tableName}`);
}

/** What a table's part says now. */
export function tableInfoOf(file: string, tableName: string): ReturnType<typeof readTablePart> {
  return readTablePart(partText(file, tablePartsOf(file, tableName).table));
}

export function partText(file: string, part: string): string {
  return new ZipEntries(readFileSync(file)).read(part)!.toString('utf8');
}

/** Rewrites parts of the package as a damaged file would have them; every other part is copied. */
export async function damagePackage(
  file: string,
  edits: Record<string, (xml: string) => string>,
): Promise<void> {
  const zip = new ZipEntries(readFileSync(file));
  const edited = new Map(
    Object.entries(edits).map(([name, edit]) => [name, edit(zip.read(name)!.toString('utf8'))]),
  );
  for (const [name, xml] of edited) {
    if (xml === zip.read(name)!.toString('utf8')) throw new Error(`${name} unchanged`);
  }
  await writeZipAtomically(
    file,
    zip
      .names()
      .map((name) => (edited.has(name) ? { name, content: edited.get(name)! } : { name, copyFrom: zip })),
  );
}

/** The XML of one sheet row, as written. */
export function rowOf(xml: string, row: number): string {
  const match = new RegExp(`<row r="${row}"[^>]*>[\\s\\S]*?</row>`).exec(xml);
  if (!match) throw new Error(`no row ${row}`);
  return match[0];
}

/** Row `from`'s XML as row `to`, its cells renumbered and its id replaced. */
export function copiedRow(xml: string, from: number, to: number, id: string): string {
  return rowOf(xml, from)
    .replace(new RegExp(`(r="[A-Z]+)${from}"`, 'g'), `$1${to}"`)
    .replace(`r="${from}"`, `r="${to}"`)
    .replace(/(<c r="A\d+" t="inlineStr"><is><t>)[^<]*/, `$1${id}`);
}

export const appendRows = (rows: string) => (xml: string) =>
  xml.replace('</sheetData>', `${rows}</sheetData>`);

/** The table part's `ref` changed by `edit`. */
export const withRef = (edit: (ref: string) => string) => (xml: string) =>
  xml.replace(/(<table\b[^>]*?\sref=")([^"]*)"/, (_, head: string, ref: string) => `${head}${edit(ref)}"`);

/** An inline string cell. */
export const textCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

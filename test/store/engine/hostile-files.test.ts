import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { addWorksheet } from '../../../src/store/xlsx/package/workbook-parts';
import { writeZipAtomically, type ZipOutputEntry } from '../../../src/store/xlsx/package/zip-writer';
import { createXlsxWorkbook, openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { ZipEntries } from '../../../src/store/xlsx/zip-entries';
import { partsOf, rawPartsOf, temporaryDir } from './engine-harness';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..', '..');
const SMALL_HEAP = ['--max-old-space-size=500'];

/** A product workbook with a sheet of the user's holding about `megabytes` MB of numbers. */
async function withBigSheet(file: string, megabytes: number): Promise<string> {
  const zip = new ZipEntries(readFileSync(file));
  const text = (name: string) => zip.read(name)!.toString('utf8');
  const placeholder =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
  const added = addWorksheet(
    {
      workbook: text('xl/workbook.xml'),
      workbookRels: text('xl/_rels/workbook.xml.rels'),
      contentTypes: text('[Content_Types].xml'),
      partNames: zip.names(),
      tableIds: [],
    },
    { name: 'Dane archiwalne', sheetXml: placeholder },
  );
  // The new sheet part comes first; its content is streamed below instead of the placeholder.
  const part = added.added[0].name;
  function* rows(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const target = megabytes * 2 ** 20;
    let written = 0;
    for (let r = 1; written < target; r += 1) {
      const row = `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r * 7}</v></c><c r="C${r}"><v>${(r % 1000) / 10}</v></c></row>`;
      written += row.length;
      yield row;
    }
    yield '</sheetData></worksheet>';
  }
  const entries: ZipOutputEntry[] = zip.names().map((name) => {
    if (name === 'xl/workbook.xml') return { name, content: added.workbook };
    if (name === 'xl/_rels/workbook.xml.rels') return { name, content: added.workbookRels };
    if (name === '[Content_Types].xml') return { name, content: added.contentTypes };
    return { name, copyFrom: zip };
  });
  entries.push({ name: part, chunks: rows() });
  await writeZipAtomically(file, entries, { level: 1 });
  return part;
}

/**
 * Measured on main before the engine: a 316 MB sheet aborted `relacje validate` and the store's
 * first write with "JavaScript heap out of memory" (4.8 GB, about 2 minutes). Here a 100 MB sheet
 * of the user's, in a process with a 500 MB heap: the engine copies it, never holds it.
 */
describe("a workbook with a large sheet of the user's", () => {
  let folder: ReturnType<typeof temporaryDir>;
  let file: string;
  let bigPart: string;

  beforeAll(async () => {
    folder = temporaryDir('relacje-big-');
    file = path.join(folder.dir, 'duzy.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    bigPart = await withBigSheet(file, 100);
    // Hang guards, not timings: writing 100 MB of sheet takes seconds alone and minutes on a busy machine.
  }, 600_000);

  afterAll(() => folder.remove());

  it('takes a write in a small heap and keeps the big sheet as stored', async () => {
    const before = rawPartsOf(file).get(bigPart)!;
    const { stdout } = await run(
      process.execPath,
      [...SMALL_HEAP, '--require', 'tsx/cjs', path.join(__dirname, 'big-sheet-writer.ts'), file],
      { cwd: ROOT, timeout: 400_000 },
    );
    expect(stdout).toContain('written');
    expect(rawPartsOf(file).get(bigPart)!.equals(before)).toBe(true);
    const store = await openXlsxStore(file, { readOnly: true });
    expect((await store.readAll()).tables.clients.map((c) => c.id)).toEqual(['big-1']);
    await store.close();
    expect(partsOf(file).has(bigPart)).toBe(true);
  }, 450_000);

  it('validates in a small heap', async () => {
    const { stdout } = await run(
      process.execPath,
      [...SMALL_HEAP, 'bin/relacje.js', 'validate', file, '--lang', 'en'],
      {
        cwd: ROOT,
        timeout: 400_000,
      },
    );
    expect(stdout).toMatch(/valid|poprawny/i);
  }, 450_000);
});

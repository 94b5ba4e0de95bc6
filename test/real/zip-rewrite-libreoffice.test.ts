import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writeZipAtomically, type ZipOutputEntry } from '../../src/store/xlsx/package/zip-writer';
import { ZipEntries } from '../../src/store/xlsx/zip-entries';
import { excelJsWorkbook } from '../store/package/zip-fixtures';
import { convertWithLibreOffice } from './soffice';

// A package rewritten by the ZIP layer (entries copied, one sheet streamed anew) must open in
// LibreOffice, and a package LibreOffice wrote must survive being copied entry by entry.
describe('packages rewritten by the ZIP writer and LibreOffice', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-zip-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function saveWithLibreOffice(file: string, name: string): Promise<ExcelJS.Workbook> {
    const outDir = path.join(dir, name);
    await mkdir(outDir);
    await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', outDir, [file]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await readFile(path.join(outDir, path.basename(file)))) as unknown as ArrayBuffer,
    );
    return workbook;
  }

  it('opens a package with copied entries and a sheet streamed anew', async () => {
    const source = new ZipEntries(await excelJsWorkbook());
    const notes = 'xl/worksheets/sheet2.xml';
    expect(source.has(notes)).toBe(true);
    const rows = Array.from(
      { length: 500 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>notatka ${i + 1}</t></is></c>` +
        `<c r="B${i + 1}"><v>${i * 2}</v></c></row>`,
    );
    const entries = source.names().map((name): ZipOutputEntry =>
      name === notes
        ? {
            name,
            chunks: [
              '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
              ...rows,
              '</sheetData></worksheet>',
            ],
          }
        : { name, copyFrom: source },
    );
    const rewritten = path.join(dir, 'rewritten.xlsx');
    await writeZipAtomically(rewritten, entries);
    const opened = await saveWithLibreOffice(rewritten, 'out-rewritten');
    expect(opened.getWorksheet('Klienci')!.getCell('A2').value).toBe('Firma 0 sp. z o.o.');
    const sheet = opened.getWorksheet('Notatki')!;
    expect(sheet.getCell('A500').value).toBe('notatka 500');
    expect(sheet.getCell('B500').value).toBe(998);
  });

  it('copies every entry of a package LibreOffice wrote, and LibreOffice opens the copy', async () => {
    const original = path.join(dir, 'original.xlsx');
    await writeFile(original, await excelJsWorkbook());
    await saveWithLibreOffice(original, 'out-lo');
    const saved = new ZipEntries(await readFile(path.join(dir, 'out-lo', 'original.xlsx')));
    const copy = path.join(dir, 'copy.xlsx');
    await writeZipAtomically(
      copy,
      saved.names().map((name) => ({ name, copyFrom: saved })),
    );
    const copied = new ZipEntries(await readFile(copy));
    for (const name of saved.names()) expect(copied.raw(name)).toEqual(saved.raw(name));
    const opened = await saveWithLibreOffice(copy, 'out-copy');
    expect(opened.getWorksheet('Klienci')!.getCell('C201').value).toBe('Łódź');
    expect(opened.getWorksheet('Notatki')!.getCell('B2').value).toBe('zażółć gęślą jaźń');
  });
});

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { patchSheet } from '../../src/store/xlsx/package/sheet-patch';
import { convertWithLibreOffice } from './soffice';

// The package layer writes text inline, with XML-illegal characters and a carriage return spelled
// _xHHHH_ and a literal escape protected as _x005F_: LibreOffice must read back the very text.
describe('inline text written by the package layer reads back exactly in LibreOffice', () => {
  const texts = ['Zażółć\r\ngęślą jaźń', 'see _x0041_ & <b>', '  padded  ', 'tab\there'];
  let values: unknown[];
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-text-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Teksty');
    sheet.addTable({ name: 'tTexts', ref: 'A1', columns: [{ name: 'Tekst' }], rows: [['x']] });
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheetPart = 'xl/worksheets/sheet1.xml';
    const patch = patchSheet(
      Buffer.from(await zip.file(sheetPart)!.async('nodebuffer')),
      {
        top: 1,
        left: 1,
        right: 1,
        oldBottom: 2,
        totalsRowCount: 0,
        rows: texts.map((text) => ({ origin: 0, cells: [text] })),
        calculatedFormulas: [],
        columnStyles: [],
      },
      { date1904: false, isDateStyle: () => false },
    );
    zip.file(sheetPart, [...patch.chunks].join(''));
    const tablePart = Object.keys(zip.files).find((name) => /^xl\/tables\/table\d+\.xml$/.test(name))!;
    const table = await zip.file(tablePart)!.async('string');
    zip.file(tablePart, table.replace(/ref="A1:A2"/g, `ref="A1:A${texts.length + 1}"`));
    const file = path.join(dir, 'patched.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const outDir = path.join(dir, 'saved');
    await mkdir(outDir);
    await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', outDir, [file]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await readFile(path.join(outDir, 'patched.xlsx'))) as unknown as ArrayBuffer);
    values = texts.map((_, i) => saved.worksheets[0].getCell(`A${i + 2}`).value);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives each text back as it was written, but for the line end LibreOffice keeps as a bare LF', () => {
    // _x000D_ was decoded (the saved file holds no literal "_x000D_"); LibreOffice's cells keep
    // no carriage return before a line feed.
    expect(values).toEqual(['Zażółć\ngęślą jaźń', ...texts.slice(1)]);
  });
});

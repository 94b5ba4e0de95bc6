import ExcelJS from 'exceljs';
import { readXlsxRows } from '../../src/hosts/browser/xlsx-rows-reader';

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Klienci'));
  workbook.addWorksheet('Inny arkusz').addRow(['nie ten arkusz']);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
}

describe('readXlsxRows: the first sheet of an .xlsx as the import reads it', () => {
  it('gives every cell as text: numbers, dates, formulas by their result, rich text, booleans', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['Nazwa firmy', 'NIP', 'Od kiedy', 'Obrót', 'Aktywny', 'Uwagi']);
      sheet.addRow([
        'Łódzkie Żółte Sp. z o.o.',
        5260250274,
        new Date(Date.UTC(2024, 2, 15)),
        { formula: '2+3', result: 5 },
        true,
        { richText: [{ text: 'ważny ' }, { text: 'klient', font: { bold: true } }] },
      ]);
      sheet.addRow(['Bez NIP-u']);
      sheet.addRow([]);
    });
    const { rows, numberCells } = await readXlsxRows(bytes);
    expect(rows).toEqual([
      ['Nazwa firmy', 'NIP', 'Od kiedy', 'Obrót', 'Aktywny', 'Uwagi'],
      ['Łódzkie Żółte Sp. z o.o.', '5260250274', '2024-03-15', '5', 'TRUE', 'ważny klient'],
      ['Bez NIP-u', '', '', '', '', ''],
    ]);
    // The cells that held numbers (row and column from 0): a formula's numeric result is one too.
    expect([...numberCells].sort()).toEqual(['1:1', '1:3']);
  });

  it('keeps an empty row between data rows, so row numbers match the sheet', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.getCell('A1').value = 'Nazwa';
      sheet.getCell('A3').value = 'Trzeci wiersz';
    });
    expect((await readXlsxRows(bytes)).rows).toEqual([['Nazwa'], [''], ['Trzeci wiersz']]);
  });
});

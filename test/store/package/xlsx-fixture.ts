import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A minimal one-sheet package around `sheetXml` (and a table part), to read back through ExcelJS. */
export async function workbookWith(
  sheetXml: string,
  options: { table?: string; sharedStrings?: string; styles?: string } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>${options.table ? `<Override PartName="/xl/tables/table1.xml" ContentType="${ct}.table+xml"/>` : ''}${options.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` : ''}${options.styles ? `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` : ''}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${options.sharedStrings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${options.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  if (options.table) {
    zip.file('xl/tables/table1.xml', options.table);
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/table" Target="../tables/table1.xml"/></Relationships>`,
    );
  }
  if (options.sharedStrings) zip.file('xl/sharedStrings.xml', options.sharedStrings);
  if (options.styles) zip.file('xl/styles.xml', options.styles);
  return zip.generateAsync({ type: 'nodebuffer' }) as Promise<Buffer>;
}

/** The first sheet's values as ExcelJS reads them, row by row (formulas as `=text`). */
export async function valuesOf(xlsx: Buffer): Promise<Map<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const values = new Map<string, unknown>();
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      values.set(cell.address, cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : cell.value);
    });
  });
  return values;
}

export const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

export function sheetXml(rows: string, options: { head?: string; tail?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${SHEET_NS}>${options.head ?? ''}<sheetData>${rows}</sheetData>${options.tail ?? ''}</worksheet>`;
}

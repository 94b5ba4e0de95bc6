import {
  patchSheet,
  replaceSheetCells,
  sharedStringRefs,
  SheetPatchUnsupported,
  type SheetTablePatch,
} from '../../../src/store/xlsx/package/sheet-patch';
import type { BodyRow, CellValue, FormulaCell } from '../../../src/store/xlsx/package/package-types';
import { rowStartFrom, sheetLayout } from '../../../src/store/xlsx/package/sheet-rows';
import { sheetXml, valuesOf, workbookWith } from './xlsx-fixture';

const options = { date1904: false, isDateStyle: () => false };
const keep = (origin: number, width = 2): BodyRow => ({ origin, cells: new Array(width).fill(undefined) });

function run(xml: string, patch: Partial<SheetTablePatch> & Pick<SheetTablePatch, 'rows'>) {
  const result = patchSheet(
    Buffer.from(xml),
    {
      top: 1,
      left: 1,
      right: 2,
      oldBottom: 4,
      totalsRowCount: 0,
      calculatedFormulas: [],
      columnStyles: [],
      ...patch,
    },
    options,
  );
  const chunks = [...result.chunks];
  const out = chunks.join('');
  return { out, chunks, report: result.result(), cells: cellsOf(out) };
}

/** Every `<c>` of the output by its reference. */
function cellsOf(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g))
    cells.set(match[1], match[0]);
  return cells;
}

const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>';
const dataRow = (r: number, name: string, qty: number, extra = '') =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c><c r="B${r}"><v>${qty}</v></c>${extra}</row>`;

describe('patchSheet', () => {
  it('leaves no cells below the table when its last rows are deleted (no ghost data)', () => {
    const xml = sheetXml(
      header +
        dataRow(2, 'a', 1) +
        dataRow(3, 'b', 2) +
        '<row r="4"><c r="A4" t="s"><v>7</v></c><c r="B4"><v>3</v></c></row>',
    );
    const { out, report, cells } = run(xml, { rows: [keep(2)] });
    expect([...cells.keys()]).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(out).not.toMatch(/<row r="[34]"/);
    expect(report.droppedSharedStrings).toEqual([7]);
    expect(report.usedSharedStrings.size).toBe(0);
  });

  it('copies the rows it keeps in place byte for byte', () => {
    const rows = header + dataRow(2, 'Łódź & Co', 1) + dataRow(3, 'b', 2) + dataRow(4, 'c', 3);
    const xml = sheetXml(rows);
    const { out } = run(xml, { rows: [keep(2), keep(3), { origin: 4, cells: [undefined, 9] }] });
    expect(
      out.startsWith(
        sheetXml(header + dataRow(2, 'Łódź & Co', 1) + dataRow(3, 'b', 2)).split('</sheetData>')[0],
      ),
    ).toBe(true);
    expect(out).toContain(
      '<row r="4"><c r="A4" t="inlineStr"><is><t>c</t></is></c><c r="B4"><v>9</v></c></row>',
    );
  });

  it('hands the rows it keeps in place on as one slice of the original, not copied row by row', () => {
    const kept = header + dataRow(2, 'Łódź & Co', 1) + dataRow(3, 'b', 2) + dataRow(4, 'c', 3);
    const { out, chunks } = run(sheetXml(kept), {
      rows: [keep(2), keep(3), keep(4), { origin: 0, cells: ['d', 4] }],
    });
    const slices = chunks.filter((chunk): chunk is Buffer => typeof chunk !== 'string');
    expect(slices.map((slice) => slice.toString())).toEqual([kept]);
    expect(out).toContain(`${kept}<row r="5">`);
  });

  it('moves cells below the table within its columns as it grows, and leaves cells beside it in place', () => {
    const xml = sheetXml(
      header +
        dataRow(2, 'a', 1) +
        dataRow(3, 'b', 2, '<c r="D3"><v>42</v></c>') +
        '<row r="5" ht="30" customHeight="1"><c r="A5" t="inlineStr"><is><t>note</t></is></c><c r="D5"><v>5</v></c></row>',
      { head: '<dimension ref="A1:D5"/>' },
    );
    const { out, cells } = run(xml, {
      oldBottom: 3,
      rows: [keep(2), keep(3), { origin: 0, cells: ['new', 4] }],
    });
    expect(cells.get('A4')).toContain('<t>new</t>');
    expect(cells.get('D3')).toBe('<c r="D3"><v>42</v></c>');
    expect(cells.get('D5')).toBe('<c r="D5"><v>5</v></c>');
    expect(cells.get('A6')).toBe('<c r="A6" t="inlineStr"><is><t>note</t></is></c>');
    expect(cells.has('A5')).toBe(false);
    // The row keeps its height: row attributes outside the table belong to the sheet row.
    expect(out).toContain('<row r="5" ht="30" customHeight="1"><c r="D5">');
    expect(out).toContain('<dimension ref="A1:D6"/>');
  });

  it('moves cells below up when rows in the middle are deleted, and row attributes go with their table row', () => {
    const xml = sheetXml(
      header +
        dataRow(2, 'a', 1) +
        '<row r="3" hidden="1">' +
        dataRow(3, 'b', 2).slice('<row r="3">'.length) +
        '<row r="4" ht="40" customHeight="1">' +
        dataRow(4, 'c', 3).slice('<row r="4">'.length) +
        '<row r="6"><c r="B6"><f>SUM(B2:B4)</f><v>6</v></c><c r="C6"><v>1</v></c></row>',
      { head: '<dimension ref="A1:C6"/>' },
    );
    const { out, cells, report } = run(xml, { rows: [keep(2), keep(4)] });
    expect(cells.get('A3')).toContain('<t>c</t>');
    expect(out).toContain('<row r="3" ht="40" customHeight="1">');
    expect(out).not.toContain('hidden="1"');
    expect(cells.get('B5')).toBe('<c r="B5"><f>SUM(B2:B4)</f><v>6</v></c>');
    expect(cells.get('C6')).toBe('<c r="C6"><v>1</v></c>');
    expect(cells.has('A4') || cells.has('B4') || cells.has('B6')).toBe(false);
    expect(out).toContain('<dimension ref="A1:C6"/>');
    expect(report.formulasMoved).toBe(true);
  });

  it('gives new rows the calculated formula of the column, in the column style', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Qty</t></is></c><c r="B1" t="inlineStr"><is><t>Price</t></is></c><c r="C1" t="inlineStr"><is><t>Total</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2" s="4"><v>5</v></c><c r="C2" s="4"><f>tT[[#This Row],[Qty]]*tT[[#This Row],[Price]]</f><v>10</v></c></row>',
    );
    const { cells } = run(xml, {
      right: 3,
      oldBottom: 2,
      rows: [keep(2, 3), { origin: 0, cells: [3, 7, undefined] }, { origin: 0, cells: [1, 1, null] }],
      calculatedFormulas: [undefined, undefined, 'tT[[#This Row],[Qty]]*tT[[#This Row],[Price]]'],
      columnStyles: [undefined, 4, 4],
    });
    expect(cells.get('C3')).toBe('<c r="C3" s="4"><f>tT[[#This Row],[Qty]]*tT[[#This Row],[Price]]</f></c>');
    expect(cells.get('B3')).toBe('<c r="B3" s="4"><v>7</v></c>');
    expect(cells.get('C4')).toBe('<c r="C4" s="4"/>');
  });

  it('keeps a user column after a calculated column: its header and its cells', () => {
    const xml = sheetXml(
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f><v>2</v></c><c r="C2" s="3" t="s"><v>3</v></c></row>' +
        '<row r="3" spans="1:3"><c r="A3"><v>5</v></c><c r="B3"><f>A3*2</f><v>10</v></c><c r="C3" s="3" t="s"><v>4</v></c></row>',
    );
    const { cells, report } = run(xml, {
      right: 3,
      oldBottom: 3,
      rows: [{ origin: 3, cells: [6, undefined, undefined] }],
    });
    expect(cells.get('C1')).toBe('<c r="C1" t="s"><v>2</v></c>');
    expect(cells.get('A2')).toBe('<c r="A2"><v>6</v></c>');
    expect(cells.get('B2')).toBe('<c r="B2"><f>A3*2</f><v>10</v></c>');
    expect(cells.get('C2')).toBe('<c r="C2" s="3" t="s"><v>4</v></c>');
    expect(cells.has('C3')).toBe(false);
    expect([...report.usedSharedStrings].sort()).toEqual([0, 1, 2, 4]);
    expect(report.droppedSharedStrings).toEqual([3]);
  });

  it('expands a shared formula group that a delete splits, each cell with its own translation', () => {
    const xml = sheetXml(
      header +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c></row>' +
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>' +
        '<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>',
    );
    const { cells } = run(xml, { rows: [keep(2), keep(4)] });
    expect(cells.get('B2')).toBe('<c r="B2"><f>A2*2</f><v>2</v></c>');
    expect(cells.get('B3')).toBe('<c r="B3"><f>A4*2</f><v>6</v></c>');
  });

  it('expands the members of a group whose master is deleted', () => {
    const xml = sheetXml(
      header +
        '<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="3">$A$1+A2</f><v>2</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="3"/><v>4</v></c></row>' +
        '<row r="4"><c r="B4"><f t="shared" si="3"/><v>6</v></c></row>',
    );
    const { cells } = run(xml, { rows: [keep(3), keep(4)] });
    expect(cells.get('B2')).toBe('<c r="B2"><f>$A$1+A3</f><v>4</v></c>');
    expect(cells.get('B3')).toBe('<c r="B3"><f>$A$1+A4</f><v>6</v></c>');
  });

  it('keeps a shared formula group that moves as a whole, its ref moved with it, and moves array formulas', () => {
    const xml = sheetXml(
      header +
        dataRow(2, 'a', 1) +
        '<row r="6"><c r="A6"><f t="shared" ref="A6:B6" si="1">D6+1</f><v>1</v></c><c r="B6"><f t="shared" si="1"/><v>1</v></c></row>' +
        '<row r="7"><c r="A7"><f t="array" ref="A7">SUM(D1:D3*E1:E3)</f><v>0</v></c></row>',
    );
    const { cells } = run(xml, { oldBottom: 2, rows: [keep(2), { origin: 0, cells: ['x', 1] }] });
    expect(cells.get('A7')).toBe('<c r="A7"><f t="shared" ref="A7:B7" si="1">D6+1</f><v>1</v></c>');
    expect(cells.get('B7')).toBe('<c r="B7"><f t="shared" si="1"/><v>1</v></c>');
    expect(cells.get('A8')).toBe('<c r="A8"><f t="array" ref="A8">SUM(D1:D3*E1:E3)</f><v>0</v></c>');
  });

  it('moves validation and conditional format ranges that spanned the data rows, and no others', () => {
    const tail =
      '<conditionalFormatting sqref="B2:B4"><cfRule type="cellIs" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="A2:A4 E1:E9"><formula1>"x,y"</formula1></dataValidation>' +
      '<dataValidation type="whole" sqref="B3:B4"/></dataValidations>' +
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>A2:B4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const xml = sheetXml(header + dataRow(2, 'a', 1) + dataRow(3, 'b', 2) + dataRow(4, 'c', 3), { tail });
    const { out } = run(xml, { rows: [keep(2), keep(3), keep(4), { origin: 0, cells: ['d', 4] }] });
    expect(out.slice(out.indexOf('</sheetData>') + 12)).toBe(
      tail
        .replace('sqref="B2:B4"', 'sqref="B2:B5"')
        .replace('A2:A4 E1:E9', 'A2:A5 E1:E9')
        .replace('<xm:sqref>A2:B4', '<xm:sqref>A2:B5') + '</worksheet>',
    );
  });

  it('keeps one blank body row in an empty table, and the totals row follows the body', () => {
    const xml = sheetXml(
      header +
        dataRow(2, 'a', 1) +
        dataRow(3, 'b', 2) +
        '<row r="4"><c r="A4" t="inlineStr"><is><t>Total</t></is></c><c r="B4"><f>SUBTOTAL(109,tT[Qty])</f><v>3</v></c></row>',
      { head: '<dimension ref="A1:B4"/>' },
    );
    const { out, cells } = run(xml, { totalsRowCount: 1, rows: [], columnStyles: [undefined, 2] });
    expect(cells.get('B2')).toBe('<c r="B2" s="2"/>');
    expect(cells.has('A2')).toBe(false);
    expect(cells.get('B3')).toBe('<c r="B3"><f>SUBTOTAL(109,tT[Qty])</f><v>3</v></c>');
    expect(out).not.toMatch(/r="[AB]4"/);
    expect(out).toContain('<dimension ref="A1:B3"/>');
  });

  it('escapes control characters as _xHHHH_ and keeps Polish text, read back by ExcelJS', async () => {
    const xml = sheetXml(header + dataRow(2, 'a', 1));
    const { out, cells } = run(xml, {
      oldBottom: 2,
      rows: [
        { origin: 2, cells: ['Zażółć\r\ngęślą', undefined] },
        { origin: 0, cells: ['jaźń', 2] },
      ],
    });
    expect(cells.get('A2')).toContain('Zażółć_x000D_\ngęślą');
    const values = await valuesOf(await workbookWith(out));
    expect(values.get('A3')).toBe('jaźń');
    expect(values.get('B2')).toBe(1);
    expect(values.get('A1')).toBe('Name');
  });

  it('refuses origins that do not strictly increase or lie outside the data rows', () => {
    const xml = sheetXml(header + dataRow(2, 'a', 1) + dataRow(3, 'b', 2));
    expect(() => run(xml, { oldBottom: 3, rows: [keep(3), keep(2)] })).toThrow(RangeError);
    expect(() => run(xml, { oldBottom: 3, rows: [keep(1)] })).toThrow(RangeError);
  });

  it('streams the sheet in many chunks', () => {
    const rows = Array.from({ length: 200 }, (_, i) => dataRow(i + 2, `n${i}`, i)).join('');
    const result = patchSheet(
      Buffer.from(sheetXml(header + rows)),
      {
        top: 1,
        left: 1,
        right: 2,
        oldBottom: 201,
        totalsRowCount: 0,
        rows: [keep(2)],
        calculatedFormulas: [],
        columnStyles: [],
      },
      options,
    );
    expect(() => result.result()).toThrow();
    const chunks = [...result.chunks];
    expect(chunks.length).toBeGreaterThan(3);
    expect(result.result().formulasMoved).toBe(false);
  });
});

describe('replaceSheetCells', () => {
  it('writes exactly the given cells, each with the style its place had, rows with their attributes', () => {
    const xml = sheetXml(
      '<row r="1" ht="20" customHeight="1"><c r="A1" s="5" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="3" hidden="1"/>' +
        '<row r="4"><c r="A4"><v>9</v></c></row>',
      { head: '<dimension ref="A1:B4"/>', tail: '<pageMargins left="0.7"/>' },
    );
    const cells = new Map<number, Map<number, CellValue | FormulaCell>>([
      [
        1,
        new Map<number, CellValue | FormulaCell>([
          [1, 'schemaVersion'],
          [3, 7],
        ]),
      ],
      [2, new Map([[2, { formula: 'A1', value: 'x' }]])],
    ]);
    const out = [...replaceSheetCells(Buffer.from(xml), cells, options)].join('');
    expect(out).toBe(
      sheetXml(
        '<row r="1" ht="20" customHeight="1"><c r="A1" s="5" t="inlineStr"><is><t>schemaVersion</t></is></c><c r="C1"><v>7</v></c></row>' +
          '<row r="2"><c r="B2" t="str"><f>A1</f><v>x</v></c></row><row r="3" hidden="1"/>',
        { head: '<dimension ref="A1:C2"/>', tail: '<pageMargins left="0.7"/>' },
      ),
    );
  });
});

describe('sharedStringRefs', () => {
  it('finds the shared strings of t="s" cells and nothing else', () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1" s="1" t='s'><v>12</v></c><c r="C1" t="str"><f>"t=""s"""</f><v>9</v></c><c r="D1"><v>4</v></c></row>`,
    );
    expect([...sharedStringRefs(Buffer.from(xml))].sort((a, b) => a - b)).toEqual([3, 12]);
  });
});

describe('patchSheet with new columns', () => {
  it('writes the header of a column the table gains, in the look of its neighbour, and keeps the others', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" s="9" t="inlineStr"><is><t>Name</t></is></c><c r="B1" s="9" t="inlineStr"><is><t>Qty</t></is></c><c r="E1"><v>1</v></c></row>' +
        dataRow(2, 'a', 1),
    );
    const { cells } = run(xml, {
      right: 3,
      oldBottom: 2,
      rows: [{ origin: 2, cells: [undefined, undefined, 'uwaga'] }],
      header: [undefined, undefined, 'Notatki'],
    });
    expect(cells.get('A1')).toBe('<c r="A1" s="9" t="inlineStr"><is><t>Name</t></is></c>');
    expect(cells.get('C1')).toBe('<c r="C1" s="9" t="inlineStr"><is><t>Notatki</t></is></c>');
    expect(cells.get('E1')).toBe('<c r="E1"><v>1</v></c>');
    expect(cells.get('C2')).toBe('<c r="C2" t="inlineStr"><is><t>uwaga</t></is></c>');
  });
});

describe('sharedStringRefs on sheets from other programs', () => {
  it('reads a sheet without <sheetData> and one with prefixed elements', () => {
    const prefixed =
      '<?xml version="1.0"?><!-- made elsewhere --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>5</x:v></x:c><x:c r="B1" t="n"><x:v>6</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect([...sharedStringRefs(Buffer.from(prefixed))]).toEqual([5]);
    expect(sharedStringRefs(Buffer.from('<chartsheet/>')).size).toBe(0);
  });
});

describe('patchSheet and what is anchored to cells', () => {
  it('moves hyperlinks with their table rows, drops those of deleted rows, and moves merges below the table', () => {
    const tail =
      '<mergeCells count="2"><mergeCell ref="A6:B6"/><mergeCell ref="D1:E2"/></mergeCells>' +
      '<hyperlinks><hyperlink ref="A3" r:id="rId1"/><hyperlink ref="B4" r:id="rId2"/><hyperlink ref="D2" r:id="rId3"/></hyperlinks>';
    const xml = sheetXml(header + dataRow(2, 'a', 1) + dataRow(3, 'b', 2) + dataRow(4, 'c', 3), { tail });
    const { out } = run(xml, { rows: [keep(2), keep(4)] });
    expect(out.slice(out.indexOf('</sheetData>') + 12)).toBe(
      '<mergeCells count="2"><mergeCell ref="A5:B5"/><mergeCell ref="D1:E2"/></mergeCells>' +
        '<hyperlinks><hyperlink ref="B3" r:id="rId2"/><hyperlink ref="D2" r:id="rId3"/></hyperlinks></worksheet>',
    );
  });
});

describe('patchSheet on sheet XML it does not rewrite', () => {
  const patch = (xml: string) => () => [
    ...patchSheet(
      Buffer.from(xml),
      {
        top: 1,
        left: 1,
        right: 2,
        oldBottom: 2,
        totalsRowCount: 0,
        rows: [{ origin: 2, cells: [1, undefined] }],
        calculatedFormulas: [],
        columnStyles: [],
      },
      options,
    ).chunks,
  ];

  it('refuses it with SheetPatchUnsupported instead of writing something else', () => {
    expect(patch('<worksheet/>')).toThrow(SheetPatchUnsupported);
    expect(patch('<x:worksheet xmlns:x="m"><x:sheetData/></x:worksheet>')).toThrow(SheetPatchUnsupported);
    expect(patch(sheetXml('<row r="2"><c r="A2"><v>1</v></c></row><row r="1"/>'))).toThrow(
      SheetPatchUnsupported,
    );
    expect(patch(sheetXml('<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>1</v></c></row>'))).toThrow(
      SheetPatchUnsupported,
    );
    expect(patch('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></sheetData></worksheet>')).toThrow(
      SheetPatchUnsupported,
    );
  });
});

describe('rowStartFrom', () => {
  const rowsXml = (numbers: number[], gap = '') =>
    sheetXml(numbers.map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`).join(gap));
  const found = (xml: string, number: number) => {
    const bytes = Buffer.from(xml);
    const layout = sheetLayout(bytes);
    const from = rowStartFrom(bytes, layout, number);
    return (
      from && {
        row: xml.slice(from.at, from.at + 12),
        previous: from.previous,
        end: from.at === layout.closeStart,
      }
    );
  };

  it.each([
    [1, { row: '<row r="1"><', previous: 0, end: false }],
    [5, { row: '<row r="7"><', previous: 4, end: false }],
    [7, { row: '<row r="7"><', previous: 4, end: false }],
    [300, { row: '<row r="300"', previous: 299, end: false }],
    [301, { row: '</sheetData>', previous: 300, end: true }],
  ])('finds the first row numbered %i or more by bisecting the bytes', (number, expected) => {
    const numbers = [1, 2, 3, 4, 7, ...Array.from({ length: 293 }, (_, i) => i + 8)];
    expect(found(rowsXml(numbers), number)).toEqual(expected);
    expect(found(rowsXml(numbers, '\n  '), number)).toEqual(expected);
  });

  it('gives up on rows whose number is implied (no r), which only a walk from the top can tell', () => {
    const xml = sheetXml('<row><c><v>1</v></c></row>'.repeat(50));
    expect(found(xml, 20)).toBeUndefined();
  });

  it('an append to a table whose rows carry no r keeps every row as it was and numbers the new one', () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<row><c t="inlineStr"><is><t>n${i}</t></is></c><c><v>${i}</v></c></row>`,
    );
    const { out, cells } = run(sheetXml(rows.join('')), {
      oldBottom: 30,
      rows: [...Array.from({ length: 29 }, (_, i) => keep(i + 2)), { origin: 0, cells: ['new', 1] }],
    });
    expect(out).toContain(`<sheetData>${rows.join('')}<row r="31">`);
    expect([...cells.keys()]).toEqual(['A31', 'B31']);
  });
});

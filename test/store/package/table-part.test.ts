import { patchTablePart, readTablePart } from '../../../src/store/xlsx/package/table-part';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** As Excel writes a table with a calculated column and a totals row. */
const excelTable =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
  `<table ${NS} id="1" name="tSales" displayName="tSales" ref="A1:C4" totalsRowCount="1">` +
  `<autoFilter ref="A1:C3"/>` +
  `<tableColumns count="3"><tableColumn id="1" name="Qty"/><tableColumn id="2" name="Price &amp; VAT"/>` +
  `<tableColumn id="5" name="Total" totalsRowFunction="sum"><calculatedColumnFormula>tSales[[#This Row],[Qty]]*tSales[[#This Row],[Price &amp; VAT]]</calculatedColumnFormula></tableColumn>` +
  `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showRowStripes="1"/></table>`;

describe('readTablePart', () => {
  it('reads the name, range, row counts and columns with their calculated formulas', () => {
    expect(readTablePart(excelTable)).toEqual({
      name: 'tSales',
      ref: 'A1:C4',
      headerRowCount: 1,
      totalsRowCount: 1,
      columns: [
        { id: 1, name: 'Qty' },
        { id: 2, name: 'Price & VAT' },
        {
          id: 5,
          name: 'Total',
          calculatedColumnFormula: 'tSales[[#This Row],[Qty]]*tSales[[#This Row],[Price & VAT]]',
        },
      ],
    });
  });

  it('defaults to one header row and no totals row', () => {
    const info = readTablePart(
      `<table ${NS} id="2" name="t" ref="B2:B3"><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>`,
    );
    expect([info.headerRowCount, info.totalsRowCount]).toEqual([1, 0]);
  });

  it('refuses a part that is no table', () => {
    expect(() => readTablePart(`<table ${NS}/>`)).toThrow();
  });
});

describe('patchTablePart', () => {
  it('moves the range and the filter (which leaves out the totals row), and nothing else', () => {
    const patched = patchTablePart(excelTable, { ref: 'A1:C10' });
    expect(patched).toBe(
      excelTable.replace('ref="A1:C4"', 'ref="A1:C10"').replace('ref="A1:C3"', 'ref="A1:C9"'),
    );
  });

  it('adds columns with fresh ids and counts them', () => {
    const patched = patchTablePart(excelTable, { ref: 'A1:E4', addColumns: ['Notatki', 'Uwagi "x"'] });
    expect(patched).toContain('<tableColumns count="5">');
    expect(patched).toContain(
      '<tableColumn id="6" name="Notatki"/><tableColumn id="7" name="Uwagi &quot;x&quot;"/></tableColumns>',
    );
    expect(patched).toContain('<autoFilter ref="A1:E3"/>');
    expect(readTablePart(patched).columns.map((c) => c.name)).toEqual([
      'Qty',
      'Price & VAT',
      'Total',
      'Notatki',
      'Uwagi "x"',
    ]);
  });

  it('refuses a column name the table already has', () => {
    expect(() => patchTablePart(excelTable, { ref: 'A1:D4', addColumns: ['qty'] })).toThrow(RangeError);
  });

  it('keeps a sort on its columns over the new data rows', () => {
    const sorted = excelTable.replace(
      '<autoFilter ref="A1:C3"/>',
      '<autoFilter ref="A1:C3"><sortState ref="B2:B3"><sortCondition ref="B2:B3"/></sortState></autoFilter>',
    );
    const patched = patchTablePart(sorted, { ref: 'A1:C6' });
    expect(patched).toContain('<autoFilter ref="A1:C5"><sortState ref="B2:B5"><sortCondition ref="B2:B5"/>');
  });
});

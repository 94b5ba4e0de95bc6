import { cellXml } from '../../../src/store/xlsx/package/cell-xml';
import { sheetXml, valuesOf, workbookWith } from './xlsx-fixture';

const plain = { date1904: false, isDateStyle: () => false };

describe('cellXml', () => {
  it('writes text inline, escaped for XML', () => {
    expect(cellXml('B2', 'A & <B>', 3, plain)).toBe(
      '<c r="B2" s="3" t="inlineStr"><is><t>A &amp; &lt;B&gt;</t></is></c>',
    );
  });

  it('keeps leading and trailing white space', () => {
    expect(cellXml('A1', ' x ', undefined, plain)).toBe(
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>',
    );
  });

  it('spells a carriage return and other XML-illegal characters as _xHHHH_, and protects a literal escape', () => {
    expect(cellXml('A1', 'a\r\nb\u0001', undefined, plain)).toBe(
      '<c r="A1" t="inlineStr"><is><t>a_x000D_\nb_x0001_</t></is></c>',
    );
    expect(cellXml('A1', 'see _x000D_', undefined, plain)).toContain('<t>see _x005F_x000D_</t>');
  });

  it('keeps Polish letters as they are', () => {
    expect(cellXml('A1', 'Zażółć gęślą jaźń', undefined, plain)).toContain('<t>Zażółć gęślą jaźń</t>');
  });

  it('writes numbers in their shortest round-trip form and refuses what is not finite', () => {
    expect(cellXml('C3', 0.1 + 0.2, undefined, plain)).toBe('<c r="C3"><v>0.30000000000000004</v></c>');
    expect(cellXml('C3', 1e21, undefined, plain)).toBe('<c r="C3"><v>1e+21</v></c>');
    expect(() => cellXml('C3', NaN, undefined, plain)).toThrow(RangeError);
    expect(() => cellXml('C3', Infinity, undefined, plain)).toThrow(RangeError);
  });

  it('writes booleans as t="b"', () => {
    expect(cellXml('D1', true, undefined, plain)).toBe('<c r="D1" t="b"><v>1</v></c>');
    expect(cellXml('D1', false, 2, plain)).toBe('<c r="D1" s="2" t="b"><v>0</v></c>');
  });

  it('writes a formula with a cached value of the right type, or none', () => {
    expect(cellXml('E1', { formula: 'A1&"<"' }, undefined, plain)).toBe('<c r="E1"><f>A1&amp;"&lt;"</f></c>');
    expect(cellXml('E1', { formula: 'A1', value: 'x' }, undefined, plain)).toBe(
      '<c r="E1" t="str"><f>A1</f><v>x</v></c>',
    );
    expect(cellXml('E1', { formula: 'A1>0', value: true }, undefined, plain)).toBe(
      '<c r="E1" t="b"><f>A1&gt;0</f><v>1</v></c>',
    );
    expect(cellXml('E1', { formula: 'A1*2', value: 4 }, 1, plain)).toBe(
      '<c r="E1" s="1"><f>A1*2</f><v>4</v></c>',
    );
  });

  it('shifts a date into the 1904 system only in a date-styled cell of a 1904 workbook', () => {
    const options = { date1904: true, isDateStyle: (s: number) => s === 5 };
    expect(cellXml('A1', 45000, 5, options)).toBe('<c r="A1" s="5"><v>43538</v></c>');
    expect(cellXml('A1', 45000, 4, options)).toBe('<c r="A1" s="4"><v>45000</v></c>');
    expect(cellXml('A1', { formula: 'TODAY()', value: 45000 }, 5, options)).toContain('<v>43538</v>');
    expect(cellXml('A1', 45000, 5, { ...options, date1904: false })).toContain('<v>45000</v>');
  });

  it('writes no cell for null or empty text, or a bare styled cell when a style must stay', () => {
    expect(cellXml('A1', null, undefined, plain)).toBe('');
    expect(cellXml('A1', '', 0, plain)).toBe('');
    expect(cellXml('A1', null, 7, plain)).toBe('<c r="A1" s="7"/>');
  });

  // ExcelJS decodes _xHHHH_ only in shared strings; Excel and LibreOffice decode it inline too (test/real).
  it('writes text that ExcelJS reads back exactly', async () => {
    const texts = ['Łódź\n&amp; <tag> "q"', '  spaces  ', 'tab\there', 'Zażółć gęślą jaźń'];
    const cells = texts.map((text, i) => cellXml(`A${i + 1}`, text, undefined, plain));
    const read = await readBack(cells);
    expect(read).toEqual(texts);
  });
});

async function readBack(cells: string[]): Promise<unknown[]> {
  const rows = cells.map((cell, i) => `<row r="${i + 1}">${cell}</row>`).join('');
  const values = await valuesOf(await workbookWith(sheetXml(rows)));
  return cells.map((_, i) => values.get(`A${i + 1}`));
}

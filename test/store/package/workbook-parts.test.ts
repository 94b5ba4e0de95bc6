import { blankSharedStrings, sharedStringCount } from '../../../src/store/xlsx/package/shared-strings-patch';
import {
  dateStyleIds,
  ensureNumberFormatStyle,
  isDateFormat,
} from '../../../src/store/xlsx/package/styles-patch';
import { removeCalcChain, setFullCalcOnLoad } from '../../../src/store/xlsx/package/workbook-parts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('blankSharedStrings', () => {
  const sst =
    `<?xml version="1.0" encoding="UTF-8"?>\n<sst ${NS} count="4" uniqueCount="4">` +
    '<si><t>Kowalski Sp. z o.o.</t></si><si><r><rPr><b/></rPr><t>Łódź</t></r></si><si/><si><t xml:space="preserve"> x </t></si></sst>';

  it('empties the strings named, keeps every index and every other byte', () => {
    const out = blankSharedStrings(Buffer.from(sst), new Set([0, 1])).toString('utf8');
    expect(out).toBe(
      sst
        .replace('<si><t>Kowalski Sp. z o.o.</t></si>', '<si><t></t></si>')
        .replace('<si><r><rPr><b/></rPr><t>Łódź</t></r></si>', '<si><t></t></si>'),
    );
    expect(out).not.toContain('Kowalski');
    expect(sharedStringCount(Buffer.from(out))).toBe(4);
  });

  it('counts the strings, an empty <si/> included', () => {
    expect(sharedStringCount(Buffer.from(sst))).toBe(4);
    expect(blankSharedStrings(Buffer.from(sst), new Set([3])).toString()).toContain(
      '<si/><si><t></t></si></sst>',
    );
  });
});

const styles =
  `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
  '<fonts count="1"><font/></fonts><cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0"><alignment horizontal="right"/></xf>' +
  '</cellXfs></styleSheet>';

describe('styles', () => {
  it('tells date formats: built-in ids and codes with d, m, y, h or s outside quotes and brackets', () => {
    expect(dateStyleIds(styles)).toEqual(new Set([1, 2]));
    expect(isDateFormat('[$-415]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00 "zł"')).toBe(false);
    expect(isDateFormat('[Red]0.00;\\d0')).toBe(false);
    expect(isDateFormat('hh:mm')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
  });

  it('reuses a style that has the format already', () => {
    expect(ensureNumberFormatStyle(styles, 'yyyy\\-mm\\-dd', 0)).toEqual({
      xml: styles,
      styleId: 1,
      changed: false,
    });
  });

  it('adds a format from 164 up and a style on the base style, counts updated', () => {
    const { xml, styleId, changed } = ensureNumberFormatStyle(styles, '#,##0.00 "zł"', 3);
    expect(changed).toBe(true);
    expect(styleId).toBe(4);
    expect(xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;zł&quot;"/></numFmts>',
    );
    expect(xml).toContain('<cellXfs count="5">');
    expect(xml).toContain(
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf></cellXfs>',
    );
    expect(dateStyleIds(xml)).toEqual(new Set([1, 2]));
    // Asked again, the same style.
    expect(ensureNumberFormatStyle(xml, '#,##0.00 "zł"', 3)).toMatchObject({ styleId: 4, changed: false });
  });

  it('uses a built-in format by its id and adds <numFmts> only when needed', () => {
    const bare = `<styleSheet ${NS}><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
    const builtIn = ensureNumberFormatStyle(bare, '0.00');
    expect(builtIn.xml).not.toContain('numFmts');
    expect(builtIn.xml).toContain(
      '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    const custom = ensureNumberFormatStyle(bare, 'dd.mm.yyyy');
    expect(custom.xml).toContain(
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>`,
    );
    expect(dateStyleIds(custom.xml)).toEqual(new Set([custom.styleId]));
  });
});

describe('workbook parts', () => {
  it('drops the calculation chain from the content types and the relationships', () => {
    const contentTypes =
      '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>';
    const workbookRels =
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>';
    const out = removeCalcChain({ contentTypes, workbookRels });
    expect(out.contentTypes).not.toContain('calcChain');
    expect(out.contentTypes).toContain('/xl/workbook.xml');
    expect(out.workbookRels).not.toContain('calcChain');
    expect(out.workbookRels).toContain('sheet1.xml');
  });

  it('asks for a full calculation on load, in the place the schema wants', () => {
    expect(setFullCalcOnLoad(`<workbook ${NS}><sheets/><calcPr calcId="191029"/></workbook>`)).toBe(
      `<workbook ${NS}><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
    );
    expect(setFullCalcOnLoad(`<workbook ${NS}><sheets/><calcPr fullCalcOnLoad="0"/></workbook>`)).toContain(
      '<calcPr fullCalcOnLoad="1"/>',
    );
    expect(
      setFullCalcOnLoad(`<workbook ${NS}><sheets/><definedNames/><pivotCaches/><extLst/></workbook>`),
    ).toBe(
      `<workbook ${NS}><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><pivotCaches/><extLst/></workbook>`,
    );
    expect(setFullCalcOnLoad(`<x:workbook xmlns:x="m"><x:sheets/></x:workbook>`)).toBe(
      `<x:workbook xmlns:x="m"><x:sheets/><x:calcPr fullCalcOnLoad="1"/></x:workbook>`,
    );
  });
});

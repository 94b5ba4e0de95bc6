import { blankSharedStrings, sharedStringCount } from '../../../src/store/xlsx/package/shared-strings-patch';
import {
  dateStyleIds,
  ensureNumberFormatStyle,
  isDateFormat,
} from '../../../src/store/xlsx/package/styles-patch';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  addWorksheet,
  removeCalcChain,
  setFullCalcOnLoad,
  type WorkbookParts,
} from '../../../src/store/xlsx/package/workbook-parts';
import { sheetXml, workbookWith } from './xlsx-fixture';

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

describe('addWorksheet', () => {
  const tableXml = (name: string, ref: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${NS} id="1" name="${name}" displayName="${name}" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="2"><tableColumn id="1" name="Kod"/><tableColumn id="2" name="Nazwa"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;
  const newSheet = sheetXml(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Kod</t></is></c><c r="B1" t="inlineStr"><is><t>Nazwa</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Usługa</t></is></c></row>',
  );

  async function partsOf(zip: JSZip): Promise<WorkbookParts> {
    return {
      workbook: await zip.file('xl/workbook.xml')!.async('string'),
      workbookRels: await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
      contentTypes: await zip.file('[Content_Types].xml')!.async('string'),
      partNames: Object.keys(zip.files),
      tableIds: [1],
    };
  }

  it('adds a sheet with its table that ExcelJS reads, next to the sheets there were', async () => {
    const zip = await JSZip.loadAsync(
      await workbookWith(sheetXml('<row r="1"><c r="A1"><v>5</v></c></row>'), {
        table: tableXml('tOld', 'A1:B2'),
      }),
    );
    const out = addWorksheet(await partsOf(zip), {
      name: 'Produkty',
      sheetXml: newSheet,
      tableXml: tableXml('tProducts', 'A1:B2'),
    });
    expect(out.added.map((part) => part.name)).toEqual([
      'xl/worksheets/sheet2.xml',
      'xl/tables/table2.xml',
      'xl/worksheets/_rels/sheet2.xml.rels',
    ]);
    expect(out.workbook).toContain('<sheet name="Produkty" sheetId="2" r:id="rId2"/></sheets>');
    expect(out.added[1].content).toContain('id="2" name="tProducts"');
    zip.file('xl/workbook.xml', out.workbook);
    zip.file('xl/_rels/workbook.xml.rels', out.workbookRels);
    zip.file('[Content_Types].xml', out.contentTypes);
    for (const part of out.added) zip.file(part.name, part.content);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sheet1', 'Produkty']);
    const added = workbook.getWorksheet('Produkty')!;
    expect(added.getCell('B2').value).toBe('Usługa');
    expect(Object.keys((added as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      'tProducts',
    ]);
  });

  it('refuses a name Excel would refuse or the workbook already has', async () => {
    const parts = await partsOf(await JSZip.loadAsync(await workbookWith(sheetXml(''))));
    expect(() => addWorksheet(parts, { name: 'sheet1', sheetXml: newSheet })).toThrow(RangeError);
    expect(() => addWorksheet(parts, { name: 'a/b', sheetXml: newSheet })).toThrow(RangeError);
    expect(() => addWorksheet(parts, { name: 'x'.repeat(32), sheetXml: newSheet })).toThrow(RangeError);
  });
});

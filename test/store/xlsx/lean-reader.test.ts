import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createCellContext } from '../../../src/core/cells';
import type { Locale } from '../../../src/core/i18n';
import { CURRENT_SCHEMA } from '../../../src/core/schema';
import { writeGeneratedWorkbook } from '../../../src/dev/generated-workbook';
import type { NewRecord } from '../../../src/store/port';
import { createXlsxWorkbook, openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { LeanWorkbook } from '../../../src/store/xlsx/lean-workbook';
import { readTableRecords } from '../../../src/store/xlsx/table-reader';
import { loadWorkbookFile, type LoadedWorkbook } from '../../../src/store/xlsx/workbook-file';
import { clientRecord } from '../../contract/store-contract';

// The lean reader must give exactly the records ExcelJS's path gives, on every kind of cell.

const NOW = new Date('2026-03-01T12:00:00.000Z');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-lean-'));
  file = path.join(dir, 'crm.xlsx');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Outcome =
  | { lean: boolean; tables: LoadedWorkbook['state']['tables']; meta: LoadedWorkbook['meta'] }
  | { error: { code: unknown; message: string } };

const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function load(withExcelJs: boolean): Promise<Outcome> {
  try {
    const loaded = await loadWorkbookFile(file, { now: () => NOW, withExcelJs });
    // Rows typed by hand get a random id on every read: compared by where they are, not by it.
    const tables = Object.fromEntries(
      Object.entries(loaded.state.tables).map(([key, records]) => [
        key,
        records.map((r) => (GENERATED_ID.test(r.id) ? { ...r, id: 'generated' } : r)),
      ]),
    );
    return { lean: loaded.excel === undefined, tables, meta: loaded.meta };
  } catch (error) {
    return { error: { code: (error as { code?: unknown }).code, message: String(error) } };
  }
}

/** Both readers' outcomes, after checking they agree. */
async function expectSameRecords(): Promise<{ lean: Outcome; excel: Outcome }> {
  const lean = await load(false);
  const excel = await load(true);
  const strip = (o: Outcome) => ('error' in o ? o : { tables: o.tables, meta: o.meta });
  expect(strip(lean)).toEqual(strip(excel));
  return { lean, excel };
}

const usedLean = (o: Outcome) => 'lean' in o && o.lean;

async function workbookWith(table: string, records: NewRecord[], locale: Locale = 'pl'): Promise<void> {
  await createXlsxWorkbook(file, { locale });
  const store = await openXlsxStore(file);
  await store.append(table, records);
  await store.close();
}

async function editWithExcelJs(edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

async function editParts(edit: (parts: Map<string, string>) => void): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      parts.set(name, await zip.file(name)!.async('string'));
  }
  const before = new Map(parts);
  edit(parts);
  for (const [name, text] of parts) if (before.get(name) !== text) zip.file(name, text);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

interface TableModelLike {
  tableRef: string;
  columns: { name: string }[];
}

function tableOn(
  workbook: ExcelJS.Workbook,
  name: string,
): { sheet: ExcelJS.Worksheet; model: TableModelLike } {
  const sheet = workbook.worksheets.find((s) => name in (s as unknown as { tables: object }).tables)!;
  const model = (sheet as unknown as { tables: Record<string, { table: TableModelLike }> }).tables[name]
    .table;
  return { sheet, model };
}

function headerColumn(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

/** The sheet part holding `table`, by following its relationships as Excel lays them out. */
function sheetPartOf(parts: Map<string, string>, tablePart: string): string {
  for (const [name, text] of parts) {
    const sheet = /^xl\/worksheets\/_rels\/(sheet\d+)\.xml\.rels$/.exec(name)?.[1];
    if (sheet && text.includes(`../tables/${tablePart}`)) return `xl/worksheets/${sheet}.xml`;
  }
  throw new Error(`no sheet holds ${tablePart}`);
}

function clientsSheetPart(parts: Map<string, string>): string {
  for (const [name, text] of parts) {
    if (/^xl\/tables\/table\d+\.xml$/.test(name) && /name="tClients"/.test(text)) {
      return sheetPartOf(parts, name.slice('xl/tables/'.length));
    }
  }
  throw new Error('no tClients');
}

describe('the lean reader reads what ExcelJS reads', () => {
  test.each(['pl', 'en'] as const)('a generated %s workbook, every table', async (locale) => {
    await writeGeneratedWorkbook(file, { seed: 7, clients: 150, activitiesPerClient: 3, locale });
    const { lean } = await expectSameRecords();
    expect(usedLean(lean)).toBe(true);
    const rows = 'tables' in lean ? Object.values(lean.tables).flat().length : 0;
    expect(rows).toBeGreaterThan(150);
  });

  test('rich text, formulas of every result type, dates, escapes, user columns and hand-typed rows', async () => {
    await createXlsxWorkbook(file, { locale: 'pl' });
    const store = await openXlsxStore(file);
    await store.append('clients', [
      clientRecord(1, { notes: 'a & <b> "q" \'x\' _x0041_ ', city: 'Łódź\r\nlinia' }),
      clientRecord(2, { notes: '=1+1', street: '😀 Żółć', keyAccount: true }),
      clientRecord(3, { notes: '  spacje  ', keyAccount: false }),
      clientRecord(4),
      clientRecord(5),
    ]);
    await store.append('people', [
      { id: 'p-1', clientId: 'client-1', firstName: 'Jan', lastName: 'Kowalski', consentDate: '2024-02-29' },
      { id: 'p-2', clientId: 'client-2', firstName: 'Anna', lastName: 'Nowak' },
    ]);
    await store.close();
    await editWithExcelJs((workbook) => {
      const { sheet, model } = tableOn(workbook, 'tClients');
      const notes = headerColumn(sheet, 'Uwagi');
      const city = headerColumn(sheet, 'Miejscowość');
      const key = headerColumn(sheet, 'Klient kluczowy');
      const user = model.columns.length + 1;
      sheet.getRow(1).getCell(user).value = 'Moja kolumna';
      model.columns.push({ name: 'Moja kolumna' });
      model.tableRef = model.tableRef.replace(/:[A-Z]+(\d+)$/, `:${sheet.getColumn(user).letter}7`);
      sheet.getRow(2).getCell(notes).value = {
        richText: [{ text: 'Ala ' }, { font: { bold: true }, text: 'ma _x0042_ kota' }],
      };
      sheet.getRow(3).getCell(city).value = { formula: 'B3&"x"', result: 'wynik & co' };
      sheet.getRow(4).getCell(key).value = { formula: 'TRUE()', result: true };
      sheet.getRow(5).getCell(city).value = { formula: 'C2', result: '' } as ExcelJS.CellValue;
      sheet.getRow(2).getCell(user).value = { formula: '1/0', result: { error: '#DIV/0!' } };
      const userLetter = sheet.getColumn(user).letter;
      sheet.getRow(3).getCell(user).value = { formula: `${userLetter}6*2`, result: 25 };
      sheet.getRow(4).getCell(user).value = new Date(Date.UTC(2025, 0, 31));
      sheet.getRow(5).getCell(user).value = {
        sharedFormula: `${userLetter}3`,
        result: 7,
      } as ExcelJS.CellValue;
      sheet.getRow(6).getCell(user).value = 12.5;
      // ExcelJS leaves a falsy cached result (0, FALSE) out of a formula's value.
      sheet.getRow(5).getCell(key).value = { formula: 'FALSE()', result: false };
      sheet.getRow(6).getCell(headerColumn(sheet, 'Ulica i numer')).value = { formula: '1-1', result: 0 };
      sheet.getRow(5).getCell(user).style = { numFmt: '0.00' };
      sheet.getRow(6).getCell(notes).style = { font: { italic: true } };
      // A row typed by hand: no id, no tracking fields.
      sheet.getRow(7).getCell(headerColumn(sheet, 'Nazwa')).value = 'Wpisany ręcznie';
      sheet.getRow(7).getCell(user).value = 'tylko notatka';
      const people = tableOn(workbook, 'tPeople').sheet;
      const consent = headerColumn(people, 'Data zgody');
      people.getRow(3).getCell(consent).value = { formula: 'DATE(2024,5,1)', result: 45413 };
      people.getRow(3).getCell(consent).numFmt = 'dd.mm.yyyy';
    });
    const { lean } = await expectSameRecords();
    expect(usedLean(lean)).toBe(true);
    const clients = 'tables' in lean ? lean.tables.clients : [];
    expect(clients.map((c) => c.notes)).toContain('Ala ma _x0042_ kota');
    expect(clients.find((c) => c.name === 'Wpisany ręcznie')).toMatchObject({ id: 'generated', version: 1 });
  });

  test('inline strings, inline rich text, str cells, upper- and lower-case escapes and entities', async () => {
    await workbookWith(
      'clients',
      [1, 2, 3, 4].map((n) => clientRecord(n)),
      'en',
    );
    await editParts((parts) => {
      const part = clientsSheetPart(parts);
      let xml = parts.get(part)!;
      const cellOf = (ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`);
      // Column B holds the name, a required text: every form below must read as text.
      xml = xml.replace(
        cellOf('B2'),
        '<c r="B2" t="inlineStr"><is><t>inline &amp; &#x41;&#66; _x0043_</t></is></c>',
      );
      xml = xml.replace(
        cellOf('B3'),
        '<c r="B3" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">rich </t></r><r><t>_x0044_ run</t></r></is></c>',
      );
      xml = xml.replace(cellOf('B4'), '<c r="B4" t="str"><v>str &amp;amp; _x0045_ _x00e9_</v></c>');
      xml = xml.replace(cellOf('B5'), '<c r="B5" t="inlineStr"><is><t>line\r\nend</t></is></c>');
      parts.set(part, xml);
      const strings = parts.get('xl/sharedStrings.xml')!;
      parts.set(
        'xl/sharedStrings.xml',
        strings.replace('</sst>', '<si><t>_x0046_&lt;</t><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>'),
      );
    });
    const { lean } = await expectSameRecords();
    expect(usedLean(lean)).toBe(true);
    const names = 'tables' in lean ? lean.tables.clients.map((c) => c.name) : [];
    expect(names).toEqual(['inline & AB _x0043_', 'rich D run', 'str & _x0045_ _x00e9_', 'line\nend']);
  });

  test('a bad cell is the same error from both readers', async () => {
    await workbookWith('people', [{ id: 'p-1', clientId: 'c-1', firstName: 'Jan', lastName: 'K' }]);
    await editWithExcelJs((workbook) => {
      const people = tableOn(workbook, 'tPeople').sheet;
      people.getRow(2).getCell(headerColumn(people, 'Data zgody')).value = 'nie data';
    });
    const { lean } = await expectSameRecords();
    expect(lean).toMatchObject({ error: { code: 'badCell' } });
  });

  test.each([
    ['merged cells', (sheet: ExcelJS.Worksheet) => sheet.mergeCells('CA10:CB11')],
    [
      'a hyperlink',
      (sheet: ExcelJS.Worksheet) =>
        (sheet.getCell('CA5').value = { text: 'strona', hyperlink: 'https://example.com' }),
    ],
  ])('%s on a table sheet hand the file to ExcelJS, with the same records', async (_, edit) => {
    await workbookWith('clients', [clientRecord(1), clientRecord(2)]);
    await editWithExcelJs((workbook) => edit(tableOn(workbook, 'tClients').sheet));
    const { lean } = await expectSameRecords();
    expect(lean).toMatchObject({ lean: false });
    expect('tables' in lean && lean.tables.clients).toHaveLength(2);
  });

  test('an element ExcelJS does not expect inside a cell hands the file to ExcelJS', async () => {
    await workbookWith('clients', [clientRecord(1), clientRecord(2)]);
    await editParts((parts) => {
      const part = clientsSheetPart(parts);
      // ExcelJS ends the row at a phonetic run in an inline string: the rest of its cells are lost.
      const xml = parts
        .get(part)!
        .replace(
          /<c r="B3"[^>]*?(\/>|>.*?<\/c>)/,
          '<c r="B3" t="inlineStr"><is><t>Nazwa</t><rPh sb="0" eb="1"><t>ph</t></rPh></is></c>',
        );
      parts.set(part, xml);
    });
    const { lean } = await expectSameRecords();
    expect(lean).toMatchObject({ lean: false });
  });

  test('a 1904-based workbook reads its dates the same way', async () => {
    await workbookWith('people', [
      { id: 'p-1', clientId: 'c-1', firstName: 'Jan', lastName: 'K', consentDate: '2024-05-01' },
    ]);
    await editParts((parts) => {
      const workbook = parts.get('xl/workbook.xml')!;
      parts.set(
        'xl/workbook.xml',
        /<workbookPr/.test(workbook)
          ? workbook.replace(/<workbookPr/, '<workbookPr date1904="1"')
          : workbook.replace(/(<workbook[^>]*>)/, '$1<workbookPr date1904="1"/>'),
      );
    });
    const { lean } = await expectSameRecords();
    expect(usedLean(lean)).toBe(true);
    expect('tables' in lean && lean.tables.people[0].consentDate).toBe('2028-05-02');
  });
});

describe("the permissive reading of the product's own workbooks", () => {
  /** Every table's records as `LeanWorkbook` reads them with `permissive`. */
  function tablesRead(permissive: boolean): Record<string, unknown[]> {
    const lean = new LeanWorkbook(readFileSync(file), { permissive });
    const context = createCellContext(CURRENT_SCHEMA, 'pl');
    const tables: Record<string, unknown[]> = {};
    for (const sheet of lean.sheets) {
      for (const table of lean.tablesOf(sheet)) {
        const schema = CURRENT_SCHEMA.tables.find((t) => t.tableName === table.name);
        if (!schema) continue;
        tables[schema.key] = readTableRecords(schema, lean.cells(sheet, table), table, {
          context,
          now: NOW.toISOString(),
        }).records.map((r) => (GENERATED_ID.test(r.id) ? { ...r, id: 'generated' } : r));
      }
    }
    return tables;
  }

  test('a generated workbook reads the same both ways', async () => {
    await writeGeneratedWorkbook(file, { seed: 11, clients: 120, activitiesPerClient: 3, locale: 'pl' });
    const permissive = tablesRead(true);
    expect(Object.keys(permissive)).toHaveLength(CURRENT_SCHEMA.tables.length);
    expect(permissive).toEqual(tablesRead(false));
  });

  test("ExcelJS's readings that are not the file's: falsy formula results, text decoded twice", async () => {
    await workbookWith('clients', [clientRecord(1), clientRecord(2)]);
    await editWithExcelJs((workbook) => {
      const { sheet } = tableOn(workbook, 'tClients');
      sheet.getRow(2).getCell(headerColumn(sheet, 'Klient kluczowy')).value = {
        formula: 'FALSE()',
        result: false,
      };
      sheet.getRow(3).getCell(headerColumn(sheet, 'Ulica i numer')).value = {
        formula: '"a&amp;b"',
        result: 'a&amp;b',
      };
    });
    const [asExcelJs, permissive] = [tablesRead(false), tablesRead(true)];
    const pick = (tables: Record<string, unknown[]>) =>
      (tables.clients as { keyAccount: unknown; street: unknown }[]).map((c) => [c.keyAccount, c.street]);
    expect(pick(asExcelJs)).toEqual([
      [null, clientRecord(1).street ?? null],
      [clientRecord(2).keyAccount ?? null, 'a&b'],
    ]);
    expect(pick(permissive)).toEqual([
      [false, clientRecord(1).street ?? null],
      [clientRecord(2).keyAccount ?? null, 'a&amp;b'],
    ]);
  });
});

describe('writing after a lean read', () => {
  test("the user's cells and formulas read by ExcelJS at the first write survive it", async () => {
    await workbookWith('clients', [clientRecord(1), clientRecord(2)]);
    await editWithExcelJs((workbook) => {
      const { sheet, model } = tableOn(workbook, 'tClients');
      const user = model.columns.length + 1;
      sheet.getRow(1).getCell(user).value = 'Moja kolumna';
      model.columns.push({ name: 'Moja kolumna' });
      model.tableRef = model.tableRef.replace(/:[A-Z]+/, `:${sheet.getColumn(user).letter}`);
      sheet.getRow(3).getCell(user).value = 'notatka';
      sheet.getRow(2).getCell(headerColumn(sheet, 'Miejscowość')).value = {
        formula: '"Gdy"&"nia"',
        result: 'Gdynia',
      };
    });
    const store = await openXlsxStore(file);
    await store.update('clients', [{ id: 'client-2', expectedVersion: 1, changes: { street: 'Morska 1' } }]);
    await store.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const { sheet } = tableOn(workbook, 'tClients');
    expect(sheet.getRow(3).getCell(headerColumn(sheet, 'Moja kolumna')).value).toBe('notatka');
    expect(sheet.getRow(2).getCell(headerColumn(sheet, 'Miejscowość')).value).toMatchObject({
      formula: '"Gdy"&"nia"',
    });
    expect(sheet.getRow(3).getCell(headerColumn(sheet, 'Ulica i numer')).value).toBe('Morska 1');
  });
});

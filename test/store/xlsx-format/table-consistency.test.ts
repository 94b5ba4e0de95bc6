import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RelacjeError } from '../../../src/core/errors';
import type { Locale } from '../../../src/core/i18n';
import type { NewRecord } from '../../../src/store/port';
import { parseRange } from '../../../src/store/xlsx/package/cell-ref';
import { SheetPatchUnsupported } from '../../../src/store/xlsx/package/sheet-rows';
import { repairTablePackage, withRowCells } from '../../../src/store/xlsx/table-consistency';
import { CURRENT_SCHEMA } from '../../../src/core/schema';
import { inspectWorkbookFile, repairWorkbookFile } from '../../../src/store/xlsx/workbook-file';
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { ZipEntries } from '../../../src/store/xlsx/zip-entries';
import { clientRecord } from '../../contract/store-contract';
import {
  appendRows,
  CLIENTS,
  copiedRow,
  damagePackage,
  partText,
  productWorkbook as writeProductWorkbook,
  readAllOf,
  rowOf,
  tableInfoOf,
  tablePartsOf,
  textCell as cell,
  withRef,
} from '../../cli/workbook-damage';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-tables-'));
  file = path.join(dir, 'crm.xlsx');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const productWorkbook = (locale?: Locale, clients?: readonly NewRecord[]) =>
  writeProductWorkbook(file, locale, clients);
const readAll = () => readAllOf(file);
const partsOf = (tableName: string) => tablePartsOf(file, tableName);
const damage = (edits: Record<string, (xml: string) => string>) => damagePackage(file, edits);
const tableOf = (tableName: string) => tableInfoOf(file, tableName);
const sheetXml = (part: string) => partText(file, part);
const codes = (problems: readonly RelacjeError[]) => problems.map((p) => p.code);

/** The clients' table with a 29th column, `name` in its table part and `headerCell` on the sheet. */
function withUserColumn(table: string, sheet: string, name: string, headerCell: string) {
  return {
    [table]: (xml: string) =>
      withRef(() => 'A1:AC4')(xml)
        .replace('<tableColumns count="28"', '<tableColumns count="29"')
        .replace('</tableColumns>', `<tableColumn id="29" name="${name}"/></tableColumns>`),
    [sheet]: (xml: string) => xml.replace(/(<row r="1"[^>]*>[\s\S]*?)<\/row>/, `$1${headerCell}</row>`),
  };
}

describe('ghost rows below a table', () => {
  test('validate names the rows, the table and the sheet; repair takes them into the table and loses nothing', async () => {
    await productWorkbook();
    const before = await readAll();
    const { sheet, table } = partsOf('tClients');
    const original = sheetXml(sheet);
    // What deleting the last rows used to leave: their cells, just below the shrunken table.
    await damage({
      [sheet]: appendRows(
        copiedRow(original, 4, 5, 'client-old-4') + copiedRow(original, 3, 6, 'client-old-3'),
      ),
    });
    expect(await inspectWorkbookFile(file)).toEqual([expect.objectContaining({ code: 'ghostRows' })]);
    const [problem] = await inspectWorkbookFile(file);
    expect(problem.params).toEqual({ table: 'tClients', sheet: 'Klienci', first: 5, last: 6 });
    expect(problem.messageIn('pl')).toContain('Wiersze 5–6 pod tabelą tClients na arkuszu „Klienci”');
    expect(problem.messageIn('en')).toContain('relacje repair');

    const untouched = new ZipEntries(readFileSync(file));
    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.pl)).toEqual([
      'dołączono do tabeli tClients (arkusz „Klienci”) 2 wiersze spod niej (5–6) — sprawdź je i usuń, jeśli to pozostałości usuniętych rekordów',
    ]);
    expect(report.remaining).toEqual([]);
    expect(await inspectWorkbookFile(file)).toEqual([]);

    const repaired = tableOf('tClients');
    expect(repaired.ref).toBe('A1:AB6');
    const zip = new ZipEntries(readFileSync(file));
    expect(zip.read(table)!.toString('utf8')).toContain('<autoFilter ref="A1:AB6"');
    // The table part and the sheet's validation lists changed; every other part is copied as stored.
    for (const name of zip.names().filter((n) => n !== table && n !== sheet)) {
      expect([name, zip.raw(name)!.equals(untouched.raw(name)!)]).toEqual([name, true]);
    }
    const validated = sheetXml(sheet);
    expect(validated).toContain('sqref="R2:R6"');
    expect(validated).not.toContain('sqref="R2:R4"');
    expect(validated.slice(0, validated.indexOf('</sheetData>'))).toBe(
      untouched.read(sheet)!.toString('utf8').slice(0, validated.indexOf('</sheetData>')),
    );
    const after = await readAll();
    expect(after.tables.clients.slice(0, 3)).toEqual(before.tables.clients);
    expect(after.tables.clients.map((c) => c.id)).toEqual([
      'client-1',
      'client-2',
      'client-3',
      'client-old-4',
      'client-old-3',
    ]);
    expect(after.tables.clients[3]).toMatchObject({ name: CLIENTS[2].name, city: 'Gniezno' });
  });

  test('one ghost row is named as one row, and a blank row ends the run', async () => {
    await productWorkbook();
    const { sheet } = partsOf('tClients');
    await damage({
      [sheet]: appendRows(`<row r="5">${cell('H5', 'Kalisz')}</row><row r="7">${cell('B7', 'daleko')}</row>`),
    });
    const problems = await inspectWorkbookFile(file);
    expect(problems.map((p) => p.params)).toEqual([
      { table: 'tClients', sheet: 'Klienci', first: 5, last: 5 },
    ]);
    expect(problems[0].messageIn('pl')).toMatch(
      /^Wiersz 5 pod tabelą tClients na arkuszu „Klienci” zawiera dane/,
    );
    const report = await repairWorkbookFile(file);
    expect(report.changes[0].pl).toContain(
      'dołączono do tabeli tClients (arkusz „Klienci”) 1 wiersz spod niej (5)',
    );
    expect(tableOf('tClients').ref).toBe('A1:AB5');
    // The row after the blank one is not the table's: it is still there, still outside.
    expect(sheetXml(sheet)).toContain(cell('B7', 'daleko'));
  });

  test("cells beside the table, outside its columns, are no ghost rows; nor are a user table's own rows", async () => {
    await productWorkbook();
    const { sheet } = partsOf('tClients');
    await damage({
      [sheet]: appendRows('<row r="5"><c r="AD5" t="inlineStr"><is><t>suma</t></is></c></row>'),
    });
    expect(await inspectWorkbookFile(file)).toEqual([]);
    expect((await repairWorkbookFile(file)).changes).toEqual([]);
  });

  test('an empty table with a leftover row below its header', async () => {
    await productWorkbook('pl', [clientRecord(1)]);
    const { sheet } = partsOf('tClients');
    expect(tableOf('tClients').ref).toBe('A1:AB2');
    // The last record deleted: the table is its header and one empty row, the record's cells below.
    const original = sheetXml(sheet);
    await damage({
      [sheet]: (xml) =>
        xml
          .replace(rowOf(original, 2), '')
          .replace('</sheetData>', `${copiedRow(original, 2, 3, 'client-1')}</sheetData>`),
    });
    expect((await readAll()).tables.clients).toEqual([]);
    expect(codes(await inspectWorkbookFile(file))).toEqual(['ghostRows']);
    await repairWorkbookFile(file);
    expect(await inspectWorkbookFile(file)).toEqual([]);
    expect(tableOf('tClients').ref).toBe('A1:AB3');
    expect((await readAll()).tables.clients.map((c) => c.name)).toEqual([clientRecord(1).name]);
  });
});

describe('a table part that does not fit its range', () => {
  test('a range wider than the columns: validate says so; repair adds columns named after their headers', async () => {
    await productWorkbook();
    const before = await readAll();
    const { sheet, table } = partsOf('tClients');
    await damage({
      [table]: withRef(() => 'A1:AD4'),
      [sheet]: (xml) =>
        xml
          .replace(/(<row r="1"[^>]*>[\s\S]*?)<\/row>/, `$1${cell('AC1', 'Notatki')}</row>`)
          .replace(/(<row r="2"[^>]*>[\s\S]*?)<\/row>/, `$1${cell('AC2', 'zadzwonić we wtorek')}</row>`),
    });
    const problems = await inspectWorkbookFile(file);
    expect(codes(problems)).toEqual(['tableWidthMismatch']);
    expect(problems[0].params).toEqual({
      table: 'tClients',
      sheet: 'Klienci',
      ref: 'A1:AD4',
      columns: 28,
      width: 30,
    });
    expect(problems[0].messageIn('pl')).toContain('relacje repair');

    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.pl)).toEqual([
      'dopasowano kolumny tabeli tClients (arkusz „Klienci”) do nagłówków: dodano „Notatki”, „Kolumna1”',
    ]);
    expect(await inspectWorkbookFile(file)).toEqual([]);
    const repaired = tableOf('tClients');
    expect(repaired.ref).toBe('A1:AD4');
    expect(repaired.columns.slice(-3).map((c) => c.name)).toEqual(['Zmieniono', 'Notatki', 'Kolumna1']);
    const header = rowOf(sheetXml(sheet), 1);
    expect(header).toContain('<c r="AD1" t="inlineStr"><is><t>Kolumna1</t></is></c>');
    expect(header).not.toMatch(/spans=/);
    expect(rowOf(sheetXml(sheet), 2)).toContain('zadzwonić we wtorek');
    expect((await readAll()).tables).toEqual(before.tables);
  });

  test('a range narrower than the columns is widened to hold them', async () => {
    await productWorkbook();
    const before = await readAll();
    const { table } = partsOf('tClients');
    await damage({ [table]: withRef(() => 'A1:Z4') });
    const problems = await inspectWorkbookFile(file);
    expect(problems.find((p) => p.code === 'tableWidthMismatch')?.params).toEqual({
      table: 'tClients',
      sheet: 'Klienci',
      ref: 'A1:Z4',
      columns: 28,
      width: 26,
    });
    const report = await repairWorkbookFile(file);
    expect(report.changes[0].en).toBe(
      'matched the columns of the table tClients (sheet "Klienci") to its headers: widened its range to A1:AB4',
    );
    expect(tableOf('tClients').ref).toBe('A1:AB4');
    expect(await inspectWorkbookFile(file)).toEqual([]);
    expect((await readAll()).tables).toEqual(before.tables);
  });

  test('a column count that is not the number of columns', async () => {
    await productWorkbook();
    const { table } = partsOf('tClients');
    await damage({ [table]: (xml) => xml.replace('<tableColumns count="28"', '<tableColumns count="30"') });
    const [problem] = await inspectWorkbookFile(file);
    expect(problem.params).toMatchObject({ columns: 28, width: 28, declared: 30 });
    const report = await repairWorkbookFile(file);
    expect(report.changes[0].pl).toContain('poprawiono liczbę kolumn na 28');
    expect(sheetXml(table)).toContain('<tableColumns count="28"');
    expect(await inspectWorkbookFile(file)).toEqual([]);
  });

  test("a header cell that differs from its table column: the table part takes the cell's name", async () => {
    await productWorkbook();
    const { sheet, table } = partsOf('tClients');
    // The user's own column: the table part calls it "Kolumna1", its header cell says "Notatki".
    await damage(withUserColumn(table, sheet, 'Kolumna1', cell('AC1', 'Notatki')));
    const problems = await inspectWorkbookFile(file);
    expect(problems.map((p) => [p.code, p.params])).toEqual([
      [
        'tableHeaderMismatch',
        { table: 'tClients', sheet: 'Klienci', cell: 'AC1', header: 'Notatki', column: 'Kolumna1' },
      ],
    ]);
    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.pl)).toEqual([
      'dopasowano kolumny tabeli tClients (arkusz „Klienci”) do nagłówków: nazwano według nagłówków „Notatki”',
    ]);
    expect(tableOf('tClients').columns.at(-1)).toEqual({ id: 29, name: 'Notatki' });
    expect(await inspectWorkbookFile(file)).toEqual([]);
  });

  test("a header cell holding a truth value (another program's) is no mismatch", async () => {
    await productWorkbook();
    const { sheet, table } = partsOf('tClients');
    await damage(withUserColumn(table, sheet, 'PRAWDA', '<c r="AC1" t="b"><v>1</v></c>'));
    expect(await inspectWorkbookFile(file)).toEqual([]);
    expect((await repairWorkbookFile(file)).changes).toEqual([]);
  });

  test('a range that cannot widen to hold its columns is left as it is, for the user', async () => {
    await productWorkbook();
    const { table } = partsOf('tClients');
    // Four columns wide at the sheet's right edge: the 28 it lists would run off the sheet.
    await damage({ [table]: withRef(() => 'XFA1:XFD4') });
    const content = readFileSync(file);
    const report = await repairTablePackage(file, content, {
      schema: CURRENT_SCHEMA,
      guessLocale: () => 'pl',
    });
    expect(report.changes).toEqual([]);
    expect(report.remaining.map((p) => [p.code, p.params])).toEqual([
      [
        'tableWidthMismatch',
        { table: 'tClients', sheet: 'Klienci', ref: 'XFA1:XFD4', columns: 28, width: 4 },
      ],
    ]);
    expect(readFileSync(file).equals(content)).toBe(true);
  });
});

describe('renamed columns', () => {
  /** Renames our header in the header cell and in the table part, as Excel does when a user types over it. */
  async function rename(renames: Record<string, string>): Promise<void> {
    const { sheet, table } = partsOf('tClients');
    const headerCells = new Map<number, string>();
    const info = tableOf('tClients');
    const range = parseRange(info.ref)!;
    info.columns.forEach((c, i) => {
      if (renames[c.name] !== undefined) headerCells.set(range.left + i, renames[c.name]);
    });
    await damage({
      [sheet]: (xml) => withRowCells(xml, range.top, headerCells),
      [table]: (xml) =>
        Object.entries(renames).reduce(
          (out, [from, to]) => out.replace(`name="${from}"`, `name="${to}"`),
          xml,
        ),
    });
  }

  test('"Nazwa firmy" and "Email" are recognised, their headers restored, and no column is added', async () => {
    await productWorkbook();
    const before = await readAll();
    await rename({ Nazwa: 'Nazwa firmy', 'E-mail': 'Email' });
    const problems = await inspectWorkbookFile(file);
    expect(problems.map((p) => [p.code, p.params])).toEqual([
      ['renamedColumn', { table: 'tClients', sheet: 'Klienci', column: 'Nazwa', header: 'Nazwa firmy' }],
      ['renamedColumn', { table: 'tClients', sheet: 'Klienci', column: 'E-mail', header: 'Email' }],
    ]);
    expect(problems[0].messageIn('pl')).toBe(
      'Kolumna „Nazwa” tabeli tClients (arkusz „Klienci”) ma teraz nagłówek „Nazwa firmy” — wygląda na przemianowaną. Uruchom „relacje repair”, aby przywrócić jej nagłówek; dane w niej zostaną.',
    );

    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.pl)).toEqual([
      'kolumnę „Nazwa firmy” rozpoznano jako „Nazwa” i przywrócono jej nagłówek (tabela tClients, arkusz „Klienci”)',
      'kolumnę „Email” rozpoznano jako „E-mail” i przywrócono jej nagłówek (tabela tClients, arkusz „Klienci”)',
    ]);
    expect(await inspectWorkbookFile(file)).toEqual([]);
    const repaired = tableOf('tClients');
    expect(repaired.ref).toBe('A1:AB4');
    expect(repaired.columns.map((c) => c.name).slice(0, 2)).toEqual(['ID', 'Nazwa']);
    expect(repaired.columns.map((c) => c.name)).toContain('E-mail');
    expect(await readAll()).toEqual(before);
  });

  test('an English header with other punctuation in a Polish workbook gets its Polish header back', async () => {
    await productWorkbook();
    const before = await readAll();
    await rename({ Nazwa: 'Name:' });
    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.en)).toEqual([
      'recognised the column "Name:" as "Nazwa" and restored its header (table tClients, sheet "Klienci")',
    ]);
    expect((await readAll()).tables.clients).toEqual(before.tables.clients);
  });

  test('an English workbook gets its English header back', async () => {
    await productWorkbook('en');
    const before = await readAll();
    const { sheet, table } = partsOf('tClients');
    await damage({
      [sheet]: (xml) => withRowCells(xml, 1, new Map([[2, 'Company name']])),
      [table]: (xml) => xml.replace('name="Name"', 'name="Company name"'),
    });
    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.en)).toEqual([
      'recognised the column "Company name" as "Name" and restored its header (table tClients, sheet "Clients")',
    ]);
    expect((await readAll()).tables.clients).toEqual(before.tables.clients);
  });

  test('an ambiguous rename is not guessed: repair adds the column as before and keeps both', async () => {
    await productWorkbook();
    const before = await readAll();
    await rename({ Nazwa: 'Nazwa firmy', Segment: 'Nazwa skrócona' });
    expect((await inspectWorkbookFile(file)).map((p) => [p.code, p.params])).toEqual([
      ['missingColumn', { table: 'tClients', sheet: 'Klienci', column: 'Nazwa' }],
      ['missingColumn', { table: 'tClients', sheet: 'Klienci', column: 'Segment' }],
    ]);
    const report = await repairWorkbookFile(file);
    expect(report.changes.map((c) => c.pl).join('\n')).not.toContain('rozpoznano');
    expect(report.changes.map((c) => c.pl)).toContain('dodano kolumnę „Nazwa” w tClients');
    const headers = tableOf('tClients').columns.map((c) => c.name);
    expect(headers).toEqual(expect.arrayContaining(['Nazwa firmy', 'Nazwa skrócona', 'Nazwa', 'Segment']));
    const after = await readAll();
    expect(after.tables.clients.map((c) => c.id)).toEqual(before.tables.clients.map((c) => c.id));
  });
});

test('a sound workbook is left byte for byte as it is', async () => {
  await productWorkbook();
  const content = readFileSync(file);
  expect(await inspectWorkbookFile(file)).toEqual([]);
  expect(await repairWorkbookFile(file)).toEqual({ changes: [], remaining: [] });
  expect(readFileSync(file).equals(content)).toBe(true);
});

test('repair refuses a workbook another store has open for writing, and leaves it as it is', async () => {
  await productWorkbook();
  const { table } = partsOf('tClients');
  await damage({ [table]: withRef(() => 'A1:AC4') });
  const content = readFileSync(file);
  const store = await openXlsxStore(file);
  try {
    await expect(repairWorkbookFile(file)).rejects.toMatchObject({ code: 'workbookInUse' });
    expect(readFileSync(file).equals(content)).toBe(true);
  } finally {
    await store.close();
  }
  expect((await repairWorkbookFile(file)).changes).toHaveLength(1);
});

describe('withRowCells', () => {
  const sheet = (rows: string) =>
    `<worksheet><sheetData>${rows}</sheetData><tableParts count="1"/></worksheet>`;

  test('sets a cell keeping its style, adds one with the style of the cell before it, in column order', () => {
    const xml = sheet(
      '<row r="1" spans="1:3"><c r="A1" s="3" t="s"><v>0</v></c><c r="C1" s="4"/></row><row r="2"/>',
    );
    const out = withRowCells(
      xml,
      1,
      new Map([
        [1, 'ID'],
        [2, 'Nazwa'],
        [4, 'Uwagi & co'],
      ]),
    );
    expect(out).toBe(
      sheet(
        '<row r="1"><c r="A1" s="3" t="inlineStr"><is><t>ID</t></is></c><c r="B1" s="3" t="inlineStr"><is><t>Nazwa</t></is></c>' +
          '<c r="C1" s="4"/><c r="D1" s="4" t="inlineStr"><is><t>Uwagi &amp; co</t></is></c></row><row r="2"/>',
      ),
    );
  });

  test('creates the row where it is missing, in row order', () => {
    expect(withRowCells(sheet('<row r="3"/>'), 1, new Map([[1, 'x']]))).toBe(
      sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"/>'),
    );
    expect(withRowCells('<worksheet><sheetData/></worksheet>', 2, new Map([[2, 'y']]))).toBe(
      '<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>',
    );
  });

  test('rows and cells without their numbers follow the ones before them', () => {
    expect(withRowCells(sheet('<row><c t="s"><v>1</v></c></row>'), 1, new Map([[2, 'x']]))).toBe(
      sheet('<row r="1"><c t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>'),
    );
  });

  test('widens the dimension to hold a new cell', () => {
    const xml = '<worksheet><dimension ref="A1:B3"/><sheetData><row r="1"/></sheetData></worksheet>';
    expect(withRowCells(xml, 1, new Map([[4, 'x']]))).toContain('<dimension ref="A1:D3"/>');
  });

  test('refuses sheet XML it does not rewrite', () => {
    const prefixed = '<x:worksheet><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>';
    expect(() => withRowCells(prefixed, 1, new Map([[1, 'x']]))).toThrow(SheetPatchUnsupported);
    expect(() => withRowCells('<worksheet/>', 1, new Map([[1, 'x']]))).toThrow(SheetPatchUnsupported);
  });
});

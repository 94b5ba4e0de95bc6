import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { createCellContext } from '../../../src/core/cells';
import { isRelacjeError } from '../../../src/core/errors';
import { CURRENT_SCHEMA } from '../../../src/core/schema';
import { LeanReadUnsupported } from '../../../src/store/xlsx/zip-entries';
import { isDateFormat, LeanWorkbook, type LeanTable } from '../../../src/store/xlsx/lean-workbook';
import { readTableRecords, type SourceCell } from '../../../src/store/xlsx/table-reader';
import { decimalAt } from '../../../src/store/xlsx/xml-scan';

// Files as Excel (desktop and web), LibreOffice and Google Sheets save them, each quirk in a
// small hand-made fixture under test/fixtures/other-programs/, read by the permissive lean reader.

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'other-programs');
const NOW = '2026-03-01T12:00:00.000Z';

/**
 * A fixture's parts: `== name` starts a part (its text follows), `== -name` removes one of the
 * base's; lines starting with `#` before the first part describe it.
 */
function partsOf(file: string): Map<string, string | null> {
  const parts = new Map<string, string | null>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined) parts.set(current, lines.join('\n'));
    lines = [];
  };
  for (const line of readFileSync(path.join(FIXTURES, file), 'utf8').split('\n')) {
    const header = /^== (-)?(.+)$/.exec(line);
    if (header) {
      flush();
      if (header[1]) {
        parts.set(header[2], null);
        current = undefined;
      } else current = header[2];
    } else if (current !== undefined) lines.push(line);
  }
  flush();
  return parts;
}

/** The fixture's parts on top of the base workbook's. */
function fixtureParts(name: string): Map<string, string> {
  const parts = new Map(partsOf('base-workbook.parts') as Map<string, string>);
  for (const [part, text] of partsOf(`${name}.parts`)) {
    if (text === null) parts.delete(part);
    else parts.set(part, text.replace(/\n$/, ''));
  }
  return parts;
}

function packageOf(
  parts: Map<string, string>,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [part, text] of parts) zip.file(part, text);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

/** The fixture on top of the base workbook, as the bytes of an .xlsx. */
function fixture(name: string): Promise<Buffer> {
  return packageOf(fixtureParts(name));
}

const clientsTable = CURRENT_SCHEMA.tables.find((t) => t.key === 'clients')!;
const context = createCellContext(CURRENT_SCHEMA, 'pl');

function clientsOf(lean: LeanWorkbook): {
  table: LeanTable;
  sheet: string;
  records: Record<string, unknown>[];
} {
  for (const sheet of lean.sheets) {
    const table = lean.tablesOf(sheet).find((t) => t.name === 'tClients');
    if (!table) continue;
    const read = readTableRecords(clientsTable, lean.cells(sheet, table), table, {
      context,
      now: NOW,
      // The fixtures hold only a few of the table's columns.
      addedColumns: new Set(clientsTable.columns.map((c) => c.key)),
    });
    return { table, sheet: sheet.name, records: read.records };
  }
  throw new Error('no tClients');
}

async function readClients(name: string): Promise<Record<string, unknown>[]> {
  return clientsOf(new LeanWorkbook(await fixture(name), { permissive: true })).records;
}

/** Every cell of a sheet's rows `from`..`to`, as read: row → column → cell. */
function cellsOf(
  lean: LeanWorkbook,
  sheetName: string,
  from = 1,
  to = 1000,
): Map<number, Map<number, SourceCell>> {
  const sheet = lean.sheets.find((s) => s.name === sheetName)!;
  const rows = new Map<number, Map<number, SourceCell>>();
  lean.cells(sheet).eachRow(from, to, (row) => {
    const cells = new Map<number, SourceCell>();
    for (let col = 1; col <= 10; col += 1) {
      const cell = row.cell(col);
      if (cell) cells.set(col, { ...cell });
    }
    rows.set(row.number, cells);
  });
  return rows;
}

const pick = (records: Record<string, unknown>[], ...keys: string[]) =>
  records.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('Excel desktop', () => {
  test('shared formulas read by their cached results, falsy ones included, from any row', async () => {
    const lean = new LeanWorkbook(await fixture('excel-shared-formulas'), { permissive: true });
    expect(pick(clientsOf(lean).records, 'id', 'name', 'keyAccount', 'notes')).toEqual([
      { id: 'c-1', name: 'Alfa Sp. z o.o.', keyAccount: true, notes: 'Alfa Sp. z o.o. (VIP)' },
      { id: 'c-2', name: 'Beta', keyAccount: false, notes: null },
      { id: 'c-3', name: 'Gamma SA', keyAccount: false, notes: null },
      { id: 'c-4', name: '0', keyAccount: false, notes: null },
    ]);
    // A pass that starts below the masters (row 2) still reads the copies.
    const rows = cellsOf(lean, 'Klienci', 4, 5);
    expect([...rows.keys()]).toEqual([4, 5]);
    expect(rows.get(4)!.get(3)).toMatchObject({ raw: false, formula: true, formulaText: undefined });
    expect(rows.get(5)!.get(2)).toMatchObject({ raw: 0, formula: true, formulaText: '1-1' });
    // The masters give the formula as written.
    const master = cellsOf(lean, 'Klienci', 2, 2).get(2)!;
    expect(master.get(3)).toMatchObject({ raw: true, formulaText: 'LEN(B2)>8' });
    expect(master.get(4)).toMatchObject({
      raw: 'Alfa Sp. z o.o. (VIP)',
      formulaText: 'IF(C2,B2&" (VIP)","")',
    });
    // By default (ExcelJS's reading) a copy without its master in the pass is refused.
    const strict = new LeanWorkbook(await fixture('excel-shared-formulas'));
    expect(() => cellsOf(strict, 'Klienci', 4, 5)).toThrow(LeanReadUnsupported);
  });

  test('rich text runs, a plain text before runs, phonetic guides and _xHHHH_ escapes', async () => {
    expect(pick(await readClients('excel-rich-text-runs'), 'id', 'name', 'notes')).toEqual([
      { id: 'c-1', name: 'Alfa Sp. z o.o.', notes: 'Pierwsza linia\r\ndruga\ntrzecia' },
      { id: 'c-2', name: '株式会社', notes: null },
    ]);
  });

  test('inline strings: plain, in runs, with a phonetic guide, an escape, white space around <t>', async () => {
    expect(pick(await readClients('excel-inline-strings'), 'id', 'name', 'notes')).toEqual([
      { id: 'c-1', name: 'Alfa & syn', notes: 'tab\ttu' },
      { id: 'c-2', name: 'Beta', notes: null },
    ]);
  });

  test('t="str" formulas decode their text once; errors, 0 and "" are results too', async () => {
    const lean = new LeanWorkbook(await fixture('excel-str-formulas'), { permissive: true });
    expect(pick(clientsOf(lean).records, 'id', 'name', 'keyAccount', 'notes', 'createdAt')).toEqual([
      {
        id: 'c-1',
        name: 'Alfa &amp; Syn',
        keyAccount: null,
        notes: '#DIV/0!',
        createdAt: '2024-05-01T12:00:00.000Z',
      },
      { id: 'c-2', name: 'Beta', keyAccount: false, notes: null, createdAt: NOW },
    ]);
    const row3 = cellsOf(lean, 'Klienci', 3, 3).get(3)!;
    expect(row3.get(3)).toEqual({ raw: 0, blank: false, formula: true, formulaText: '0' });
    expect(row3.get(4)).toEqual({ raw: '', blank: false, formula: true, formulaText: '""' });
  });

  test('the 1904 date system: dates come out as the dates the workbook shows', async () => {
    expect(pick(await readClients('excel-1904-dates'), 'id', 'createdAt')).toEqual([
      { id: 'c-1', createdAt: '2024-05-01T12:00:00.000Z' },
    ]);
    const lean = new LeanWorkbook(await fixture('excel-1904-dates'), { permissive: true });
    expect(lean.date1904).toBe(true);
  });

  test("a calculated column: the table part's formula, each cell's formula and result", async () => {
    const lean = new LeanWorkbook(await fixture('excel-calculated-column'), { permissive: true });
    const { table, records } = clientsOf(lean);
    expect(table.columns[3]).toEqual({
      name: 'Uwagi',
      calculatedColumnFormula: 'tClients[[#This Row],[Nazwa]]&" — klient"',
    });
    expect(records[0].notes).toBe('Alfa — klient');
    expect(cellsOf(lean, 'Klienci', 2, 2).get(2)!.get(4)).toMatchObject({
      formula: true,
      formulaText: 'tClients[[#This Row],[Nazwa]]&" — klient"',
    });
  });
});

describe('Google Sheets', () => {
  test('an export: shared strings, t="b" booleans, dates as bare serials, a sheet without relationships', async () => {
    const lean = new LeanWorkbook(await fixture('google-sheets-export'), { permissive: true });
    expect(lean.sheets.map((s) => s.name)).toEqual(['Klienci', 'Notatki']);
    expect(lean.tablesOf(lean.sheets[1])).toEqual([]);
    expect(cellsOf(lean, 'Notatki').get(1)!.get(1)!.raw).toBe('notatka');
    expect(pick(clientsOf(lean).records, 'id', 'name', 'keyAccount', 'notes', 'createdAt')).toEqual([
      {
        id: 'c-1',
        name: 'Alfa',
        keyAccount: true,
        notes: 'zadzwonić w poniedziałek',
        createdAt: '2024-05-01T12:00:00.000Z',
      },
      { id: 'c-2', name: 'Beta', keyAccount: false, notes: null, createdAt: '2024-05-02T06:00:00.000Z' },
    ]);
  });
});

describe('LibreOffice', () => {
  test('booleans as TRUE()/FALSE() formulas and as 0/1 numbers with a boolean format', async () => {
    const records = await readClients('libreoffice-booleans');
    expect(pick(records, 'id', 'name', 'keyAccount')).toEqual([
      { id: 'c-1', name: 'Alfa', keyAccount: true },
      { id: 'c-2', name: 'Beta', keyAccount: false },
      { id: 'c-3', name: 'Gamma', keyAccount: false },
      { id: 'c-4', name: 'Delta', keyAccount: true },
    ]);
  });
});

describe('other generators and hand edits', () => {
  test('prefixed SpreadsheetML (<x:worksheet>, <x:row>, <x:c>)', async () => {
    expect(
      pick(await readClients('prefixed-sheet-xml'), 'id', 'name', 'keyAccount', 'notes', 'createdAt'),
    ).toEqual([
      { id: 'c-1', name: 'Alfa', keyAccount: true, notes: 'w linii', createdAt: '2024-05-01T12:00:00.000Z' },
    ]);
    // ExcelJS's reading finds no sheet in it.
    expect(new LeanWorkbook(await fixture('prefixed-sheet-xml')).sheets).toEqual([]);
  });

  test('parts under other names, absolute and percent-encoded targets, a chart sheet', async () => {
    const lean = new LeanWorkbook(await fixture('odd-part-names'), { permissive: true });
    expect(lean.sheets.map((s) => [s.name, s.part])).toEqual([['Klienci', 'xl/worksheets/Klienci.xml']]);
    const { table, records } = clientsOf(lean);
    expect(table.part).toBe('xl/tables/Klienci tabela.xml');
    expect(pick(records, 'id', 'name', 'keyAccount', 'createdAt')).toEqual([
      { id: 'c-1', name: 'Alfa', keyAccount: true, createdAt: '2024-05-01T12:00:00.000Z' },
    ]);
  });

  test('merged cells, hyperlinks, bare cells, rows and cells without references, <extLst> in a cell', async () => {
    const lean = new LeanWorkbook(await fixture('merged-cells-hyperlinks-bare-cells'), { permissive: true });
    expect(pick(clientsOf(lean).records, 'id', 'name', 'keyAccount', 'notes', 'createdAt')).toEqual([
      { id: 'c-1', name: 'Alfa', keyAccount: null, notes: 'scalone', createdAt: NOW },
      { id: 'c-2', name: 'Beta', keyAccount: false, notes: null, createdAt: NOW },
    ]);
    expect(cellsOf(lean, 'Klienci', 3, 3).get(3)!.get(4)).toEqual({
      raw: null,
      blank: true,
      formula: false,
      formulaText: undefined,
    });
    const strict = new LeanWorkbook(await fixture('merged-cells-hyperlinks-bare-cells'));
    expect(() => strict.cells(strict.sheets[0])).toThrow(LeanReadUnsupported);
  });

  test('t="d" cells hold ISO dates, with or without a time and a zone', async () => {
    expect(pick(await readClients('iso-date-cells'), 'id', 'createdAt')).toEqual([
      { id: 'c-1', createdAt: '2024-05-01T12:00:00.000Z' },
      { id: 'c-2', createdAt: '2024-05-02T00:00:00.000Z' },
      { id: 'c-3', createdAt: '2024-05-03T08:30:00.250Z' },
    ]);
  });
});

describe('number formats that show dates', () => {
  test.each([
    ['dd.mm.yyyy', true],
    ['[$-415]DD\\.MM\\.YYYY', true],
    ['YYYY\\-MM\\-DD', true],
    ['[h]:mm:ss', true],
    ['d mmmm yyyy;@', true],
    ['"TRUE";"TRUE";"FALSE"', false],
    ['#,##0.00\\ [$zł-415]', false],
    ['0.00E+00', false],
    ['General', false],
    ['0\\ "szt."', false],
    ['_-* #,##0.00\\ _z_ł_-;\\-* #,##0.00\\ _z_ł_-', false],
    ['[Red]0.00', false],
  ])('%s → %s', (code, isDate) => {
    expect(isDateFormat(code)).toBe(isDate);
  });
});

describe('limits and damaged input', () => {
  /** A tClients sheet of `rows` data rows of five cells each. */
  async function bigWorkbook(rows: number): Promise<Buffer> {
    const parts = fixtureParts('excel-inline-strings');
    const body = Array.from(
      { length: rows },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>c-${i}</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>N${i}</t></is></c><c r="C${i + 2}" t="b"><v>1</v></c><c r="D${i + 2}"><v>${i}</v></c><c r="E${i + 2}"><v>45000</v></c></row>`,
    ).join('');
    parts.set(
      'xl/worksheets/sheet1.xml',
      parts.get('xl/worksheets/sheet1.xml')!.replace(/<row r="2">.*<\/sheetData>/s, `${body}</sheetData>`),
    );
    parts.set('xl/tables/table1.xml', parts.get('xl/tables/table1.xml')!.replace('A1:E3', `A1:E${rows + 1}`));
    return packageOf(parts);
  }

  test.each([
    [{ maxRows: 10 }, 'rows', '10 rows in the sheet "Klienci"', '10 wierszy w arkuszu „Klienci”'],
    [{ maxCells: 40 }, 'cells', '40 cells in the sheet "Klienci"', '40 komórek w arkuszu „Klienci”'],
  ])('past %j a read ends in workbookTooLarge naming the limit and the sheet', async (limits, _, en, pl) => {
    const content = await bigWorkbook(20);
    for (const permissive of [true, false]) {
      const lean = new LeanWorkbook(content, { permissive, ...limits });
      let error: unknown;
      try {
        clientsOf(lean);
      } catch (caught) {
        error = caught;
      }
      expect(isRelacjeError(error, 'workbookTooLarge')).toBe(true);
      expect((error as Error).message).toContain(en);
      expect((error as { messageIn(l: string): string }).messageIn('pl')).toContain(pl);
    }
    // Under the limit the same file reads.
    expect(
      clientsOf(new LeanWorkbook(content, { permissive: true, maxRows: 21, maxCells: 105 })).records,
    ).toHaveLength(20);
  });

  test('past the limit of shared strings their part ends in workbookTooLarge', async () => {
    const lean = new LeanWorkbook(await fixture('excel-shared-formulas'), { permissive: true, maxCells: 5 });
    expect(() => clientsOf(lean)).toThrow(/at most 5 shared strings/);
  });

  /** XML-ish pieces a damaged or hostile part may hold where it should not. */
  const TOKENS = [
    '<',
    '>',
    '/>',
    '</',
    '"',
    "'",
    '&',
    '&amp;',
    '&#0;',
    '&#x110000;',
    '&bogus;',
    '<![CDATA[x]]>',
    '<!--',
    '-->',
    '<?x',
    '<c r="A2">',
    '<c r="XFD1" t="s"><v>99999</v></c>',
    '<c>',
    '</c>',
    '<row>',
    '<row r="1">',
    '</row>',
    '<f t="shared" si="0"/>',
    '<v>',
    '</v>',
    '<is><t>',
    '</t></is>',
    't="d"',
    't="b"',
    's="999"',
    's="-1"',
    'r="ZZZZ9"',
    '<v>1e400</v>',
    '<v>-1e308</v>',
    '<v>NaN</v>',
    '_x0041_',
    '_xD800_',
    '\u0000',
    '\uFFFF',
    'x:',
    '<sheetData>',
    '</sheetData>',
    '<mergeCell ref="A1:B2"/>',
    '<si>',
    '</si>',
    '<r><t>',
    '<rPh>',
  ];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
    }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  function mutate(text: string, mutations: Mutation[]): string {
    let result = text;
    for (const m of mutations) {
      const at = Math.floor(m.at * result.length);
      if (m.kind === 'truncate') result = result.slice(0, at);
      else if (m.kind === 'delete') result = result.slice(0, at) + result.slice(at + m.length);
      else result = result.slice(0, at) + m.text + result.slice(at);
    }
    return result;
  }

  /** Reads every table and every cell of every sheet, as the store and the engine do. */
  function readEverything(content: Buffer, permissive: boolean): void {
    const lean = new LeanWorkbook(content, { permissive, maxRows: 10_000, maxCells: 100_000 });
    for (const sheet of lean.sheets) {
      for (const table of lean.tablesOf(sheet)) {
        readTableRecords(clientsTable, lean.cells(sheet, table), table, {
          context,
          now: NOW,
          addedColumns: new Set(clientsTable.columns.map((c) => c.key)),
          problems: [],
        });
      }
      lean.cells(sheet).eachRow(1, 1_048_576, (row) => {
        for (let col = 1; col <= 30; col += 1) {
          const raw = row.cell(col)?.raw;
          // Every value must be one a message can show: no Invalid Date.
          if (raw instanceof Date) raw.toISOString();
        }
      });
    }
  }

  const FUZZED = [
    'excel-shared-formulas',
    'excel-rich-text-runs',
    'libreoffice-booleans',
    'prefixed-sheet-xml',
  ];

  test.each([['xl/worksheets/sheet1.xml'], ['xl/sharedStrings.xml']])(
    'mutated or truncated %s gives records or a RelacjeError/LeanReadUnsupported, quickly',
    async (part) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...FUZZED),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          async (name, mutations) => {
            const parts = fixtureParts(name);
            parts.set(part, mutate(parts.get(part)!, mutations));
            const content = await packageOf(parts, 'STORE');
            for (const permissive of [true, false]) {
              const started = Date.now();
              try {
                readEverything(content, permissive);
              } catch (error) {
                if (!(error instanceof LeanReadUnsupported) && !isRelacjeError(error)) throw error;
              }
              expect(Date.now() - started).toBeLessThan(2000);
            }
          },
        ),
        { seed: 20261204, numRuns: 300 },
      );
    },
  );

  test.each([true, false])(
    'a date-styled serial no date can hold stays a number (permissive: %s)',
    async (permissive) => {
      const parts = fixtureParts('excel-1904-dates');
      parts.set(
        'xl/worksheets/sheet1.xml',
        parts.get('xl/worksheets/sheet1.xml')!.replace('43951.5', '1e300'),
      );
      const lean = new LeanWorkbook(await packageOf(parts), { permissive });
      expect(cellsOf(lean, 'Klienci', 2, 2).get(2)!.get(5)!.raw).toBe(1e300);
    },
  );

  test('a tag whose quote never closes, before a long sheet, is refused in linear time', async () => {
    const parts = fixtureParts('excel-inline-strings');
    const tail = '<c r="B9">>>>>>>>>'.repeat(200_000);
    parts.set(
      'xl/worksheets/sheet1.xml',
      parts.get('xl/worksheets/sheet1.xml')!.replace('<row r="2">', `<row r="2"><c r="A2 t="s>${tail}`),
    );
    const content = await packageOf(parts, 'STORE');
    for (const permissive of [true, false]) {
      const started = Date.now();
      expect(() => readEverything(content, permissive)).toThrow(LeanReadUnsupported);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });
});

describe('numbers read from their bytes', () => {
  test('a decimal of up to 15 digits is the number its text parses to, bit for bit', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,9}$/), fc.option(fc.stringMatching(/^[0-9]{0,6}$/)))
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(decimalAt(Buffer.from(text), 0, text.length), Number(text))).toBe(true);
      }),
      { seed: 1904, numRuns: 2000 },
    );
  });

  test.each(['1E-3', ' 1', '1 ', '', '-', '.', '1.2.3', '1234567890123456', '0x10'])(
    '%j is left to the text parser',
    (text) => {
      expect(decimalAt(Buffer.from(text), 0, text.length)).toBeNaN();
    },
  );
});

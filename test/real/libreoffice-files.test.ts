import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { createCellContext } from '../../src/core/cells';
import { CURRENT_SCHEMA, tableByKey } from '../../src/core/schema';
import type { StoredRecord } from '../../src/store/port';
import { LeanWorkbook, type LeanReadOptions } from '../../src/store/xlsx/lean-workbook';
import { readTableRecords, type SourceCell } from '../../src/store/xlsx/table-reader';
import { convertWithLibreOffice } from './soffice';

// Workbooks LibreOffice itself wrote, read by the permissive lean reader: the demo workbook the
// product makes, saved by LibreOffice as .xlsx directly and by way of .ods, and a sheet made in
// LibreOffice's own format (booleans typed as booleans, formulas) saved as .xlsx.

const XLSX = 'xlsx:Calc MS Excel 2007 XML';
const NOW = '2026-01-01T00:00:00.000Z';
const quietIo = (cwd: string): CliIo => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  cwd,
  env: {},
});

/** Every table of the schema the workbook holds, read through `LeanWorkbook` with `options`. */
async function readTables(file: string, options: LeanReadOptions): Promise<Record<string, StoredRecord[]>> {
  const lean = new LeanWorkbook(await readFile(file), options);
  const context = createCellContext(CURRENT_SCHEMA, 'pl');
  const tables: Record<string, StoredRecord[]> = {};
  for (const table of CURRENT_SCHEMA.tables) {
    for (const sheet of lean.sheets) {
      const found = lean.tablesOf(sheet).find((t) => t.name.toLowerCase() === table.tableName.toLowerCase());
      if (!found) continue;
      tables[table.key] = readTableRecords(table, lean.cells(sheet, found), found, {
        context,
        now: NOW,
      }).records;
    }
  }
  return tables;
}

describe('workbooks LibreOffice saved, read permissively', () => {
  let dir: string;
  let demo: string;
  const saved = { direct: '', byOds: '', handMade: '' };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-files-'));
    demo = path.join(dir, 'demo.xlsx');
    expect(await main(['init', demo, '--demo', '--locale', 'pl'], quietIo(dir))).toBe(0);
    const handMade = path.join(dir, 'booleans.fods');
    await copyFile(
      path.join(__dirname, '..', 'fixtures', 'other-programs', 'libreoffice-boolean-column.fods'),
      handMade,
    );
    for (const sub of ['direct', 'ods', 'byOds']) await mkdir(path.join(dir, sub));
    await convertWithLibreOffice(dir, XLSX, path.join(dir, 'direct'), [demo]);
    await convertWithLibreOffice(dir, 'ods', path.join(dir, 'ods'), [demo]);
    await convertWithLibreOffice(dir, XLSX, path.join(dir, 'byOds'), [
      path.join(dir, 'ods', 'demo.ods'),
      handMade,
    ]);
    saved.direct = path.join(dir, 'direct', 'demo.xlsx');
    saved.byOds = path.join(dir, 'byOds', 'demo.xlsx');
    saved.handMade = path.join(dir, 'byOds', 'booleans.xlsx');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['saved as .xlsx', 'direct'],
    ['saved as .ods, then as .xlsx', 'byOds'],
  ] as const)(
    'the demo workbook %s: every table and every record as the product wrote them',
    async (_, which) => {
      const written = await readTables(demo, {});
      const read = await readTables(saved[which], { permissive: true });
      expect(Object.keys(read).sort()).toEqual(Object.keys(written).sort());
      for (const key of Object.keys(written)) expect({ [key]: read[key] }).toEqual({ [key]: written[key] });
      // The key-account flags, TRUE()/FALSE() formulas in LibreOffice's file, both ways round.
      const flags = read.clients.map((c) => c.keyAccount);
      expect(flags).toEqual(written.clients.map((c) => c.keyAccount));
      expect(flags).toContain(true);
      expect(flags).toContain(false);
      expect(read.clients.length).toBeGreaterThan(10);
    },
  );

  it('a sheet made in LibreOffice: booleans typed and computed, text and number formulas', async () => {
    const lean = new LeanWorkbook(await readFile(saved.handMade), { permissive: true });
    const sheet = lean.sheets.find((s) => s.name === 'Klienci')!;
    const table = lean.tablesOf(sheet).find((t) => t.name === 'tClients')!;
    const clients = tableByKey(CURRENT_SCHEMA, 'clients');
    const { records } = readTableRecords(clients, lean.cells(sheet, table), table, {
      context: createCellContext(CURRENT_SCHEMA, 'pl'),
      now: NOW,
      addedColumns: new Set(clients.columns.map((c) => c.key)),
    });
    expect(records.map((r) => [r.id, r.name, r.keyAccount, r.notes])).toEqual([
      ['c-1', 'Żółw Sp. z o.o.', true, 'Żółw Sp. z o.o. (VIP)'],
      ['c-2', 'Beta', false, null],
      ['c-3', 'Gamma', false, 'bez formuły'],
    ]);
    const results: Partial<SourceCell>[] = [];
    lean.cells(sheet).eachRow(2, 4, (row) => {
      const { raw, formula, formulaText } = row.cell(5)!;
      results.push({ raw, formula, formulaText });
    });
    expect(results).toEqual([
      { raw: 42, formula: true, formulaText: '2*21' },
      { raw: 0, formula: true, formulaText: '1-1' },
      { raw: 21, formula: true, formulaText: 'E2/2' },
    ]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cli-harness';
import {
  appendRows,
  copiedRow,
  damagePackage,
  partText,
  productWorkbook,
  readAllOf,
  tableInfoOf,
  tablePartsOf,
  textCell,
  withRef,
} from './workbook-damage';
import { withRowCells } from '../../src/store/xlsx/table-consistency';

const english = { LANG: 'en_US.UTF-8' };
const polish = { LANG: 'pl_PL.UTF-8' };

describe('relacje validate and repair on tables damaged in the package', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-cli-tables-'));
    file = path.join(dir, 'crm.xlsx');
    await productWorkbook(file);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (command: string, env = english) => runCli([command, file], { cwd: dir, env });

  it('rows left below a table: validate names them and exits 1; repair takes them in; validate passes', async () => {
    const before = await readAllOf(file);
    const { sheet } = tablePartsOf(file, 'tClients');
    const original = partText(file, sheet);
    await damagePackage(file, {
      [sheet]: appendRows(
        copiedRow(original, 4, 5, 'client-left-5') + copiedRow(original, 4, 6, 'client-left-6'),
      ),
    });

    const invalid = await run('validate', polish);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('Wiersze 5–6 pod tabelą tClients na arkuszu „Klienci”');
    expect(invalid.stdout).toContain('relacje repair');

    const repaired = await run('repair', polish);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(
      'dołączono do tabeli tClients (arkusz „Klienci”) 2 wiersze spod niej (5–6) — sprawdź je i usuń, jeśli to pozostałości usuniętych rekordów',
    );
    expect(repaired.stdout).toContain('żadne dane nie zostały usunięte');

    expect(await run('validate')).toMatchObject({ code: 0, stderr: '' });
    const after = await readAllOf(file);
    expect(after.tables.clients.slice(0, before.tables.clients.length)).toEqual(before.tables.clients);
    expect(after.tables.clients.map((c) => c.id).slice(-2)).toEqual(['client-left-5', 'client-left-6']);
  });

  it('a table range wider than its columns: validate exits 1 naming the table; repair matches it; no record lost', async () => {
    const before = await readAllOf(file);
    const { table } = tablePartsOf(file, 'tClients');
    await damagePackage(file, { [table]: withRef(() => 'A1:AC4') });

    const invalid = await run('validate');
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('The table tClients on the sheet "Klienci" defines 28 columns');
    expect(invalid.stdout).toContain('A1:AC4');

    const repaired = await run('repair');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(
      'matched the columns of the table tClients (sheet "Klienci") to its headers: added "Kolumna1"',
    );
    expect((await run('validate')).code).toBe(0);
    expect(tableInfoOf(file, 'tClients').columns).toHaveLength(29);
    expect(await readAllOf(file)).toEqual(before);
  });

  it('a renamed column: repair gives it its header back instead of adding an empty one', async () => {
    const before = await readAllOf(file);
    const { sheet, table } = tablePartsOf(file, 'tClients');
    await damagePackage(file, {
      [sheet]: (xml) => withRowCells(xml, 1, new Map([[2, 'Nazwa firmy']])),
      [table]: (xml) => xml.replace('name="Nazwa"', 'name="Nazwa firmy"'),
    });

    const invalid = await run('validate', polish);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(
      'Kolumna „Nazwa” tabeli tClients (arkusz „Klienci”) ma teraz nagłówek „Nazwa firmy”',
    );
    expect(invalid.stdout).not.toContain('brakuje kolumny');

    const repaired = await run('repair', polish);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(
      'kolumnę „Nazwa firmy” rozpoznano jako „Nazwa” i przywrócono jej nagłówek',
    );
    expect(repaired.stdout).not.toContain('dodano kolumnę');

    expect((await run('validate')).code).toBe(0);
    expect(tableInfoOf(file, 'tClients').columns.map((c) => c.name)).not.toContain('Nazwa firmy');
    expect(await readAllOf(file)).toEqual(before);
  });

  it('repair lists what it cannot fix and exits 1', async () => {
    const { sheet } = tablePartsOf(file, 'tClients');
    // A date the workbook cannot read in a date column of a record: only the user can correct it.
    await damagePackage(file, {
      [sheet]: (xml) => xml.replace('<c r="Z2">', `${textCell('Y2', 'wczoraj')}<c r="Z2">`),
    });
    const repaired = await run('repair');
    expect(repaired.code).toBe(1);
    expect(repaired.stdout).toContain('wczoraj');
    expect(repaired.stdout).toContain('Left to correct by hand: 1');
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './cli-harness';
import { CURRENT_SCHEMA, SCHEMA_V2 } from '../../src/core/schema';
import { createWorkbook, writeWorkbookFile } from '../../src/store/xlsx/workbook-file';
import { validateRecord } from '../../src/core/records';
import { buildDemoDataset } from '../../src/dev/demo-data';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';

const english = { LANG: 'en_US.UTF-8' };
const polish = { LANG: 'pl_PL.UTF-8' };

async function readWorkbook(file: string) {
  const store = await openXlsxStore(file, { readOnly: true });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

/** Renames a column's header in the sheet (and in the Excel table's own column list), as a user might. */
async function renameHeader(
  file: string,
  sheetName: string,
  header: string,
  newHeader: string,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  let renamed = false;
  sheet.getRow(1).eachCell((cell) => {
    if (cell.value === header) {
      cell.value = newHeader;
      renamed = true;
    }
  });
  // ExcelJS types getTables() wrongly; at run time it gives the loaded tables, each with its model.
  const tables = sheet.getTables() as unknown as { table?: { columns?: { name: string }[] } }[];
  for (const table of tables) {
    for (const column of table.table?.columns ?? []) if (column.name === header) column.name = newHeader;
  }
  if (!renamed) throw new Error(`no header ${header} in ${sheetName}`);
  await workbook.xlsx.writeFile(file);
}

describe('relacje init, validate, repair and stats on a workbook file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('init creates an empty workbook with every table of the schema', async () => {
    const file = path.join(dir, 'crm.xlsx');
    const run = await runCli(['init', file], { cwd: dir, env: english });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Created an empty workbook ${file}`);
    const snapshot = await readWorkbook(file);
    expect(Object.keys(snapshot.tables).sort()).toEqual(CURRENT_SCHEMA.tables.map((t) => t.key).sort());
    expect(Object.values(snapshot.tables).every((rows) => rows.length === 0)).toBe(true);
    expect(snapshot.meta).toMatchObject({ schemaVersion: CURRENT_SCHEMA.version, locale: 'pl' });
  });

  it('init --locale en writes an English workbook', async () => {
    await runCli(['init', 'en.xlsx', '--locale', 'en'], { cwd: dir, env: english });
    expect((await readWorkbook(path.join(dir, 'en.xlsx'))).meta.locale).toBe('en');
  });

  it('init without a file creates relacje.xlsx in the current folder, or RELACJE_WORKBOOK', async () => {
    expect((await runCli(['init'], { cwd: dir, env: english })).code).toBe(0);
    expect(existsSync(path.join(dir, 'relacje.xlsx'))).toBe(true);
    expect(
      (await runCli(['init'], { cwd: dir, env: { ...english, RELACJE_WORKBOOK: 'shared.xlsx' } })).code,
    ).toBe(0);
    expect(existsSync(path.join(dir, 'shared.xlsx'))).toBe(true);
  });

  it('init refuses to overwrite an existing file, and overwrites it with --force', async () => {
    const file = path.join(dir, 'keep.xlsx');
    writeFileSync(file, 'precious');
    const refused = await runCli(['init', file], { cwd: dir, env: english });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The file ${file} already exists`);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const forced = await runCli(['init', file, '--force'], { cwd: dir, env: english });
    expect(forced.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan('precious'.length);
  });

  it('init says so when the folder does not exist', async () => {
    const run = await runCli(['init', path.join(dir, 'nowhere', 'crm.xlsx')], { cwd: dir, env: polish });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nie istnieje');
  });

  it('init --demo fills every table, and every record is valid', async () => {
    const file = path.join(dir, 'demo.xlsx');
    const run = await runCli(['init', '--demo', file], { cwd: dir, env: polish });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('z danymi przykładowymi');
    const snapshot = await readWorkbook(file);
    const demo = buildDemoDataset();
    for (const table of CURRENT_SCHEMA.tables) {
      expect({ table: table.key, rows: snapshot.tables[table.key].length }).toEqual({
        table: table.key,
        rows: demo[table.key].length,
      });
      for (const record of snapshot.tables[table.key]) {
        expect({ table: table.key, id: record.id, issues: validateRecord(table, record).issues }).toEqual({
          table: table.key,
          id: record.id,
          issues: [],
        });
      }
    }
    const budex = snapshot.tables.clients.find((c) => c.name === demo.clients[0].name);
    expect(budex).toMatchObject({ nip: demo.clients[0].nip, city: 'Warszawa' });
  });

  it('validate passes a fresh workbook', async () => {
    const file = path.join(dir, 'ok.xlsx');
    await runCli(['init', '--demo', file], { cwd: dir, env: english });
    const run = await runCli(['validate', file], { cwd: dir, env: english });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`The workbook ${file} is valid.`);
  });

  it('validate names the sheet and the column of a missing header and exits 1; repair restores it and keeps the data', async () => {
    const file = path.join(dir, 'broken.xlsx');
    await runCli(['init', '--demo', file], { cwd: dir, env: english });
    const before = await readWorkbook(file);
    await renameHeader(file, 'Klienci', 'NIP', 'Numer podatkowy');

    const invalid = await runCli(['validate', file], { cwd: dir, env: polish });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout + invalid.stderr).toContain('Klienci');
    expect(invalid.stdout + invalid.stderr).toContain('NIP');

    const repaired = await runCli(['repair', file], { cwd: dir, env: english });
    expect(repaired.code).toBe(0);
    expect((await runCli(['validate', file], { cwd: dir, env: english })).code).toBe(0);

    const after = await readWorkbook(file);
    for (const table of CURRENT_SCHEMA.tables) {
      expect(after.tables[table.key].map((r) => r.id)).toEqual(before.tables[table.key].map((r) => r.id));
    }
    const names = (s: typeof before) => s.tables.clients.map((c) => c.name);
    expect(names(after)).toEqual(names(before));
  });

  it('repair leaves a sound workbook as it is', async () => {
    const file = path.join(dir, 'sound.xlsx');
    await runCli(['init', file], { cwd: dir, env: english });
    const run = await runCli(['repair', file], { cwd: dir, env: english });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('needed no repair');
  });

  it('validate reports a file that is not a workbook, without a stack trace', async () => {
    const file = path.join(dir, 'notes.xlsx');
    writeFileSync(file, 'just some text');
    const run = await runCli(['validate', file], { cwd: dir, env: english });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('notes.xlsx');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing workbook in the user language', async () => {
    const run = await runCli(['stats', 'missing.xlsx'], { cwd: dir, env: polish });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing.xlsx');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack only with RELACJE_DEBUG=1', async () => {
    const run = await runCli(['stats', 'missing.xlsx'], {
      cwd: dir,
      env: { ...english, RELACJE_DEBUG: '1' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('stats counts the rows of every table', async () => {
    const file = path.join(dir, 'stats.xlsx');
    await runCli(['init', '--demo', file], { cwd: dir, env: english });
    const run = await runCli(['stats', file], { cwd: dir, env: english });
    expect(run.code).toBe(0);
    const demo = buildDemoDataset();
    expect(run.stdout).toContain(`Schema version: ${CURRENT_SCHEMA.version}, workbook language: pl`);
    for (const table of CURRENT_SCHEMA.tables) {
      expect(run.stdout).toMatch(
        new RegExp(`${table.sheet.en} \\(${table.tableName}\\)\\s+${demo[table.key].length}\\n`),
      );
    }
    const total = Object.values(demo).reduce((sum, rows) => sum + rows.length, 0);
    expect(run.stdout).toContain(`Total rows: ${total}`);
  });

  it('serve answers on the port it was given and stops when asked', async () => {
    const file = path.join(dir, 'served.xlsx');
    await runCli(['init', file], { cwd: dir, env: english });
    let stop: (() => Promise<void>) | undefined;
    const run = await runCli(['serve', file, '--port', '0'], {
      cwd: dir,
      env: english,
      onShutdown: (s) => (stop = s),
    });
    expect(run.code).toBe(0);
    const url = /(http:\/\/\S+\/)/.exec(run.stdout)?.[1];
    expect(url).toBeDefined();
    const response = await fetch(String(url), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(stop).toBeDefined();
    await stop?.();
    await expect(fetch(String(url))).rejects.toThrow();
  });

  it('serve completes a workbook of an earlier schema before serving it, keeping its data', async () => {
    const file = path.join(dir, 'older.xlsx');
    const older = createWorkbook('pl', SCHEMA_V2);
    const client = { id: 'c-1', name: 'Piekarnia Żak', type: 'company', status: 'active' };
    const stamp = {
      version: 1,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
    };
    await writeWorkbookFile(file, older, {
      ...older.state,
      tables: { ...older.state.tables, clients: [{ ...client, ...stamp }] },
    });
    let stop: (() => Promise<void>) | undefined;
    const run = await runCli(['serve', file, '--port', '0'], {
      cwd: dir,
      env: english,
      onShutdown: (s) => (stop = s),
    });
    await stop?.();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`schema 2 → ${CURRENT_SCHEMA.version}`);
    const store = await openXlsxStore(file, { readOnly: true });
    const snapshot = await store.readAll();
    await store.close();
    expect(snapshot.meta.schemaVersion).toBe(CURRENT_SCHEMA.version);
    expect(snapshot.tables.clients).toEqual([expect.objectContaining(client)]);
    expect(snapshot.tables.pipelines).toEqual([]);
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CURRENT_SCHEMA, tableByKey } from '../../src/core/schema';
import { WorkbookDocument } from '../../src/server/document/workbook-document';
import { createXlsxWorkbook } from '../../src/store/xlsx/xlsx-store';

describe('the server document folds its journal by size', () => {
  let dir: string;
  let file: string;
  let document: WorkbookDocument;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-fold-'));
    file = path.join(dir, 'firma.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    // Any journal is "large" by this setting alone; the .xlsx's own size is what holds the fold back.
    document = await WorkbookDocument.open(file, { foldAfterIdleMs: 3_600_000, foldAtJournalBytes: 1 });
  });

  afterEach(async () => {
    await document.close();
    await rm(dir, { recursive: true, force: true });
  });

  const insertRows = async (count: number, text: string) => {
    const table = document.table(tableByKey(CURRENT_SCHEMA, 'clients').tableName);
    const row = Array.from({ length: table.width }, () => text);
    await document.change({ op: 'insertRows', table: table.name, index: null, rows: Array(count).fill(row) });
    // Waits for a fold the change may have queued.
    await document.exclusive(() => undefined);
  };

  it('only once the journal is as large as the .xlsx, so a bulk write does not rewrite it per chunk', async () => {
    const before = await readFile(file);

    await insertRows(1, 'mała zmiana');
    expect((await readFile(file)).equals(before)).toBe(true);

    await insertRows(Math.ceil(before.length / 100), 'x'.repeat(100));
    const after = await readFile(file);
    expect(after.equals(before)).toBe(false);
    expect(after.length).toBeGreaterThan(before.length);
  });
});

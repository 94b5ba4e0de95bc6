import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { WorkbookEngine } from '../../../src/store/xlsx/engine/workbook-engine';
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { clientRecord, FORMULA_LIKE_TEXTS } from '../../contract/store-contract';
import {
  crashCopy,
  partsOf,
  rawPartsOf,
  sheetPartOfTable,
  useFreshWorkbook,
  NO_IDLE_FOLD,
} from './engine-harness';

describe('the workbook engine folds by patching the package', () => {
  const workbook = useFreshWorkbook();

  it('rewrites only the changed table sheet and table part; every other part is copied as stored', async () => {
    const before = rawPartsOf(workbook.file);
    const store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1), clientRecord(2)]);
    await store.close();

    const after = rawPartsOf(workbook.file);
    const parts = partsOf(workbook.file);
    const clientsSheet = sheetPartOfTable(parts, 'tClients');
    const clientsTable = [...parts.keys()].find(
      (n) => n.startsWith('xl/tables/') && parts.get(n)!.includes('name="tClients"'),
    )!;
    const changed = [...after.keys()].filter((name) => !before.get(name)?.equals(after.get(name)!));
    expect(changed.sort()).toEqual([clientsSheet, clientsTable].sort());
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(parts.get(clientsSheet)).toContain('Przedsiębiorstwo Łódzkie 2');
    expect(parts.get(clientsTable)).toMatch(/ref="A1:[A-Z]+3"/);
  });

  it('deleting the last rows of a table leaves none of their cells or strings anywhere in the file', async () => {
    let store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1), clientRecord(2, { city: 'Zakopane-Kościelisko' })]);
    await store.close();
    // The deleted client's texts are written once (in shared strings or inline) and must all go.
    store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    const [, second] = (await store.readAll()).tables.clients;
    await store.remove('clients', [{ id: second.id, expectedVersion: second.version }]);
    await store.close();

    for (const [name, text] of partsOf(workbook.file)) {
      expect({ name, leaks: text.includes('Zakopane-Kościelisko') || text.includes('client-2') }).toEqual({
        name,
        leaks: false,
      });
    }
    const reopened = await openXlsxStore(workbook.file, { readOnly: true });
    expect((await reopened.readAll()).tables.clients.map((c) => c.id)).toEqual(['client-1']);
    await reopened.close();
  });

  it('deleting every row leaves the table its one blank row and no data', async () => {
    let store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1), clientRecord(2), clientRecord(3)]);
    const rows = (await store.readAll()).tables.clients;
    await store.remove(
      'clients',
      rows.map((r) => ({ id: r.id, expectedVersion: r.version })),
    );
    await store.close();
    const parts = partsOf(workbook.file);
    const sheet = parts.get(sheetPartOfTable(parts, 'tClients'))!;
    expect(sheet).not.toContain('Przedsiębiorstwo');
    expect(sheet).not.toMatch(/<row r="3"/);
    store = await openXlsxStore(workbook.file, { readOnly: true });
    expect((await store.readAll()).tables.clients).toEqual([]);
    await store.close();
  });

  it('acknowledged writes survive a crash before any fold, and replay exactly once', async () => {
    const store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1)]);
    const [stored] = await store.update('clients', [
      { id: 'client-1', expectedVersion: 1, changes: { city: 'Sopot' } },
    ]);
    await store.append('clients', [clientRecord(2)]);
    await store.remove('clients', [{ id: 'client-2', expectedVersion: 1 }]);
    const copy = crashCopy(workbook.file, workbook.dir);
    await store.close();

    for (let open = 0; open < 2; open += 1) {
      const recovered = await openXlsxStore(copy, NO_IDLE_FOLD);
      const { tables } = await recovered.readAll();
      expect(tables.clients).toEqual([stored]);
      await recovered.close();
    }
  });

  it('a journal that continues another state of the file is set aside, named, never applied', async () => {
    const store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1)]);
    const copy = crashCopy(workbook.file, workbook.dir);
    await store.close();
    // Someone saves the workbook meanwhile (here: the store itself, on the copy's file).
    const other = crashCopy(workbook.file, workbook.dir);
    const { rename, rm } = await import('node:fs/promises');
    await rm(`${other}.journal`, { force: true });
    await rename(other, copy);

    const logged: string[] = [];
    const engine = await WorkbookEngine.open(copy, { log: (line) => logged.push(line) });
    expect(engine.notices).toHaveLength(1);
    expect(engine.notices[0].pl).toMatch(/zachowano go jako .*set-aside/);
    expect(engine.notices[0].en).toMatch(/kept as .*set-aside/);
    await engine.close();
    const aside = readdirSync(workbook.dir).filter((n) =>
      n.startsWith(`${path.basename(copy)}.journal.set-aside`),
    );
    expect(aside).toHaveLength(1);
    expect(logged.join('\n')).toContain(aside[0]);
  });

  it('a fold leaves no journal behind on close, and a reopen after it replays nothing', async () => {
    const store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1)]);
    await store.fold();
    await store.append('clients', [clientRecord(2)]);
    const copy = crashCopy(workbook.file, workbook.dir);
    await store.close();
    expect(existsSync(`${workbook.file}.journal`)).toBe(false);
    // Read only, the journal is replayed in memory and left as it is.
    const recovered = await openXlsxStore(copy, { readOnly: true });
    expect((await recovered.readAll()).tables.clients.map((c) => c.id)).toEqual(['client-1', 'client-2']);
    await recovered.close();
    expect(existsSync(`${copy}.journal`)).toBe(true);
    const writable = await openXlsxStore(copy, NO_IDLE_FOLD);
    expect((await writable.readAll()).tables.clients.map((c) => c.id)).toEqual(['client-1', 'client-2']);
    await writable.close();
  });

  it('texts that need escaping in a cell come back as written after a fold and a reopen', async () => {
    const texts = [...FORMULA_LIKE_TEXTS, 'a\r\nb', 'literal _x0041_ text', ' spacje ', 'zażółć <&> "gęślą"'];
    const store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append(
      'clients',
      texts.map((notes, i) => clientRecord(i, { notes })),
    );
    await store.close();
    const reopened = await openXlsxStore(workbook.file, { readOnly: true });
    expect((await reopened.readAll()).tables.clients.map((c) => c.notes)).toEqual(texts);
    await reopened.close();
  });
});

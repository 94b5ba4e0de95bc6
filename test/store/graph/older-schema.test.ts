import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRelacjeError } from '../../../src/core/errors';
import { CURRENT_SCHEMA, SCHEMA_V2 } from '../../../src/core/schema';
import { startServer, type RunningServer } from '../../../src/server/workbook-server';
import { openGraphStore } from '../../../src/store/graph/graph-store';
import type { StoredRecord } from '../../../src/store/port';
import { createWorkbook, writeWorkbookFile } from '../../../src/store/xlsx/workbook-file';

const stamp = '2026-11-20T09:00:00.000Z';
const tracked = { version: 1, createdAt: stamp, updatedAt: stamp };
const CLIENT: StoredRecord = {
  id: 'c-1',
  name: 'Piekarnia Żak',
  type: 'company',
  status: 'active',
  ...tracked,
};
const OPPORTUNITY: StoredRecord = {
  id: 'o-1',
  clientId: 'c-1',
  name: 'Dostawa pieczywa',
  pipeline: 'Sprzedaż B2B',
  stage: 'Oferta',
  status: 'open',
  ...tracked,
};

/**
 * A workbook of schema version 2 on SharePoint: Graph cannot rewrite it to upgrade it, so the
 * adapter reads it as it is — the tables and columns version 3 added are absent, not an error —
 * and refuses, naming what is missing, only a write that needs them.
 */
describe('Graph adapter over a workbook of an earlier schema', () => {
  let dir: string;
  let server: RunningServer;
  const open = () => openGraphStore({ baseUrl: server.url, workbook: '/me/drive/root:/stary.xlsx:' });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-older-'));
    const file = path.join(dir, 'stary.xlsx');
    const loaded = createWorkbook('pl', SCHEMA_V2);
    await writeWorkbookFile(file, loaded, {
      ...loaded.state,
      tables: { ...loaded.state.tables, clients: [CLIENT], opportunities: [OPPORTUNITY] },
    });
    server = await startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });
  });

  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('reads every table of the current schema: those the workbook lacks as empty, missing columns as empty', async () => {
    const snapshot = await open().readAll();
    expect(snapshot.meta.schemaVersion).toBe(2);
    expect(Object.keys(snapshot.tables).sort()).toEqual(CURRENT_SCHEMA.tables.map((t) => t.key).sort());
    expect(snapshot.tables.pipelines).toEqual([]);
    expect(snapshot.tables.tenders).toEqual([]);
    expect(snapshot.tables.opportunities).toEqual(
      [{ ...OPPORTUNITY, personId: null, stageEnteredOn: null, lostNote: null, value: null }].map((o) =>
        expect.objectContaining(o),
      ),
    );
  });

  test('takes writes to what it holds; a write that needs a new table or column is refused whole, naming it', async () => {
    const store = open();
    await store.readAll();
    const [updated] = await store.update('opportunities', [
      { id: 'o-1', expectedVersion: 1, changes: { name: 'Dostawa pieczywa i ciast', lostNote: null } },
    ]);
    expect(updated).toMatchObject({ name: 'Dostawa pieczywa i ciast', version: 2 });

    const refusal = await store
      .write([
        { table: 'clients', append: [{ id: 'c-2', name: 'Cukiernia Lis', type: 'company', status: 'lead' }] },
        { table: 'pipelines', append: [{ id: 'p-1', name: 'Przetargi' }] },
      ])
      .catch((e: unknown) => e);
    expect(isRelacjeError(refusal, 'upgradeNeeded')).toBe(true);
    expect(String((refusal as Error).message)).toContain('tPipelines');

    const column = await store
      .update('opportunities', [{ id: 'o-1', expectedVersion: 2, changes: { stageEnteredOn: '2026-11-21' } }])
      .catch((e: unknown) => e);
    expect(isRelacjeError(column, 'upgradeNeeded')).toBe(true);
    expect(String((column as Error).message)).toContain('W etapie od');

    const after = await open().readAll();
    expect(after.tables.clients.map((c) => c.id)).toEqual(['c-1']);
    expect(after.tables.opportunities[0]).toMatchObject({ name: 'Dostawa pieczywa i ciast', version: 2 });
  });
});

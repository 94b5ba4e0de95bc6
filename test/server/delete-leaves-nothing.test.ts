import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/workbook-server';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { partsOf, temporaryDir } from '../store/engine/engine-harness';

/**
 * Measured on main before the engine: deleting the last row of a table through the Graph API left
 * its cells on the sheet just below the table, where Excel and LibreOffice showed them.
 */
describe('a row deleted through the local server leaves nothing in the file', () => {
  let folder: ReturnType<typeof temporaryDir>;
  let file: string;
  let server: RunningServer;
  let rows: string;

  beforeEach(async () => {
    folder = temporaryDir('relacje-delete-');
    file = path.join(folder.dir, 'firma.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    server = await startServer({ port: 0, workbookFile: file, staticDir: folder.dir });
    rows = `${server.url}v1.0/me/drive/root:/firma.xlsx:/workbook/tables/tClients/rows`;
  });

  afterEach(async () => {
    await server.close();
    folder.remove();
  });

  const post = async (id: string, name: string) => {
    const columns = (await (await fetch(rows.replace(/rows$/, 'columns'))).json()) as {
      value: { name: string }[];
    };
    const cells: Record<string, string> = { ID: id, Nazwa: name, Rodzaj: 'Firma', Status: 'Potencjalny' };
    const answer = await fetch(rows, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: null, values: [columns.value.map((c) => cells[c.name] ?? null)] }),
    });
    expect(answer.status).toBe(201);
  };

  const leaks = (text: string) =>
    [...partsOf(file)].filter(([, xml]) => xml.includes(text)).map(([name]) => name);

  it('the last row of a table', async () => {
    await post('c-1', 'Pierwsza Firma');
    await post('c-2', 'Usunięta Firma Żuraw');
    expect((await fetch(`${rows}/itemAt(index=1)`, { method: 'DELETE' })).status).toBe(204);
    await server.close();
    expect(leaks('Usunięta Firma Żuraw')).toEqual([]);
    const store = await openXlsxStore(file, { readOnly: true });
    expect((await store.readAll()).tables.clients.map((c) => c.id)).toEqual(['c-1']);
    await store.close();
  });

  it('every row of a table', async () => {
    await post('c-1', 'Jedyna Firma Wilga');
    expect((await fetch(`${rows}/itemAt(index=0)`, { method: 'DELETE' })).status).toBe(204);
    await server.close();
    expect(leaks('Jedyna Firma Wilga')).toEqual([]);
    const store = await openXlsxStore(file, { readOnly: true });
    expect((await store.readAll()).tables.clients).toEqual([]);
    await store.close();
  });
});

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/workbook-server';
import { createXlsxWorkbook } from '../../src/store/xlsx/xlsx-store';

describe('the local server opens its workbook ahead of the first request', () => {
  let dir: string;
  let server: RunningServer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-preload-'));
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = (file: string) =>
    startServer({ port: 0, workbookFile: file, staticDir: dir, log: () => undefined });

  it('holds the workbook (its lock) after preload, before any pane asked for it', async () => {
    const file = path.join(dir, 'klienci.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    server = await start(file);
    expect(existsSync(`${file}.lock`)).toBe(false);
    await server.graph.preload();
    expect(existsSync(`${file}.lock`)).toBe(true);
    const tables = await fetch(`${server.url}v1.0/me/drive/root:/klienci.xlsx:/workbook/tables`);
    expect(tables.status).toBe(200);
    expect(server.graph.stats.httpRequests).toBe(1);
  });

  it('keeps a workbook that cannot be opened for the first request to report', async () => {
    const file = path.join(dir, 'zepsuty.xlsx');
    await writeFile(file, 'to nie jest skoroszyt');
    server = await start(file);
    await expect(server.graph.preload()).resolves.toBeUndefined();
    const answer = await fetch(`${server.url}v1.0/me/drive/root:/zepsuty.xlsx:/workbook/tables`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toContain('zepsuty.xlsx');
  });
});

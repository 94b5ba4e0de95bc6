import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { CURRENT_SCHEMA } from '../../src/core/schema';
import { startServer, type RunningServer } from '../../src/server/workbook-server';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out exactly as given (no URL normalisation), as an attacker would send it. */
function get(
  base: string,
  rawPath: string,
  options: { method?: string; host?: string } = {},
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: rawPath,
        method: options.method ?? 'GET',
        headers: options.host ? { Host: options.host } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function quietIo(cwd: string): CliIo {
  return { stdout: { write: () => true }, stderr: { write: () => true }, cwd, env: {} };
}

describe('local workbook server', () => {
  let dir: string;
  let staticDir: string;
  let workbookFile: string;
  let server: RunningServer;
  const page = '<!doctype html><title>Relacje</title><p>zażółć gęślą jaźń</p>';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-server-'));
    staticDir = path.join(dir, 'dist');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'taskpane.html'), page);
    await writeFile(path.join(staticDir, 'assets', 'app.0123abcd.js'), 'console.log(1);');
    await writeFile(path.join(dir, 'secret.txt'), 'not for the browser');
    workbookFile = path.join(dir, 'klienci.xlsx');
    expect(await main(['init', workbookFile, '--demo'], quietIo(dir))).toBe(0);
    server = await startServer({ port: 0, workbookFile, staticDir, log: () => undefined });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on the loopback address only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('refuses to listen beyond this machine', async () => {
    await expect(startServer({ port: 0, workbookFile, staticDir, host: '0.0.0.0' })).rejects.toThrow(
      /loopback/,
    );
  });

  it('serves taskpane.html with its content type', async () => {
    const answer = await get(server.url, '/taskpane.html');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toBe(page);
  });

  it('serves scripts as JavaScript and sends the page for the root', async () => {
    const script = await get(server.url, '/assets/app.0123abcd.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const root = await get(server.url, '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/taskpane.html');
  });

  it('answers 404 for a missing file and for a directory', async () => {
    expect((await get(server.url, '/missing.js')).status).toBe(404);
    expect((await get(server.url, '/assets')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/taskpane.html%00.js',
  ])('does not let %s out of the static folder', async (rawPath) => {
    const answer = await get(server.url, rawPath);
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('not for the browser');
  });

  it('refuses a request addressed to a name that is not a loopback name', async () => {
    const answer = await get(server.url, '/taskpane.html', { host: 'attacker.example:80' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe('AccessDenied');
  });

  it('refuses writes to static files', async () => {
    const answer = await get(server.url, '/taskpane.html', { method: 'PUT' });
    expect(answer.status).toBe(405);
  });

  it('lists the workbook in the drive root', async () => {
    const answer = await get(server.url, '/v1.0/me/drive/root/children');
    expect(answer.status).toBe(200);
    const items = JSON.parse(answer.body).value as { name: string; file?: { mimeType: string } }[];
    expect(items.map((item) => item.name)).toEqual(['klienci.xlsx']);
    expect(items[0].file?.mimeType).toContain('spreadsheetml');
  });

  it('lists every table of the workbook with the row count the store reads', async () => {
    const answer = await get(server.url, '/v1.0/me/drive/root:/klienci.xlsx:/workbook/tables');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');

    const store = await openXlsxStore(workbookFile, { readOnly: true });
    const snapshot = await store.readAll();
    await store.close();
    const expected = CURRENT_SCHEMA.tables.map((table) => ({
      name: table.tableName,
      rowCount: snapshot.tables[table.key].length,
    }));
    const listed = (JSON.parse(answer.body).value as { name: string; rowCount: number }[]).map((t) => ({
      name: t.name,
      rowCount: t.rowCount,
    }));
    expect(listed).toEqual(expected);
    expect(listed.find((t) => t.name === 'tClients')?.rowCount).toBeGreaterThan(0);
  });

  it('answers a workbook it does not serve with a Graph error body', async () => {
    const answer = await get(server.url, '/v1.0/me/drive/root:/other.xlsx:/workbook/tables');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(answer.body);
    expect(body.error.code).toBe('ItemNotFound');
    expect(body.error.message).toContain('other.xlsx');
  });

  it('answers an API it does not implement with ApiNotFound', async () => {
    const answer = await get(server.url, '/v1.0/me/drive/root:/klienci.xlsx:/workbook/charts');
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.code).toBe('ApiNotFound');
  });

  it('answers a file that is not a workbook with the Relacje error kind clients can rebuild', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    await writeFile(broken, 'this is not a zip file');
    const brokenServer = await startServer({
      port: 0,
      workbookFile: broken,
      staticDir,
      log: () => undefined,
    });
    try {
      const answer = await get(brokenServer.url, '/v1.0/me/drive/root:/broken.xlsx:/workbook/tables');
      expect(answer.status).toBe(400);
      const body = JSON.parse(answer.body);
      expect(body.error.code).toBe('InvalidArgument');
      expect(body.error.innerError.relacje.code).toBe('notAWorkbook');
      expect(body.error.message).toContain('broken.xlsx');
    } finally {
      await brokenServer.close();
    }
  });
});

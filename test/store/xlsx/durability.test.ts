import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRelacjeError } from '../../../src/core/errors';
import { createXlsxWorkbook, openXlsxStore } from '../../../src/store/xlsx/xlsx-store';

const WRITER = path.join(__dirname, 'append-writer.ts');

interface Writer {
  child: ChildProcess;
  acknowledged: string[];
  /** Resolves once the writer has opened the workbook and acknowledged `count` appends. */
  acknowledgedAtLeast(count: number): Promise<void>;
}

function startWriter(file: string): Writer {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', WRITER, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let opened = false;
  const waiters: { count: number; resolve: () => void }[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'open') opened = true;
      else if (line) acknowledged.push(line);
    }
    for (const w of waiters.filter((w) => opened && acknowledged.length >= w.count)) w.resolve();
  });
  return {
    child,
    acknowledged,
    acknowledgedAtLeast: (count) =>
      new Promise((resolve, reject) => {
        if (opened && acknowledged.length >= count) return resolve();
        waiters.push({ count, resolve });
        child.once('exit', (code) => reject(new Error(`writer exited with ${code} before ${count} appends`)));
      }),
  };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('xlsx store durability', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-durability-'));
    file = path.join(dir, 'crm.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Kill points spread over the writer's life: right after opening, between folds, and later
  // when journal-size folds happen every few appends.
  test.each([1, 7, 23, 61])(
    'a writer killed -9 after %i acknowledged appends loses none of them',
    async (count) => {
      const writer = startWriter(file);
      await writer.acknowledgedAtLeast(count);
      await kill(writer.child);
      const acknowledged = [...writer.acknowledged];
      expect(acknowledged.length).toBeGreaterThanOrEqual(count);

      const store = await openXlsxStore(file);
      const ids = new Set((await store.readAll()).tables.clients.map((c) => c.id));
      await store.close();
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      // The reopened workbook was folded and closed: the .xlsx alone holds everything, and no
      // temporary file of an interrupted save is left behind.
      expect(readdirSync(dir).sort()).toEqual(['crm.xlsx']);
      const readOnly = await openXlsxStore(file, { readOnly: true });
      expect((await readOnly.readAll()).tables.clients.length).toBe(ids.size);
      await readOnly.close();
    },
  );

  test('a second writer is refused while the first holds the workbook, and takes over once it is killed', async () => {
    const writer = startWriter(file);
    await writer.acknowledgedAtLeast(2);
    const refused = await openXlsxStore(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRelacjeError(refused, 'workbookInUse')).toBe(true);
    expect((refused as Error).message).toContain(`PID ${writer.child.pid}`);

    // A reader is never blocked by the writer.
    const reader = await openXlsxStore(file, { readOnly: true });
    expect((await reader.readAll()).tables.clients.length).toBeGreaterThanOrEqual(2);
    await reader.close();

    await kill(writer.child);
    const store = await openXlsxStore(file);
    const ids = (await store.readAll()).tables.clients.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(writer.acknowledged));
    await store.close();
  });

  test('two stores in one process cannot both write', async () => {
    const first = await openXlsxStore(file);
    await expect(openXlsxStore(file)).rejects.toMatchObject({ code: 'workbookInUse' });
    await first.close();
    const second = await openXlsxStore(file);
    await second.close();
  });
});

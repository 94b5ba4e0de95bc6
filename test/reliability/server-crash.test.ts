import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createXlsxWorkbook } from '../../src/store/xlsx/xlsx-store';
import { envCount, runSeed } from './random';
import { bundleChild } from './child-process';
import { formatServerStats, runServerCycles, SERVER_CHILD } from './server-crash';

/*
 * kill -9 of the local workbook server with Graph requests under way (`RELIABILITY_SERVER_KILLS`,
 * default 20; `RELIABILITY_SEED` repeats a run).
 */
const KILLS = envCount('RELIABILITY_SERVER_KILLS', 20);
const SEED = runSeed();

describe('the local workbook server under kill -9', () => {
  let dir: string;
  let server: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-reliability-server-'));
    server = bundleChild(SERVER_CHILD, dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test(
    `keeps every row answered 201 exactly once, and a cut-off request whole or not at all (${KILLS} kills, seed ${SEED})`,
    async () => {
      const started = Date.now();
      const file = path.join(dir, 'serwer.xlsx');
      await createXlsxWorkbook(file, { locale: 'pl' });
      const stats = await runServerCycles({ file, seed: SEED, kills: KILLS, server });
      console.log(
        `RELIABILITY local server: ${formatServerStats(stats)}, failures 0, seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(stats.kills).toBe(KILLS);
    },
    Math.max(300_000, KILLS * 10_000),
  );
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envCount, runSeed } from './random';
import { bundleChild } from './child-process';
import { addStats, emptyStats, formatStats, runStoreLane, STORE_WRITER } from './store-crash';

/*
 * kill -9 of a process writing through `openXlsxStore`, at seeded random moments, then the checks
 * of docs/RELIABILITY.md. `RELIABILITY_KILLS` sets the number of kills (default 200, in two
 * parallel lanes), `RELIABILITY_SEED` repeats a run.
 */
const KILLS = envCount('RELIABILITY_KILLS', 200);
const LANES = envCount('RELIABILITY_LANES', 2);
const SEED = runSeed();

describe('the xlsx store under kill -9', () => {
  let dir: string;
  let writer: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-reliability-'));
    writer = bundleChild(STORE_WRITER, dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test(
    `keeps every acknowledged write exactly once and nothing half-done (${KILLS} kills, seed ${SEED})`,
    async () => {
      const started = Date.now();
      const stop = { requested: false };
      const lanes = Array.from({ length: LANES }, (_, lane) =>
        runStoreLane({
          dir,
          writer,
          seed: SEED,
          lane,
          kills: Math.ceil(KILLS / LANES) - (lane < Math.ceil(KILLS / LANES) * LANES - KILLS ? 1 : 0),
          workbookEvery: 25,
          damageJournals: lane % 2 === 1,
          stop,
        }).catch((error: unknown) => {
          // The other lanes stop too, before the temporary folder goes.
          stop.requested = true;
          throw error;
        }),
      );
      const total = emptyStats();
      for (const result of await Promise.allSettled(lanes)) {
        if (result.status === 'rejected') throw result.reason;
        addStats(total, result.value);
      }
      console.log(
        `RELIABILITY xlsx store: ${formatStats(total)}, failures 0, seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(total.kills).toBe(KILLS);
    },
    Math.max(600_000, KILLS * 4_000),
  );
});

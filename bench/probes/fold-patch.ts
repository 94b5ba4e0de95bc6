// A fold after one append, against its floor: the changed table's sheet inflated and deflated again
// and every other part copied as stored, which any fold that rewrites that sheet must do at least.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeZipAtomically, type ZipOutputEntry } from '../../src/store/xlsx/package/zip-writer';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { ZipEntries } from '../../src/store/xlsx/zip-entries';
import { median, millisecondsSince, reportProbe } from './probe-output';

/** The part of the largest table sheet: the one a fold after an append to it rewrites. */
function clientsSheetPart(zip: ZipEntries): string {
  const tables = zip.names().filter((n) => /^xl\/tables\/.*\.xml$/.test(n));
  const table = tables.find((n) => zip.read(n)!.toString('utf8').includes('name="tClients"'))!;
  const relsName = zip
    .names()
    .find(
      (n) =>
        n.startsWith('xl/worksheets/_rels/') &&
        zip.read(n)!.toString('utf8').includes(path.posix.basename(table)),
    )!;
  return `xl/worksheets/${path.posix.basename(relsName, '.rels')}`;
}

async function floor(file: string): Promise<number> {
  const start = process.hrtime.bigint();
  const zip = new ZipEntries(readFileSync(file));
  const sheet = clientsSheetPart(zip);
  const entries: ZipOutputEntry[] = zip
    .names()
    .map((name) => (name === sheet ? { name, chunks: [zip.read(name)!] } : { name, copyFrom: zip }));
  await writeZipAtomically(`${file}.floor.xlsx`, entries);
  const ms = millisecondsSince(start);
  rmSync(`${file}.floor.xlsx`, { force: true });
  return ms;
}

/** Rounds of floor and fold, taken in turn, each figure their median: the machine is shared and noisy. */
const ROUNDS = Number(process.env.BENCH_FOLD_ROUNDS ?? 3);

async function main(file: string): Promise<void> {
  const openStart = process.hrtime.bigint();
  const store = await openXlsxStore(file, { foldAfterIdleMs: 3_600_000, foldAtJournalBytes: 1 << 30 });
  const openMs = millisecondsSince(openStart);
  const rssAfterOpenMiB = process.memoryUsage().rss / 2 ** 20;
  // Whatever the open found to complete (a generated workbook's repeated id gets an id of its own)
  // is folded first, so that the fold measured below is the one a single append causes.
  await store.fold();
  const floors: number[] = [];
  const folds: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // The floor runs with the store's model in memory too, as the fold does.
    floors.push(await floor(file));
    await store.append('clients', [
      { id: `fold-${process.pid}-${round}`, name: 'Firma do złożenia', type: 'company', status: 'lead' },
    ]);
    const foldStart = process.hrtime.bigint();
    await store.fold();
    folds.push(millisecondsSince(foldStart));
  }
  await store.close();
  const floorMs = median(floors);
  const foldMs = median(folds);
  reportProbe({
    floorMs,
    foldMs,
    foldToFloor: foldMs / floorMs,
    foldToFloorWorst: Math.max(...folds) / Math.min(...floors),
    rounds: ROUNDS,
    openMs,
    rssAfterOpenMiB,
  });
}

void main(process.argv[2]);

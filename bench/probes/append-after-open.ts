// Appends from the first moment after an open, each awaited (so each is on disk), against the floor
// of the same bytes appended to a file with fdatasync.
import { openSync, writeSync, fdatasyncSync, closeSync, rmSync } from 'node:fs';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { median, millisecondsSince, percentile, reportProbe } from './probe-output';

const SECONDS = Number(process.env.BENCH_APPEND_SECONDS ?? 3);

function record(i: number) {
  return { id: `early-${process.pid}-${i}`, name: `Firma wczesna ${i}`, type: 'company', status: 'lead' };
}

function floorLatencies(file: string, count: number): number[] {
  const fd = openSync(`${file}.floor-journal`, 'a');
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const start = process.hrtime.bigint();
      writeSync(
        fd,
        `${JSON.stringify({ op: 'insertRows', table: 'tClients', rows: [Object.values(record(i))] })}\n`,
      );
      fdatasyncSync(fd);
      latencies.push(millisecondsSince(start));
    }
  } finally {
    closeSync(fd);
    rmSync(`${file}.floor-journal`, { force: true });
  }
  return latencies;
}

async function main(file: string): Promise<void> {
  const openStart = process.hrtime.bigint();
  const store = await openXlsxStore(file, { foldAfterIdleMs: 3_600_000, foldAtJournalBytes: 1 << 30 });
  const openMs = millisecondsSince(openStart);
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  for (let i = 0; Date.now() < until; i += 1) {
    const start = process.hrtime.bigint();
    await store.append('clients', [record(i)]);
    latencies.push(millisecondsSince(start));
  }
  await store.close();
  const floor = floorLatencies(file, latencies.length);
  reportProbe({
    openMs,
    appends: latencies.length,
    appendMedianMs: median(latencies),
    appendP99Ms: percentile(latencies, 99),
    appendMaxMs: Math.max(...latencies),
    floorP99Ms: percentile(floor, 99),
    p99ToFloor: percentile(latencies, 99) / percentile(floor, 99),
  });
}

void main(process.argv[2]);

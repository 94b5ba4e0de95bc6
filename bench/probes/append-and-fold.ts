// One durable append at a time (each awaited, so each is on disk), then the fold into the .xlsx.
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { median, millisecondsSince, percentile, reportProbe } from './probe-output';

const APPENDS = Number(process.env.BENCH_APPENDS ?? 200);

async function main(file: string): Promise<void> {
  const openStart = process.hrtime.bigint();
  // Folding is measured on its own below, so the idle fold must not fire in the middle.
  const store = await openXlsxStore(file, { foldAfterIdleMs: 3_600_000, foldAtJournalBytes: 1 << 30 });
  const openMs = millisecondsSince(openStart);
  const latencies: number[] = [];
  for (let i = 0; i < APPENDS; i += 1) {
    const start = process.hrtime.bigint();
    await store.append('clients', [
      { id: `bench-${process.pid}-${i}`, name: `Firma benchmarkowa ${i}`, type: 'company', status: 'lead' },
    ]);
    latencies.push(millisecondsSince(start));
  }
  const foldStart = process.hrtime.bigint();
  await store.close();
  const foldMs = millisecondsSince(foldStart);
  reportProbe({
    openMs,
    appendMedianMs: median(latencies),
    appendP95Ms: percentile(latencies, 95),
    foldMs,
  });
}

void main(process.argv[2]);

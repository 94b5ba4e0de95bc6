// Our layer: open the workbook and read every table as decoded records.
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { millisecondsSince, reportProbe } from './probe-output';

async function main(file: string): Promise<void> {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const store = await openXlsxStore(file, { readOnly: true });
  const snapshot = await store.readAll();
  const ms = millisecondsSince(start);
  const cpu = process.cpuUsage(cpuStart);
  // CPU time as well: on a shared machine it varies less than the time on the clock.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rows = Object.values(snapshot.tables).reduce((sum, rows) => sum + rows.length, 0);
  await store.close();
  reportProbe({ ms, cpuMs, rows });
}

void main(process.argv[2]);

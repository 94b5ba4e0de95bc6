// Our layer: open the workbook and read every table as decoded records.
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { millisecondsSince, reportProbe } from './probe-output';

async function main(file: string): Promise<void> {
  const start = process.hrtime.bigint();
  const store = await openXlsxStore(file, { readOnly: true });
  const snapshot = await store.readAll();
  const ms = millisecondsSince(start);
  const rows = Object.values(snapshot.tables).reduce((sum, rows) => sum + rows.length, 0);
  await store.close();
  reportProbe({ ms, rows });
}

void main(process.argv[2]);

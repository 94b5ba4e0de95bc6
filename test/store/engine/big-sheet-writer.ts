// Run in a child process with a small heap: opens the store, appends a client, closes (folds).
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';

async function main(file: string): Promise<void> {
  const store = await openXlsxStore(file, { foldAfterIdleMs: 3_600_000 });
  await store.append('clients', [
    { id: 'big-1', name: 'Firma obok dużego arkusza', type: 'company', status: 'lead' },
  ]);
  await store.close();
  process.stdout.write('written\n');
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});

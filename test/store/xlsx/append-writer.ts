// A child process for the durability tests: appends clients one call at a time and prints each
// id once its append is acknowledged, folding often so that kills land inside folds too.
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';

async function main(file: string): Promise<void> {
  const store = await openXlsxStore(file, { foldAfterIdleMs: 5, foldAtJournalBytes: 1500 });
  process.stdout.write('open\n');
  for (let i = 0; ; i += 1) {
    const id = `acked-${process.pid}-${i}`;
    await store.append('clients', [
      { id, name: `Firma ${i}`, type: 'company', status: 'lead', notes: 'x'.repeat(200) },
    ]);
    process.stdout.write(`${id}\n`);
  }
}

void main(process.argv[2]);

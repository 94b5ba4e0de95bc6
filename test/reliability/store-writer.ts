// The child process of the crash suite: opens the workbook through `openXlsxStore` and writes a
// seeded random mix until it is killed, printing each write before it starts and once its
// promise has resolved (acknowledged). Arguments: file, seed, tag, foldAfterIdleMs, foldAtJournalBytes.
import { createHash } from 'node:crypto';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { stopWithParent } from './child-guard';
import { prng } from './random';
import { applyOp, modelOf, nextOp, runOp, stateKey } from './workload';

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main([file, seed, tag, idle, bytes]: string[]): Promise<void> {
  const random = prng(Number(seed));
  say({ t: 'opening' });
  const store = await openXlsxStore(file, {
    foldAfterIdleMs: Number(idle),
    foldAtJournalBytes: Number(bytes),
  });
  const model = modelOf(await store.readAll());
  say({ t: 'open', state: createHash('sha1').update(stateKey(model)).digest('hex') });
  for (let n = 0; ; n += 1) {
    const op = nextOp(random, model, tag, n);
    say({ t: 'begin', n, op });
    await runOp(store, model, op);
    applyOp(model, op);
    say({ t: 'ack', n });
  }
}

stopWithParent();
main(process.argv.slice(2)).catch((error: unknown) => {
  say({ t: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});

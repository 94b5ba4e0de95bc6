import { CURRENT_SCHEMA } from '../../../src/core/schema';
import { isReadCancelled } from '../../../src/store/port';
import { clientRecord } from '../../contract/store-contract';
import { startGraphHarness, WORKBOOK, type GraphHarness } from './graph-harness';

let harness: GraphHarness;

beforeEach(async () => {
  harness = await startGraphHarness();
});

afterEach(async () => {
  await harness.close();
});

describe('Graph adapter: a read in pages tells its progress and can be cancelled', () => {
  test('every table is sized in the first batch, without its values; progress is told after each batch from then on', async () => {
    await harness.store().append(
      'clients',
      Array.from({ length: 25 }, (_, i) => clientRecord(i + 1)),
    );
    harness.server.graph.resetStats();
    const calls: [number, number][] = [];
    // Pages of 10 clients, and batches too small for two of them: a page of clients a batch.
    const store = harness.store({ pageSize: 10, maxBatchBytes: 10 * 40 * 20 });
    await store.readAll({ onProgress: (done, total) => calls.push([done, total]) });
    // Told from the sizes on: 25 clients and the other tables empty, each counted as its one blank
    // data row. Then the clients' pages, largest table first, one a batch (the last with the small
    // tables' pages); the end tells the total done.
    const total = 25 + CURRENT_SCHEMA.tables.length - 1;
    expect(calls).toEqual([
      [0, total],
      [10, total],
      [20, total],
      [25, total],
      [total, total],
    ]);
    const log = harness.server.graph.stats.log;
    const sizes = log.filter((r) => r.path.endsWith('dataBodyRange?$select=rowCount,columnCount'));
    expect(sizes).toHaveLength(CURRENT_SCHEMA.tables.length);
    // All of them in the first batch: among the first 20 operations the server ran.
    expect(log.slice(0, 20)).toEqual(expect.arrayContaining(sizes));
    expect(harness.server.graph.stats.httpRequests).toBe(5);
  });

  test('the local server answers a $select of a range size with those fields alone, no cells', async () => {
    await harness.store().append('clients', [clientRecord(1), clientRecord(2)]);
    const range = `${harness.server.url}v1.0${WORKBOOK}/workbook/tables('tClients')/dataBodyRange`;
    expect(await (await fetch(`${range}?$select=rowCount`)).json()).toEqual({ rowCount: 2 });
    expect(await (await fetch(`${range}?$select=rowIndex,columnCount`)).json()).toEqual({
      rowIndex: 1,
      columnCount: expect.any(Number),
    });
    expect((await (await fetch(range)).json()).values).toHaveLength(2);
  });

  test('cancelling while a batch is under way aborts its request: no answer awaited, no retry', async () => {
    const store = harness.store({ pageSize: 10 });
    await store.append(
      'clients',
      Array.from({ length: 25 }, (_, i) => clientRecord(i + 1)),
    );
    // The second round's request is held until its signal aborts, as a slow answer would be.
    const realFetch = global.fetch;
    const held: AbortSignal[] = [];
    const fetchSpy = jest.spyOn(global, 'fetch').mockImplementation((input, init) => {
      const signal = init?.signal;
      if (!String(init?.body ?? '').includes('$skip=10') || !signal) return realFetch(input, init);
      held.push(signal);
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });
    try {
      const controller = new AbortController();
      const read = store.readAll({ signal: controller.signal });
      await until(() => held.length > 0);
      controller.abort();
      const error = await read.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isReadCancelled(error)).toBe(true);
      expect(held).toHaveLength(1);
      expect(held[0].aborted).toBe(true);
    } finally {
      fetchSpy.mockRestore();
    }
    expect((await store.readAll()).tables.clients).toHaveLength(25);
  });
});

/** Resolves once the condition holds, checked on each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

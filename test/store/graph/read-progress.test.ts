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
  test('the total is known from the second page on, counted by the table size without its values', async () => {
    await harness.store().append(
      'clients',
      Array.from({ length: 25 }, (_, i) => clientRecord(i + 1)),
    );
    harness.server.graph.resetStats();
    const calls: [number, number][] = [];
    await harness.store({ pageSize: 10 }).readAll({ onProgress: (done, total) => calls.push([done, total]) });
    // Round one reads 10 clients (the total not known yet), round two 10 more and the count, round three 5.
    expect(calls).toEqual([
      [20, 25],
      [25, 25],
    ]);
    const counts = harness.server.graph.stats.log.filter((r) => r.path.includes('$select=rowCount'));
    expect(counts).toHaveLength(1);
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

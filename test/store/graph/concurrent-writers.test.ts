import { isRelacjeError } from '../../../src/core/errors';
import type { GraphWorkbookStore } from '../../../src/store/graph/graph-store';
import type { StoredRecord } from '../../../src/store/port';
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { clientRecord } from '../../contract/store-contract';
import { startGraphHarness, type GraphHarness } from './graph-harness';

const WRITERS = 10;
const STEPS_PER_WRITER = 12;
/** Rows every writer updates, so that updates meet on the same rows with versions of different ages. */
const SHARED_ROWS = 4;

/** A small seeded generator (mulberry32): the same choices on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface AcknowledgedUpdate {
  id: string;
  expectedVersion: number;
  version: number;
  notes: string;
  writer: number;
}

interface Conflict {
  id: string;
  expectedVersion: number;
  actualVersion: number;
}

interface Outcome {
  appended: string[];
  updates: AcknowledgedUpdate[];
  conflicts: Conflict[];
}

const sharedId = (n: number) => `client-${n}`;

/** One writer: its own adapter, its own idea of each shared row's version, refreshed now and then. */
async function runWriter(store: GraphWorkbookStore, writer: number, outcome: Outcome): Promise<void> {
  const random = seededRandom(1000 + writer);
  const versions = new Map<string, number>();
  const reread = async () => {
    const snapshot = await store.readAll();
    for (const row of snapshot.tables.clients) versions.set(row.id, row.version);
  };
  await reread();
  for (let step = 0; step < STEPS_PER_WRITER; step += 1) {
    const roll = random();
    if (roll < 0.3) {
      const count = 1 + Math.floor(random() * 3);
      const records = Array.from({ length: count }, (_, i) => ({
        ...clientRecord(0),
        id: `w${writer}-s${step}-${i}`,
        name: `Firma pisarza ${writer}, krok ${step}, nr ${i}`,
      }));
      const stored = await store.append('clients', records);
      outcome.appended.push(...stored.map((r) => r.id));
    } else if (roll < 0.85) {
      const id = sharedId(Math.floor(random() * SHARED_ROWS));
      const expectedVersion = versions.get(id)!;
      const notes = `pisarz ${writer}, krok ${step}`;
      try {
        const [stored] = await store.update('clients', [{ id, expectedVersion, changes: { notes } }]);
        outcome.updates.push({ id, expectedVersion, version: stored.version, notes, writer });
        versions.set(id, stored.version);
      } catch (error) {
        if (!isRelacjeError(error, 'conflict')) throw error;
        outcome.conflicts.push({
          id,
          expectedVersion,
          actualVersion: error.params.actualVersion,
        });
        // Half the time the writer learns the newer version at once, half the time only on its next read.
        if (random() < 0.5) versions.set(id, error.params.actualVersion);
      }
    } else {
      await reread();
    }
  }
}

let harness: GraphHarness;

beforeEach(async () => {
  harness = await startGraphHarness();
});

afterEach(async () => {
  await harness.close();
});

test('ten writers through the local server lose no acknowledged row and overwrite no newer version', async () => {
  await harness.store().append(
    'clients',
    Array.from({ length: SHARED_ROWS }, (_, n) => clientRecord(n)),
  );
  const outcome: Outcome = { appended: [], updates: [], conflicts: [] };
  const stores = Array.from({ length: WRITERS }, () => harness.store());
  await Promise.all(stores.map((store, writer) => runWriter(store, writer, outcome)));

  const final = (await harness.store().readAll()).tables.clients;
  const byId = new Map(final.map((row) => [row.id, row]));

  // Every acknowledged append is there exactly once, and nothing else was added.
  const ids = final.map((row) => row.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.slice(SHARED_ROWS).sort()).toEqual([...outcome.appended].sort());

  for (let n = 0; n < SHARED_ROWS; n += 1) {
    const id = sharedId(n);
    const acknowledged = outcome.updates.filter((u) => u.id === id).sort((a, b) => a.version - b.version);
    // Each acknowledged update built on the one before it: versions 2, 3, … with none twice and
    // none skipped, so no acknowledged update was written over without its writer knowing.
    expect(acknowledged.map((u) => u.version)).toEqual(acknowledged.map((_, i) => i + 2));
    expect(acknowledged.map((u) => u.expectedVersion)).toEqual(acknowledged.map((_, i) => i + 1));
    const last = acknowledged[acknowledged.length - 1];
    expect(byId.get(id)).toMatchObject(
      last ? { version: last.version, notes: last.notes } : { version: 1, notes: null },
    );
  }
  // A refused update was refused because its version was older than the row's.
  for (const conflict of outcome.conflicts) {
    expect(conflict.actualVersion).toBeGreaterThan(conflict.expectedVersion);
  }
  expect(outcome.appended.length).toBeGreaterThan(0);
  expect(outcome.updates.length).toBeGreaterThan(SHARED_ROWS);
  expect(outcome.conflicts.length).toBeGreaterThan(0);

  // What the server folded into the .xlsx is what the writers saw, read by the file adapter itself.
  await Promise.all(stores.map((store) => store.close()));
  await harness.server.close();
  const fileStore = await openXlsxStore(harness.file, { readOnly: true });
  const fromFile = (await fileStore.readAll()).tables.clients;
  await fileStore.close();
  expect(fromFile).toEqual(final satisfies StoredRecord[]);
  console.info(
    `concurrent writers: ${outcome.appended.length} rows appended, ${outcome.updates.length} updates acknowledged, ${outcome.conflicts.length} conflicts`,
  );
}, 60_000);

test('ten writers counting offer numbers at once get every number exactly once', async () => {
  const stores = Array.from({ length: WRITERS }, () => harness.store());
  await Promise.all(stores.map((store) => store.readAll()));
  const given: Record<string, number[]> = { offers: [], invoices: [] };
  // Two counters that do not exist yet: both are created by racing writers, on rows of their own.
  await Promise.all(
    stores.map(async (store, writer) => {
      const counter = writer % 2 === 0 ? 'offers' : 'invoices';
      for (let i = 0; i < 3; i += 1) given[counter].push(await store.nextCounter(counter));
    }),
  );
  const perCounter = (WRITERS / 2) * 3;
  const oneToN = Array.from({ length: perCounter }, (_, i) => i + 1);
  expect([...given.offers].sort((a, b) => a - b)).toEqual(oneToN);
  expect([...given.invoices].sort((a, b) => a - b)).toEqual(oneToN);
  expect((await harness.store().readAll()).meta.counters).toEqual({
    offers: perCounter,
    invoices: perCounter,
  });
}, 60_000);

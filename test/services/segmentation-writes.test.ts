import { isRelacjeError } from '../../src/core/errors';
import { segmentationWrites } from '../../src/core/segmentation';
import type { CrmService } from '../../src/services/crm-service';
import type { RecordUpdate, WorkbookStore } from '../../src/store/port';
import { countingStore, rejection } from './crm-service-suite';
import { openSeededService, type SeededService } from './seeded-service';

/* A segmentation write and its undo over the real xlsx store: one write each, the audit in it. */

const AT = new Date('2026-12-04T10:00:00.000Z');
let store: WorkbookStore;
let counted: ReturnType<typeof countingStore>;
let service: CrmService;

const company = (id: string, fields: Record<string, string | null>) => ({
  id,
  name: `Firma ${id}`,
  type: 'company',
  status: 'active',
  ...fields,
});

let seeded: SeededService;

beforeEach(async () => {
  const clients = [
    company('c1', { abcClass: 'A', segment: 'Przemysł' }),
    company('c2', { abcClass: 'B', segment: null }),
    company('c3', { abcClass: null, segment: 'Handel' }),
  ];
  seeded = await openSeededService({ clients }, { user: 'Anna', now: AT, newId: (n) => `id-${n}` });
  ({ store, counted, service } = seeded);
});

afterEach(() => seeded.close());

const clients = async () => (await store.readAll()).tables.clients;
const fieldsOf = (rows: Awaited<ReturnType<typeof clients>>) =>
  rows.map((c) => [c.id, c.abcClass, c.segment, c.segmentedAt]);

const SEGMENTED = '2026-12-04T09:59:00.000Z';
const updates: RecordUpdate[] = [
  { id: 'c1', expectedVersion: 1, changes: { abcClass: 'C', segmentedAt: SEGMENTED } },
  { id: 'c2', expectedVersion: 1, changes: { abcClass: 'C', segment: 'Nowi', segmentedAt: SEGMENTED } },
];

test('a segmentation write keeps the replaced values in its audit rows, in the same one store call', async () => {
  let writeId = '';
  const calls = await counted.callsOf(async () => {
    ({ writeId } = await service.writeSegmentation(updates));
  });
  expect(calls).toEqual(['write:clients+audit']);
  const audit = (await store.readAll()).tables.audit;
  expect(audit.map((row) => JSON.parse(String(row.details)) as unknown)).toEqual([
    {
      segmentation: writeId,
      changes: updates[0].changes,
      before: { abcClass: 'A', segmentedAt: null },
      version: 1,
    },
    {
      segmentation: writeId,
      changes: updates[1].changes,
      before: { abcClass: 'B', segment: null, segmentedAt: null },
      version: 1,
    },
  ]);
  expect(segmentationWrites(audit)).toEqual([
    { id: writeId, at: AT.toISOString(), user: 'Anna', clients: 2, undone: false },
  ]);
});

test('the undo restores exactly the previous values in one store call and is not offered twice', async () => {
  const before = fieldsOf(await clients());
  const { writeId } = await service.writeSegmentation(updates);
  expect(fieldsOf(await clients())).not.toEqual(before);
  const calls = await counted.callsOf(async () => {
    await expect(service.undoSegmentation(writeId)).resolves.toEqual({
      restored: 2,
      changedSince: 0,
      missing: 0,
    });
  });
  expect(calls).toEqual(['write:clients+audit']);
  const after = await clients();
  expect(fieldsOf(after)).toEqual(before);
  expect(after.map((c) => c.version)).toEqual([3, 3, 1]);
  const audit = service.snapshot?.tables.audit ?? [];
  expect(segmentationWrites(audit)[0]).toMatchObject({ id: writeId, undone: true });
  // A second undo finds nothing left to take back and writes nothing.
  const again = await counted.callsOf(async () => {
    await expect(service.undoSegmentation(writeId)).resolves.toMatchObject({ restored: 0 });
  });
  expect(again).toEqual([]);
});

test('a client changed since the write keeps its values; the others are restored', async () => {
  const { writeId } = await service.writeSegmentation(updates);
  await service.update('clients', 'c1', 2, { segment: 'Ręcznie' });
  await expect(service.undoSegmentation(writeId)).resolves.toEqual({
    restored: 1,
    changedSince: 1,
    missing: 0,
  });
  const after = await clients();
  expect(fieldsOf(after)).toEqual([
    ['c1', 'C', 'Ręcznie', SEGMENTED],
    ['c2', 'B', null, null],
    ['c3', null, 'Handel', null],
  ]);
});

test('a change by someone else after the load makes the undo a conflict that restores nothing', async () => {
  const { writeId } = await service.writeSegmentation(updates);
  // Another user's change, straight in the store: this service's snapshot does not know it.
  await store.update('clients', [{ id: 'c2', expectedVersion: 2, changes: { segment: 'Ktoś inny' } }]);
  const failure = await rejection(service.undoSegmentation(writeId));
  expect(isRelacjeError(failure, 'conflict')).toBe(true);
  expect(fieldsOf(await clients())).toEqual([
    ['c1', 'C', 'Przemysł', SEGMENTED],
    ['c2', 'C', 'Ktoś inny', SEGMENTED],
    ['c3', null, 'Handel', null],
  ]);
});

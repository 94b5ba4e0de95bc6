import { isRelacjeError } from '../../src/core/errors';
import { planProductImport } from '../../src/core/products/product-import';
import type { CrmService } from '../../src/services/crm-service';
import type { NewRecord, WorkbookStore } from '../../src/store/port';
import { countingStore, rejection } from './crm-service-suite';
import { openSeededService, type SeededService } from './seeded-service';

/* Tasks, goals and products written through the service over the real xlsx store. */

// 23:30 UTC on 4 December is already 5 December in Warsaw.
const AT = new Date('2026-12-04T23:30:00.000Z');
let store: WorkbookStore;
let counted: ReturnType<typeof countingStore>;
let service: CrmService;

const seed: Record<string, NewRecord[]> = {
  clients: [{ id: 'c1', name: 'Żuraw sp. z o.o.', type: 'company', status: 'active' }],
  tasks: [
    {
      id: 't1',
      title: 'Zadzwonić do prezesa',
      owner: 'Anna',
      priority: 'high',
      dueDate: '2026-12-03',
      status: 'todo',
      clientId: 'c1',
    },
    {
      id: 't2',
      title: 'Porządki w ofertach',
      owner: 'Anna',
      priority: 'low',
      dueDate: '2026-12-03',
      status: 'done',
      completedOn: '2026-12-02',
    },
  ],
  products: [
    {
      id: 'p1',
      code: 'SZK-01',
      name: 'Szkolenie BHP',
      unit: 'h',
      netPrice: 15000,
      vatRate: 'zw',
      active: true,
    },
  ],
};

let seeded: SeededService;

beforeEach(async () => {
  seeded = await openSeededService(seed, { user: 'Anna', now: AT, newId: (n) => `new-${n}` });
  ({ store, counted, service } = seeded);
});

afterEach(() => seeded.close());

const rows = (table: string) => seeded.rows(table);

test("completing a task is one write: the task done on Warsaw's today, its client's history entry, the audit", async () => {
  const calls = await counted.callsOf(() => service.completeTask('t1', 1));
  expect(calls).toEqual(['write:tasks+activities+audit']);
  const [task] = (await rows('tasks')).filter((t) => t.id === 't1');
  expect(task).toMatchObject({ status: 'done', completedOn: '2026-12-05', version: 2 });
  expect(await rows('activities')).toEqual([
    expect.objectContaining({
      clientId: 'c1',
      type: 'note',
      subject: 'Wykonano zadanie: Zadzwonić do prezesa',
      owner: 'Anna',
    }),
  ]);
  const [audit] = await rows('audit');
  expect(audit).toMatchObject({ action: 'update', table: 'tasks', recordId: 't1', user: 'Anna' });
  expect(service.snapshot?.tables.tasks.find((t) => t.id === 't1')?.status).toBe('done');
});

test('reopening and rescheduling write the task and the history in the language asked', async () => {
  const reopened = await service.reopenTask('t2', 1);
  expect(reopened.task).toMatchObject({ status: 'todo', completedOn: null });
  expect(reopened.historyEntry).toBeUndefined();
  const moved = await service.rescheduleTask('t1', 1, '10.12.2026', { locale: 'en' });
  expect(moved.task).toMatchObject({ dueDate: '2026-12-10', version: 2 });
  expect(moved.historyEntry?.subject).toBe(
    'Task "Zadzwonić do prezesa" rescheduled: 2026-12-03 → 2026-12-10',
  );
  expect((await rows('audit')).map((a) => a.recordId)).toEqual(['t2', 't1']);
});

test('a task someone changed meanwhile is a conflict, and nothing is written', async () => {
  await store.update('tasks', [{ id: 't1', expectedVersion: 1, changes: { notes: 'inna zmiana' } }]);
  const failure = await rejection(service.completeTask('t1', 1));
  expect(isRelacjeError(failure, 'conflict')).toBe(true);
  expect(await rows('activities')).toEqual([]);
  expect(await rows('audit')).toEqual([]);
});

test('a bad date is refused before the store is asked', async () => {
  counted.calls.length = 0;
  const failure = await rejection(service.rescheduleTask('t1', 1, '32.12.2026'));
  expect(isRelacjeError(failure, 'invalidRecord')).toBe(true);
  expect(counted.calls).toEqual([]);
});

test('a product is added with its price in grosze; a duplicate code is refused naming the product', async () => {
  const calls = await counted.callsOf(() =>
    service.addProduct({ code: 'AUD-01', name: 'Audyt', unit: 'szt.', netPrice: '2 500,00', vatRate: '23' }),
  );
  expect(calls).toEqual(['write:products+audit']);
  expect((await rows('products')).find((p) => p.code === 'AUD-01')).toMatchObject({
    netPrice: 250000,
    active: true,
  });
  const failure = await rejection(
    service.addProduct({ code: 'szk-01', name: 'X', unit: 'h', netPrice: '1', vatRate: '23' }),
  );
  expect(isRelacjeError(failure) && failure.messageIn('pl')).toContain('Szkolenie BHP');
  const off = await service.updateProduct('p1', 1, { active: false });
  expect(off).toMatchObject({ active: false, version: 2 });
});

test('a products import is written whole in one batch, or not at all when a row is bad', async () => {
  const good = planProductImport(
    [
      ['Kod', 'Nazwa', 'J.m.', 'Cena netto', 'VAT'],
      ['NEW-1', 'Wdrożenie', 'szt.', '4500', '23'],
      ['SZK-01', 'Szkolenie BHP (nowa cena)', 'h', '160', 'zw.'],
    ],
    service.snapshot?.tables.products ?? [],
  );
  const calls = await counted.callsOf(() => service.importProducts(good));
  expect(calls).toEqual(['write:products+audit']);
  expect((await rows('products')).map((p) => [p.code, p.netPrice])).toEqual([
    ['SZK-01', 16000],
    ['NEW-1', 450000],
  ]);
  const bad = planProductImport(
    [
      ['Kod', 'Nazwa', 'J.m.', 'Cena netto', 'VAT'],
      ['X-1', 'X', 'szt.', 'abc', '23'],
    ],
    [],
  );
  const failure = await rejection(service.importProducts(bad));
  expect(isRelacjeError(failure) && failure.messageIn('pl')).toContain('Wiersz 2');
  expect(await rows('products')).toHaveLength(2);
});

test('a goal is added and edited, its period checked', async () => {
  const goal = await service.addGoal({
    owner: '',
    description: 'Zespół: 20 spotkań w grudniu',
    metric: 'meetings',
    target: '20',
    periodStart: '01.12.2026',
    periodEnd: '31.12.2026',
  });
  expect(goal).toMatchObject({ owner: null, metric: 'meetings', target: 20, periodStart: '2026-12-01' });
  const failure = await rejection(service.updateGoal(goal.id, 1, { periodEnd: '2026-11-30' }));
  expect(isRelacjeError(failure, 'invalidRecord')).toBe(true);
  expect(await service.updateGoal(goal.id, 1, { target: '25' })).toMatchObject({ target: 25, version: 2 });
});

import { isRelacjeError } from '../../src/core/errors';
import type { CrmService } from '../../src/services/crm-service';
import type { NewRecord, WorkbookStore } from '../../src/store/port';
import { countingStore, rejection } from './crm-service-suite';
import { openSeededService, type SeededService } from './seeded-service';

/* Deleting a record of the client card, over the real xlsx store: one write, history and audit in it. */

const AT = new Date('2026-12-04T10:00:00.000Z');
let store: WorkbookStore;
let counted: ReturnType<typeof countingStore>;
let service: CrmService;

const seed: Record<string, NewRecord[]> = {
  clients: [{ id: 'c1', name: 'Żuraw sp. z o.o.', type: 'company', status: 'active' }],
  people: [{ id: 'p1', clientId: 'c1', firstName: 'Jan', lastName: 'Kowalski', email: 'jan@zuraw.pl' }],
  activities: [
    {
      id: 'a1',
      clientId: 'c1',
      personId: 'p1',
      type: 'call',
      occurredAt: '2026-12-01T09:00:00.000Z',
      subject: 'Rozmowa o dostawie',
    },
  ],
  offers: [{ id: 'f1', clientId: 'c1', number: 'OF/2026/001', issuedOn: '2026-12-01', status: 'draft' }],
  offerLines: [
    {
      id: 'l1',
      offerId: 'f1',
      lineNo: 1,
      description: 'Dźwig',
      quantity: 1,
      unit: 'szt.',
      netPrice: 100_000,
      vatRate: '23',
    },
  ],
  projects: [{ id: 'j1', clientId: 'c1', offerId: 'f1', name: 'Montaż', status: 'planned' }],
};

let seeded: SeededService;

beforeEach(async () => {
  seeded = await openSeededService(seed, { user: 'Anna Wiśniewska', now: AT, newId: (n) => `new-${n}` });
  ({ store, counted, service } = seeded);
});

afterEach(() => seeded.close());

const rows = (table: string) => seeded.rows(table);

test('a history entry is deleted in one write that also notes the deletion in the history and the audit', async () => {
  const calls = await counted.callsOf(() => service.remove('activities', 'a1', 1));
  expect(calls).toEqual(['write:activities+audit']);
  const history = await rows('activities');
  expect(history).toEqual([
    expect.objectContaining({
      id: 'new-2',
      clientId: 'c1',
      type: 'note',
      subject: 'Usunięto wpis historii: Rozmowa o dostawie',
      owner: 'Anna Wiśniewska',
      occurredAt: AT.toISOString(),
    }),
  ]);
  const [audit] = await rows('audit');
  expect(audit).toMatchObject({
    action: 'delete',
    table: 'activities',
    recordId: 'a1',
    user: 'Anna Wiśniewska',
  });
  expect(JSON.parse(String(audit.details)).record).toMatchObject({ subject: 'Rozmowa o dostawie' });
  expect(service.snapshot?.tables.activities.map((a) => a.id)).toEqual(['new-2']);
});

test("an offer goes with its lines, the project forgets it, and the note is in the user's language", async () => {
  const removal = await service.remove('offers', 'f1', 1, { locale: 'en' });
  expect(removal.historyEntry).toMatchObject({ subject: 'Deleted offer: OF/2026/001', version: 1 });
  expect(await rows('offers')).toEqual([]);
  expect(await rows('offerLines')).toEqual([]);
  const [project] = await rows('projects');
  expect(project).toMatchObject({ id: 'j1', version: 2 });
  expect(project.offerId ?? null).toBeNull();
  const audit = await rows('audit');
  expect(audit.map((a) => [a.action, a.table, a.recordId])).toEqual([
    ['delete', 'offers', 'f1'],
    ['delete', 'offerLines', 'l1'],
    ['update', 'projects', 'j1'],
  ]);
});

test("a person's deletion keeps only their name in the audit and clears them from the history", async () => {
  await service.remove('people', 'p1', 1);
  expect(await rows('people')).toEqual([]);
  const audit = (await rows('audit')).find((a) => a.recordId === 'p1');
  expect(JSON.parse(String(audit?.details))).toEqual({ title: 'Jan Kowalski' });
  expect(String(audit?.details)).not.toContain('jan@zuraw.pl');
  const call = (await rows('activities')).find((a) => a.id === 'a1');
  expect(call?.personId ?? null).toBeNull();
});

test('a record someone else changed is a conflict, and nothing is deleted', async () => {
  await store.update('activities', [{ id: 'a1', expectedVersion: 1, changes: { subject: 'Zmienione' } }]);
  const failure = await rejection(service.remove('activities', 'a1', 1));
  expect(isRelacjeError(failure, 'conflict')).toBe(true);
  expect((await rows('activities')).map((a) => a.id)).toEqual(['a1']);
  expect(await rows('audit')).toEqual([]);
});

test('a version older than the one loaded is refused before the store is asked', async () => {
  await service.update('activities', 'a1', 1, { subject: 'Poprawione' });
  counted.calls.length = 0;
  expect(isRelacjeError(await rejection(service.remove('activities', 'a1', 1)), 'conflict')).toBe(true);
  expect(counted.calls).toEqual([]);
  expect((await rows('activities')).map((a) => a.subject)).toEqual(['Poprawione']);
});

test('when the store refuses the write, the record, the history and the snapshot stay as they were', async () => {
  const before = service.snapshot;
  counted.failOn('write');
  expect(isRelacjeError(await rejection(service.remove('activities', 'a1', 1)), 'unavailable')).toBe(true);
  expect(service.snapshot).toBe(before);
  expect((await rows('activities')).map((a) => a.id)).toEqual(['a1']);
  expect(await rows('audit')).toEqual([]);
});

import { conflictMessage, describeConflict, reappliedChanges } from '../../../src/core/clients/edit-conflict';
import { CURRENT_SCHEMA, tableByKey } from '../../../src/core/schema';

const clients = tableByKey(CURRENT_SCHEMA, 'clients');
const loaded = {
  id: 'c1',
  version: 1,
  updatedAt: '2026-12-04T09:00:00.000Z',
  name: 'Żuraw',
  city: 'Łódź',
  phone: '600100200',
  notes: null,
};
const stored = { ...loaded, version: 2, updatedAt: '2026-12-04T10:15:00.000Z', city: 'Kraków', notes: '' };
const audit = [
  { table: 'clients', recordId: 'c1', at: '2026-12-04T08:00:00.000Z', user: 'Ktoś dawno', action: 'create' },
  { table: 'clients', recordId: 'c1', at: '2026-12-04T10:15:00.000Z', user: 'Anna Nowak', action: 'update' },
  { table: 'people', recordId: 'c1', at: '2026-12-04T11:00:00.000Z', user: 'Nie ten', action: 'update' },
];

test('names who changed the record, when, and the fields that differ; empty and null are alike', () => {
  const conflict = describeConflict({ table: clients, loaded, stored, mine: { phone: '601' }, audit });
  expect(conflict).toEqual({
    deleted: false,
    changedBy: 'Anna Nowak',
    changedAt: '2026-12-04T10:15:00.000Z',
    theirFields: ['city'],
    bothChanged: [],
  });
  expect(conflictMessage(conflict, clients, 'pl', '04.12.2026, 11:15')).toBe(
    'Anna Nowak (04.12.2026, 11:15) zapisał(a) zmianę tego rekordu, gdy go edytowano. Zmienione pola: Miejscowość. Twoje zmiany nie zostały jeszcze zapisane.',
  );
});

test('fields both sides changed are named, in English too', () => {
  const conflict = describeConflict({ table: clients, loaded, stored, mine: { city: 'Gdańsk' }, audit });
  expect(conflict.bothChanged).toEqual(['city']);
  expect(conflictMessage(conflict, clients, 'en', '04/12/2026 11:15')).toBe(
    'Anna Nowak (04/12/2026 11:15) saved a change to this record while you were editing it. Fields changed: City. You changed some of them too: City; check them before saving. Your changes are not saved yet.',
  );
});

test('without an audit row after the read, the author is not guessed', () => {
  const conflict = describeConflict({ table: clients, loaded, stored, mine: {}, audit: audit.slice(0, 1) });
  expect(conflict.changedBy).toBeNull();
  expect(conflictMessage(conflict, clients, 'pl', '')).toMatch(/^Inny użytkownik zapisał\(a\)/);
});

test('a record deleted meanwhile is said to be deleted, by whom the audit says', () => {
  const deletion = {
    table: 'clients',
    recordId: 'c1',
    at: '2026-12-04T12:00:00.000Z',
    user: 'Jan',
    action: 'delete',
  };
  const conflict = describeConflict({ table: clients, loaded, stored: null, mine: {}, audit: [deletion] });
  expect(conflict).toMatchObject({
    deleted: true,
    changedBy: 'Jan',
    changedAt: deletion.at,
    theirFields: [],
  });
  expect(conflictMessage(conflict, clients, 'en', 'noon')).toBe(
    'Jan (noon) deleted this record while you were editing it. Your changes were not saved.',
  );
});

test("re-applying lays the user's fields over the stored record", () => {
  expect(reappliedChanges(stored, { phone: '601', notes: null })).toMatchObject({
    city: 'Kraków',
    phone: '601',
    notes: null,
    version: 2,
  });
});

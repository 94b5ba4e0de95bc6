import { movedRecordsText, planClientMerge } from '../../../src/core/clients/client-merge';
import type { StoredRow } from '../../../src/core/clients/client-rows';
import { isRelacjeError } from '../../../src/core/errors';
import { validateRecord } from '../../../src/core/records';
import {
  CURRENT_SCHEMA,
  ID_COLUMN,
  TRACKING_COLUMNS,
  tableByKey,
  type WorkbookSchema,
} from '../../../src/core/schema';

const row = (id: string, fields: Partial<StoredRow>): StoredRow => ({ id, version: 3, ...fields });
const AT = '2026-11-20T09:30:00.000Z';

function context(locale: 'pl' | 'en' = 'pl') {
  let n = 0;
  return { at: AT, user: 'Magdalena Lis', newId: () => `id-${++n}`, locale };
}

const tables = {
  clients: [
    row('s', {
      name: 'Żuraw',
      type: 'company',
      status: 'active',
      nip: '5260001246',
      email: 'a@zuraw.pl',
      keyAccount: false,
    }),
    row('m', {
      name: 'Żuraw Bis',
      type: 'company',
      status: 'lead',
      city: 'Łódź',
      email: 'b@zuraw.pl',
      keyAccount: true,
      notes: ' ',
    }),
    row('other', { name: 'Inny', type: 'company', status: 'lead' }),
  ],
  people: [row('p1', { clientId: 'm' }), row('p2', { clientId: 'other' })],
  activities: [row('a1', { clientId: 'm' }), row('a2', { clientId: 's' })],
  tasks: [row('t1', { clientId: null }), row('t2', { clientId: 'm' })],
  complaints: [row('k1', { clientId: 'm' })],
  audit: [],
};

describe('client merge plan', () => {
  test('the survivor takes only the fields it lacks; differing values are conflicts', () => {
    const plan = planClientMerge(tables, 's', 'm', context());
    expect(plan.filled).toEqual({ city: 'Łódź' });
    expect(plan.conflicts.map((c) => [c.field, c.survivorValue, c.mergedValue])).toEqual([
      ['name', 'Żuraw', 'Żuraw Bis'],
      ['email', 'a@zuraw.pl', 'b@zuraw.pl'],
      ['status', 'active', 'lead'],
      ['keyAccount', false, true],
    ]);
    expect(plan.conflicts[1].header).toEqual({ pl: 'E-mail', en: 'E-mail' });
    expect(plan.writes.clients.updates).toEqual([{ id: 's', expectedVersion: 3, changes: { city: 'Łódź' } }]);
    expect(plan.writes.clients.removes).toEqual([{ id: 'm', expectedVersion: 3 }]);
  });

  test('every reference to the merged client is re-pointed, with the version read', () => {
    const plan = planClientMerge(tables, 's', 'm', context());
    expect(plan.moved).toEqual({ people: 1, activities: 1, tasks: 1, complaints: 1 });
    expect(plan.writes.people.updates).toEqual([
      { id: 'p1', expectedVersion: 3, changes: { clientId: 's' } },
    ]);
    expect(plan.writes.tasks.updates.map((u) => u.id)).toEqual(['t2']);
    expect(plan.writes.opportunities).toBeUndefined();
  });

  test('references are found from the schema, including tables it adds', () => {
    const header = { pl: 'Klient', en: 'Client' };
    const visits = {
      key: 'visits',
      tableName: 'tVisits',
      sheet: { pl: 'Wizyty', en: 'Visits' },
      columns: [
        ID_COLUMN,
        { key: 'hostClient', type: 'ref', required: false, header, refTable: 'clients' },
        ...TRACKING_COLUMNS,
      ],
    } as const;
    const schema: WorkbookSchema = { ...CURRENT_SCHEMA, tables: [...CURRENT_SCHEMA.tables, visits] };
    const plan = planClientMerge({ ...tables, visits: [row('v1', { hostClient: 'm' })] }, 's', 'm', {
      ...context(),
      schema,
    });
    expect(plan.writes.visits.updates).toEqual([
      { id: 'v1', expectedVersion: 3, changes: { hostClient: 's' } },
    ]);
  });

  test('one valid merge entry in the survivor history keeps what was not taken', () => {
    const plan = planClientMerge(tables, 's', 'm', context('en'));
    const [entry] = plan.writes.activities.appends;
    expect(plan.writes.activities.appends).toHaveLength(1);
    expect(entry).toMatchObject({ clientId: 's', type: 'merge', occurredAt: AT, owner: 'Magdalena Lis' });
    expect(entry.subject).toBe('Client "Żuraw Bis" merged into this client');
    expect(entry.details).toContain('E-mail: b@zuraw.pl');
    expect(entry.details).toContain('Fields filled in: City: Łódź');
    expect(
      validateRecord(tableByKey(CURRENT_SCHEMA, 'activities'), entry, { mode: 'create' }).issues,
    ).toEqual([]);
    expect(planClientMerge(tables, 's', 'm', context('pl')).writes.activities.appends[0].subject).toBe(
      'Scalono klienta „Żuraw Bis” z tym klientem',
    );
  });

  test("the history entry names tables, fields and values in the user's words, never by their keys", () => {
    const details = (locale: 'pl' | 'en') =>
      String(planClientMerge(tables, 's', 'm', context(locale)).writes.activities.appends[0].details);
    expect(details('pl').split('\n')).toEqual([
      'Przeniesione: 1 osoba kontaktowa, 1 wpis historii, 1 zadanie, 1 reklamacja.',
      'Uzupełnione pola: Miejscowość: Łódź.',
      'Wartości scalonego klienta, których nie przejęto: Nazwa: Żuraw Bis; E-mail: b@zuraw.pl; Status: Potencjalny; Klient kluczowy: tak.',
    ]);
    expect(details('en').split('\n')).toEqual([
      'Moved: 1 contact person, 1 history entry, 1 task, 1 complaint.',
      'Fields filled in: City: Łódź.',
      "The merged client's values not taken: Name: Żuraw Bis; E-mail: b@zuraw.pl; Status: Lead; Key account: yes.",
    ]);
    for (const key of ['lead', 'active', 'activities', 'people', 'complaints', 'true']) {
      expect(details('pl')).not.toMatch(new RegExp(`\\b${key}\\b`));
    }
  });

  test('counts of moved records take Polish plural forms', () => {
    expect([1, 2, 5, 22].map((n) => movedRecordsText('offers', n, 'pl'))).toEqual([
      '1 oferta',
      '2 oferty',
      '5 ofert',
      '22 oferty',
    ]);
    expect(movedRecordsText('activities', 12, 'pl')).toBe('12 wpisów historii');
    expect(movedRecordsText('people', 1, 'en')).toBe('1 contact person');
  });

  test('valid merge audit rows for the survivor, the merged client (its whole record) and each moved record', () => {
    const plan = planClientMerge(tables, 's', 'm', context());
    const audit = plan.writes.audit.appends;
    expect(audit.map((a) => [a.table, a.recordId])).toEqual([
      ['people', 'p1'],
      ['activities', 'a1'],
      ['tasks', 't2'],
      ['complaints', 'k1'],
      ['clients', 's'],
      ['clients', 'm'],
    ]);
    const auditTable = tableByKey(CURRENT_SCHEMA, 'audit');
    for (const a of audit) {
      expect(a).toMatchObject({ action: 'merge', at: AT, user: 'Magdalena Lis' });
      expect(validateRecord(auditTable, a, { mode: 'create' }).issues).toEqual([]);
    }
    expect(JSON.parse(String(audit[5].details))).toEqual({ mergedInto: 's', record: tables.clients[1] });
    expect(new Set([...audit, ...plan.writes.activities.appends].map((a) => a.id)).size).toBe(7);
  });

  test('unknown clients are recordNotFound; a client cannot be merged into itself', () => {
    let error: unknown;
    try {
      planClientMerge(tables, 's', 'gone', context());
    } catch (e) {
      error = e;
    }
    expect(isRelacjeError(error, 'recordNotFound')).toBe(true);
    expect(() => planClientMerge(tables, 's', 's', context())).toThrow('itself');
  });
});

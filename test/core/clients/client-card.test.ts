import { buildClientCard, indexByClient } from '../../../src/core/clients/client-card';
import type { StoredRow } from '../../../src/core/clients/client-rows';

const row = (id: string, fields: Partial<StoredRow>): StoredRow => ({ id, version: 1, ...fields });

const tables = {
  clients: [row('c1', { name: 'Żuraw' }), row('c2', { name: 'Inny' })],
  people: [
    row('p-ok', { clientId: 'c1', legalBasis: 'contract', retentionUntil: '2027-01-01' }),
    row('p-expired', { clientId: 'c1', legalBasis: 'legitimateInterest', retentionUntil: '2026-11-30' }),
    row('p-nobasis', { clientId: 'c1', legalBasis: null }),
    row('p-consent', { clientId: 'c1', legalBasis: 'consent', consentDate: null }),
    row('p-other', { clientId: 'c2', legalBasis: 'contract' }),
  ],
  activities: [
    row('a-old', { clientId: 'c1', occurredAt: '2025-03-01T10:00:00.000Z' }),
    row('a-new', { clientId: 'c1', occurredAt: '2026-11-01T10:00:00.000Z' }),
    row('a-mid', { clientId: 'c1', occurredAt: '2026-01-01T10:00:00.000Z' }),
    row('a-other', { clientId: 'c2', occurredAt: '2026-11-02T10:00:00.000Z' }),
  ],
  opportunities: [row('o1', { clientId: 'c1' })],
  offers: [
    row('f-old', { clientId: 'c1', issuedOn: '2026-01-10' }),
    row('f-new', { clientId: 'c1', issuedOn: '2026-10-10' }),
  ],
  tasks: [row('t1', { clientId: 'c1' }), row('t-none', { clientId: null })],
  projects: [row('j1', { clientId: 'c2' })],
  surveyAnswers: [row('r1', { clientId: 'c1' })],
  complaints: [row('k1', { clientId: 'c1', receivedOn: '2026-05-05' })],
};

const ids = (rows: readonly StoredRow[]) => rows.map((r) => r.id);

describe('client card', () => {
  const index = indexByClient(tables);

  test('holds the client and its own records of every table, history newest first', () => {
    const card = buildClientCard(index, 'c1', '2026-12-01');
    expect(card?.client).toBe(tables.clients[0]);
    expect(ids(card?.history ?? [])).toEqual(['a-new', 'a-mid', 'a-old']);
    expect(ids(card?.offers ?? [])).toEqual(['f-new', 'f-old']);
    expect(ids(card?.opportunities ?? [])).toEqual(['o1']);
    expect(ids(card?.tasks ?? [])).toEqual(['t1']);
    expect(card?.projects).toEqual([]);
    expect(ids(card?.surveyAnswers ?? [])).toEqual(['r1']);
    expect(ids(card?.complaints ?? [])).toEqual(['k1']);
    expect(ids(buildClientCard(index, 'c2', '2026-12-01')?.projects ?? [])).toEqual(['j1']);
  });

  test('flags people past retention, without a legal basis, or with consent but no consent date', () => {
    const card = buildClientCard(index, 'c1', '2026-12-01');
    const flags = card?.people.map((p) => [
      p.person.id,
      p.retentionPassed,
      p.missingLegalBasis,
      p.missingConsentDate,
    ]);
    expect(flags).toEqual([
      ['p-ok', false, false, false],
      ['p-expired', true, false, false],
      ['p-nobasis', false, true, false],
      ['p-consent', false, false, true],
    ]);
    expect(card?.gdprAttention).toBe(3);
    expect(buildClientCard(index, 'c1', '2026-11-30')?.people[1].retentionPassed).toBe(false);
  });

  test('a withdrawn consent is flagged with its date and counts for attention', () => {
    const withdrawn = row('p-gone', {
      clientId: 'c3',
      legalBasis: 'consent',
      consentDate: '2025-01-01',
      consentWithdrawnOn: '2026-12-02',
    });
    const card = buildClientCard(
      indexByClient({ clients: [row('c3', { name: 'Trzeci' })], people: [withdrawn] }),
      'c3',
      '2026-12-04',
    );
    expect(card?.people[0]).toMatchObject({ consentWithdrawnOn: '2026-12-02', missingConsentDate: false });
    expect(card?.gdprAttention).toBe(1);
  });

  test('an unknown client has no card; the index leaves the snapshot rows untouched', () => {
    expect(buildClientCard(index, 'nobody', '2026-12-01')).toBeUndefined();
    buildClientCard(index, 'c1', '2026-12-01');
    expect(ids(tables.activities)).toEqual(['a-old', 'a-new', 'a-mid', 'a-other']);
  });

  test('a snapshot after a write regroups only the tables it replaced', () => {
    const people = [...tables.people.slice(1), row('p-new', { clientId: 'c1', legalBasis: 'contract' })];
    const next = indexByClient({ ...tables, people });
    expect(next.byTable.get('activities')).toBe(index.byTable.get('activities'));
    expect(next.byTable.get('people')).not.toBe(index.byTable.get('people'));
    expect(ids(buildClientCard(next, 'c1', '2026-12-01')?.people.map((p) => p.person) ?? [])).toEqual([
      'p-expired',
      'p-nobasis',
      'p-consent',
      'p-new',
    ]);
  });
});

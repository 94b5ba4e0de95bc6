import { buildClientCard, indexByClient } from '../../../src/core/clients/client-card';
import type { CrmService } from '../../../src/services/crm-service';
import type { StoredRecord } from '../../../src/store/port';
import { cardSections } from '../../../src/ui/clients/client-card-sections';

const stored = (id: string, fields: Record<string, StoredRecord[string]>): StoredRecord => ({
  id,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

function offersSection(tables: Record<string, StoredRecord[]>, today: string) {
  const card = buildClientCard(indexByClient(tables), 'c1', today);
  if (!card) throw new Error('no card');
  const sections = cardSections({ locale: 'pl', card, stages: [], surveys: [], today, user: 'Ola Nowak' });
  const offers = sections.find((s) => s.key === 'offers');
  if (!offers?.add) throw new Error('the offers section has no quick add');
  return { section: offers, add: offers.add };
}

const client = stored('c1', { name: 'Żuraw', type: 'company', status: 'active' });

describe('the quick add of an offer on the client card', () => {
  test("offers the client's opportunities, a validity of 30 days, the net total and a template", () => {
    const { add } = offersSection(
      {
        clients: [client],
        opportunities: [
          stored('o1', { clientId: 'c1', name: 'Szkolenie BHP' }),
          stored('o2', { clientId: 'c2', name: 'Cudza szansa' }),
        ],
      },
      '2026-12-15',
    );
    expect(add.fields.map((f) => f.key)).toEqual(['opportunityId', 'validUntil', 'netTotal', 'template']);
    expect(add.fields[0].choices).toEqual([{ key: 'o1', label: 'Szkolenie BHP' }]);
    expect(add.fields[0].header).toEqual({ pl: 'Szansa', en: 'Opportunity' });
    expect(add.initial).toEqual({ clientId: 'c1', validUntil: '2027-01-14' });
  });

  test('without opportunities there is nothing to choose, so no opportunity field', () => {
    const { add } = offersSection({ clients: [client] }, '2026-03-01');
    expect(add.fields.map((f) => f.key)).toEqual(['validUntil', 'netTotal', 'template']);
    expect(add.initial.validUntil).toBe('2026-03-31');
  });

  test("saves through the service's numbered offer path, not the generic create", async () => {
    const { add } = offersSection({ clients: [client] }, '2026-03-01');
    const made = stored('f1', { number: 'OF/2026/001' });
    const calls: unknown[] = [];
    const service = {
      createOffer: (fields: unknown) => {
        calls.push(['createOffer', fields]);
        return Promise.resolve(made);
      },
      create: (...args: unknown[]) => {
        calls.push(['create', ...args]);
        return Promise.resolve(made);
      },
    } as unknown as CrmService;
    expect(add.save).toBeDefined();
    await expect(add.save?.(service, { clientId: 'c1', netTotal: '100' })).resolves.toBe(made);
    expect(calls).toEqual([['createOffer', { clientId: 'c1', netTotal: '100' }]]);
  });

  test('an offer without a gross total shows its net total, and its validity', () => {
    const { section } = offersSection({ clients: [client] }, '2026-03-01');
    const offer = stored('f1', {
      clientId: 'c1',
      number: 'OF/2026/001',
      issuedOn: '2026-03-01',
      validUntil: '2026-03-31',
      netTotal: 420_050,
    });
    const item = section.item(offer);
    expect(item.title).toBe('OF/2026/001');
    expect(item.details?.join(' | ')).toMatch(/4\s200,50\szł netto \| ważna do 31\.03\.2026$/);
  });
});

describe('editing on the card', () => {
  const sectionsOf = (tables: Record<string, StoredRecord[]>) => {
    const card = buildClientCard(indexByClient(tables), 'c1', '2026-12-04');
    if (!card) throw new Error('no card');
    return cardSections({
      locale: 'pl',
      card,
      stages: [],
      surveys: [],
      today: '2026-12-04',
      user: 'Ola Nowak',
    });
  };
  const section = (key: string) => {
    const found = sectionsOf({ clients: [client] }).find((s) => s.key === key);
    if (!found) throw new Error(`no ${key} section`);
    return found;
  };

  /** A service that records the calls a quick change makes. */
  const recording = () => {
    const calls: unknown[][] = [];
    const record =
      (name: string) =>
      (...args: unknown[]) => {
        calls.push([name, ...args]);
        return Promise.resolve({});
      };
    const service = {
      update: record('update'),
      completeTask: record('completeTask'),
      reopenTask: record('reopenTask'),
    } as unknown as CrmService;
    return { service, calls };
  };

  test("a task to do is completed through the task service, a done one reopened, at the card's version", async () => {
    const tasks = section('tasks');
    const todo = stored('t1', { clientId: 'c1', title: 'Zadzwonić', status: 'todo', priority: 'normal' });
    const { service, calls } = recording();
    const [complete] = tasks.quickChanges?.(todo) ?? [];
    expect(complete.label).toBe('completeTask');
    await complete.apply(service, todo, 'en');
    const done = { ...todo, status: 'done', version: 2 };
    const [reopen] = tasks.quickChanges?.(done) ?? [];
    expect(reopen.label).toBe('reopenTask');
    await reopen.apply(service, done, 'pl');
    expect(calls).toEqual([
      ['completeTask', 't1', 1, { locale: 'en' }],
      ['reopenTask', 't1', 2, { locale: 'pl' }],
    ]);
  });

  test('history entries, tasks, opportunities and complaints added by hand are the user’s', () => {
    for (const key of ['activities', 'tasks', 'opportunities', 'complaints']) {
      expect(section(key).add?.initial.owner).toBe('Ola Nowak');
    }
    expect(section('tasks').add?.fields.map((f) => f.key)).toContain('owner');
  });

  test('a person’s consent can be edited in full, and withdrawn in one click when it is the basis', async () => {
    const people = section('people');
    expect(people.edit.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'legalBasis',
        'consentDate',
        'consentSource',
        'consentScope',
        'consentWithdrawnOn',
        'retentionUntil',
      ]),
    );
    const person = stored('p1', {
      clientId: 'c1',
      firstName: 'Jan',
      lastName: 'Nowak',
      legalBasis: 'consent',
    });
    const { service, calls } = recording();
    const [withdraw] = people.quickChanges?.(person) ?? [];
    expect(withdraw.label).toBe('withdrawConsent');
    await withdraw.apply(service, person, 'pl');
    expect(calls).toEqual([['update', 'people', 'p1', 1, { consentWithdrawnOn: '2026-12-04' }]]);
    expect(people.quickChanges?.({ ...person, legalBasis: 'contract' })).toEqual([]);
    expect(people.quickChanges?.({ ...person, consentWithdrawnOn: '2026-12-01' })).toEqual([]);
  });

  test('an opportunity edits only its plain fields on the card and opens elsewhere for stages', () => {
    const opportunities = section('opportunities');
    expect(opportunities.edit.map((f) => f.key)).toEqual(['name', 'value', 'expectedClose', 'owner']);
    expect(opportunities.opensElsewhere).toBe(true);
  });
});

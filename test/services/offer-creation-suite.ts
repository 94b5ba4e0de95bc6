/**
 * New offers numbered from the workbook's counter, run over each real store adapter like the
 * service's other tests: the numbers, the calls they take, and what a refused offer leaves behind.
 */
import { isRelacjeError, type RelacjeError } from '../../src/core/errors';
import type { CrmService } from '../../src/services/crm-service';
import { createCrmService } from '../../src/services/store-crm-service';
import type { RecordFields, WorkbookStore } from '../../src/store/port';
import { countingStore, rejection, type ServiceStoreUnderTest } from './crm-service-suite';

const USER = 'Anna Wiśniewska';
const CLIENT = { id: 'c-1', name: 'Przedsiębiorstwo Łódzkie 1', type: 'company', status: 'lead' };

/** The store as it would be over a workbook whose `_meta` holds another offer number format. */
function withOfferNumberFormat(store: WorkbookStore, format: string): WorkbookStore {
  return {
    ...store,
    readAll: async () => {
      const snapshot = await store.readAll();
      return { ...snapshot, meta: { ...snapshot.meta, offerNumberFormat: format } };
    },
  };
}

function invalid(error: unknown): RelacjeError<'invalidRecord'> {
  if (!isRelacjeError(error, 'invalidRecord')) throw error;
  return error;
}

export function runOfferCreationSuite(name: string, factory: () => Promise<ServiceStoreUnderTest>): void {
  describe(`new offers over ${name}`, () => {
    let subject: ServiceStoreUnderTest;
    let counted: ReturnType<typeof countingStore>;
    let clock: Date;
    let ids: number;

    const serviceOver = (store: WorkbookStore, user = USER): CrmService =>
      createCrmService({ store, user, now: () => clock, newId: () => `new-${++ids}` });

    beforeEach(async () => {
      subject = await factory();
      counted = countingStore(subject.store);
      clock = new Date('2026-11-20T09:30:00.000Z');
      ids = 0;
      await subject.store.append('clients', [CLIENT]);
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    const callsOf = (action: () => Promise<unknown>) => counted.callsOf(action);
    const workbook = () => subject.store.readAll();
    const numbers = async () => (await workbook()).tables.offers.map((o) => o.number);

    test('a new offer takes the next number of the year in three calls, as a draft issued today by the user', async () => {
      const service = serviceOver(counted.store);
      await service.load();
      const fields: RecordFields = {
        clientId: CLIENT.id,
        validUntil: '20.12.2026',
        netTotal: '12 500,50',
        template: 'Oferta standardowa',
        number: 'chosen by hand',
        status: 'accepted',
      };
      const calls = await callsOf(() => service.createOffer(fields));
      expect(calls).toEqual(['nextCounter:offers-2026', 'write:offers+audit']);

      const second = await service.createOffer({ clientId: CLIENT.id });
      const saved = await workbook();
      expect(saved.tables.offers).toEqual([
        expect.objectContaining({
          id: 'new-1',
          number: 'OF/2026/001',
          clientId: CLIENT.id,
          issuedOn: '2026-11-20',
          validUntil: '2026-12-20',
          status: 'draft',
          netTotal: 1_250_050,
          template: 'Oferta standardowa',
          owner: USER,
        }),
        second,
      ]);
      expect(second).toMatchObject({ number: 'OF/2026/002', status: 'draft', owner: USER, version: 1 });
      expect(saved.meta.counters['offers-2026']).toBe(2);
      expect(service.snapshot?.meta.counters['offers-2026']).toBe(2);
      expect(service.snapshot?.tables.offers.map((o) => o.number)).toEqual(['OF/2026/001', 'OF/2026/002']);
      expect(saved.tables.audit.filter((a) => a.table === 'offers')).toEqual([
        expect.objectContaining({ action: 'create', recordId: 'new-1', user: USER }),
        expect.objectContaining({ action: 'create', recordId: second.id, user: USER }),
      ]);
    });

    test('the numbering starts again in a new year, on a counter of its own', async () => {
      const service = serviceOver(counted.store);
      clock = new Date('2026-12-31T10:00:00.000Z');
      await service.createOffer({ clientId: CLIENT.id });
      await service.createOffer({ clientId: CLIENT.id });
      clock = new Date('2027-01-02T10:00:00.000Z');
      const calls = await callsOf(() => service.createOffer({ clientId: CLIENT.id }));
      expect(calls).toEqual(['nextCounter:offers-2027', 'write:offers+audit']);
      expect(await numbers()).toEqual(['OF/2026/001', 'OF/2026/002', 'OF/2027/001']);
      expect((await workbook()).tables.offers.map((o) => o.issuedOn)).toEqual([
        '2026-12-31',
        '2026-12-31',
        '2027-01-02',
      ]);
      expect((await workbook()).meta.counters).toMatchObject({ 'offers-2026': 2, 'offers-2027': 1 });
    });

    test('a format without the year counts on through the years; the month comes from the day of issue', async () => {
      const service = serviceOver(withOfferNumberFormat(counted.store, 'Z-{MM}-{NNNNN}'));
      await service.createOffer({ clientId: CLIENT.id });
      clock = new Date('2027-02-10T10:00:00.000Z');
      await service.createOffer({ clientId: CLIENT.id });
      expect(await numbers()).toEqual(['Z-11-00001', 'Z-02-00002']);
      expect((await workbook()).meta.counters).toEqual({ offers: 2 });
    });

    test('an invalid offer is refused before a number is taken: no call, no number used up', async () => {
      const service = serviceOver(counted.store);
      await service.load();
      let error: unknown;
      const calls = await callsOf(async () => {
        error = await rejection(
          service.createOffer({ clientId: CLIENT.id, validUntil: '31.02.2026', netTotal: 'dużo' }),
        );
      });
      expect(calls).toEqual([]);
      expect(
        invalid(error)
          .params.issues.map((i) => i.field)
          .sort(),
      ).toEqual(['netTotal', 'validUntil']);
      const withoutClient = invalid(await rejection(service.createOffer({ netTotal: '100' })));
      expect(withoutClient.params.issues.map((i) => [i.field, i.rule])).toEqual([['clientId', 'required']]);

      await service.createOffer({ clientId: CLIENT.id });
      expect(await numbers()).toEqual(['OF/2026/001']);
      expect((await workbook()).meta.counters).toEqual({ 'offers-2026': 1 });
    });

    test('a format no number can be made from is refused in both languages, and nothing is written', async () => {
      const service = serviceOver(withOfferNumberFormat(counted.store, 'OF/{YYYY}'));
      await service.load();
      let error: unknown;
      const calls = await callsOf(async () => {
        error = await rejection(service.createOffer({ clientId: CLIENT.id }));
      });
      expect(calls).toEqual([]);
      const refused = invalid(error);
      expect(refused.params.issues).toEqual([
        expect.objectContaining({ field: 'number', rule: 'offerNumberFormat', value: 'OF/{YYYY}' }),
      ]);
      expect(refused.messageIn('pl')).toContain('brak pola licznika');
      expect(refused.messageIn('en')).toContain('no counter token');
      expect(await workbook()).toMatchObject({ meta: { counters: {} }, tables: { offers: [] } });
    });

    test('numbers the sheet already holds (typed in by hand) are skipped, one call each', async () => {
      await subject.store.append('offers', [
        { id: 'hand-1', number: 'OF/2026/001', clientId: CLIENT.id, issuedOn: '2026-10-01', status: 'sent' },
        { id: 'hand-2', number: 'OF/2026/002', clientId: CLIENT.id, issuedOn: '2026-10-02', status: 'sent' },
      ]);
      const service = serviceOver(counted.store);
      await service.load();
      const calls = await callsOf(() => service.createOffer({ clientId: CLIENT.id }));
      expect(calls).toEqual([
        'nextCounter:offers-2026',
        'nextCounter:offers-2026',
        'nextCounter:offers-2026',
        'write:offers+audit',
      ]);
      expect(await numbers()).toEqual(['OF/2026/001', 'OF/2026/002', 'OF/2026/003']);
    });

    test('two people adding offers at the same moment get two different numbers', async () => {
      const anna = serviceOver(subject.store);
      const jan = serviceOver(subject.store, 'Jan Kowalski');
      await Promise.all([anna.load(), jan.load()]);
      const made = await Promise.all([
        anna.createOffer({ clientId: CLIENT.id }),
        jan.createOffer({ clientId: CLIENT.id }),
        anna.createOffer({ clientId: CLIENT.id }),
      ]);
      expect(made.map((o) => o.number).sort()).toEqual(['OF/2026/001', 'OF/2026/002', 'OF/2026/003']);
      expect((await numbers()).sort()).toEqual(['OF/2026/001', 'OF/2026/002', 'OF/2026/003']);
    });

    test('when the offer cannot be written after its number was taken, the error is passed on and the number is not given again', async () => {
      const service = serviceOver(counted.store);
      await service.load();
      counted.failOn('write:offers');
      expect(
        isRelacjeError(await rejection(service.createOffer({ clientId: CLIENT.id })), 'unavailable'),
      ).toBe(true);
      expect(await numbers()).toEqual([]);
      expect(service.snapshot?.meta.counters['offers-2026']).toBe(1);
      counted.failOn(undefined);
      await service.createOffer({ clientId: CLIENT.id });
      expect(await numbers()).toEqual(['OF/2026/002']);
    });
  });
}

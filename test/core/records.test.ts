import { CURRENT_SCHEMA, tableByKey } from '../../src/core/schema';
import { validateRecord } from '../../src/core/records';

const clients = tableByKey(CURRENT_SCHEMA, 'clients');
const opportunities = tableByKey(CURRENT_SCHEMA, 'opportunities');
const people = tableByKey(CURRENT_SCHEMA, 'people');

// Callers choose the id, so that a retried append can be recognised by it.
const newClient = { id: 'c1', name: 'Żabka Sp. z o.o.', type: 'Firma', status: 'Aktywny' };

describe('validateRecord', () => {
  test('a new client typed the Polish way is normalised: compact NIP, enum keys, +48 phone', () => {
    const result = validateRecord(
      clients,
      { ...newClient, nip: 'PL 526-025-09-95', phone: '600 100 200', postalCode: '00950', keyAccount: 'tak' },
      { mode: 'create' },
    );
    expect(result.issues).toEqual([]);
    expect(result.record).toMatchObject({
      name: 'Żabka Sp. z o.o.',
      type: 'company',
      status: 'active',
      nip: '5260250995',
      phone: '+48 600 100 200',
      postalCode: '00-950',
      keyAccount: true,
    });
  });

  test('an opportunity: money in grosze, percent, date typed dd.mm.rrrr', () => {
    const result = validateRecord(
      opportunities,
      {
        id: 'o1',
        clientId: 'c1',
        name: 'Wdrożenie',
        pipeline: 'Sprzedaż',
        stage: 'Oferta',
        status: 'open',
        value: '12 500,50 zł',
        probability: '40%',
        expectedClose: '31.12.2026',
      },
      { mode: 'create' },
    );
    expect(result.issues).toEqual([]);
    expect(result.record).toMatchObject({ value: 1250050, probability: 40, expectedClose: '2026-12-31' });
  });

  test('every broken field is reported at once, each naming field, value and rule in both languages', () => {
    const result = validateRecord(
      clients,
      { ...newClient, name: '', nip: '123-456-78-90', email: 'biuro@firma', status: 'Zawieszony' },
      { mode: 'create' },
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.field, i.rule])).toEqual([
      ['name', 'required'],
      ['nip', 'nipChecksum'],
      ['email', 'email'],
      ['status', 'enum'],
    ]);
    const nip = result.issues[1].message;
    expect(nip.pl).toBe(
      'NIP „123-456-78-90”: niepoprawna cyfra kontrolna NIP (ostatnia cyfra jest sumą kontrolną)',
    );
    expect(nip.en).toBe('NIP "123-456-78-90": wrong NIP check digit (the last digit is a checksum)');
    expect(result.issues[2].message.pl).toContain('E-mail „biuro@firma”');
  });

  test('a field the table does not have is refused rather than silently dropped', () => {
    const result = validateRecord(clients, { ...newClient, nipp: '5260250995' }, { mode: 'create' });
    expect(result.issues).toMatchObject([{ field: 'nipp', rule: 'unknownField' }]);
  });

  test('create needs the id but not the tracking fields; stored needs both', () => {
    expect(validateRecord(clients, newClient, { mode: 'create' }).ok).toBe(true);
    const { id: _id, ...withoutId } = newClient;
    expect(validateRecord(clients, withoutId, { mode: 'create' }).issues).toMatchObject([{ field: 'id' }]);
    const stored = validateRecord(clients, newClient, { mode: 'stored' });
    expect(stored.issues.map((i) => i.field).sort()).toEqual(['createdAt', 'updatedAt', 'version']);
  });

  test('update checks only what is given, may not clear a required field nor touch tracking fields', () => {
    expect(validateRecord(clients, { city: 'Kraków' }, { mode: 'update' })).toEqual({
      ok: true,
      record: { city: 'Kraków' },
      issues: [],
    });
    const cleared = validateRecord(clients, { name: '', city: '' }, { mode: 'update' });
    expect(cleared.issues).toMatchObject([{ field: 'name', rule: 'required' }]);
    expect(cleared.record).toEqual({ city: null });
    const tracking = validateRecord(clients, { version: 7, id: 'x' }, { mode: 'update' });
    expect(tracking.issues.map((i) => [i.field, i.rule])).toEqual([
      ['id', 'readOnlyField'],
      ['version', 'readOnlyField'],
    ]);
  });

  test('texts longer than the column allows are refused, with the value shortened in the message', () => {
    const result = validateRecord(clients, { ...newClient, name: 'x'.repeat(301) }, { mode: 'create' });
    expect(result.issues[0].rule).toBe('tooLong');
    expect(result.issues[0].message.en.length).toBeLessThan(140);
  });

  test('a PESEL with a wrong check digit and a date that does not exist', () => {
    const result = validateRecord(
      people,
      {
        id: 'p1',
        clientId: 'c1',
        firstName: 'Anna',
        lastName: 'Nowak',
        pesel: '44051401358',
        consentDate: '30.02.2026',
      },
      { mode: 'create' },
    );
    expect(result.issues.map((i) => [i.field, i.rule])).toEqual([
      ['pesel', 'peselChecksum'],
      ['consentDate', 'date'],
    ]);
  });
});

import { CURRENT_SCHEMA, tableByKey, type FieldKey, type FieldsOf } from '../../../src/core/schema';

/** Every field key of a table, listed as a `Record` so that a key missing or extra does not compile. */
const OPPORTUNITY_KEYS: Record<FieldKey<'opportunities'>, true> = {
  id: true,
  clientId: true,
  name: true,
  pipeline: true,
  stage: true,
  value: true,
  currency: true,
  probability: true,
  expectedClose: true,
  owner: true,
  status: true,
  closedOn: true,
  lostReason: true,
  personId: true,
  stageEnteredOn: true,
  lostNote: true,
  version: true,
  createdAt: true,
  updatedAt: true,
};

const CLIENT_ADDED_KEYS: Pick<Record<FieldKey<'clients'>, true>, 'rfmScore' | 'segmentedAt'> = {
  rfmScore: true,
  segmentedAt: true,
};

describe('field keys derived from the schema', () => {
  test('the compiler knows exactly the columns the schema gives a table, those of later versions included', () => {
    const columns = tableByKey(CURRENT_SCHEMA, 'opportunities').columns.map((c) => c.key);
    expect(Object.keys(OPPORTUNITY_KEYS).sort()).toEqual([...columns].sort());
    const clientColumns = tableByKey(CURRENT_SCHEMA, 'clients').columns.map((c) => c.key);
    expect(clientColumns).toEqual(expect.arrayContaining(Object.keys(CLIENT_ADDED_KEYS)));
  });

  test('a mistyped field, or one of another table, does not compile', () => {
    const client: FieldsOf<'clients'> = { name: 'Piekarnia Żak', rfmScore: '555' };
    // @ts-expect-error `nmae` is no field of clients
    const mistyped: FieldsOf<'clients'> = { nmae: 'Piekarnia Żak' };
    // @ts-expect-error `lostNote` belongs to opportunities, not tenders
    const elsewhere: FieldsOf<'tenders'> = { lostNote: 'Cena' };
    expect([client, mistyped, elsewhere].map((fields) => Object.keys(fields))).toEqual([
      ['name', 'rfmScore'],
      ['nmae'],
      ['lostNote'],
    ]);
  });
});

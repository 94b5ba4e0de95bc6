import {
  changedClientFields,
  emptyClientValues,
  issuesByField,
  newClientFields,
  valuesOfClient,
} from '../../../src/ui/clients/client-form-fields';
import { validateRecord } from '../../../src/core/records';
import { CURRENT_SCHEMA, tableByKey } from '../../../src/core/schema';

const clients = tableByKey(CURRENT_SCHEMA, 'clients');

describe('the client form and the records it sends', () => {
  test('a new client sends only the fields filled in; blank text is not sent', () => {
    const values = { ...emptyClientValues(), name: 'Agromex', nip: '  ', city: 'Łódź' };
    expect(newClientFields(values)).toEqual({
      type: 'company',
      status: 'lead',
      keyAccount: false,
      name: 'Agromex',
      city: 'Łódź',
    });
  });

  test('an edit sends only what changed, and a cleared field as null', () => {
    const stored = {
      id: 'c1',
      version: 3,
      name: 'Agromex',
      city: 'Łódź',
      email: 'a@agromex.pl',
      keyAccount: true,
    };
    const original = valuesOfClient(stored);
    const edited = { ...original, city: 'Kraków', email: '', keyAccount: false };
    expect(changedClientFields(original, edited)).toEqual({ city: 'Kraków', email: null, keyAccount: false });
  });

  test("the core's issues are kept per form field; the id (given by the service) is not a form field", () => {
    const { issues } = validateRecord(
      clients,
      { nip: '1234567890', type: 'company', status: 'lead' },
      { mode: 'create' },
    );
    const byField = issuesByField(issues);
    expect([...byField.keys()].sort()).toEqual(['name', 'nip']);
    expect(byField.get('nip')?.rule).toBe('nipChecksum');
  });
});

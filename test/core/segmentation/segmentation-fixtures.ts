import { computeClientFacts, type ClientFacts } from '../../../src/core/segmentation';
import type { SegmentationClient, SegmentationRow } from '../../../src/core/segmentation';
import type { RecordFields } from '../../../src/core/records';

/** A client as the store keeps it, with only the fields a test cares about besides the required ones. */
export function client(id: string, fields: RecordFields = {}): SegmentationClient {
  return {
    id,
    name: `Klient ${id}`,
    type: 'company',
    status: 'active',
    version: 3,
    createdAt: '2025-01-01T08:00:00.000Z',
    updatedAt: '2025-01-01T08:00:00.000Z',
    ...fields,
  };
}

let nextId = 0;
const rowId = (prefix: string) => `${prefix}${++nextId}`;

export function wonOpportunity(
  clientId: string,
  value: number,
  closedOn: string,
  fields: RecordFields = {},
): SegmentationRow {
  return { id: rowId('o'), clientId, status: 'won', value, closedOn, currency: 'PLN', ...fields };
}

export function acceptedOffer(
  clientId: string,
  netTotal: number,
  issuedOn: string,
  fields: RecordFields = {},
): SegmentationRow {
  return { id: rowId('f'), clientId, status: 'accepted', netTotal, issuedOn, opportunityId: null, ...fields };
}

export function activity(clientId: string, occurredAt: string): SegmentationRow {
  return { id: rowId('a'), clientId, type: 'call', occurredAt, subject: 'Rozmowa' };
}

export const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
export const TODAY = '2025-12-31';

/** Facts over 2025 with `today` at its end. */
export function factsOf(
  clients: readonly SegmentationClient[],
  rows: {
    opportunities?: SegmentationRow[];
    offers?: SegmentationRow[];
    activities?: SegmentationRow[];
  } = {},
  window = YEAR_2025,
  today = TODAY,
): ClientFacts {
  return computeClientFacts({
    clients,
    opportunities: rows.opportunities ?? [],
    offers: rows.offers ?? [],
    activities: rows.activities ?? [],
    window,
    today,
  });
}

/** Clients `c1…cn` with the given won values in 2025, names in id order. */
export function clientsWithValues(values: readonly number[]): ClientFacts {
  const clients = values.map((_, i) => client(`c${i + 1}`));
  const opportunities = values.map((value, i) => wonOpportunity(`c${i + 1}`, value, '2025-06-01'));
  return factsOf(clients, { opportunities });
}

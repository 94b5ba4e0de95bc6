import type { FieldValue, RecordFields } from '../records';
import type { ImportRow } from './import-rows';
import { normalizeClientName } from '../clients/client-duplicates';
import { foldText } from './text-folding';

/** A client as the store holds it: what matching and planning need of it. */
export interface ExistingClient extends RecordFields {
  id: string;
  version: number;
}

/** A contact person already in the base, to avoid adding the same person twice. */
export interface ExistingPerson extends RecordFields {
  id: string;
}

export type MatchKey = 'nip' | 'email' | 'name';

export interface ClientMatch {
  rowNumber: number;
  client: ExistingClient;
  by: MatchKey;
  /** How many other clients in the base share the key (a name used twice); the first is taken. */
  alsoMatching: number;
}

/**
 * What the user chose for a row: `update` an existing client — `fill` only its empty fields or
 * `overwrite` them with the row's values — `skip` the row, or `addNew` as a new client.
 */
export type ImportDecision =
  { action: 'update'; mode: 'fill' | 'overwrite' } | { action: 'skip' } | { action: 'addNew' };

/** Structurally `RecordUpdate` of the store port. */
export interface ClientUpdate {
  id: string;
  expectedVersion: number;
  changes: RecordFields;
}

/** Structurally `ClientImportPlan` of src/services/crm-service.ts. */
export interface ClientImportPlan {
  create: readonly RecordFields[];
  update: readonly ClientUpdate[];
}

/** A contact person to add, for a client of the plan's `create` (by index) or one in the base. */
export interface PlannedPerson {
  client: { createIndex: number } | { existingId: string };
  /** The person's fields without `clientId`, which the writer sets. */
  fields: RecordFields;
  rowNumber: number;
}

export interface ImportPlan extends ClientImportPlan {
  create: RecordFields[];
  update: ClientUpdate[];
  people: PlannedPerson[];
}

const emailKey = (email: string) => email.trim().toLowerCase();

export interface ClientIndex {
  byNip: ReadonlyMap<string, ExistingClient[]>;
  byEmail: ReadonlyMap<string, ExistingClient[]>;
  byName: ReadonlyMap<string, ExistingClient[]>;
}

/** Indexes the base by compact NIP, lower-case e-mail and name without legal form (`normalizeClientName`), for matching in linear time. */
export function indexClients(clients: readonly ExistingClient[]): ClientIndex {
  const byNip = new Map<string, ExistingClient[]>();
  const byEmail = new Map<string, ExistingClient[]>();
  const byName = new Map<string, ExistingClient[]>();
  const add = (map: Map<string, ExistingClient[]>, key: string, client: ExistingClient) => {
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(client);
    else map.set(key, [client]);
  };
  for (const client of clients) {
    if (typeof client.nip === 'string') add(byNip, client.nip, client);
    if (typeof client.email === 'string') add(byEmail, emailKey(client.email), client);
    if (typeof client.name === 'string') add(byName, normalizeClientName(client.name), client);
  }
  return { byNip, byEmail, byName };
}

/**
 * Finds each row's client in the base: by NIP, then e-mail, then name. A client whose NIP differs
 * from the row's is a different firm even when its e-mail or name is the same, so it is no match.
 */
export function matchClients(rows: readonly ImportRow[], index: ClientIndex): Map<number, ClientMatch> {
  const matches = new Map<number, ClientMatch>();
  for (const row of rows) {
    const { nip, email, name } = row.client;
    const compatible = (client: ExistingClient) =>
      typeof nip !== 'string' || !client.nip || client.nip === nip;
    // Keys are worked out only as far as needed: most rows of a re-import stop at the NIP.
    const lookups: [MatchKey, () => ExistingClient[] | undefined][] = [
      ['nip', () => (typeof nip === 'string' ? index.byNip.get(nip) : undefined)],
      ['email', () => (typeof email === 'string' ? index.byEmail.get(emailKey(email)) : undefined)],
      ['name', () => (typeof name === 'string' ? index.byName.get(normalizeClientName(name)) : undefined)],
    ];
    for (const [by, lookup] of lookups) {
      const found = lookup()?.filter(compatible) ?? [];
      if (found.length > 0) {
        matches.set(row.rowNumber, {
          rowNumber: row.rowNumber,
          client: found[0],
          by,
          alsoMatching: found.length - 1,
        });
        break;
      }
    }
  }
  return matches;
}

/** The choice offered first: fill the matched client's empty fields; add a row with no match. */
export function defaultDecision(match: ClientMatch | undefined): ImportDecision {
  return match ? { action: 'update', mode: 'fill' } : { action: 'addNew' };
}

const isEmpty = (value: FieldValue | undefined) => value === null || value === undefined || value === '';

/** E-mail addresses that differ only in case reach the same mailbox: rewriting one is no change. */
const sameValue = (field: string, a: FieldValue | undefined, b: FieldValue) =>
  a === b ||
  (field === 'email' && typeof a === 'string' && typeof b === 'string' && emailKey(a) === emailKey(b));

/** The fields of `row` that would change `existing`: in `fill` mode only where it is empty. */
export function changedFields(
  existing: Readonly<RecordFields>,
  row: Pick<ImportRow, 'client' | 'defaulted'>,
  mode: 'fill' | 'overwrite',
): RecordFields {
  const changes: RecordFields = {};
  const defaulted = new Set(row.defaulted);
  for (const [field, value] of Object.entries(row.client)) {
    if (defaulted.has(field) || isEmpty(value) || sameValue(field, existing[field], value)) continue;
    if (mode === 'overwrite' || isEmpty(existing[field])) changes[field] = value;
  }
  return changes;
}

export interface PlanOptions {
  /** The base's contact people, so a person already there is not added again. */
  existingPeople?: readonly ExistingPerson[];
}

const personKey = (clientRef: string, person: RecordFields) =>
  `${clientRef}\u0000${foldText(`${person.firstName ?? ''} ${person.lastName ?? ''}`)}`;

/**
 * Turns rows and decisions (a row without one takes `defaultDecision`) into what to write. An update
 * holds only fields that really change and several rows for one client make one update, so running
 * the same import again plans nothing.
 */
export function planImport(
  rows: readonly ImportRow[],
  matches: ReadonlyMap<number, ClientMatch>,
  decisions: ReadonlyMap<number, ImportDecision> = new Map(),
  options: PlanOptions = {},
): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], people: [] };
  const pending = new Map<string, { client: ExistingClient; merged: RecordFields; changes: RecordFields }>();
  const knownPeople = new Set(
    (options.existingPeople ?? []).map((p) => personKey(`id:${String(p.clientId)}`, p)),
  );
  const addPerson = (row: ImportRow, client: PlannedPerson['client']) => {
    if (!row.person) return;
    const ref = 'createIndex' in client ? `new:${client.createIndex}` : `id:${client.existingId}`;
    const key = personKey(ref, row.person);
    if (knownPeople.has(key)) return;
    knownPeople.add(key);
    plan.people.push({ client, fields: row.person, rowNumber: row.rowNumber });
  };
  for (const row of rows) {
    const match = matches.get(row.rowNumber);
    const decision = decisions.get(row.rowNumber) ?? defaultDecision(match);
    if (decision.action === 'skip') continue;
    if (decision.action === 'addNew' || !match) {
      plan.create.push(row.client);
      addPerson(row, { createIndex: plan.create.length - 1 });
      continue;
    }
    const id = match.client.id;
    const entry = pending.get(id) ?? { client: match.client, merged: { ...match.client }, changes: {} };
    pending.set(id, entry);
    const changes = changedFields(entry.merged, row, decision.mode);
    Object.assign(entry.merged, changes);
    Object.assign(entry.changes, changes);
    addPerson(row, { existingId: id });
  }
  for (const { client, changes } of pending.values()) {
    // A later row may have set a field back to what the client already had.
    const real = Object.fromEntries(
      Object.entries(changes).filter(([field, value]) => !sameValue(field, client[field], value)),
    );
    if (Object.keys(real).length > 0)
      plan.update.push({ id: client.id, expectedVersion: client.version, changes: real });
  }
  return plan;
}

import type { FieldValue, RecordFields } from '../records';
import type { ImportRow } from './import-rows';
import { normalizeClientName } from '../clients/client-duplicates';
import { runSteps, STEP_ROWS } from './steps';
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
  people?: readonly PlannedPerson[];
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
const isEmpty = (value: FieldValue | undefined) => value === null || value === undefined || value === '';

export interface ClientIndex {
  byNip: ReadonlyMap<string, ExistingClient[]>;
  byEmail: ReadonlyMap<string, ExistingClient[]>;
  byName: ReadonlyMap<string, ExistingClient[]>;
}

type MutableIndex = { [K in keyof ClientIndex]: Map<string, ExistingClient[]> };

function addToIndex(index: MutableIndex, client: ExistingClient): void {
  const add = (map: Map<string, ExistingClient[]>, key: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [client]);
    else if (!list.includes(client)) list.push(client);
  };
  if (typeof client.nip === 'string' && client.nip) add(index.byNip, client.nip);
  if (typeof client.email === 'string' && client.email) add(index.byEmail, emailKey(client.email));
  const name = typeof client.name === 'string' ? normalizeClientName(client.name) : '';
  if (name) add(index.byName, name);
}

const emptyIndex = (): MutableIndex => ({ byNip: new Map(), byEmail: new Map(), byName: new Map() });

/** Indexes the base by compact NIP, lower-case e-mail and name without legal form, for matching in linear time. */
export function indexClients(clients: readonly ExistingClient[]): ClientIndex {
  return runSteps(indexClientsInSteps(clients));
}

/** `indexClients` yielding the number of clients indexed every `STEP_ROWS` clients. */
export function* indexClientsInSteps(clients: readonly ExistingClient[]): Generator<number, ClientIndex> {
  const index = emptyIndex();
  for (let done = 0; done < clients.length; done++) {
    if (done > 0 && done % STEP_ROWS === 0) yield done;
    addToIndex(index, clients[done]);
  }
  return index;
}

type RowValues = Pick<ImportRow, 'client' | 'defaulted'>;

const sameOrMissing = (a: FieldValue | undefined, b: FieldValue | undefined) =>
  isEmpty(a) || isEmpty(b) || a === b;

type Found = Pick<ClientMatch, 'client' | 'by' | 'alsoMatching'> & { source: number };

/**
 * The client that a row's fields name: by NIP, then e-mail, then name, each key looked up in all
 * the indexes (`source` says which held the one taken, the first of equals) among the clients
 * each index `accepts` for the row. A client found by a weaker key that already holds every value
 * of the row goes first: it is the one an earlier import of the same file filled, so importing
 * the file again changes nothing.
 */
function findClient(
  row: RowValues,
  indexes: readonly { index: ClientIndex; accepts: (client: ExistingClient) => boolean }[],
): Found | undefined {
  const { nip, email, name } = row.client;
  // Keys are worked out only as far as needed: most rows of a re-import stop at the NIP.
  const lookups: [MatchKey, keyof ClientIndex, () => string | undefined][] = [
    ['nip', 'byNip', () => (typeof nip === 'string' ? nip : undefined)],
    ['email', 'byEmail', () => (typeof email === 'string' ? emailKey(email) : undefined)],
    ['name', 'byName', () => (typeof name === 'string' ? normalizeClientName(name) : undefined)],
  ];
  let first: Found | undefined;
  for (const [by, map, keyOf] of lookups) {
    const key = keyOf();
    if (!key) continue;
    const found = indexes.flatMap(({ index, accepts }) => index[map].get(key)?.filter(accepts) ?? []);
    if (found.length === 0) continue;
    const client = found.length === 1 ? found[0] : closest(found, row);
    const source = indexes.findIndex(({ index }) => index[map].get(key)?.includes(client));
    const result = { client, by, alsoMatching: found.length - 1, source };
    if (holdsRow(client, row)) return result;
    first ??= result;
  }
  return first;
}

/** Whether the client already has every value of the row: the client this file filled before. */
const holdsRow = (client: ExistingClient, row: RowValues) =>
  Object.keys(changedFields(client, row, 'fill')).length === 0;

/**
 * Finds each row's client in the base: by NIP, then e-mail, then name. A client whose NIP differs
 * from the row's is a different firm even when its e-mail or name is the same, so it is no match.
 * A row that names the new client of an earlier row of the file better than any client of the
 * base gets no match here: `planImport` adds it to that new client.
 */
export function matchClients(rows: readonly ImportRow[], index: ClientIndex): Map<number, ClientMatch> {
  return runSteps(matchClientsInSteps(rows, index));
}

/** `matchClients` yielding the number of rows matched every `STEP_ROWS` rows. */
export function* matchClientsInSteps(
  rows: readonly ImportRow[],
  index: ClientIndex,
): Generator<number, Map<number, ClientMatch>> {
  const matches = new Map<number, ClientMatch>();
  // A client without a NIP takes the NIP of the first row matched to it; a row with another NIP
  // is then another firm, as it will be when the same file is imported again.
  const claimedNip = new Map<string, string>();
  // Rows left without a match become new clients, which later rows may name too.
  const newInFile = emptyIndex();
  const defaultedOf = new Map<RecordFields, Set<string>>();
  for (let done = 0; done < rows.length; done++) {
    if (done > 0 && done % STEP_ROWS === 0) yield done;
    const row = rows[done];
    const found = findClient(row, [
      { index, accepts: (client) => sameOrMissing(row.client.nip, client.nip || claimedNip.get(client.id)) },
      { index: newInFile, accepts: (client) => sameOrMissing(row.client.nip, client.nip) },
    ]);
    if (found?.source === 0) {
      const { client, by, alsoMatching } = found;
      matches.set(row.rowNumber, { rowNumber: row.rowNumber, client, by, alsoMatching });
      const { nip } = row.client;
      if (typeof nip === 'string' && !client.nip) claimedNip.set(client.id, nip);
    } else if (found) {
      mergeIntoNew(found.client, defaultedOf.get(found.client)!, row);
      addToIndex(newInFile, found.client);
    } else {
      const view: ExistingClient = { ...row.client, id: `row:${row.rowNumber}`, version: 0 };
      defaultedOf.set(view, new Set(row.defaulted));
      addToIndex(newInFile, view);
    }
  }
  return matches;
}

/**
 * Of clients sharing a key, one that already holds everything the row says (the client the same
 * file filled before), else the one agreeing on most of NIP, e-mail and name; the first of equals.
 */
function closest(
  candidates: readonly ExistingClient[],
  { client: row, defaulted }: RowValues,
): ExistingClient {
  const rowName = typeof row.name === 'string' ? normalizeClientName(row.name) : undefined;
  const agreement = (client: ExistingClient) =>
    Number(typeof row.nip === 'string' && client.nip === row.nip) +
    Number(
      typeof row.email === 'string' &&
        typeof client.email === 'string' &&
        emailKey(client.email) === emailKey(row.email),
    ) +
    Number(
      rowName !== undefined &&
        typeof client.name === 'string' &&
        normalizeClientName(client.name) === rowName,
    );
  const score = (client: ExistingClient) =>
    agreement(client) + (holdsRow(client, { client: row, defaulted }) ? 4 : 0);
  let best = candidates[0];
  let bestScore = score(best);
  for (const candidate of candidates.slice(1)) {
    const candidateScore = score(candidate);
    if (candidateScore > bestScore) [best, bestScore] = [candidate, candidateScore];
  }
  return best;
}

/** The choice offered first: fill the matched client's empty fields; add a row with no match. */
export function defaultDecision(match: ClientMatch | undefined): ImportDecision {
  return match ? { action: 'update', mode: 'fill' } : { action: 'addNew' };
}

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
  /**
   * The base's contact people, so a person already there is not added again: the same client and
   * the same first and last name (case and diacritics aside) or the same e-mail.
   */
  existingPeople?: readonly ExistingPerson[];
}

/** A later row of the file for a new client fills its gaps, and its given values replace defaults. */
function mergeIntoNew(record: RecordFields, defaulted: Set<string>, row: ImportRow): void {
  const rowDefaults = new Set(row.defaulted);
  for (const [field, value] of Object.entries(row.client)) {
    const given = !rowDefaults.has(field);
    if (isEmpty(value) || !(isEmpty(record[field]) || (given && defaulted.has(field)))) continue;
    record[field] = value;
    if (given) defaulted.delete(field);
    else defaulted.add(field);
  }
}

/** A person is the same one at the same client by first and last name, or by e-mail. */
function personKeys(clientRef: string, person: RecordFields): string[] {
  const keys = [
    `${clientRef}\u0000name\u0000${foldText(`${person.firstName ?? ''} ${person.lastName ?? ''}`)}`,
  ];
  if (typeof person.email === 'string' && person.email.trim())
    keys.push(`${clientRef}\u0000email\u0000${emailKey(person.email)}`);
  return keys;
}

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
  // New clients of this file by their keys: a later row without a match in the base that names
  // one of them is the same firm, as it will be when the file is imported again.
  const newClients = emptyIndex();
  const newViews: ExistingClient[] = [];
  const defaultedOf = new Map<RecordFields, Set<string>>();
  const createIndexOf = new Map<ExistingClient, number>();
  const pending = new Map<string, { client: ExistingClient; merged: RecordFields; changes: RecordFields }>();
  const knownPeople = new Set(
    (options.existingPeople ?? []).flatMap((p) => personKeys(`id:${String(p.clientId)}`, p)),
  );
  const addPerson = (row: ImportRow, client: PlannedPerson['client']) => {
    if (!row.person) return;
    const ref = 'createIndex' in client ? `new:${client.createIndex}` : `id:${client.existingId}`;
    const keys = personKeys(ref, row.person);
    if (keys.some((key) => knownPeople.has(key))) return;
    for (const key of keys) knownPeople.add(key);
    plan.people.push({ client, fields: row.person, rowNumber: row.rowNumber });
  };
  for (const row of rows) {
    const match = matches.get(row.rowNumber);
    const decision = decisions.get(row.rowNumber) ?? defaultDecision(match);
    if (decision.action === 'skip') continue;
    if (decision.action === 'addNew' || !match) {
      const earlier = match
        ? undefined
        : findClient(row, [
            { index: newClients, accepts: (client) => sameOrMissing(row.client.nip, client.nip) },
          ]);
      const createIndex = earlier ? createIndexOf.get(earlier.client)! : plan.create.length;
      if (earlier) {
        mergeIntoNew(plan.create[createIndex], defaultedOf.get(earlier.client)!, row);
        Object.assign(earlier.client, plan.create[createIndex]);
      } else {
        const record = { ...row.client };
        const view: ExistingClient = { ...record, id: `new:${createIndex}`, version: 0 };
        plan.create.push(record);
        newViews.push(view);
        defaultedOf.set(view, new Set(row.defaulted));
        createIndexOf.set(view, createIndex);
      }
      addToIndex(newClients, newViews[createIndex]);
      addPerson(row, { createIndex });
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

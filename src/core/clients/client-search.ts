import type { FieldValue } from '../records';
import { isEmptyValue, type StoredRow } from './client-rows';
import { foldText, nipDigits } from './text-fold';

export interface ClientQuery {
  /** Words typed in the search box: every word must occur in the name, NIP, city or e-mail. */
  text: string;
  status?: string;
  segment?: string;
  owner?: string;
  industry?: string;
  source?: string;
  abcClass?: string;
}

type FilterField = Exclude<keyof ClientQuery, 'text'>;
const FILTER_FIELDS: readonly FilterField[] = [
  'status',
  'segment',
  'owner',
  'industry',
  'source',
  'abcClass',
];

export type ClientSortField =
  | 'name'
  | 'city'
  | 'status'
  | 'owner'
  | 'industry'
  | 'segment'
  | 'abcClass'
  | 'nip'
  | 'createdAt'
  | 'updatedAt';

export interface ClientSort {
  field: ClientSortField;
  direction: 'asc' | 'desc';
}

/** Fields compared as plain text: fixed-width digits and ISO timestamps sort by code unit. */
const CODE_UNIT_ORDER: ReadonlySet<ClientSortField> = new Set(['nip', 'createdAt', 'updatedAt']);

/**
 * Built once per snapshot: each client's folded haystack, all of them joined into one text, and
 * the sort orders (each computed once, when first asked for). A keystroke is one `indexOf` pass
 * over the joined text and one pass over the wanted order: no sorting, no per-client work for
 * clients that do not match.
 */
export interface ClientSearchIndex<T extends StoredRow = StoredRow> {
  readonly clients: readonly T[];
  /** Folded `name \n nip \n city \n e-mail` per client, in the order of `clients`. */
  readonly haystacks: readonly string[];
  /** The haystacks joined by NUL, which no query word holds, so no match spans two clients. */
  readonly joined: string;
  /** Where each client's haystack starts in `joined`; one more entry past the end. */
  readonly starts: Int32Array;
  readonly orders: Map<string, Int32Array>;
  /** Scratch marks of the clients found by the current search; all zero between searches. */
  readonly marks: Uint8Array;
}

const collator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });
const SEPARATOR = '\u0000';

export function buildClientSearchIndex<T extends StoredRow>(clients: readonly T[]): ClientSearchIndex<T> {
  const haystacks = clients.map((client) => {
    const nip = typeof client.nip === 'string' ? client.nip : '';
    const compactNip = nipDigits(nip);
    const fields = [
      foldText(text(client.name)),
      compactNip,
      foldText(text(client.city)),
      foldText(text(client.email)),
    ];
    if (compactNip !== nip) fields.push(foldText(nip));
    // `join` yields flat strings: `includes` then never has to flatten a rope during a keystroke.
    return fields.join('\n');
  });
  const starts = new Int32Array(clients.length + 1);
  let offset = 0;
  haystacks.forEach((haystack, i) => {
    starts[i] = offset;
    offset += haystack.length + SEPARATOR.length;
  });
  starts[clients.length] = offset;
  const joined = haystacks.join(SEPARATOR);
  const index: ClientSearchIndex<T> = {
    clients,
    haystacks,
    joined,
    starts,
    orders: new Map(),
    marks: new Uint8Array(clients.length),
  };
  sortOrder(index, { field: 'name', direction: 'asc' });
  return index;
}

/** The clients matching the query, in the order asked for; equal keys keep the workbook order. */
export function searchClients<T extends StoredRow>(
  index: ClientSearchIndex<T>,
  query: ClientQuery,
  sort: ClientSort,
): T[] {
  const words = queryWords(query.text);
  const filters = FILTER_FIELDS.filter((field) => query[field] !== undefined && query[field] !== '');
  const order = sortOrder(index, sort);
  const { clients, marks } = index;
  if (words.length > 0) markMatches(index, words);
  const found: T[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (words.length > 0) {
      if (marks[i] === 0) continue;
      marks[i] = 0;
    }
    if (filters.length === 0 || passes(clients[i], query, filters)) found.push(clients[i]);
  }
  return found;
}

/** Marks the clients holding every word: the longest word is sought in the joined text, the others in each hit. */
function markMatches(index: ClientSearchIndex<StoredRow>, words: readonly string[]): void {
  const { joined, starts, haystacks, marks } = index;
  let longest = 0;
  for (let w = 1; w < words.length; w++) if (words[w].length > words[longest].length) longest = w;
  const sought = words[longest];
  let client = 0;
  let at = joined.indexOf(sought);
  while (at !== -1) {
    while (starts[client + 1] <= at) client++;
    let all = true;
    for (let w = 0; w < words.length && all; w++) {
      if (w !== longest && !haystacks[client].includes(words[w])) all = false;
    }
    if (all) marks[client] = 1;
    at = joined.indexOf(sought, starts[client + 1]);
  }
}

function passes(client: StoredRow, query: ClientQuery, filters: readonly FilterField[]): boolean {
  for (let f = 0; f < filters.length; f++) if (client[filters[f]] !== query[filters[f]]) return false;
  return true;
}

/**
 * The words of a query, folded. A query of digits, dashes and spaces (optionally after `PL`) is a
 * NIP or its beginning, typed in any grouping, and is matched as one run of digits.
 */
export function queryWords(typed: string): string[] {
  // Control characters cannot be typed into a search box; dropping them keeps NUL a safe separator.
  const trimmed = typed.replace(/\p{Cc}/gu, ' ').trim();
  if (!trimmed) return [];
  if (/^(pl)?[\d\s-]+$/i.test(trimmed) && /\d/.test(trimmed)) return [nipDigits(trimmed)];
  return foldText(trimmed)
    .split(/\s+/)
    .map((word) => (/^[\d-]*\d[\d-]*$/.test(word) ? word.replace(/-/g, '') : word))
    .filter(Boolean);
}

export interface ClientFilterOptions {
  owners: string[];
  industries: string[];
  segments: string[];
}

/** The distinct values for the filter lists, in Polish alphabetical order. */
export function filterOptions(clients: readonly StoredRow[]): ClientFilterOptions {
  const distinct = (field: string) => {
    const values = new Set<string>();
    for (const client of clients) {
      const value = client[field];
      if (typeof value === 'string' && value.trim()) values.add(value);
    }
    return [...values].sort(collator.compare);
  };
  return { owners: distinct('owner'), industries: distinct('industry'), segments: distinct('segment') };
}

function text(value: FieldValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Client positions sorted by the field; clients without a value come last in both directions. */
function sortOrder(index: ClientSearchIndex<StoredRow>, sort: ClientSort): Int32Array {
  const key = `${sort.field}:${sort.direction}`;
  const cached = index.orders.get(key);
  if (cached) return cached;
  const compare = CODE_UNIT_ORDER.has(sort.field) ? compareCodeUnits : collator.compare;
  const values = index.clients.map((client) => text(client[sort.field]));
  const filled: number[] = [];
  const empty: number[] = [];
  index.clients.forEach((client, i) => (isEmptyValue(client[sort.field]) ? empty : filled).push(i));
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Array.prototype.sort is stable, so equal values keep the workbook order in both directions.
  filled.sort((a, b) => sign * compare(values[a], values[b]));
  const order = Int32Array.from([...filled, ...empty]);
  index.orders.set(key, order);
  return order;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

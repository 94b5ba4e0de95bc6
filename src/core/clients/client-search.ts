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

/** A record's haystack, kept while the record lives: snapshots share the records they did not change. */
const HAYSTACKS = new WeakMap<StoredRow, string>();

/** The index built last: the default `previous` of the next build. */
let lastBuilt: ClientSearchIndex<StoredRow> | undefined;

/**
 * The sort orders of `previous` (by default the index built last, usually the previous snapshot's; `null` for none)
 * are carried over: only the clients that are new or changed (new objects) are sorted and merged
 * in, so the index after an edit costs a linear pass rather than a full Polish-collation sort. The
 * result is the same as a fresh build from any `previous`.
 */
export function buildClientSearchIndex<T extends StoredRow>(
  clients: readonly T[],
  previous: ClientSearchIndex<StoredRow> | null = lastBuilt ?? null,
): ClientSearchIndex<T> {
  const haystacks = clients.map(haystackOf);
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
  if (previous && previous.orders.size > 0) {
    const positions = new Map<StoredRow, number>(clients.map((client, i) => [client, i]));
    for (const [key, order] of previous.orders) {
      const [field, direction] = key.split(':') as [ClientSortField, ClientSort['direction']];
      index.orders.set(
        key,
        reorder(previous, order, positions, comparator(clients, { field, direction }), clients.length),
      );
    }
  } else {
    sortOrder(index, { field: 'name', direction: 'asc' });
  }
  lastBuilt = index;
  return index;
}

function haystackOf(client: StoredRow): string {
  const cached = HAYSTACKS.get(client);
  if (cached !== undefined) return cached;
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
  const haystack = fields.join('\n');
  HAYSTACKS.set(client, haystack);
  return haystack;
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
  const order = Int32Array.from(index.clients.keys()).sort(comparator(index.clients, sort));
  index.orders.set(key, order);
  return order;
}

type PositionOrder = (a: number, b: number) => number;

/** Orders client positions by the field, then by position: one total order, so sorting is stable. */
function comparator(clients: readonly StoredRow[], sort: ClientSort): PositionOrder {
  const compare = CODE_UNIT_ORDER.has(sort.field) ? compareCodeUnits : collator.compare;
  const values = clients.map((client) =>
    isEmptyValue(client[sort.field]) ? null : text(client[sort.field]),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = values[a];
    const y = values[b];
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    return sign * compare(x, y) || a - b;
  };
}

/**
 * The previous order carried over: the clients kept (same objects) stay in their previous order,
 * which is still sorted as long as they kept their workbook order (ties are broken by position);
 * the new or changed ones are sorted and each put in place by binary search.
 */
function reorder(
  previous: ClientSearchIndex<StoredRow>,
  previousOrder: Int32Array,
  positions: ReadonlyMap<StoredRow, number>,
  order: PositionOrder,
  count: number,
): Int32Array {
  const newPosition = new Int32Array(previous.clients.length).fill(-1);
  const isKept = new Uint8Array(count);
  let last = -1;
  for (let p = 0; p < previous.clients.length; p++) {
    const position = positions.get(previous.clients[p]);
    if (position === undefined || isKept[position]) continue;
    if (position < last) return Int32Array.from({ length: count }, (_, i) => i).sort(order);
    last = position;
    newPosition[p] = position;
    isKept[position] = 1;
  }
  const kept: number[] = [];
  for (let k = 0; k < previousOrder.length; k++) {
    const position = newPosition[previousOrder[k]];
    if (position >= 0) kept.push(position);
  }
  const added: number[] = [];
  for (let i = 0; i < count; i++) if (!isKept[i]) added.push(i);
  added.sort(order);
  const merged = new Int32Array(count);
  let m = 0;
  let from = 0;
  for (const position of added) {
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(kept[middle], position) < 0) low = middle + 1;
      else high = middle;
    }
    while (from < low) merged[m++] = kept[from++];
    merged[m++] = position;
  }
  while (from < kept.length) merged[m++] = kept[from++];
  return merged;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

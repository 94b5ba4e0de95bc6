/**
 * The random mix of writes the crash suite makes through the `WorkbookStore` port, and the model
 * of what the workbook must hold after them. The child process that writes and the test that
 * checks both use it: the child to choose writes that are valid, the test to know what each
 * acknowledged write changed.
 */
import type { StoredRecord, WorkbookSnapshot, WorkbookStore } from '../../src/store/port';
import { integerBelow, pick } from './random';

/** What the suite checks of a client row. */
export interface Row {
  name: string;
  city: string;
  notes: string;
  version: number;
}

export interface Model {
  rows: Map<string, Row>;
  counter: number;
}

export const COUNTER = 'reliability';

export type Op =
  | { kind: 'append'; rows: ({ id: string } & Omit<Row, 'version'>)[] }
  /** The same record appended again with the same fields: a retry, stored once. */
  | { kind: 'retry'; id: string }
  | { kind: 'update'; changes: { id: string; expectedVersion: number; city: string; notes: string }[] }
  | { kind: 'remove'; refs: { id: string; expectedVersion: number }[] }
  | { kind: 'counter' }
  | { kind: 'fold' };

export function emptyModel(): Model {
  return { rows: new Map(), counter: 0 };
}

export function cloneModel(model: Model): Model {
  return { rows: new Map([...model.rows].map(([id, row]) => [id, { ...row }])), counter: model.counter };
}

/** Texts that exercise the cell codec: formula-like starts, Polish letters, XML specials. */
const NOTES = [
  'Zażółć gęślą jaźń',
  '=SUMA(A1:A3)',
  '+48 600 100 200',
  '-rabat 5%',
  '@wspólnik',
  '<b>"cudzysłów" & \'apostrof\'</b>',
  'ŁÓDŹ — Świętokrzyska 1/2',
  'x',
];

const CITIES = ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Szczecin', 'Zielona Góra'];

function notes(random: () => number): string {
  return pick(random, NOTES).repeat(1 + integerBelow(random, 12));
}

function someIds(random: () => number, model: Model, most: number): string[] {
  const ids = [...model.rows.keys()];
  const chosen = new Set<string>();
  const count = 1 + integerBelow(random, most);
  for (let i = 0; i < count && ids.length > 0; i += 1) chosen.add(pick(random, ids));
  return [...chosen];
}

/** The next write, valid against `model`; `tag` makes new ids unique across processes. */
export function nextOp(random: () => number, model: Model, tag: string, n: number): Op {
  const roll = random();
  const empty = model.rows.size === 0;
  if (roll < 0.38 || empty) {
    const count = 1 + integerBelow(random, 3);
    return {
      kind: 'append',
      rows: Array.from({ length: count }, (_, j) => ({
        id: `${tag}-${n}-${j}`,
        name: `Firma ${tag} ${n}/${j}`,
        city: pick(random, CITIES),
        notes: notes(random),
      })),
    };
  }
  if (roll < 0.68) {
    return {
      kind: 'update',
      changes: someIds(random, model, 2).map((id) => ({
        id,
        expectedVersion: model.rows.get(id)!.version,
        city: pick(random, CITIES),
        notes: notes(random),
      })),
    };
  }
  if (roll < 0.82) {
    return {
      kind: 'remove',
      refs: someIds(random, model, 2).map((id) => ({ id, expectedVersion: model.rows.get(id)!.version })),
    };
  }
  if (roll < 0.88) return { kind: 'retry', id: pick(random, [...model.rows.keys()]) };
  if (roll < 0.95) return { kind: 'counter' };
  return { kind: 'fold' };
}

/** What `op` changes, once acknowledged. */
export function applyOp(model: Model, op: Op): void {
  switch (op.kind) {
    case 'append':
      for (const { id, ...fields } of op.rows) model.rows.set(id, { ...fields, version: 1 });
      return;
    case 'update':
      for (const change of op.changes) {
        const row = model.rows.get(change.id)!;
        model.rows.set(change.id, {
          ...row,
          city: change.city,
          notes: change.notes,
          version: row.version + 1,
        });
      }
      return;
    case 'remove':
      for (const ref of op.refs) model.rows.delete(ref.id);
      return;
    case 'counter':
      model.counter += 1;
      return;
    case 'retry':
    case 'fold':
      return;
  }
}

/** Runs `op` through the store port (the fold through the xlsx store's own `fold`). */
export async function runOp(
  store: WorkbookStore & { fold?: (force?: boolean) => Promise<void> },
  model: Model,
  op: Op,
): Promise<void> {
  const client = (id: string, row: Omit<Row, 'version'>) => ({
    id,
    name: row.name,
    type: 'company',
    status: 'lead',
    city: row.city,
    notes: row.notes,
  });
  switch (op.kind) {
    case 'append':
      await store.append(
        'clients',
        op.rows.map(({ id, ...row }) => client(id, row)),
      );
      return;
    case 'retry': {
      const [stored] = await store.append('clients', [client(op.id, model.rows.get(op.id)!)]);
      if (stored.version !== model.rows.get(op.id)!.version)
        throw new Error(`a retried append of ${op.id} changed its version to ${stored.version}`);
      return;
    }
    case 'update':
      await store.update(
        'clients',
        op.changes.map((c) => ({
          id: c.id,
          expectedVersion: c.expectedVersion,
          changes: { city: c.city, notes: c.notes },
        })),
      );
      return;
    case 'remove':
      await store.remove('clients', op.refs);
      return;
    case 'counter':
      await store.nextCounter(COUNTER);
      return;
    case 'fold':
      await store.fold?.(true);
      return;
  }
}

/** The model of what a store holds; throws when a client id is there twice. */
export function modelOf(snapshot: WorkbookSnapshot): Model {
  const rows = new Map<string, Row>();
  for (const record of snapshot.tables.clients) {
    if (rows.has(record.id)) throw new Error(`the client ${record.id} is in the workbook twice`);
    rows.set(record.id, rowOf(record));
  }
  return { rows, counter: snapshot.meta.counters[COUNTER] ?? 0 };
}

function rowOf(record: StoredRecord): Row {
  return {
    name: String(record.name),
    city: String(record.city),
    notes: String(record.notes),
    version: record.version,
  };
}

/** One string per state, equal exactly when the states are. */
export function stateKey(model: Model): string {
  const ids = [...model.rows.keys()].sort();
  return JSON.stringify([model.counter, ids.map((id) => [id, model.rows.get(id)])]);
}

/** How `observed` differs from `expected`, in a few lines. */
export function describeDifference(expected: Model, observed: Model): string {
  const lines: string[] = [];
  for (const [id, row] of expected.rows) {
    const seen = observed.rows.get(id);
    if (!seen) lines.push(`missing ${id} (v${row.version})`);
    else if (JSON.stringify(seen) !== JSON.stringify(row))
      lines.push(`${id}: expected ${JSON.stringify(row)}, found ${JSON.stringify(seen)}`);
  }
  for (const id of observed.rows.keys()) if (!expected.rows.has(id)) lines.push(`unexpected ${id}`);
  if (expected.counter !== observed.counter)
    lines.push(`counter: expected ${expected.counter}, found ${observed.counter}`);
  return lines.slice(0, 12).join('\n') || '(the same)';
}

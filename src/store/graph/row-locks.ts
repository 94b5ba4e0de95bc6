/**
 * Row locks of the Graph adapter, kept where users never see them: a column of the hidden `_meta`
 * sheet, right of its key/value rows (A:C), never a cell of a table. Graph has no conditional
 * write, so an update or delete first locks its records here, reads their rows under the lock,
 * checks their versions, and only then writes them (unlocking in the same batch).
 *
 * Each record has a slot, a cell found by hashing its table and id: no directory to keep, one
 * range read finds every lock of a call, and one range write (with `null`, "leave as it is",
 * everywhere else) takes or gives back any number of them. Two records that share a slot only
 * wait for each other. A held slot holds the same text for every writer, so taking a lock someone
 * else holds writes what is already there and changes nothing: reading the column just before
 * writing it, in one batch, tells each writer whether the lock was free.
 */
import { textLiteral, type SheetValue, type SheetWrite } from '../table-rows';

/** The column of `_meta` that holds the slots, from row 2 down (row 1 is the sheet's header row). */
export const LOCK_COLUMN = 'J';
export const LOCK_SLOTS = 256;
export const LOCK_RANGE = `${LOCK_COLUMN}2:${LOCK_COLUMN}${LOCK_SLOTS + 1}`;
/** A held slot's text; an empty cell is a free slot. */
export const HELD = 'locked';
/** A lock held longer than this was left by a pane that stopped between locking and writing. */
export const LOCK_LEASE_MS = 30_000;

/** A record's slot (0-based): FNV-1a of its table and id, so every writer finds the same one. */
export function lockSlotOf(table: string, id: string): number {
  const key = `${table}\u0000${id}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % LOCK_SLOTS;
}

/** The `_meta` cell of a record's lock, e.g. `J42`. */
export function lockCellOf(table: string, id: string): string {
  return `${LOCK_COLUMN}${lockSlotOf(table, id) + 2}`;
}

/** A write of the whole slot column that sets these slots to `value` and leaves every other cell alone. */
export function slotsWrite(slots: Iterable<number>, value: 'held' | 'free'): SheetWrite[][] {
  const grid: SheetWrite[][] = Array.from({ length: LOCK_SLOTS }, () => [null]);
  for (const slot of slots) grid[slot] = [value === 'held' ? textLiteral(HELD) : ''];
  return grid;
}

/** Whether a slot was held, in the values read from the slot column. */
export function isHeld(values: readonly (readonly SheetValue[])[], slot: number): boolean {
  return String(values[slot]?.[0] ?? '') === HELD;
}

/** How long a call has waited for locks other writers hold, and since when it has seen each held. */
export class LockWaits {
  private readonly since = new Map<string, number>();
  /** Waits count as asked for, not only as the clock saw them, so an injected sleep keeps the bound. */
  private waited = 0;

  constructor(private readonly now: () => number) {}

  /** Notes that this lock is held; whether it has been for longer than a lease (so it is taken over). */
  abandoned(lock: string): boolean {
    const first = this.since.get(lock) ?? this.now();
    this.since.set(lock, first);
    return Math.max(this.now() - first, this.waited) > LOCK_LEASE_MS;
  }

  /** The next wait, short and growing, or undefined once waiting longer would not help. */
  next(attempt: number): number | undefined {
    if (this.waited > 2 * LOCK_LEASE_MS) return undefined;
    const wait = Math.min(2_000, 50 * 2 ** attempt);
    this.waited += wait;
    return wait;
  }
}

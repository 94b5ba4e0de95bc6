import type { FieldValue, RecordFields } from '../records';
import {
  emptyAsNull,
  type ClientUpdate,
  type SegmentationClient,
  type SegmentationRow,
} from './segmentation-input';

/**
 * What the audit row of one client's segmentation change holds: the write it belongs to, the new
 * values, the values they replaced and the version they were written over, so the write can be
 * undone exactly, even after a reload, from the audit alone.
 */
export interface SegmentationAuditDetails {
  /** The id of the whole write (every client changed by one "write to the workbook"). */
  segmentation: string;
  changes: RecordFields;
  /** The previous value of every changed field; null where it was empty. */
  before: RecordFields;
  /** The client's version the change was written over; the change makes it `version + 1`. */
  version: number;
}

/** The audit row of an undo: the write it takes back and what it restored. */
export interface SegmentationUndoDetails {
  undoOf: string;
  changes: RecordFields;
  before: RecordFields;
  version: number;
}

/** The audit details of a segmentation change; `client` is the client as it was read before it. */
export function segmentationAuditDetails(
  writeId: string,
  update: ClientUpdate,
  client: Readonly<RecordFields> | undefined,
): SegmentationAuditDetails {
  const before: RecordFields = {};
  for (const field of Object.keys(update.changes)) before[field] = emptyAsNull(client?.[field]);
  return { segmentation: writeId, changes: update.changes, before, version: update.expectedVersion };
}

/** One segmentation write as the audit tells it. */
export interface SegmentationWrite {
  id: string;
  /** When it was written (the audit's time). */
  at: string;
  user: string;
  clients: number;
  /** Whether an undo of it has been written. */
  undone: boolean;
}

interface AuditedChange {
  at: string;
  user: string;
  clientId: string;
  details: SegmentationAuditDetails;
}

// Only rows written by segmentation are parsed: their details start with one of these keys.
const WRITE_PREFIX = '{"segmentation":';
const UNDO_PREFIX = '{"undoOf":';

function readDetails(row: SegmentationRow): SegmentationAuditDetails | SegmentationUndoDetails | null {
  const details = row.details;
  if (typeof details !== 'string' || row.table !== 'clients') return null;
  if (!details.startsWith(WRITE_PREFIX) && !details.startsWith(UNDO_PREFIX)) return null;
  try {
    const parsed = JSON.parse(details) as SegmentationAuditDetails | SegmentationUndoDetails;
    return typeof parsed === 'object' && parsed !== null && typeof parsed.version === 'number'
      ? parsed
      : null;
  } catch {
    // Cut at the audit's length limit, or edited by hand: not a write that can be undone.
    return null;
  }
}

interface AuditIndex {
  changes: Map<string, AuditedChange[]>;
  undone: Set<string>;
}

function indexAudit(audit: readonly SegmentationRow[]): AuditIndex {
  const changes = new Map<string, AuditedChange[]>();
  const undone = new Set<string>();
  for (const row of audit) {
    const details = readDetails(row);
    if (!details) continue;
    if ('undoOf' in details) {
      undone.add(details.undoOf);
      continue;
    }
    const change: AuditedChange = {
      at: String(row.at ?? ''),
      user: String(row.user ?? ''),
      clientId: String(row.recordId ?? ''),
      details,
    };
    const list = changes.get(details.segmentation);
    if (list) list.push(change);
    else changes.set(details.segmentation, [change]);
  }
  return { changes, undone };
}

/** The segmentation writes the audit holds, newest first. Linear in the audit's rows. */
export function segmentationWrites(audit: readonly SegmentationRow[]): SegmentationWrite[] {
  const { changes, undone } = indexAudit(audit);
  const writes = [...changes].map(([id, list]) => ({
    id,
    at: list[0].at,
    user: list[0].user,
    clients: list.length,
    undone: undone.has(id),
  }));
  return writes.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export interface SegmentationUndoPlan {
  writeId: string;
  /** Each client still as the write left it, back to its previous values. */
  updates: ClientUpdate[];
  /** The audit details of each update, in the same order. */
  details: SegmentationUndoDetails[];
  /** Clients changed again since the write (by anyone): they keep their values. */
  changedSince: number;
  /** Clients deleted since the write. */
  missing: number;
  /** The write was undone already: nothing to do. */
  alreadyUndone: boolean;
}

const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined) => emptyAsNull(a) === emptyAsNull(b);

/**
 * The updates that take a segmentation write back: every client it changed and nobody changed
 * since (its version is the one the write made, and its fields still hold the written values)
 * gets exactly its previous values back, checked against that version. Linear in the audit and
 * the clients.
 */
export function planSegmentationUndo(
  audit: readonly SegmentationRow[],
  clients: readonly SegmentationClient[],
  writeId: string,
): SegmentationUndoPlan {
  const { changes, undone } = indexAudit(audit);
  const plan: SegmentationUndoPlan = {
    writeId,
    updates: [],
    details: [],
    changedSince: 0,
    missing: 0,
    alreadyUndone: undone.has(writeId),
  };
  if (plan.alreadyUndone) return plan;
  const byId = new Map(clients.map((client) => [client.id, client]));
  for (const { clientId, details } of changes.get(writeId) ?? []) {
    const client = byId.get(clientId);
    if (!client) {
      plan.missing += 1;
      continue;
    }
    const untouched =
      client.version === details.version + 1 &&
      Object.entries(details.changes).every(([field, value]) => sameValue(client[field], value));
    if (!untouched) {
      plan.changedSince += 1;
      continue;
    }
    plan.updates.push({ id: clientId, expectedVersion: client.version, changes: { ...details.before } });
    plan.details.push({
      undoOf: writeId,
      changes: details.before,
      before: details.changes,
      version: client.version,
    });
  }
  return plan;
}

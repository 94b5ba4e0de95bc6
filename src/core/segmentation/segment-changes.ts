import type { FieldValue, RecordFields } from '../records';
import type { AbcResult } from './abc';
import type { RfmResult } from './rfm';
import { emptyAsNull, type ClientUpdate, type SegmentationClient } from './segmentation-input';

/** The client fields segmentation writes. */
export const SEGMENTATION_FIELDS = [
  'abcClass',
  'segment',
  'rfmScore',
  'cooperationVariant',
  'keyAccount',
] as const;

export type SegmentationField = (typeof SEGMENTATION_FIELDS)[number];

/** New values for one client; a field left out keeps its value, null clears it. */
export type ClientAssignment = Partial<Record<SegmentationField, FieldValue>>;

export interface SegmentTransition {
  field: SegmentationField;
  /** Null: the field was empty. */
  from: FieldValue;
  to: FieldValue;
  clients: number;
}

export interface SegmentChangePreview {
  changedClients: number;
  unchangedClients: number;
  /** Assignments for ids that are not among the clients (deleted since they were computed). */
  unknownClients: number;
  /** How many clients move from which value to which, per field: "12 clients move B→A". */
  transitions: SegmentTransition[];
}

export interface SegmentChangePlan {
  /** One update per client that really changes, with only the changed fields and `segmentedAt`. */
  updates: ClientUpdate[];
  preview: SegmentChangePreview;
}

/**
 * The updates that bring clients to their new assignments, and what they would move, so the user
 * can see "12 clients move B→A" before anything is written. A client whose fields already hold
 * the new values gets no update (and no new `segmentedAt`). Linear in clients and assignments.
 */
export function planSegmentChanges(
  clients: readonly SegmentationClient[],
  assignments: ReadonlyMap<string, ClientAssignment>,
  segmentedAt: string,
): SegmentChangePlan {
  const updates: ClientUpdate[] = [];
  const counts = new Map<string, SegmentTransition>();
  let seen = 0;
  for (const client of clients) {
    const assignment = assignments.get(client.id);
    if (!assignment) continue;
    seen += 1;
    const changes: RecordFields = {};
    let changed = false;
    for (const field of SEGMENTATION_FIELDS) {
      if (!(field in assignment)) continue;
      const to = emptyAsNull(assignment[field]);
      const from = emptyAsNull(client[field]);
      if (from === to) continue;
      changes[field] = to;
      changed = true;
      const key = JSON.stringify([field, from, to]);
      const transition = counts.get(key);
      if (transition) transition.clients += 1;
      else counts.set(key, { field, from, to, clients: 1 });
    }
    if (!changed) continue;
    changes.segmentedAt = segmentedAt;
    updates.push({ id: client.id, expectedVersion: client.version, changes });
  }
  const transitions = [...counts.values()].sort(
    (a, b) =>
      SEGMENTATION_FIELDS.indexOf(a.field) - SEGMENTATION_FIELDS.indexOf(b.field) ||
      b.clients - a.clients ||
      String(a.from).localeCompare(String(b.from)) ||
      String(a.to).localeCompare(String(b.to)),
  );
  const known = new Set(clients.map((client) => client.id));
  let unknownClients = 0;
  for (const id of assignments.keys()) if (!known.has(id)) unknownClients += 1;
  return {
    updates,
    preview: {
      changedClients: updates.length,
      unchangedClients: seen - updates.length,
      unknownClients,
      transitions,
    },
  };
}

/**
 * Assignments from computed results: each client's ABC class and RFM score, and the segment
 * names chosen by rules (clients no rule selected keep their segment).
 */
export function segmentationAssignments(results: {
  abc?: AbcResult;
  rfm?: RfmResult;
  segments?: ReadonlyMap<string, string>;
}): Map<string, ClientAssignment> {
  const assignments = new Map<string, ClientAssignment>();
  const entry = (id: string) => {
    let assignment = assignments.get(id);
    if (!assignment) {
      assignment = {};
      assignments.set(id, assignment);
    }
    return assignment;
  };
  for (const row of results.abc?.rows ?? []) entry(row.clientId).abcClass = row.abcClass;
  for (const row of results.rfm?.rows ?? []) entry(row.clientId).rfmScore = row.score;
  for (const [id, segment] of results.segments ?? []) entry(id).segment = segment;
  return assignments;
}

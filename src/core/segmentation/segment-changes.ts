import type { FieldValue, RecordFields } from '../records';
import type { AbcResult } from './abc';
import type { ClientFacts } from './client-facts';
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

/** A client's new values, given the client and its index in `clients`; undefined leaves it as it is. */
export type AssignmentAt = (index: number, client: SegmentationClient) => ClientAssignment | undefined;

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
  /** Assignments (given by id) for clients that are not among the clients: deleted since they were computed. */
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
  assignments: ReadonlyMap<string, ClientAssignment> | AssignmentAt,
  segmentedAt: string,
): SegmentChangePlan {
  const assignmentAt: AssignmentAt =
    typeof assignments === 'function' ? assignments : (_index, client) => assignments.get(client.id);
  const updates: ClientUpdate[] = [];
  // from → to → transition for each field, in the order of SEGMENTATION_FIELDS; Map keys keep
  // null, 'true' and true apart.
  const counts = SEGMENTATION_FIELDS.map(() => new Map<FieldValue, Map<FieldValue, SegmentTransition>>());
  const count = (fieldIndex: number, from: FieldValue, to: FieldValue) => {
    const field = SEGMENTATION_FIELDS[fieldIndex];
    const byFrom = counts[fieldIndex];
    let byTo = byFrom.get(from);
    if (!byTo) byFrom.set(from, (byTo = new Map()));
    const transition = byTo.get(to);
    if (transition) transition.clients += 1;
    else byTo.set(to, { field, from, to, clients: 1 });
  };
  let seen = 0;
  for (let index = 0; index < clients.length; index++) {
    const client = clients[index];
    const assignment = assignmentAt(index, client);
    if (!assignment) continue;
    seen += 1;
    let changes: RecordFields | null = null;
    for (let fieldIndex = 0; fieldIndex < SEGMENTATION_FIELDS.length; fieldIndex++) {
      const field = SEGMENTATION_FIELDS[fieldIndex];
      const assigned = assignment[field];
      if (assigned === undefined) continue;
      const to = emptyAsNull(assigned);
      const from = emptyAsNull(client[field]);
      if (from === to) continue;
      changes ??= {};
      changes[field] = to;
      count(fieldIndex, from, to);
    }
    if (changes === null) continue;
    changes.segmentedAt = segmentedAt;
    updates.push({ id: client.id, expectedVersion: client.version, changes });
  }
  const transitions: SegmentTransition[] = [];
  for (const byFrom of counts) {
    for (const byTo of byFrom.values()) transitions.push(...byTo.values());
  }
  transitions.sort(
    (a, b) =>
      SEGMENTATION_FIELDS.indexOf(a.field) - SEGMENTATION_FIELDS.indexOf(b.field) ||
      b.clients - a.clients ||
      String(a.from).localeCompare(String(b.from)) ||
      String(a.to).localeCompare(String(b.to)),
  );
  return {
    updates,
    preview: {
      changedClients: updates.length,
      unchangedClients: seen - updates.length,
      // Every assignment not met among the clients belongs to a client deleted since.
      unknownClients: typeof assignments === 'function' ? 0 : Math.max(0, assignments.size - seen),
      transitions,
    },
  };
}

/** Whether ABC classes say anything: some client has won value in the period. */
export const hasAbcData = (abc: AbcResult): boolean => abc.totalValue > 0;

/**
 * Assignments from computed results: each client's ABC class and RFM score, and the segment names
 * chosen by rules (clients no rule selected keep their segment). Made per client on demand, with
 * no map: a client is looked up by its index and, only when the clients given to
 * `planSegmentChanges` are not the facts' own, by id. `segments` (from `assignRuleSegments`) is
 * by index in the facts' clients; give `facts` when the clients may differ. ABC classes of a
 * period with no won value and RFM scores with no client scored are not assigned at all.
 */
export function segmentationAssignments(results: {
  abc?: AbcResult;
  rfm?: RfmResult;
  segments?: readonly (string | undefined)[];
  facts?: ClientFacts;
}): AssignmentAt {
  const { segments, facts } = results;
  // A period without won value (or without any contact) says nothing about the clients: every one
  // would come out C (or unscored), so such a result assigns nothing rather than downgrade everyone.
  const abc = results.abc && hasAbcData(results.abc) ? results.abc : undefined;
  const rfm = results.rfm && results.rfm.scoredClients > 0 ? results.rfm : undefined;
  const rowAt = <R extends { clientId: string }>(
    found: { byIndex: readonly (R | undefined)[]; rowOf(id: string): R | undefined } | undefined,
    index: number,
    client: SegmentationClient,
  ) => {
    const row = found?.byIndex[index];
    return row?.clientId === client.id ? row : found?.rowOf(client.id);
  };
  const segmentAt = (index: number, client: SegmentationClient) => {
    if (!segments || !facts || facts.clients[index] === client) return segments?.[index];
    const own = facts.indexOf.get(client.id);
    return own === undefined ? undefined : segments[own];
  };
  return (index, client) => {
    const abcRow = rowAt(abc, index, client);
    const rfmRow = rowAt(rfm, index, client);
    const segment = segmentAt(index, client);
    if (!abcRow && !rfmRow && segment === undefined) return undefined;
    const assignment: ClientAssignment = {};
    if (abcRow) assignment.abcClass = abcRow.abcClass;
    if (rfmRow) assignment.rfmScore = rfmRow.score;
    if (segment !== undefined) assignment.segment = segment;
    return assignment;
  };
}

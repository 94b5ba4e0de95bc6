import type { AuditAction } from '../core/clients/audit-rows';
import { planSegmentationUndo, segmentationAuditDetails } from '../core/segmentation';
import type {
  BatchResult,
  NewRecord,
  RecordFields,
  RecordUpdate,
  StoredRecord,
  TableChanges,
} from '../store/port';

/** What a segmentation write left: its id (to undo it by) and the clients as stored now. */
export interface SegmentationWriteResult {
  writeId: string;
  clients: StoredRecord[];
}

/** What an undo did: clients restored, and those it left alone. */
export interface SegmentationUndoResult {
  restored: number;
  /** Changed again since the write: they keep their values. */
  changedSince: number;
  /** Deleted since the write. */
  missing: number;
}

/** The part of the service a segmentation write and its undo need. */
export interface SegmentationWriter {
  clients: readonly StoredRecord[];
  audit: readonly StoredRecord[];
  newId(): string;
  /** The changes checked by the core (`invalidRecord` names each bad field). */
  validated(changes: readonly RecordFields[]): RecordFields[];
  auditEntry(action: AuditAction, table: string, recordId: string, details: unknown): NewRecord;
  writeAudited(changes: readonly TableChanges[], audit: readonly NewRecord[]): Promise<BatchResult[]>;
}

/**
 * Writes segmentation results to the clients in one store call; each client's audit row (in the
 * same call) keeps the values replaced and the version written over, under one id for the write.
 */
export async function writeSegmentation(
  writer: SegmentationWriter,
  updates: readonly RecordUpdate[],
): Promise<SegmentationWriteResult> {
  const writeId = writer.newId();
  if (updates.length === 0) return { writeId, clients: [] };
  const checked = writer
    .validated(updates.map((u) => u.changes))
    .map((changes, i) => ({ ...updates[i], changes }));
  const byId = new Map(writer.clients.map((client) => [client.id, client]));
  const [{ updated }] = await writer.writeAudited(
    [{ table: 'clients', update: checked }],
    checked.map((update) =>
      writer.auditEntry(
        'update',
        'clients',
        update.id,
        segmentationAuditDetails(writeId, update, byId.get(update.id)),
      ),
    ),
  );
  return { writeId, clients: updated };
}

/**
 * Takes a segmentation write back in one store call: the clients nobody changed since get the
 * values the write replaced, version-checked (a change by someone else meanwhile is a `conflict`
 * and restores nothing); the audit records the undo, so it is not offered twice.
 */
export async function undoSegmentation(
  writer: SegmentationWriter,
  writeId: string,
): Promise<SegmentationUndoResult> {
  const plan = planSegmentationUndo(writer.audit, writer.clients, writeId);
  const result = { restored: 0, changedSince: plan.changedSince, missing: plan.missing };
  if (plan.updates.length === 0) return result;
  const checked = writer
    .validated(plan.updates.map((u) => u.changes))
    .map((changes, i) => ({ ...plan.updates[i], changes }));
  const [{ updated }] = await writer.writeAudited(
    [{ table: 'clients', update: checked }],
    checked.map((update, i) => writer.auditEntry('update', 'clients', update.id, plan.details[i])),
  );
  return { ...result, restored: updated.length };
}

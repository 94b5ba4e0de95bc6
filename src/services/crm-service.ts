import type { CardRecordTable } from '../core/clients/record-titles';
import type { Locale } from '../core/i18n';
import type { FieldsOf } from '../core/schema';
import type {
  ReadOptions,
  RecordFields,
  RecordUpdate,
  StoredRecord,
  TableKey,
  WorkbookSnapshot,
} from '../store/port';
import type { SegmentationUndoResult, SegmentationWriteResult } from './segmentation-writes';
import type { RecordRemoval } from './record-removal';
import type { TaskWork } from './task-writes';
import type { GoalWork } from './goal-writes';
import type { ProductCatalogue } from './product-writes';
import type { SalesProcess } from './sales-process';

/** A contact person an import adds, to a client of the plan's `create` (by index) or one in the base. */
export interface ImportPerson {
  client: { createIndex: number } | { existingId: string };
  /** The person's fields; `clientId` is set from `client`. */
  fields: RecordFields;
  /** The row of the source file, named when the person is not valid. */
  rowNumber?: number;
}

/**
 * What an import writes: new clients, changes to clients already in the base, and contact people
 * (the `ImportPlan` of core/import is one).
 */
export interface ClientImportPlan {
  create: readonly RecordFields[];
  update: readonly RecordUpdate[];
  people?: readonly ImportPerson[];
}

export interface ClientImportOutcome {
  created: number;
  updated: number;
  peopleCreated: number;
}

/**
 * The one typed seam between the panes and the workbook: the UI reads the loaded workbook from
 * `snapshot` (pure computations — search, segmentation, import previews — are core functions it
 * calls itself) and changes it only through these methods. Every write validates with the core,
 * goes to the store in a constant number of store calls, records itself in the audit table, and
 * fails with a `RelacjeError` people can read, leaving the workbook as it was.
 * Hosts build it over the store they chose (local server, SharePoint, the open workbook) with
 * `createCrmService({ store, user })` from `store-crm-service.ts`, which lists its store calls.
 * Core helpers for the panes over `snapshot`: `core/clients/client-search`, `client-duplicates`,
 * `client-card` and `client-merge` (the merge preview: fields filled and conflicts).
 */
export interface CrmService extends TaskWork, GoalWork, ProductCatalogue, SalesProcess {
  /** Who is working: the audit's and the history's author, the default owner of what they add. */
  readonly user: string;
  /** The workbook as last read or written; null before the first `load`. */
  readonly snapshot: WorkbookSnapshot | null;
  /** Called after every change of `snapshot`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Reads the whole workbook (one store call) into `snapshot`, telling the store's progress (rows
   * read of the total). Cancelled through `signal`, it rejects with `ReadCancelled` and leaves
   * `snapshot` as it was; the next `load` reads afresh.
   */
  load(options?: ReadOptions): Promise<void>;
  /** Creates a record in any table with a new id; `invalidRecord` names each bad field. */
  create<T extends TableKey>(table: T, fields: FieldsOf<T>): Promise<StoredRecord>;
  /**
   * Creates an offer numbered by the workbook's `offerNumberFormat` from the next value of its
   * counter (per year when the format shows the year), as a `draft` issued today and owned by the
   * user; `fields` give the rest (`clientId`, `validUntil`, `netTotal`…). The fields and the
   * format are checked before a number is taken, so a refused offer uses up no number.
   */
  createOffer(fields: RecordFields): Promise<StoredRecord>;
  /** Changes a record read at `expectedVersion`; someone else's newer change is a `conflict`. */
  update<T extends TableKey>(
    table: T,
    id: string,
    expectedVersion: number,
    changes: FieldsOf<T>,
  ): Promise<StoredRecord>;
  /**
   * Deletes a record of the client card read at `expectedVersion` (someone else's newer change is a
   * `conflict`), with the records that cannot exist without it (an offer's lines), its references
   * cleared elsewhere, an entry in its client's history (in `locale`, the workbook's by default)
   * and the audit rows: one store write, all or nothing (`services/record-removal.ts`).
   */
  remove(
    table: CardRecordTable,
    id: string,
    expectedVersion: number,
    options?: { locale?: Locale },
  ): Promise<RecordRemoval>;
  /**
   * Merges `mergedId` into `survivorId`: its people, activities, opportunities, offers, tasks,
   * projects, survey answers and complaints move to the survivor, the survivor's empty fields take
   * the merged client's values, the merge is written to the history (in `locale`, the user's; the
   * workbook's by default) and the audit, and the merged client is deleted.
   */
  mergeClients(survivorId: string, mergedId: string, options?: { locale?: Locale }): Promise<StoredRecord>;
  /** Writes many client changes in one batch (segmentation results). */
  updateClients(updates: readonly RecordUpdate[]): Promise<StoredRecord[]>;
  /**
   * Writes segmentation results in one batch; the audit keeps each client's replaced values under
   * the write's id, so `undoSegmentation` can restore them (`services/segmentation-writes.ts`).
   */
  writeSegmentation(updates: readonly RecordUpdate[]): Promise<SegmentationWriteResult>;
  /**
   * Restores the values a segmentation write replaced, in one batch, version-checked; clients
   * changed since keep their values and are counted in the result.
   */
  undoSegmentation(writeId: string): Promise<SegmentationUndoResult>;
  /** Writes an import: all of it, or — when any part fails — nothing. */
  importClients(plan: ClientImportPlan): Promise<ClientImportOutcome>;
}

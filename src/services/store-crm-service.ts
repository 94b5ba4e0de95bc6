import { monotonicFactory } from 'ulid';
import { auditRow, type AuditAction } from '../core/clients/audit-rows';
import { planClientMerge } from '../core/clients/client-merge';
import { localIsoDate, offerNumbering, parseOfferNumberFormat } from '../core/offers/offer-number';
import { RelacjeError, type FieldIssue } from '../core/errors';
import { validateRecord, type ValidationMode } from '../core/records';
import { CURRENT_SCHEMA, tableByKey, type FieldsOf, type WorkbookSchema } from '../core/schema';
import type {
  BatchResult,
  NewRecord,
  ReadOptions,
  RecordFields,
  RecordUpdate,
  StoredRecord,
  TableChanges,
  TableKey,
  WorkbookSnapshot,
  WorkbookStore,
} from '../store/port';
import type { ClientImportOutcome, ClientImportPlan, CrmService } from './crm-service';
import {
  undoSegmentation,
  writeSegmentation,
  type SegmentationUndoResult,
  type SegmentationWriter,
  type SegmentationWriteResult,
} from './segmentation-writes';
import { removeRecord, tableChangesOf, type RecordRemoval } from './record-removal';
import type { CardRecordTable } from '../core/clients/record-titles';
import type { Locale } from '../core/i18n';
import { changeTask, type TaskChangeResult, type TaskWriter } from './task-writes';
import { addGoal, updateGoal } from './goal-writes';
import { addProduct, importProducts, updateProduct, type ProductWriter } from './product-writes';
import type { ProductImportPlan } from '../core/products/product-import';
import { SalesWrites } from './sales-writes';
import type {
  OpportunityDraft,
  OpportunityLineDraft,
  PipelineDesign,
  StageEntry,
  WinOptions,
} from './sales-process';

export interface CrmServiceOptions {
  store: WorkbookStore;
  /** Who is working: written to the audit and to history entries. */
  user: string;
  now?: () => Date;
  /** Ids of new records; ULIDs by default (monotonic, so within a millisecond they count up). */
  newId?: () => string;
  schema?: WorkbookSchema;
}

/**
 * The CRM service over any store adapter. Store calls per action (constant, whatever the size):
 * `load` 1; `create`, `update`, `remove`, `updateClients`, `writeSegmentation`, `undoSegmentation`,
 * `importClients`, `mergeClients`, the task changes (`completeTask`, `reopenTask`,
 * `rescheduleTask`), the goals' and the products' writes, the sales process's (`createOpportunity`,
 * `moveOpportunity`, `winOpportunity`… `savePipeline`) 1 each (plus `readAll` when nothing was
 * loaded yet): one
 * `write` that holds the change and its audit rows, so both are saved or neither is (the store's
 * batch is all or nothing); `createOffer` 2 (the counter, then the offer with its audit row; see
 * `createOffer`).
 */
export function createCrmService(options: CrmServiceOptions): CrmService {
  return new StoreCrmService(options);
}

class StoreCrmService implements CrmService {
  private current: WorkbookSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly store: WorkbookStore;
  readonly user: string;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly schema: WorkbookSchema;

  constructor(options: CrmServiceOptions) {
    this.store = options.store;
    this.user = options.user;
    this.now = options.now ?? (() => new Date());
    // A fresh ULID draws 16 random characters one at a time (tens of µs); a monotonic one within the
    // same millisecond only counts up, which keeps an import of thousands of rows from being slowed by ids.
    const nextUlid = monotonicFactory();
    this.newId = options.newId ?? (() => nextUlid());
    this.schema = options.schema ?? CURRENT_SCHEMA;
  }

  get snapshot(): WorkbookSnapshot | null {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async load(options: ReadOptions = {}): Promise<void> {
    this.current = await this.store.readAll(options);
    this.notify();
  }

  async create<T extends TableKey>(table: T, fields: FieldsOf<T>): Promise<StoredRecord> {
    const record = this.validated(table, this.withId(fields as RecordFields), 'create') as NewRecord;
    return this.changing(async () => {
      const [{ appended }] = await this.writeAudited(
        [{ table, append: [record] }],
        [this.auditEntry('create', table, record.id, { fields: record })],
      );
      return appended[0];
    });
  }

  /**
   * Validated first with a stand-in number of the same format, so a refused offer takes no number.
   * A number the loaded offers already hold (an offer typed into the sheet by hand, or a counter
   * behind its rows) is skipped by taking the next value: one more store call per number skipped.
   */
  async createOffer(fields: RecordFields): Promise<StoredRecord> {
    if (!this.current) await this.load();
    const { meta, tables } = this.current as WorkbookSnapshot;
    const on = this.now();
    const numbering = offerNumbering(parseOfferNumberFormat(meta.offerNumberFormat), on);
    const draft = {
      ...this.withId(fields),
      number: numbering.numberFor((meta.counters[numbering.counterName] ?? 0) + 1),
      status: 'draft',
      issuedOn: localIsoDate(on),
      owner: this.user,
    };
    const checked = this.validated('offers', draft, 'create') as NewRecord;
    const taken = new Set((tables.offers ?? []).map((offer) => String(offer.number)));
    return this.changing(async () => {
      let number: string;
      do {
        const sequence = await this.store.nextCounter(numbering.counterName);
        this.putCounter(numbering.counterName, sequence);
        number = numbering.numberFor(sequence);
      } while (taken.has(number));
      const record = { ...checked, number };
      const [{ appended }] = await this.writeAudited(
        [{ table: 'offers', append: [record] }],
        [this.auditEntry('create', 'offers', record.id, { fields: record })],
      );
      return appended[0];
    });
  }

  async update<T extends TableKey>(
    table: T,
    id: string,
    expectedVersion: number,
    changes: FieldsOf<T>,
  ): Promise<StoredRecord> {
    const checked = this.validated(table, changes as RecordFields, 'update');
    return this.changing(async () => {
      const [{ updated }] = await this.writeAudited(
        [{ table, update: [{ id, expectedVersion, changes: checked }] }],
        [this.auditEntry('update', table, id, { changes: checked })],
      );
      return updated[0];
    });
  }

  async remove(
    table: CardRecordTable,
    id: string,
    expectedVersion: number,
    options: { locale?: Locale } = {},
  ): Promise<RecordRemoval> {
    if (!this.current) await this.load();
    const { tables, meta } = this.current as WorkbookSnapshot;
    const context = {
      at: this.timestamp(),
      user: this.user,
      newId: this.newId,
      locale: options.locale ?? meta.locale,
      schema: this.schema,
    };
    const writer = { tables, writeAudited: this.writeAudited.bind(this) };
    return this.changing(() => removeRecord(writer, table, id, expectedVersion, context));
  }

  async updateClients(updates: readonly RecordUpdate[]): Promise<StoredRecord[]> {
    if (updates.length === 0) return [];
    const checked = this.validatedBatch(
      'clients',
      updates.map((u) => u.changes),
      'update',
    ).map((changes, i) => ({ ...updates[i], changes }));
    return this.changing(async () => {
      const [{ updated }] = await this.writeAudited(
        [{ table: 'clients', update: checked }],
        checked.map((u) => this.auditEntry('update', 'clients', u.id, { changes: u.changes })),
      );
      return updated;
    });
  }

  async writeSegmentation(updates: readonly RecordUpdate[]): Promise<SegmentationWriteResult> {
    return this.changing(async () => writeSegmentation(await this.segmentationWriter(), updates));
  }

  async undoSegmentation(writeId: string): Promise<SegmentationUndoResult> {
    return this.changing(async () => undoSegmentation(await this.segmentationWriter(), writeId));
  }

  private async segmentationWriter(): Promise<SegmentationWriter> {
    if (!this.current) await this.load();
    const { tables } = this.current as WorkbookSnapshot;
    return {
      clients: tables.clients ?? [],
      audit: tables.audit ?? [],
      newId: this.newId,
      validated: (changes) => this.validatedBatch('clients', changes, 'update'),
      auditEntry: this.auditEntry.bind(this),
      writeAudited: this.writeAudited.bind(this),
    };
  }

  /**
   * The new clients, their contact people, the updates and the audit rows of all of them in one
   * store call: all of it is written, or nothing. People are validated with their `clientId`
   * resolved before anything is written. A client or person the store already held with the same
   * fields (the same file imported again) is not written twice, nor counted, nor audited again.
   */
  async importClients(plan: ClientImportPlan): Promise<ClientImportOutcome> {
    const creates = this.validatedBatch(
      'clients',
      plan.create.map((fields) => this.withId(fields)),
      'create',
    ) as NewRecord[];
    const updates = this.validatedBatch(
      'clients',
      plan.update.map((u) => u.changes),
      'update',
    ).map((changes, i) => ({ ...plan.update[i], changes }));
    const planned = plan.people ?? [];
    const people = this.validatedBatch(
      'people',
      planned.map(({ client, fields }) => ({
        ...this.withId(fields),
        clientId: 'createIndex' in client ? creates[client.createIndex]?.id : client.existingId,
      })),
      'create',
      planned.map((p) => p.rowNumber),
    ) as NewRecord[];
    if (creates.length + updates.length + people.length === 0) {
      return { created: 0, updated: 0, peopleCreated: 0 };
    }
    const isNew = (table: string) => {
      const known = new Set((this.current?.tables[table] ?? []).map((r) => r.id));
      return (record: NewRecord) => !known.has(record.id);
    };
    const newClients = creates.filter(isNew('clients'));
    const newPeople = people.filter(isNew('people'));
    return this.changing(async () => {
      const [clients] = await this.writeAudited(
        [
          { table: 'clients', append: creates, update: updates },
          { table: 'people', append: people },
        ],
        [
          ...newClients.map((r) => this.auditEntry('create', 'clients', r.id, { import: true })),
          ...newPeople.map((r) => this.auditEntry('create', 'people', r.id, { import: true })),
          ...updates.map((u) =>
            this.auditEntry('update', 'clients', u.id, { import: true, changes: u.changes }),
          ),
        ],
      );
      return {
        created: newClients.length,
        updated: clients.updated.length,
        peopleCreated: newPeople.length,
      };
    });
  }

  async completeTask(id: string, expectedVersion: number, options: { locale?: Locale } = {}) {
    return this.changingTask(id, expectedVersion, { kind: 'complete' }, options.locale);
  }

  async reopenTask(id: string, expectedVersion: number, options: { locale?: Locale } = {}) {
    return this.changingTask(id, expectedVersion, { kind: 'reopen' }, options.locale);
  }

  async rescheduleTask(
    id: string,
    expectedVersion: number,
    dueDate: string,
    options: { locale?: Locale } = {},
  ) {
    return this.changingTask(id, expectedVersion, { kind: 'reschedule', dueDate }, options.locale);
  }

  private async changingTask(
    id: string,
    expectedVersion: number,
    change: Parameters<typeof changeTask>[3],
    locale: Locale | undefined,
  ): Promise<TaskChangeResult> {
    if (!this.current) await this.load();
    const { tables, meta } = this.current as WorkbookSnapshot;
    const writer: TaskWriter = {
      tasks: tables.tasks ?? [],
      now: this.now(),
      user: this.user,
      locale: locale ?? meta.locale,
      newId: this.newId,
      schema: this.schema,
      writeAudited: this.writeAudited.bind(this),
    };
    return this.changing(() => changeTask(writer, id, expectedVersion, change));
  }

  async addGoal(fields: RecordFields): Promise<StoredRecord> {
    return this.changing(async () => addGoal(await this.catalogueWriter('goals'), fields));
  }

  async updateGoal(id: string, expectedVersion: number, changes: RecordFields): Promise<StoredRecord> {
    return this.changing(async () =>
      updateGoal(await this.catalogueWriter('goals'), id, expectedVersion, changes),
    );
  }

  async addProduct(fields: RecordFields): Promise<StoredRecord> {
    return this.changing(async () => addProduct(await this.catalogueWriter('products'), fields));
  }

  async updateProduct(id: string, expectedVersion: number, changes: RecordFields): Promise<StoredRecord> {
    return this.changing(async () =>
      updateProduct(await this.catalogueWriter('products'), id, expectedVersion, changes),
    );
  }

  async importProducts(plan: ProductImportPlan): Promise<{ created: number; updated: number }> {
    return this.changing(async () => importProducts(await this.catalogueWriter('products'), plan));
  }

  /** The sales process (`services/sales-writes.ts`): one write per method, with history and audit. */
  private salesWrites?: SalesWrites;
  private get sales(): SalesWrites {
    return (this.salesWrites ??= new SalesWrites({
      user: this.user,
      now: () => this.now(),
      newId: () => this.newId(),
      snapshot: async () => {
        if (!this.current) await this.load();
        return this.current as WorkbookSnapshot;
      },
      validated: (table, records, mode) => this.validatedBatch(table, records, mode),
      writeAudited: (changes, audit) => this.writeAudited(changes, audit),
    }));
  }

  createOpportunity(draft: OpportunityDraft): Promise<StageEntry> {
    return this.changing(() => this.sales.createOpportunity(draft));
  }

  updateOpportunity(
    id: string,
    expectedVersion: number,
    changes: RecordFields,
    lines?: readonly OpportunityLineDraft[],
  ): Promise<StoredRecord> {
    return this.changing(() => this.sales.updateOpportunity(id, expectedVersion, changes, lines));
  }

  moveOpportunity(id: string, expectedVersion: number, stage: string, changes?: RecordFields) {
    return this.changing(() => this.sales.moveOpportunity(id, expectedVersion, stage, changes));
  }

  winOpportunity(id: string, expectedVersion: number, options?: WinOptions): Promise<StoredRecord> {
    return this.changing(() => this.sales.winOpportunity(id, expectedVersion, options));
  }

  loseOpportunity(id: string, expectedVersion: number, reason: string, note?: string) {
    return this.changing(() => this.sales.loseOpportunity(id, expectedVersion, reason, note));
  }

  reopenOpportunity(id: string, expectedVersion: number): Promise<StoredRecord> {
    return this.changing(() => this.sales.reopenOpportunity(id, expectedVersion));
  }

  addReadyFunnel(key: string, name?: string): Promise<void> {
    return this.changing(() => this.sales.addReadyFunnel(key, name));
  }

  savePipeline(design: PipelineDesign): Promise<void> {
    return this.changing(() => this.sales.savePipeline(design));
  }

  /** The rows of one table and the write with audit rows: what the goals' and products' writes need. */
  private async catalogueWriter(
    table: 'goals' | 'products',
  ): Promise<ProductWriter & { goals: StoredRecord[] }> {
    if (!this.current) await this.load();
    const rows = (this.current as WorkbookSnapshot).tables[table] ?? [];
    return {
      products: rows,
      goals: rows,
      newId: this.newId,
      auditEntry: this.auditEntry.bind(this),
      writeAudited: this.writeAudited.bind(this),
    };
  }

  /** The fields with their own id, or a new one. */
  private withId(fields: RecordFields): RecordFields {
    return { ...fields, id: typeof fields.id === 'string' && fields.id.trim() ? fields.id : this.newId() };
  }

  /**
   * Applies the core's merge plan in one store call: the survivor's empty fields filled, every
   * table's references re-pointed, the history entry and the audit rows appended and the merged
   * client deleted, all or nothing (a conflict on any record, the survivor's included, moves
   * nothing). One call with the current schema (plus `readAll` when nothing was loaded yet),
   * whatever the client holds.
   */
  async mergeClients(
    survivorId: string,
    mergedId: string,
    options: { locale?: Locale } = {},
  ): Promise<StoredRecord> {
    if (!this.current) await this.load();
    const snapshot = this.current as WorkbookSnapshot;
    const plan = planClientMerge(snapshot.tables, survivorId, mergedId, {
      at: this.timestamp(),
      user: this.user,
      newId: this.newId,
      locale: options.locale ?? snapshot.meta.locale,
      schema: this.schema,
    });
    const { audit, ...others } = plan.writes;
    // The survivor's table first: the batch reads in the order the merge is told.
    const changes = tableChangesOf(others, 'clients');
    return this.changing(async () => {
      const results = await this.writeAudited(changes, audit?.appends ?? []);
      const survivor = results.find((r) => r.table === 'clients');
      return (
        survivor?.updated.find((c) => c.id === survivorId) ??
        (snapshot.tables.clients.find((c) => c.id === survivorId) as StoredRecord)
      );
    });
  }

  private validated(table: string, fields: RecordFields, mode: ValidationMode): RecordFields {
    return this.validatedBatch(table, [fields], mode)[0];
  }

  /**
   * Every record checked; any issue in any record rejects the whole batch, naming every bad field
   * and, when one record is bad, its row: the file's row when `rowNumbers` gives it.
   */
  private validatedBatch(
    table: string,
    records: readonly RecordFields[],
    mode: ValidationMode,
    rowNumbers: readonly (number | undefined)[] = [],
  ): RecordFields[] {
    const schema = tableByKey(this.schema, table);
    const issues: FieldIssue[] = [];
    const badRows: number[] = [];
    const checked = records.map((fields, index) => {
      const result = validateRecord(schema, fields, { mode, schema: this.schema });
      if (!result.ok) {
        issues.push(...result.issues);
        badRows.push(rowNumbers[index] ?? (records.length > 1 ? index + 1 : 0));
      }
      return result.record;
    });
    if (issues.length > 0) {
      const row = badRows.length === 1 && badRows[0] > 0 ? badRows[0] : undefined;
      throw new RelacjeError('invalidRecord', { table, issues, ...(row ? { row } : {}) });
    }
    return checked;
  }

  private auditEntry(action: AuditAction, table: string, recordId: string, details: unknown): NewRecord {
    return auditRow({
      id: this.newId(),
      at: this.timestamp(),
      user: this.user,
      action,
      table,
      recordId,
      details,
    });
  }

  /**
   * The changes and their audit rows in one store call, then the snapshot updated from what the
   * store answered; results in the order of `changes` (the audit's, when it had none, last).
   */
  private async writeAudited(
    changes: readonly TableChanges[],
    audit: readonly NewRecord[],
  ): Promise<BatchResult[]> {
    const own = changes.find((c) => c.table === 'audit');
    const auditChanges: TableChanges[] = audit.length > 0 ? [{ table: 'audit', append: audit }] : [];
    const batch = own
      ? changes.map((c) => (c === own ? { ...c, append: [...(c.append ?? []), ...audit] } : c))
      : [...changes, ...auditChanges];
    const results = await this.store.write(batch);
    results.forEach((result, t) => {
      this.dropRows(
        result.table,
        (batch[t].remove ?? []).map((r) => r.id),
      );
      this.putRows(result.table, [...result.updated, ...result.appended]);
    });
    return results;
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  /** Runs a write; subscribers hear of whatever part of it reached the store, even when it fails. */
  private async changing<T>(write: () => Promise<T>): Promise<T> {
    const before = this.current;
    try {
      return await write();
    } finally {
      if (this.current !== before) this.notify();
    }
  }

  /** Replaces the stored rows by id (new ones go last); only this table's array is new. */
  private putRows(table: string, rows: readonly StoredRecord[]): void {
    if (!this.current || rows.length === 0) return;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const next = (this.current.tables[table] ?? []).map((row) => {
      const replacement = byId.get(row.id);
      if (!replacement) return row;
      byId.delete(row.id);
      return replacement;
    });
    for (const added of byId.values()) next.push(added);
    this.current = { ...this.current, tables: { ...this.current.tables, [table]: next } };
  }

  private putCounter(name: string, value: number): void {
    if (!this.current) return;
    const meta = { ...this.current.meta, counters: { ...this.current.meta.counters, [name]: value } };
    this.current = { ...this.current, meta };
  }

  private dropRows(table: string, ids: readonly string[]): void {
    if (!this.current) return;
    const gone = new Set(ids);
    const next = (this.current.tables[table] ?? []).filter((row) => !gone.has(row.id));
    this.current = { ...this.current, tables: { ...this.current.tables, [table]: next } };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

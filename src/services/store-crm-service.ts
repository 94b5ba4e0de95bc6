import { monotonicFactory } from 'ulid';
import { auditRow, type AuditAction } from '../core/clients/audit-rows';
import { planClientMerge } from '../core/clients/client-merge';
import { localIsoDate, offerNumbering, parseOfferNumberFormat } from '../core/offers/offer-number';
import { RelacjeError, type FieldIssue } from '../core/errors';
import { validateRecord, type ValidationMode } from '../core/records';
import { CURRENT_SCHEMA, tableByKey, type WorkbookSchema } from '../core/schema';
import type {
  NewRecord,
  ReadOptions,
  RecordFields,
  RecordUpdate,
  StoredRecord,
  WorkbookSnapshot,
  WorkbookStore,
} from '../store/port';
import type { ClientImportOutcome, ClientImportPlan, CrmService } from './crm-service';

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
 * `load` 1; `create` and `update` 2 (the record, then its audit row); `createOffer` 3 (the counter,
 * the offer, its audit row; see `createOffer`); `updateClients` 2;
 * `importClients` up to 4 (clients, people, update, audit) and, when the people or the update
 * fail, up to 2 more, the removal of what it had appended (see `importClients`); `mergeClients` at most one call per table it writes (see `mergeClients`).
 * The record is written before its audit row: if the audit write fails the change stays saved
 * (nothing the user entered is lost), the snapshot shows it, and the error is passed on.
 */
export function createCrmService(options: CrmServiceOptions): CrmService {
  return new StoreCrmService(options);
}

class StoreCrmService implements CrmService {
  private current: WorkbookSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly store: WorkbookStore;
  private readonly user: string;
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

  async create(table: string, fields: RecordFields): Promise<StoredRecord> {
    const record = this.validated(table, this.withId(fields), 'create') as NewRecord;
    return this.changing(async () => {
      const [stored] = await this.store.append(table, [record]);
      this.putRows(table, [stored]);
      await this.audit([this.auditEntry('create', table, stored.id, { fields: record })]);
      return stored;
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
      const [stored] = await this.store.append('offers', [record]);
      this.putRows('offers', [stored]);
      await this.audit([this.auditEntry('create', 'offers', stored.id, { fields: record })]);
      return stored;
    });
  }

  async update(
    table: string,
    id: string,
    expectedVersion: number,
    changes: RecordFields,
  ): Promise<StoredRecord> {
    const checked = this.validated(table, changes, 'update');
    return this.changing(async () => {
      const [stored] = await this.store.update(table, [{ id, expectedVersion, changes: checked }]);
      this.putRows(table, [stored]);
      await this.audit([this.auditEntry('update', table, id, { changes: checked })]);
      return stored;
    });
  }

  async updateClients(updates: readonly RecordUpdate[]): Promise<StoredRecord[]> {
    if (updates.length === 0) return [];
    const checked = this.validatedBatch(
      'clients',
      updates.map((u) => u.changes),
      'update',
    ).map((changes, i) => ({ ...updates[i], changes }));
    return this.changing(async () => {
      const stored = await this.store.update('clients', checked);
      this.putRows('clients', stored);
      await this.audit(
        checked.map((u) => this.auditEntry('update', 'clients', u.id, { changes: u.changes })),
      );
      return stored;
    });
  }

  /**
   * Writes in this order: the new clients, their contact people, the updates, one audit append for
   * all of them — at most 4 store calls. People are validated with their `clientId` resolved before
   * anything is written. When the people or the updates fail, the rows this import appended are
   * removed again (people first, then clients: at most 2 more calls), so nothing is half-imported.
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
    return this.changing(async () => {
      const created = creates.length > 0 ? await this.store.append('clients', creates) : [];
      let createdPeople: StoredRecord[] = [];
      let updated: StoredRecord[] = [];
      try {
        if (people.length > 0) createdPeople = await this.store.append('people', people);
        if (updates.length > 0) updated = await this.store.update('clients', updates);
      } catch (error) {
        // The store is all-or-nothing per call only. New clients stay, shown, while their people do.
        if (await this.takeBack('people', createdPeople)) await this.takeBack('clients', created);
        else this.putRows('clients', created);
        throw error;
      }
      this.putRows('clients', [...created, ...updated]);
      this.putRows('people', createdPeople);
      await this.audit([
        ...created.map((r) => this.auditEntry('create', 'clients', r.id, { import: true })),
        ...createdPeople.map((r) => this.auditEntry('create', 'people', r.id, { import: true })),
        ...updates.map((u) =>
          this.auditEntry('update', 'clients', u.id, { import: true, changes: u.changes }),
        ),
      ]);
      return { created: created.length, updated: updated.length, peopleCreated: createdPeople.length };
    });
  }

  /** The fields with their own id, or a new one. */
  private withId(fields: RecordFields): RecordFields {
    return { ...fields, id: typeof fields.id === 'string' && fields.id.trim() ? fields.id : this.newId() };
  }

  /**
   * Removes the rows a failed import appended (still at version 1); a row the store took as a retry
   * of one it already held is not this import's to remove. Should the removal fail, the rows stay
   * saved and the snapshot shows them. Whether nothing of the import is left in `table`.
   */
  private async takeBack(table: string, appended: readonly StoredRecord[]): Promise<boolean> {
    const known = new Set((this.current?.tables[table] ?? []).map((r) => r.id));
    const own = appended.filter((r) => r.version === 1 && !known.has(r.id));
    if (own.length === 0) return true;
    try {
      await this.store.remove(
        table,
        own.map((r) => ({ id: r.id, expectedVersion: r.version })),
      );
      return true;
    } catch {
      this.putRows(table, own);
      return false;
    }
  }

  /**
   * Applies the core's merge plan in this order, so that stopping after any call loses nothing and
   * merging again finishes the job: the survivor's empty fields are filled first (a conflict on the
   * survivor stops the merge before anything moved); then each table's references are re-pointed
   * (one `update` per table); then the history entry and the audit rows are appended; the merged
   * client is deleted last, when nothing points at it any more. At most 1 + 8 + 1 + 1 + 1 store calls
   * with the current schema (plus `readAll` when nothing was loaded yet), whatever the client holds.
   */
  async mergeClients(survivorId: string, mergedId: string): Promise<StoredRecord> {
    if (!this.current) await this.load();
    const snapshot = this.current as WorkbookSnapshot;
    const plan = planClientMerge(snapshot.tables, survivorId, mergedId, {
      at: this.timestamp(),
      user: this.user,
      newId: this.newId,
      locale: snapshot.meta.locale,
      schema: this.schema,
    });
    const { clients, audit, ...others } = plan.writes;
    return this.changing(async () => {
      let survivor = snapshot.tables.clients.find((c) => c.id === survivorId) as StoredRecord;
      if (clients?.updates.length) {
        [survivor] = await this.store.update('clients', clients.updates);
        this.putRows('clients', [survivor]);
      }
      for (const [table, writes] of Object.entries(others)) {
        if (writes.updates.length) this.putRows(table, await this.store.update(table, writes.updates));
      }
      for (const [table, writes] of Object.entries(others)) {
        if (writes.appends.length) this.putRows(table, await this.store.append(table, writes.appends));
      }
      if (audit?.appends.length) this.putRows('audit', await this.store.append('audit', audit.appends));
      if (clients?.removes.length) {
        await this.store.remove('clients', clients.removes);
        this.dropRows(
          'clients',
          clients.removes.map((r) => r.id),
        );
      }
      return survivor;
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

  private async audit(rows: NewRecord[]): Promise<void> {
    if (rows.length > 0) this.putRows('audit', await this.store.append('audit', rows));
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

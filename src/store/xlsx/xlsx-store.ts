import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RelacjeError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { validateRecord } from '../../core/records';
import { tableByKey, TRACKING_COLUMNS, type TableSchema } from '../../core/schema';
import type {
  DashboardCell,
  NewRecord,
  RecordRef,
  RecordUpdate,
  StoredRecord,
  WorkbookSnapshot,
  WorkbookStore,
  ReadOptions,
} from '../port';
import { throwIfCancelled } from '../port';
import { removeInterruptedWrites } from './atomic-write';
import { acquireFileLock, type FileLock } from './file-lock';
import { Journal, journalPathOf, readJournal, type JournalEntry, type JournalWrite } from './journal';
import { createWorkbook, loadWorkbookFile, writeWorkbookFile, type LoadedWorkbook } from './workbook-file';

export interface XlsxStoreOptions {
  /** Read only: no lock, no journal writes, no fold. */
  readOnly?: boolean;
  now?: () => Date;
  /** Fold the journal into the .xlsx after this long without writes (default 2 s). */
  foldAfterIdleMs?: number;
  /** …or as soon as the journal grows past this (default 4 MiB). */
  foldAtJournalBytes?: number;
}

export interface XlsxStore extends WorkbookStore {
  /** Writes every acknowledged change into the .xlsx now and empties the journal. */
  fold(force?: boolean): Promise<void>;
}

/** `_meta` counter holding the last journal entry the .xlsx already contains. */
const FOLDED_SEQUENCE = '_journal';
const TRACKING = new Set(TRACKING_COLUMNS.map((c) => c.key));

/** Writes a new, empty workbook. */
export async function createXlsxWorkbook(
  file: string,
  options: { locale: Locale; overwrite?: boolean },
): Promise<void> {
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (exists && !options.overwrite) throw new Error(`${path.basename(file)} exists`);
  const lock = await acquireFileLock(file);
  try {
    const created = createWorkbook(options.locale);
    await writeWorkbookFile(file, created, created.state);
    await fs.rm(journalPathOf(file), { force: true });
  } finally {
    await lock.release();
  }
}

export async function openXlsxStore(file: string, options: XlsxStoreOptions = {}): Promise<XlsxStore> {
  const lock = options.readOnly ? undefined : await acquireFileLock(file);
  try {
    if (lock) await removeInterruptedWrites(file);
    const loaded = await loadWorkbookFile(file, { now: options.now, readOnly: options.readOnly });
    const entries = await readJournal(journalPathOf(file));
    const store = new XlsxFileStore(file, loaded, lock, options);
    store.replay(entries);
    if (lock) await store.start(entries.length > 0);
    return store;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

class XlsxFileStore implements XlsxStore {
  private readonly tables = new Map<string, Map<string, StoredRecord>>();
  private dashboard: DashboardCell[] | null = null;
  private journal: Journal | undefined;
  /** Writes run one after another: each sees the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();
  private sequence: number;
  private pending: JournalEntry[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly now: () => Date;

  constructor(
    private readonly file: string,
    private readonly loaded: LoadedWorkbook,
    private readonly lock: FileLock | undefined,
    private readonly options: XlsxStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    for (const [key, records] of Object.entries(loaded.state.tables)) {
      this.tables.set(key, new Map(records.map((r) => [r.id, r])));
    }
    this.sequence = loaded.meta.counters[FOLDED_SEQUENCE] ?? 0;
  }

  /** Applies journal entries the .xlsx does not hold yet (a crash came before their fold). */
  replay(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.sequence) continue;
      this.apply(entry);
      this.pending.push(entry);
      this.sequence = entry.seq;
    }
  }

  async start(foldNow: boolean): Promise<void> {
    this.journal = new Journal(journalPathOf(this.file));
    await this.journal.open();
    if (foldNow || this.loaded.migratedFrom !== undefined) await this.fold(true);
  }

  private apply(entry: JournalEntry): void {
    switch (entry.op) {
      case 'put': {
        const table = this.table(entry.table);
        for (const record of entry.records) table.set(record.id, record);
        return;
      }
      case 'delete': {
        const table = this.table(entry.table);
        for (const id of entry.ids) table.delete(id);
        return;
      }
      case 'counter':
        this.loaded.meta.counters[entry.name] = entry.value;
        return;
      case 'dashboard':
        this.dashboard = entry.cells;
        return;
    }
  }

  private table(key: string): Map<string, StoredRecord> {
    const table = this.tables.get(key);
    if (!table) throw new Error(`Unknown table: ${key}`);
    return table;
  }

  private schemaOf(key: string): TableSchema {
    return tableByKey(this.loaded.schema, key);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Journals the change (fsync), then applies it: acknowledged means durable. */
  private async commit(write: JournalWrite): Promise<void> {
    if (this.options.readOnly || !this.journal) throw new Error('The workbook was opened read-only');
    if (this.closed) throw new Error('The store is closed');
    const entry = { ...write, seq: this.sequence + 1 } as JournalEntry;
    await this.journal.append(entry);
    // The fold will need ExcelJS's model of the file: parsing starts now, beside further writes.
    this.loaded.loadExcel?.().catch(() => undefined);
    this.sequence = entry.seq;
    this.pending.push(entry);
    this.apply(entry);
    this.scheduleFold();
  }

  private scheduleFold(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.journal && this.journal.size >= (this.options.foldAtJournalBytes ?? 4 * 2 ** 20)) {
      void this.fold().catch(() => undefined);
      return;
    }
    this.idleTimer = setTimeout(
      () => void this.fold().catch(() => undefined),
      this.options.foldAfterIdleMs ?? 2000,
    );
    this.idleTimer.unref();
  }

  /** The workbook is in memory already: the read stops between tables and tells progress per table. */
  async readAll({ signal, onProgress }: ReadOptions = {}): Promise<WorkbookSnapshot> {
    await this.queue;
    throwIfCancelled(signal);
    const tables: Record<string, StoredRecord[]> = {};
    let total = 0;
    for (const records of this.tables.values()) total += records.size;
    let done = 0;
    for (const [key, records] of this.tables) {
      throwIfCancelled(signal);
      tables[key] = [...records.values()];
      done += records.size;
      onProgress?.(done, total);
    }
    const { counters, ...meta } = this.loaded.meta;
    const visible = Object.fromEntries(Object.entries(counters).filter(([name]) => name !== FOLDED_SEQUENCE));
    return { meta: { ...meta, counters: visible }, tables };
  }

  append(tableKey: string, records: readonly NewRecord[]): Promise<StoredRecord[]> {
    return this.enqueue(async () => {
      const schema = this.schemaOf(tableKey);
      const table = this.table(tableKey);
      const stamp = this.now().toISOString();
      const issues: RelacjeError[] = [];
      const results: StoredRecord[] = [];
      const toWrite: StoredRecord[] = [];
      const seen = new Set<string>();
      records.forEach((input, index) => {
        const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
        const checked = validateRecord(
          schema,
          { id, ...fields },
          { mode: 'create', schema: this.loaded.schema },
        );
        if (!checked.ok) {
          issues.push(
            new RelacjeError('invalidRecord', {
              table: schema.tableName,
              issues: checked.issues,
              row: records.length > 1 ? index + 1 : undefined,
            }),
          );
          return;
        }
        const record = completeRecord(schema, checked.record, stamp);
        const existing = table.get(record.id);
        if (existing) {
          if (!sameFields(schema, existing, record))
            issues.push(new RelacjeError('duplicateId', { table: schema.tableName, id: record.id }));
          results.push(existing);
          return;
        }
        if (seen.has(record.id)) {
          issues.push(new RelacjeError('duplicateId', { table: schema.tableName, id: record.id }));
          return;
        }
        seen.add(record.id);
        toWrite.push(record);
        results.push(record);
      });
      if (issues.length) throw issues[0];
      if (toWrite.length) await this.commit({ op: 'put', table: tableKey, records: toWrite });
      return results;
    });
  }

  update(tableKey: string, updates: readonly RecordUpdate[]): Promise<StoredRecord[]> {
    return this.enqueue(async () => {
      const schema = this.schemaOf(tableKey);
      const table = this.table(tableKey);
      const stamp = this.now().toISOString();
      const next: StoredRecord[] = [];
      for (const update of updates) {
        const current = this.current(schema, table, update);
        const checked = validateRecord(schema, update.changes, {
          mode: 'update',
          schema: this.loaded.schema,
        });
        if (!checked.ok)
          throw new RelacjeError('invalidRecord', { table: schema.tableName, issues: checked.issues });
        next.push({ ...current, ...checked.record, version: current.version + 1, updatedAt: stamp });
      }
      if (next.length) await this.commit({ op: 'put', table: tableKey, records: next });
      return next;
    });
  }

  remove(tableKey: string, refs: readonly RecordRef[]): Promise<void> {
    return this.enqueue(async () => {
      const schema = this.schemaOf(tableKey);
      const table = this.table(tableKey);
      for (const ref of refs) this.current(schema, table, ref);
      if (refs.length) await this.commit({ op: 'delete', table: tableKey, ids: refs.map((r) => r.id) });
    });
  }

  private current(schema: TableSchema, table: Map<string, StoredRecord>, ref: RecordRef): StoredRecord {
    const current = table.get(ref.id);
    if (!current) throw new RelacjeError('recordNotFound', { table: schema.tableName, id: ref.id });
    if (current.version !== ref.expectedVersion) {
      throw new RelacjeError('conflict', {
        table: schema.tableName,
        id: ref.id,
        expectedVersion: ref.expectedVersion,
        actualVersion: current.version,
      });
    }
    return current;
  }

  nextCounter(name: string): Promise<number> {
    return this.enqueue(async () => {
      const value = (this.loaded.meta.counters[name] ?? 0) + 1;
      await this.commit({ op: 'counter', name, value });
      return value;
    });
  }

  writeDashboard(cells: readonly DashboardCell[]): Promise<void> {
    return this.enqueue(() => this.commit({ op: 'dashboard', cells: [...cells] }));
  }

  fold(force = false): Promise<void> {
    return this.enqueue(async () => {
      if (!this.journal || (this.pending.length === 0 && !force)) return;
      const tables: Record<string, StoredRecord[]> = {};
      for (const [key, records] of this.tables) tables[key] = [...records.values()];
      const meta = {
        ...this.loaded.meta,
        counters: { ...this.loaded.meta.counters, [FOLDED_SEQUENCE]: this.sequence },
      };
      // The .xlsx is replaced first and records which entries it holds; a crash before the
      // journal is emptied only makes the next open skip entries it already has.
      await writeWorkbookFile(this.file, this.loaded, { meta, tables, dashboard: this.dashboard });
      this.loaded.meta = meta;
      this.dashboard = null;
      this.pending = [];
      await this.journal.replaceWith([]);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      if (this.journal) {
        await this.fold();
        await this.journal.close();
        // Everything is in the .xlsx now; an empty journal would only clutter the user's folder.
        if (this.pending.length === 0) await fs.rm(journalPathOf(this.file), { force: true });
      }
    } finally {
      this.closed = true;
      await this.lock?.release();
    }
  }
}

/** A validated new record with every column present (empty ones null) and its tracking fields. */
function completeRecord(schema: TableSchema, fields: Record<string, unknown>, stamp: string): StoredRecord {
  const record: Record<string, unknown> = {};
  for (const column of schema.columns) record[column.key] = fields[column.key] ?? null;
  record.version = 1;
  record.createdAt = stamp;
  record.updatedAt = stamp;
  return record as StoredRecord;
}

function sameFields(schema: TableSchema, a: StoredRecord, b: StoredRecord): boolean {
  return schema.columns.every((c) => TRACKING.has(c.key) || (a[c.key] ?? null) === (b[c.key] ?? null));
}

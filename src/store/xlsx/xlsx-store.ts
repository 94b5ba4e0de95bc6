import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createCellContext, encodeCell, type CellContext } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { validateRecord } from '../../core/records';
import {
  CURRENT_SCHEMA,
  DASHBOARD_SHEET,
  META_SHEET,
  TRACKING_COLUMNS,
  type TableSchema,
  type WorkbookSchema,
} from '../../core/schema';
import type {
  DashboardCell,
  NewRecord,
  ReadOptions,
  RecordRef,
  RecordUpdate,
  StoredRecord,
  WorkbookMeta,
  WorkbookSnapshot,
  WorkbookStore,
} from '../port';
import { throwIfCancelled } from '../port';
import { UNCHANGED, type CellWrite } from './engine/cell-writes';
import type { EngineChange } from './engine/engine-journal';
import type { EngineRow, EngineTable } from './engine/engine-table';
import { WorkbookEngine } from './engine/workbook-engine';
import { looseCellSource, tableCellSource } from './engine-cell-source';
import { acquireFileLock } from './file-lock';
import { journalPathOf } from './journal';
import { defaultMeta, readMetaSheet } from './meta-sheet';
import { cellRef, rangeRef } from './package/cell-ref';
import { numberFormatOf } from './table-sheet';
import { readTableRecords } from './table-reader';
import { createWorkbook, guessLocale, loadWorkbookFile, writeWorkbookFile } from './workbook-file';

export interface XlsxStoreOptions {
  /** Read only: no lock, no journal writes, no fold. */
  readOnly?: boolean;
  now?: () => Date;
  /** Fold the journal into the .xlsx after this long without writes (default 2 s). */
  foldAfterIdleMs?: number;
  /** …or as soon as the journal grows past this (default 16 MiB). */
  foldAtJournalBytes?: number;
  /** Told about journals set aside and folds that failed. */
  log?: (line: string) => void;
}

export interface XlsxStore extends WorkbookStore {
  /** Writes every acknowledged change into the .xlsx now and empties the journal. */
  fold(force?: boolean): Promise<void>;
}

const TRACKING = new Set(TRACKING_COLUMNS.map((c) => c.key));
const COUNTER_PREFIX = 'counter:';

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

/** One of our tables in the engine: its records by id, and the engine row each stands in. */
interface StoreTable {
  schema: TableSchema;
  engine: EngineTable;
  /** In sheet order: a schema column key, or undefined for a column the user added. */
  columnKeys: (string | undefined)[];
  records: Map<string, StoredRecord>;
  rows: Map<string, EngineRow>;
}

type Read = { meta: WorkbookMeta; tables: Map<string, StoreTable>; fixes: EngineChange[] };

/**
 * Opens the .xlsx store over the workbook engine. A workbook whose structure must change first
 * (an older schema, a missing table or `_meta`) is upgraded once through the full rewrite, then
 * opened like any other.
 */
export async function openXlsxStore(file: string, options: XlsxStoreOptions = {}): Promise<XlsxStore> {
  const schema = CURRENT_SCHEMA;
  const now = options.now ?? (() => new Date());
  const engineOptions = {
    readOnly: options.readOnly,
    foldAfterIdleMs: options.foldAfterIdleMs,
    foldAtJournalBytes: options.foldAtJournalBytes,
    log: options.log,
  };
  let engine = await WorkbookEngine.open(file, engineOptions);
  let read: Read | 'upgrade';
  try {
    read = readStore(engine, schema, now().toISOString());
    if (read === 'upgrade') {
      await engine.close();
      const loaded = await loadWorkbookFile(file, { now, readOnly: options.readOnly });
      if (options.readOnly) return new ReadOnlyLoadedStore(loaded.meta, loaded.state.tables);
      await writeWorkbookFile(file, loaded, loaded.state);
      engine = await WorkbookEngine.open(file, engineOptions);
      read = readStore(engine, schema, now().toISOString());
      if (read === 'upgrade') throw new Error('The upgraded workbook still needs an upgrade');
    }
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw error;
  }
  const store = new XlsxFileStore(engine, schema, read, now);
  // Rows typed in by hand got an id and tracking fields as they were read: keep them from now on.
  if (!options.readOnly && read.fixes.length) await engine.exclusive(() => engine.change(read.fixes));
  return store;
}

/**
 * Writes a data set as a new workbook (overwriting `file`) in one fold, without a journal line per
 * row: for generated workbooks in tests and benchmarks. Records are written as they are given.
 */
export async function writeNewWorkbook(
  file: string,
  locale: Locale,
  tables: Readonly<Record<string, readonly StoredRecord[]>>,
): Promise<number> {
  await createXlsxWorkbook(file, { locale, overwrite: true });
  const engine = await WorkbookEngine.open(file, { foldAfterIdleMs: 3_600_000 });
  try {
    const read = readStore(engine, CURRENT_SCHEMA, new Date().toISOString());
    if (read === 'upgrade') throw new Error('A new workbook needs no upgrade');
    const context = createCellContext(CURRENT_SCHEMA, locale);
    let rows = 0;
    for (const [key, records] of Object.entries(tables)) {
      const table = read.tables.get(key);
      if (!table || records.length === 0) continue;
      const writes = records.map((record) => rowWrites(table, record, undefined, context));
      engine.fillNewWorkbook([{ op: 'insertRows', table: table.engine.name, index: null, rows: writes }]);
      rows += records.length;
    }
    await engine.fold();
    return rows;
  } finally {
    await engine.close();
  }
}

function readStore(engine: WorkbookEngine, schema: WorkbookSchema, now: string): Read | 'upgrade' {
  const metaSheet = engine.sheets().find((s) => s.name === META_SHEET);
  if (!metaSheet) return 'upgrade';
  const metaRead = readMetaSheet(looseCellSource(META_SHEET, engineLooseCells(engine, META_SHEET)))!;
  if (metaRead.problems.length) throw metaRead.problems[0];
  const stored = metaRead.meta;
  if ((stored.schemaVersion ?? 1) !== schema.version) return 'upgrade';
  const locale =
    stored.locale ??
    guessLocale(
      engine.sheets().map((s) => s.name),
      schema,
    );
  const meta: WorkbookMeta = {
    ...defaultMeta(schema.version, locale),
    ...stored,
    schemaVersion: schema.version,
    locale,
  };
  delete meta.counters._journal;
  const context = createCellContext(schema, locale);
  const tables = new Map<string, StoreTable>();
  const fixes: EngineChange[] = [];
  for (const tableSchema of schema.tables) {
    const table = engine.findTable(tableSchema.tableName);
    if (!table) return 'upgrade';
    const read = readTableRecords(
      tableSchema,
      tableCellSource(table),
      {
        tableRef: rangeRef({ top: table.top, left: table.left, bottom: table.bottom, right: table.right }),
        totalsRow: table.totalsRowCount > 0,
        columns: table.headers.map((name) => ({ name })),
      },
      { context, now },
    );
    const entry: StoreTable = {
      schema: tableSchema,
      engine: table,
      columnKeys: read.columnKeys,
      records: new Map(),
      rows: new Map(),
    };
    read.records.forEach((record, i) => {
      const row = table.rows[read.rows[i] - table.top - 1];
      entry.records.set(record.id, record);
      entry.rows.set(record.id, row);
      if (!sameTracking(entry, row, record, context)) {
        fixes.push({
          op: 'updateRow',
          table: table.name,
          index: row.index,
          values: rowWrites(entry, record, row, context),
        });
      }
    });
    tables.set(tableSchema.key, entry);
    engine.setColumnFormats(
      table.name,
      read.columnKeys.map((key) =>
        numberFormatOf(key === undefined ? undefined : tableSchema.columns.find((c) => c.key === key)),
      ),
    );
  }
  return { meta, tables, fixes };
}

function engineLooseCells(engine: WorkbookEngine, sheetName: string) {
  return engine.looseCells(engine.sheet(sheetName));
}

/** Whether the row already holds the record's id and tracking fields (not so for rows typed by hand). */
function sameTracking(
  table: StoreTable,
  row: EngineRow,
  record: StoredRecord,
  context: CellContext,
): boolean {
  return table.columnKeys.every((key, j) => {
    if (key !== 'id' && !TRACKING.has(key ?? '')) return true;
    const column = table.schema.columns.find((c) => c.key === key)!;
    return encodeCell(column, record[key!], context) === row.values[j];
  });
}

/** The cell writes that make `row` hold `record`: our columns encoded, the user's left as they are. */
function rowWrites(
  table: StoreTable,
  record: StoredRecord,
  row: EngineRow | undefined,
  context: CellContext,
): CellWrite[] {
  return table.columnKeys.map((key, j) => {
    if (key === undefined) return UNCHANGED;
    const column = table.schema.columns.find((c) => c.key === key)!;
    const encoded = encodeCell(column, record[key], context);
    // Unchanged cells stay as they are, formulas a user wrote among them included.
    if (row && (row.values[j] ?? null) === encoded) return UNCHANGED;
    if (row?.formulas?.[j] !== undefined && encoded === null) return UNCHANGED;
    return encoded;
  });
}

class XlsxFileStore implements XlsxStore {
  private meta: WorkbookMeta;
  private readonly tables: Map<string, StoreTable>;
  private readonly context: CellContext;
  private closed = false;

  constructor(
    private readonly engine: WorkbookEngine,
    private readonly schema: WorkbookSchema,
    read: Read,
    private readonly now: () => Date,
  ) {
    this.meta = read.meta;
    this.tables = read.tables;
    this.context = createCellContext(schema, read.meta.locale);
  }

  /** Writes run one after another, and never beside a fold: each sees the state the previous left. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    return this.engine.exclusive(async () => {
      if (this.closed) throw new Error('The store is closed');
      if (this.engine.readOnly) throw new Error('The workbook was opened read-only');
      return work();
    });
  }

  private table(key: string): StoreTable {
    const table = this.tables.get(key);
    if (!table) throw new Error(`Unknown table: ${key}`);
    return table;
  }

  async readAll({ signal, onProgress }: ReadOptions = {}): Promise<WorkbookSnapshot> {
    return this.engine.exclusive(() => {
      throwIfCancelled(signal);
      const tables: Record<string, StoredRecord[]> = {};
      let total = 0;
      for (const table of this.tables.values()) total += table.records.size;
      let done = 0;
      for (const [key, table] of this.tables) {
        throwIfCancelled(signal);
        tables[key] = [...table.records.values()];
        done += table.records.size;
        onProgress?.(done, total);
      }
      return { meta: { ...this.meta, counters: { ...this.meta.counters } }, tables };
    });
  }

  append(tableKey: string, records: readonly NewRecord[]): Promise<StoredRecord[]> {
    return this.enqueue(async () => {
      const table = this.table(tableKey);
      const { schema } = table;
      const stamp = this.now().toISOString();
      const issues: RelacjeError[] = [];
      const results: StoredRecord[] = [];
      const toWrite: StoredRecord[] = [];
      const seen = new Set<string>();
      records.forEach((input, index) => {
        const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
        const checked = validateRecord(schema, { id, ...fields }, { mode: 'create', schema: this.schema });
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
        const existing = table.records.get(record.id);
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
      if (toWrite.length === 0) return results;
      const rows = toWrite.map((record) => rowWrites(table, record, undefined, this.context));
      await this.engine.change({ op: 'insertRows', table: table.engine.name, index: null, rows });
      const created = table.engine.rows.slice(table.engine.rows.length - toWrite.length);
      toWrite.forEach((record, i) => {
        table.records.set(record.id, record);
        table.rows.set(record.id, created[i]);
      });
      return results;
    });
  }

  update(tableKey: string, updates: readonly RecordUpdate[]): Promise<StoredRecord[]> {
    return this.enqueue(async () => {
      const table = this.table(tableKey);
      const { schema } = table;
      const stamp = this.now().toISOString();
      const next: StoredRecord[] = [];
      for (const update of updates) {
        const current = this.current(table, update);
        const checked = validateRecord(schema, update.changes, { mode: 'update', schema: this.schema });
        if (!checked.ok)
          throw new RelacjeError('invalidRecord', { table: schema.tableName, issues: checked.issues });
        next.push({ ...current, ...checked.record, version: current.version + 1, updatedAt: stamp });
      }
      if (next.length === 0) return next;
      const changes: EngineChange[] = next.map((record) => {
        const row = table.rows.get(record.id)!;
        return {
          op: 'updateRow',
          table: table.engine.name,
          index: table.engine.indexOf(row),
          values: rowWrites(table, record, row, this.context),
        };
      });
      await this.engine.change(changes);
      for (const record of next) table.records.set(record.id, record);
      return next;
    });
  }

  remove(tableKey: string, refs: readonly RecordRef[]): Promise<void> {
    return this.enqueue(async () => {
      const table = this.table(tableKey);
      for (const ref of refs) this.current(table, ref);
      const ids = [...new Set(refs.map((r) => r.id))];
      if (ids.length === 0) return;
      // From the bottom up, so that each index is still right when its delete is applied.
      const indices = ids.map((id) => table.engine.indexOf(table.rows.get(id)!)).sort((a, b) => b - a);
      await this.engine.change(
        indices.map((index) => ({ op: 'deleteRow', table: table.engine.name, index })),
      );
      for (const id of ids) {
        table.records.delete(id);
        table.rows.delete(id);
      }
    });
  }

  private current(table: StoreTable, ref: RecordRef): StoredRecord {
    const current = table.records.get(ref.id);
    const name = table.schema.tableName;
    if (!current) throw new RelacjeError('recordNotFound', { table: name, id: ref.id });
    if (current.version !== ref.expectedVersion) {
      throw new RelacjeError('conflict', {
        table: name,
        id: ref.id,
        expectedVersion: ref.expectedVersion,
        actualVersion: current.version,
      });
    }
    return current;
  }

  nextCounter(name: string): Promise<number> {
    return this.enqueue(async () => {
      const value = (this.meta.counters[name] ?? 0) + 1;
      const cells = engineLooseCells(this.engine, META_SHEET);
      const key = `${COUNTER_PREFIX}${name}`;
      let row = [...cells].find(([, cols]) => String(cols.get(1)?.value ?? '').trim() === key)?.[0];
      if (row === undefined) {
        row = Math.max(0, ...cells.keys()) + 1;
        await this.engine.change({
          op: 'setRange',
          sheet: META_SHEET,
          address: `A${row}:B${row}`,
          cells: [[key, value]],
        });
      } else {
        await this.engine.change({ op: 'setRange', sheet: META_SHEET, address: `B${row}`, cells: [[value]] });
      }
      this.meta = { ...this.meta, counters: { ...this.meta.counters, [name]: value } };
      return value;
    });
  }

  writeDashboard(cells: readonly DashboardCell[]): Promise<void> {
    return this.enqueue(async () => {
      const sheet = this.engine.sheet(DASHBOARD_SHEET);
      const changes: EngineChange[] = [];
      const used = this.engine.usedRange(sheet);
      if (used) {
        const address = `${cellRef(used.top, used.left)}:${cellRef(used.bottom, used.right)}`;
        changes.push({ op: 'clearRange', sheet: sheet.name, address });
      }
      for (const cell of cells) {
        const write: CellWrite =
          cell.formula !== undefined ? { formula: cell.formula.replace(/^=/, '') } : (cell.value ?? null);
        changes.push({ op: 'setRange', sheet: sheet.name, address: cell.ref, cells: [[write]] });
      }
      await this.engine.change(changes);
    });
  }

  async fold(): Promise<void> {
    if (!this.engine.readOnly) await this.engine.fold();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.engine.close();
    this.closed = true;
  }
}

/** A read-only view of a workbook that needed an upgrade the reader could not write. */
class ReadOnlyLoadedStore implements XlsxStore {
  constructor(
    private readonly meta: WorkbookMeta,
    private readonly tables: Record<string, StoredRecord[]>,
  ) {}

  readAll({ signal, onProgress }: ReadOptions = {}): Promise<WorkbookSnapshot> {
    throwIfCancelled(signal);
    const total = Object.values(this.tables).reduce((n, rows) => n + rows.length, 0);
    onProgress?.(total, total);
    const { _journal: _folded, ...counters } = this.meta.counters;
    return Promise.resolve({ meta: { ...this.meta, counters }, tables: { ...this.tables } });
  }

  private refuse(): Promise<never> {
    return Promise.reject(new Error('The workbook was opened read-only'));
  }

  append = () => this.refuse();
  update = () => this.refuse();
  remove = () => this.refuse();
  nextCounter = () => this.refuse();
  writeDashboard = () => this.refuse();
  fold = () => Promise.resolve();
  close = () => Promise.resolve();
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

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createCellContext, encodeCell, type CellContext } from '../../core/cells';
import type { Locale } from '../../core/i18n';
import {
  CURRENT_SCHEMA,
  DASHBOARD_SHEET,
  META_SHEET,
  TRACKING_COLUMNS,
  type TableSchema,
  type WorkbookSchema,
} from '../../core/schema';
import type {
  BatchResult,
  DashboardCell,
  ReadOptions,
  RecordRef,
  StoredRecord,
  TableChanges,
  WorkbookMeta,
  WorkbookSnapshot,
  WorkbookStore,
} from '../port';
import { throwIfCancelled } from '../port';
import {
  appendsOf,
  BatchWritingStore,
  checkVersion,
  postImage,
  preparedBatch,
  type PreparedChanges,
} from '../record-rules';
import { UNCHANGED, type CellWrite } from './engine/cell-writes';
import type { EngineChange } from './engine/engine-journal';
import type { EngineRow, EngineTable } from './engine/engine-table';
import { WorkbookEngine } from './engine/workbook-engine';
import { looseCellSource, tableCellSource } from './engine-cell-source';
import { acquireFileLock } from './file-lock';
import { journalPathOf } from './journal';
import { LeanWorkbook } from './lean-workbook';
import { readMetaSheet } from './meta-sheet';
import { cellRef, rangeRef } from './package/cell-ref';
import { numberFormatOf } from './table-sheet';
import { readTableRecords } from './table-reader';
import { completeMeta, createWorkbook, loadWorkbookFile, writeWorkbookFile } from './workbook-file';

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
 * The schema version a workbook holds when it is older than the current one (read from `_meta`
 * alone, without parsing its tables), else undefined: what `relacje serve` upgrades before it serves.
 */
export async function olderSchemaOf(file: string): Promise<number | undefined> {
  const lean = new LeanWorkbook(await fs.readFile(file), { permissive: true });
  const metaSheet = lean.sheets.find((s) => s.name === META_SHEET);
  const version = metaSheet ? (readMetaSheet(lean.cells(metaSheet))?.meta.schemaVersion ?? 1) : 1;
  return version < CURRENT_SCHEMA.version ? version : undefined;
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
  const meta = completeMeta(
    stored,
    engine.sheets().map((s) => s.name),
    schema,
  );
  const { locale } = meta;
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

class XlsxFileStore extends BatchWritingStore implements XlsxStore {
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
    super();
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

  /** Every table's changes checked first, then written in one `engine.change`: one journal line, all or nothing. */
  write(changes: readonly TableChanges[]): Promise<BatchResult[]> {
    return this.enqueue(async () => {
      const stamp = this.now().toISOString();
      const plans = preparedBatch(this.schema, changes, stamp).map((change) => this.plan(change));
      const engineChanges = plans.flatMap((plan) => plan.changes);
      if (engineChanges.length > 0) await this.engine.change(engineChanges);
      for (const plan of plans) plan.commit();
      return plans.map((plan) => plan.result);
    });
  }

  /**
   * One table's part of a batch: validated and version-checked (throwing before anything is
   * written), its engine changes (updates at the rows' indexes, then deletes from the bottom up so
   * each index is still right when applied, then the appends), and what to remember once written.
   */
  private plan(change: PreparedChanges): {
    changes: EngineChange[];
    commit: () => void;
    result: BatchResult;
  } {
    const table = this.table(change.table.key);
    const name = table.engine.name;
    const { results: appended, toWrite } = appendsOf(change.table, change.appends, (id) =>
      table.records.get(id),
    );
    const updated = change.updates.map((update, i) =>
      postImage(this.current(table, update), change.changes[i]),
    );
    const removed = change.removes.map((ref) => this.current(table, ref).id);
    const changes: EngineChange[] = updated.map((record) => {
      const row = table.rows.get(record.id)!;
      return {
        op: 'updateRow',
        table: name,
        index: table.engine.indexOf(row),
        values: rowWrites(table, record, row, this.context),
      };
    });
    const indices = removed.map((id) => table.engine.indexOf(table.rows.get(id)!)).sort((a, b) => b - a);
    for (const index of indices) changes.push({ op: 'deleteRow', table: name, index });
    if (toWrite.length > 0) {
      const rows = toWrite.map((record) => rowWrites(table, record, undefined, this.context));
      changes.push({ op: 'insertRows', table: name, index: null, rows });
    }
    const commit = () => {
      for (const record of updated) table.records.set(record.id, record);
      for (const id of removed) {
        table.records.delete(id);
        table.rows.delete(id);
      }
      const created = table.engine.rows.slice(table.engine.rows.length - toWrite.length);
      toWrite.forEach((record, i) => {
        table.records.set(record.id, record);
        table.rows.set(record.id, created[i]);
      });
    };
    return { changes, commit, result: { table: change.key, appended, updated } };
  }

  private current(table: StoreTable, ref: RecordRef): StoredRecord {
    const current = table.records.get(ref.id);
    checkVersion(table.schema, ref, current);
    return current!;
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
  write = () => this.refuse();
  nextCounter = () => this.refuse();
  writeDashboard = () => this.refuse();
  fold = () => Promise.resolve();
  close = () => Promise.resolve();
}

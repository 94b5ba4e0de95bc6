import { createCellContext, type CellContext } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import {
  CURRENT_SCHEMA,
  DASHBOARD_SHEET,
  META_SHEET,
  tableByKey,
  type TableSchema,
  type WorkbookSchema,
} from '../../core/schema';
import type {
  DashboardCell,
  NewRecord,
  RecordFields,
  RecordRef,
  RecordUpdate,
  StoredRecord,
  WorkbookMeta,
  WorkbookSnapshot,
  WorkbookStore,
  ReadOptions,
} from '../port';
import { throwIfCancelled } from '../port';
import { dashboardGrid } from '../dashboard-grid';
import { metaOfRows } from '../meta-rows';
import {
  asStored,
  changesOf,
  chunksBySize,
  claimFieldsOf,
  completeRecord,
  idAndVersionOf,
  layoutOf,
  literal,
  recordOfRow,
  recordsOfRows,
  rowOfFields,
  sameFields,
  type TableRowsLayout,
  type SheetValue,
  type SheetWrite,
} from '../table-rows';
import {
  GraphTransport,
  isSessionFailure,
  MAX_BATCH,
  OutcomeUnknown,
  productError,
  SessionExpired,
  subFailure,
  type GraphTransportOptions,
  type SubRequest,
  type SubResponse,
  whenAborted,
} from './graph-transport';
import { defaultReadBudget, pagesOf, ReadQueue, type ReadBudget } from './read-plan';
import { RowProgress } from './row-progress';

export interface GraphStoreOptions extends GraphTransportOptions {
  /**
   * The workbook's drive item, e.g. `/me/drive/root:/Relacje/klienci.xlsx:`,
   * `/drives/{drive-id}/items/{item-id}` or `/sites/{site-id}/drive/items/{item-id}`.
   */
  workbook: string;
  schema?: WorkbookSchema;
  /** Rows per page request when reading a table (default 50,000; see `read-plan.ts`). */
  pageSize?: number;
  /**
   * Estimated answer bytes per `$batch` of a load (default: 320 MiB against the local server on
   * loopback, 4 MB against Microsoft Graph; see `read-plan.ts`).
   */
  maxBatchBytes?: number;
  /** Appended rows are sent in requests of at most this many bytes (default 3 MiB; Graph takes 4 MB). */
  maxPayloadBytes?: number;
  now?: () => Date;
}

interface KnownRow {
  index: number;
  record: StoredRecord;
}

/** A write to one row, sent right after a read of that row in the same batch. */
interface GuardedWrite {
  index: number;
  method: 'PATCH' | 'DELETE';
  values?: SheetWrite[];
  /** Whether the row, as it was just before the write, is the one the caller meant. */
  expected(before: readonly SheetValue[]): boolean;
}

interface GuardedResult {
  before: SheetValue[];
  matched: boolean;
}

const WORKBOOK_PATH =
  /^\/(me\/drive\/root:\/.+:|(me\/drive|drives\/[^/]+|sites\/[^/]+\/drive)\/items\/[^/:]+|sites\/[^/]+\/drive\/root:\/.+:)$/;
const RETRYABLE_IN_BATCH = new Set([424, 429, 503]);

/**
 * A row's `updatedAt` while one writer holds the row, between checking its version and writing
 * it. A valid timestamp (readers decode it as any other) that no save writes, and the same for
 * every writer: taking a lock someone else holds writes what is already there.
 */
const LOCKED_AT = '1900-01-01T00:00:00.000Z';
/** A counter row's third cell while one writer counts on; the same for every writer, as `LOCKED_AT`. */
const COUNTER_LOCK = 'locked';
/** A lock held longer than this was left by a pane that stopped between locking and writing. */
const LOCK_LEASE_MS = 30_000;

function isLocked(layout: TableRowsLayout, values: readonly SheetValue[]): boolean {
  return String(values[layout.indexByKey.get('updatedAt')!]) === LOCKED_AT;
}

/** How long a call has waited for rows other writers hold, and since when it has seen each locked. */
class LockWaits {
  private readonly since = new Map<string, number>();
  /** Waits count as asked for, not only as the clock saw them, so an injected sleep keeps the bound. */
  private waited = 0;

  constructor(private readonly now: () => number) {}

  /** Notes that this record's row is locked; whether it has been for longer than a lease. */
  abandoned(id: string): boolean {
    const first = this.since.get(id) ?? this.now();
    this.since.set(id, first);
    return Math.max(this.now() - first, this.waited) > LOCK_LEASE_MS;
  }

  /** The next wait, short and growing, or undefined once waiting longer would not help. */
  next(attempt: number): number | undefined {
    if (this.waited > 2 * LOCK_LEASE_MS) return undefined;
    const wait = Math.min(2_000, 50 * 2 ** attempt);
    this.waited += wait;
    return wait;
  }
}

type LockState = 'ours' | 'stale' | 'elsewhere' | 'lockedByOther';

/** What the lock batch found in a row: whether the call holds it now, and for the record meant. */
function lockState(
  layout: TableRowsLayout,
  before: readonly SheetValue[],
  ref: RecordRef,
  waits: LockWaits,
): { state: LockState; owned: boolean } {
  if (before.length === 0) return { state: 'elsewhere', owned: false };
  const row = idAndVersionOf(layout, before);
  if (isLocked(layout, before) && !(row.id === ref.id && waits.abandoned(ref.id))) {
    return { state: row.id === ref.id ? 'lockedByOther' : 'elsewhere', owned: false };
  }
  if (row.id !== ref.id) return { state: 'elsewhere', owned: true };
  return { state: row.version === ref.expectedVersion ? 'ours' : 'stale', owned: true };
}

export function isWorkbookLocation(location: string): boolean {
  return WORKBOOK_PATH.test(location);
}

/** A store over the workbook in SharePoint or OneDrive, through Microsoft Graph's workbook API. */
export function openGraphStore(options: GraphStoreOptions): GraphWorkbookStore {
  if (!isWorkbookLocation(options.workbook)) {
    throw new Error(`Not a workbook location Graph can address: ${options.workbook}`);
  }
  return new GraphWorkbookStore(options);
}

/**
 * Round trips per action: a full load is a few `$batch` requests (`_meta`, each table's size and
 * header, then all pages packed 20 a batch within a byte budget: 4 at 100,000 clients with
 * 1,000,000 activities against the local server; see `read-plan.ts`); an
 * append is one request per table (chunked only by size); an update or delete of up to ten rows
 * is two batches: one locks each row and reads it as the lock found it, one writes the rows that
 * had the expected version (each write again right after a read of its row).
 */
export class GraphWorkbookStore implements WorkbookStore {
  readonly transport: GraphTransport;
  private readonly schema: WorkbookSchema;
  private readonly layouts = new Map<string, TableRowsLayout>();
  private readonly known = new Map<string, Map<string, KnownRow>>();
  private meta: WorkbookMeta;
  private metaRows = new Map<string, number>();
  private metaLastRow = 1;
  private context: CellContext;
  private session: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly base: string;
  private readonly now: () => Date;

  constructor(private readonly options: GraphStoreOptions) {
    this.transport = new GraphTransport(options);
    this.schema = options.schema ?? CURRENT_SCHEMA;
    this.base = `${options.workbook}/workbook`;
    this.meta = {
      schemaVersion: this.schema.version,
      locale: 'pl',
      offerNumberFormat: 'OF/{YYYY}/{NNN}',
      counters: {},
    };
    this.context = createCellContext(this.schema, 'pl');
    this.now = options.now ?? (() => new Date());
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private tableUrl(table: TableSchema): string {
    return `${this.base}/tables('${encodeURIComponent(table.tableName)}')`;
  }

  private sheetUrl(sheet: string): string {
    return `${this.base}/worksheets('${encodeURIComponent(sheet.replace(/'/g, "''"))}')`;
  }

  private get resource(): string {
    return this.options.workbook;
  }

  // ---- reading -------------------------------------------------------------------------------

  readAll(options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    return this.enqueue(() => this.load(options));
  }

  /**
   * A load in a handful of requests, whatever the number of pages: the first batch asks `_meta`,
   * every table's size (`dataBodyRange?$select=rowCount,columnCount`, no values) and the headers
   * that fit; the rest is planned from the sizes (`read-plan.ts`): every table's pages, as many a
   * batch as its budget takes. Progress counts rows, told after each batch once every table is
   * counted; a cancelled read stops between batches (and aborts the one under way).
   */
  private async load({ signal, onProgress }: ReadOptions): Promise<WorkbookSnapshot> {
    throwIfCancelled(signal);
    const tables = this.schema.tables;
    const budget = this.readBudget();
    const queue = new ReadQueue(budget);
    const byId = new Map<string, TableSchema>();
    queue.addSmall({
      id: 'meta',
      method: 'GET',
      url: `${this.sheetUrl(META_SHEET)}/usedRange(valuesOnly=true)`,
    });
    // Sizes before headers: the pages can be planned once the sizes are in, and the headers that
    // did not fit the first batch go with the first pages.
    for (const table of tables) {
      byId.set(table.key, table);
      queue.addSmall({
        id: `n:${table.key}`,
        method: 'GET',
        url: `${this.tableUrl(table)}/dataBodyRange?$select=rowCount,columnCount`,
      });
    }
    for (const table of tables)
      queue.addSmall({ id: `h:${table.key}`, method: 'GET', url: `${this.tableUrl(table)}/headerRowRange` });

    const pages = new Map<string, Map<number, SheetValue[][]>>(tables.map((t) => [t.key, new Map()]));
    const planned = new Map<string, number>();
    const got = new Map<string, number>(tables.map((t) => [t.key, 0]));
    const progress = new RowProgress(
      tables.map((t) => t.key),
      onProgress,
    );
    const notFound = (r: SubResponse) => r.status === 404 && /itemnotfound/i.test(subFailure(r).code);
    for (let batch = queue.next(), first = true; batch.length > 0; batch = queue.next(), first = false) {
      const answers = await this.readBatches(batch, signal);
      if (first && batch.every((r) => notFound(answers.get(r.id)!)))
        throw new RelacjeError('workbookNotFound', { file: this.resource });
      for (const request of batch) {
        const response = answers.get(request.id)!;
        const [kind, key, skip] = request.id.split(':');
        const table = byId.get(key)!;
        if (kind === 'meta') this.readMeta(response);
        else if (kind === 'h') this.layouts.set(key, layoutOf(table, this.bodyOf(response, table) as never));
        else if (kind === 'n') {
          const size = this.bodyOf(response, table) as { rowCount?: unknown; columnCount?: unknown };
          const rows = typeof size.rowCount === 'number' ? size.rowCount : 0;
          const columns = typeof size.columnCount === 'number' ? size.columnCount : table.columns.length;
          const plan = pagesOf(key, rows, columns, budget);
          planned.set(key, plan.length);
          queue.addPages(plan, columns, (page) => ({
            id: `r:${key}:${page.skip}`,
            method: 'GET',
            url: `${this.tableUrl(table)}/rows?$top=${page.top}&$skip=${page.skip}`,
          }));
          // An empty table's data body is one blank row: a size of 1 is told by the table's page.
          if (rows > 1) progress.counted(key, rows);
        } else {
          const values = (this.bodyOf(response, table) as { value: { values: SheetValue[][] }[] }).value.map(
            (r) => r.values[0],
          );
          const tablePages = pages.get(key)!;
          tablePages.set(Number(skip), values);
          got.set(key, got.get(key)! + values.length);
          progress.rows(key, got.get(key)!, tablePages.size === planned.get(key));
        }
      }
      progress.report();
      throwIfCancelled(signal);
    }
    // Every row is in: from here on the read may write (rows typed in by hand are claimed), so it
    // is no longer cancelled.
    throwIfCancelled(signal);
    const snapshot: Record<string, StoredRecord[]> = {};
    for (const table of tables) {
      const rows = [...pages.get(table.key)!].sort(([a], [b]) => a - b).flatMap(([, page]) => page);
      snapshot[table.key] = await this.decodeTable(table, rows);
    }
    progress.finish();
    const { counters, ...meta } = this.meta;
    return { meta: { ...meta, counters: { ...counters } }, tables: snapshot };
  }

  /** Rows per page and bytes per batch of a load: the options', else the endpoint's defaults. */
  private readBudget(): ReadBudget {
    const defaults = defaultReadBudget(this.options.baseUrl);
    return {
      pageRows: this.options.pageSize ?? defaults.pageRows,
      batchBytes: this.options.maxBatchBytes ?? defaults.batchBytes,
    };
  }

  private async readBatches(
    requests: readonly SubRequest[],
    signal?: AbortSignal,
  ): Promise<Map<string, SubResponse>> {
    const answers = new Map<string, SubResponse>();
    // One batch after another: Microsoft advises against parallel requests to one workbook.
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      let chunk = requests.slice(i, i + MAX_BATCH);
      for (let attempt = 0; chunk.length > 0; attempt += 1) {
        const responses = await this.transport.batch(chunk, {}, signal);
        const throttled = responses.filter((r) => RETRYABLE_IN_BATCH.has(r.status));
        for (const r of responses) if (!RETRYABLE_IN_BATCH.has(r.status)) answers.set(r.id, r);
        if (throttled.length === 0) break;
        if (attempt >= 5) throw productError(subFailure(throttled[0]), this.resource);
        const wait = this.pause(throttled[0], attempt);
        await (signal ? Promise.race([wait, whenAborted(signal)]) : wait);
        throwIfCancelled(signal);
        const again = new Set(throttled.map((r) => r.id));
        chunk = chunk.filter((r) => again.has(r.id));
      }
    }
    return answers;
  }

  private async pause(response: SubResponse, attempt: number): Promise<void> {
    const seconds = Number(subFailure(response).retryAfter ?? NaN);
    const ms = Number.isFinite(seconds)
      ? seconds * 1000
      : Math.min(30_000, (this.options.backoffMs ?? 500) * 2 ** attempt);
    await (this.options.sleep ?? ((t: number) => new Promise((resolve) => setTimeout(resolve, t))))(ms);
  }

  /** The body of a successful answer, or the product's error for a failed one. */
  private bodyOf(response: SubResponse, table?: TableSchema): unknown {
    if (response.status >= 200 && response.status < 300) return response.body;
    const failure = subFailure(response);
    if (isSessionFailure(failure)) throw new SessionExpired();
    if (table && response.status === 404 && /itemnotfound/i.test(failure.code)) {
      throw new RelacjeError('missingTable', {
        table: table.tableName,
        sheet: table.sheet[this.meta.locale],
      });
    }
    throw productError(failure, this.resource);
  }

  private readMeta(response: SubResponse): void {
    if (response.status === 404) return;
    const range = this.bodyOf(response) as { values: SheetValue[][]; rowIndex?: number };
    const read = metaOfRows(range.values, (range.rowIndex ?? 0) + 1, this.meta, {
      file: this.resource,
      supported: this.schema.version,
    });
    this.metaRows = read.rowOfKey;
    this.metaLastRow = read.lastRow;
    this.meta = read.meta;
    this.context = createCellContext(this.schema, read.meta.locale);
  }

  private async decodeTable(table: TableSchema, rows: SheetValue[][]): Promise<StoredRecord[]> {
    const layout = this.layouts.get(table.key)!;
    const { known, records, unclaimed } = recordsOfRows(layout, rows, this.context);
    this.known.set(table.key, known);
    if (unclaimed.length) records.push(...(await this.claimRows(layout, unclaimed)));
    return records;
  }

  /**
   * Rows typed into the sheet by hand (or copied, with their original's id) get an id and
   * tracking fields of their own, written back so that they can be updated by id from now on.
   */
  private async claimRows(
    layout: TableRowsLayout,
    rows: { index: number; record: RecordFields }[],
  ): Promise<StoredRecord[]> {
    const stamp = this.now().toISOString();
    const claimed = rows.map(({ index, record }) => {
      const fields = claimFieldsOf(record, stamp);
      return { index, before: record, fields, record: asStored({ ...record, ...fields }) };
    });
    const results = await this.guarded(
      layout,
      claimed.map(({ index, before, fields }) => ({
        index,
        method: 'PATCH',
        values: rowOfFields(layout, fields, this.context, false),
        expected: (now) => String(now[layout.indexByKey.get('id')!]) === String(before.id ?? ''),
      })),
    );
    const known = this.known.get(layout.table.key)!;
    return claimed.flatMap((c, i) => {
      if (!results[i].matched) return [];
      known.set(c.record.id, { index: c.index, record: c.record });
      return [c.record];
    });
  }

  // ---- writing -------------------------------------------------------------------------------

  private async layout(tableKey: string): Promise<TableRowsLayout> {
    const table = tableByKey(this.schema, tableKey);
    const cached = this.layouts.get(tableKey);
    if (cached) return cached;
    const header = await this.transport.send<{ address: string; values: SheetValue[][] }>(
      'GET',
      `${this.tableUrl(table)}/headerRowRange`,
    );
    const layout = layoutOf(table, header);
    this.layouts.set(tableKey, layout);
    return layout;
  }

  /** The ids of a table and their row indexes, read fresh from the workbook's id column. */
  private async locate(layout: TableRowsLayout): Promise<Map<string, number>> {
    const header = layout.headers[layout.indexByKey.get('id')!];
    const column = await this.transport.send<{ values: SheetValue[][] }>(
      'GET',
      `${this.tableUrl(layout.table)}/columns('${encodeURIComponent(header)}')`,
    );
    const ids = new Map<string, number>();
    column.values.slice(1).forEach(([id], index) => {
      if (id !== '' && id !== undefined) ids.set(String(id), index);
    });
    return ids;
  }

  private async sessionHeaders(): Promise<Record<string, string>> {
    if (!this.session) {
      const created = await this.transport.send<{ id: string }>('POST', `${this.base}/createSession`, {
        body: { persistChanges: true },
        idempotent: true,
      });
      this.session = created.id;
    }
    return { 'workbook-session-id': this.session };
  }

  /** Runs a multi-step write in the workbook session; an expired session is recreated and the step redone. */
  private async inSession<T>(step: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await step(await this.sessionHeaders());
      } catch (error) {
        if (!(error instanceof SessionExpired) || attempt >= 2) throw error;
        this.session = undefined;
      }
    }
  }

  append(tableKey: string, records: readonly NewRecord[]): Promise<StoredRecord[]> {
    return this.enqueue(async () => {
      const table = tableByKey(this.schema, tableKey);
      const layout = await this.layout(tableKey);
      const stamp = this.now().toISOString();
      const prepared = records.map((input, index) =>
        completeRecord(table, this.schema, input, stamp, records.length > 1 ? index + 1 : undefined),
      );
      let known = this.known.get(tableKey);
      if (!known) {
        known = new Map(
          [...(await this.locate(layout))].map(([id, index]) => [
            id,
            { index, record: { id } as StoredRecord },
          ]),
        );
        this.known.set(tableKey, known);
      }
      const results: StoredRecord[] = [];
      const toWrite: StoredRecord[] = [];
      const seen = new Set<string>();
      for (const record of prepared) {
        const existing = known.get(record.id);
        if (existing || seen.has(record.id)) {
          // The same record sent again is a retry; another record under its id is a mistake.
          if (!existing || !sameFields(table, existing.record, record)) {
            throw new RelacjeError('duplicateId', { table: table.tableName, id: record.id });
          }
          results.push(existing.record);
          continue;
        }
        seen.add(record.id);
        toWrite.push(record);
        results.push(record);
      }
      const limit = this.options.maxPayloadBytes ?? 3 * 2 ** 20;
      // Each row encoded once, for its size and for the request.
      const rows = new Map(toWrite.map((r) => [r, rowOfFields(layout, r, this.context, true)]));
      const sizeOf = (record: StoredRecord) => JSON.stringify(rows.get(record)).length * 2;
      for (const chunk of chunksBySize(toWrite, limit, sizeOf))
        await this.appendChunk(layout, chunk, known, rows);
      return results;
    });
  }

  /** Appends rows in one request. When its answer is lost, the id column tells what was written, and only the rest is sent again. */
  private async appendChunk(
    layout: TableRowsLayout,
    chunk: StoredRecord[],
    known: Map<string, KnownRow>,
    rows: ReadonlyMap<StoredRecord, SheetWrite[]>,
  ): Promise<void> {
    let remaining = chunk;
    for (let attempt = 0; remaining.length > 0; attempt += 1) {
      try {
        const answer = await this.inSession((headers) =>
          this.transport.send<{ index: number }>('POST', `${this.tableUrl(layout.table)}/rows`, {
            body: { index: null, values: remaining.map((r) => rows.get(r)) },
            headers,
            idempotent: false,
          }),
        );
        remaining.forEach((record, i) => known.set(record.id, { index: answer.index + i, record }));
        return;
      } catch (error) {
        if (!(error instanceof OutcomeUnknown) || attempt >= 3) throw error;
        const written = await this.locate(layout);
        remaining = remaining.filter((record) => {
          const index = written.get(record.id);
          if (index !== undefined) known.set(record.id, { index, record });
          return index === undefined;
        });
      }
    }
  }

  update(tableKey: string, updates: readonly RecordUpdate[]): Promise<StoredRecord[]> {
    return this.enqueue(async () => {
      const table = tableByKey(this.schema, tableKey);
      const layout = await this.layout(tableKey);
      const stamp = this.now().toISOString();
      const changes = changesOf(table, this.schema, updates, stamp);
      const befores = await this.writeRows(layout, updates, (update, i) => ({
        method: 'PATCH',
        values: rowOfFields(layout, changes[i], this.context, false),
      }));
      const known = this.known.get(tableKey)!;
      return befores.map(({ before, index }, i) => {
        const current = asStored(recordOfRow(layout, before, index, this.context) ?? {});
        const next = asStored({ ...current, ...changes[i] });
        known.set(next.id, { index, record: next });
        return next;
      });
    });
  }

  remove(tableKey: string, refs: readonly RecordRef[]): Promise<void> {
    return this.enqueue(async () => {
      const layout = await this.layout(tableKey);
      const deleted = await this.writeRows(layout, refs, () => ({ method: 'DELETE' }));
      const known = this.known.get(tableKey)!;
      for (const { index } of [...deleted].sort((a, b) => b.index - a.index)) {
        for (const [id, row] of known) {
          if (row.index === index) known.delete(id);
          else if (row.index > index) row.index -= 1;
        }
      }
    });
  }

  /**
   * Writes to the rows of these records, each only while it still has the version the caller
   * read: all or nothing. Graph has no conditional write, so each row is first locked (see
   * `LOCKED_AT`), checked under the lock, and only then written; a row that is not the one meant
   * is unlocked again without a cell of it changed. Two batches for up to ten rows.
   */
  private async writeRows(
    layout: TableRowsLayout,
    refs: readonly RecordRef[],
    writeOf: (ref: RecordRef, i: number) => Pick<GuardedWrite, 'method' | 'values'>,
  ): Promise<{ before: SheetValue[]; index: number }[]> {
    const table = layout.table;
    let known = this.known.get(table.key);
    if (!known) {
      known = new Map();
      this.known.set(table.key, known);
    }
    const indexes = refs.map((ref) => known.get(ref.id)?.index);
    const waits = new LockWaits(() => this.now().getTime());
    for (let attempt = 0; ; attempt += 1) {
      if (indexes.some((i) => i === undefined) || attempt > 0) await this.relocate(layout, refs, indexes);
      const befores = await this.lockRows(layout, indexes as number[]);
      const found = befores.map((before, i) => lockState(layout, before, refs[i], waits));
      if (found.every((f) => f.state === 'ours')) {
        const written = await this.writeLocked(layout, refs, indexes as number[], writeOf);
        return written.map((index, i) => ({ before: befores[i], index }));
      }
      await this.unlockRows(
        layout,
        befores.flatMap((before, i) => (found[i].owned ? [{ index: indexes[i]!, before }] : [])),
      );
      const stale = found.findIndex((f) => f.state === 'stale');
      if (stale >= 0) {
        throw new RelacjeError('conflict', {
          table: table.tableName,
          id: refs[stale].id,
          expectedVersion: refs[stale].expectedVersion,
          actualVersion: idAndVersionOf(layout, befores[stale]).version,
        });
      }
      const locked = found.findIndex((f) => f.state === 'lockedByOther');
      if (locked >= 0) {
        const wait = waits.next(attempt);
        if (wait === undefined) {
          throw new RelacjeError('unavailable', {
            detail: `${table.tableName}, ${refs[locked].id}: another user is saving this row`,
          });
        }
        await this.sleep(wait);
      } else if (attempt >= 2) {
        const moved = found.findIndex((f) => f.state === 'elsewhere');
        throw new RelacjeError('recordNotFound', { table: table.tableName, id: refs[moved].id });
      }
    }
  }

  /** Where each record's row is now, from the id column; a record no longer there is `recordNotFound`. */
  private async relocate(
    layout: TableRowsLayout,
    refs: readonly RecordRef[],
    indexes: (number | undefined)[],
  ): Promise<void> {
    const located = await this.locate(layout);
    refs.forEach((ref, i) => (indexes[i] = located.get(ref.id)));
    const missing = refs.find((_, i) => indexes[i] === undefined);
    if (missing) throw new RelacjeError('recordNotFound', { table: layout.table.tableName, id: missing.id });
  }

  /**
   * Locks rows: each row's `updatedAt` becomes `LOCKED_AT`, read in the same batch just before.
   * A row that was locked already stays exactly as it was (the lock is the same value), so a
   * lock that is not ours changes nothing.
   */
  private lockRows(layout: TableRowsLayout, indexes: readonly number[]): Promise<SheetValue[][]> {
    const values = rowOfFields(layout, { updatedAt: LOCKED_AT }, this.context, false);
    return this.guarded(
      layout,
      indexes.map((index) => ({ index, method: 'PATCH', values, expected: () => true })),
    ).then((results) => results.map((r) => r.before));
  }

  /** Gives rows this call locked but may not write their `updatedAt` back (a taken-over lock: now). */
  private async unlockRows(
    layout: TableRowsLayout,
    rows: readonly { index: number; before: readonly SheetValue[] }[],
  ): Promise<void> {
    const column = layout.indexByKey.get('updatedAt')!;
    const url = this.tableUrl(layout.table);
    const requests: SubRequest[] = rows
      .filter(({ before }) => before.length > 0)
      .map(({ index, before }, i) => ({
        id: `u${i}`,
        method: 'PATCH' as const,
        url: `${url}/rows/itemAt(index=${index})`,
        body: {
          values: [
            before.map((value, c) =>
              c !== column
                ? null
                : isLocked(layout, before)
                  ? `'${this.now().toISOString()}`
                  : literal(value),
            ),
          ],
        },
      }));
    await this.inSession(async (headers) => {
      for (let i = 0; i < requests.length; i += MAX_BATCH) {
        for (const response of await this.transport.batch(requests.slice(i, i + MAX_BATCH), headers))
          this.bodyOf(response);
      }
    });
  }

  /**
   * Writes rows this call holds locked, each in a batch right after a read that shows it still is
   * the locked row (only a delete of a row above can move it meanwhile). A write that found
   * another row there gives that row its cells back, and goes again where the record now is.
   * Returns each record's row index at the time of its write.
   */
  private async writeLocked(
    layout: TableRowsLayout,
    refs: readonly RecordRef[],
    indexes: number[],
    writeOf: (ref: RecordRef, i: number) => Pick<GuardedWrite, 'method' | 'values'>,
  ): Promise<number[]> {
    let pending = refs.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const writes: GuardedWrite[] = pending.map((i) => ({
        index: indexes[i],
        ...writeOf(refs[i], i),
        expected: (now) => idAndVersionOf(layout, now).id === refs[i].id && isLocked(layout, now),
      }));
      const results = await this.guarded(layout, writes);
      const missed = pending.filter((_, p) => !results[p].matched);
      if (missed.length === 0) return indexes;
      if (attempt >= 3) {
        throw new RelacjeError('unavailable', {
          detail: `${layout.table.tableName}: rows kept moving while they were saved`,
        });
      }
      await this.restoreRows(
        layout,
        pending.flatMap((i, p) =>
          results[p].matched || results[p].before.length === 0
            ? []
            : [{ write: writes[p], before: results[p].before }],
        ),
      );
      await this.relocate(layout, refs, indexes);
      pending = missed;
    }
    return indexes;
  }

  /** Puts back rows a write hit by mistake: their cells written over, or the row itself when deleted. */
  private async restoreRows(
    layout: TableRowsLayout,
    rows: readonly { write: GuardedWrite; before: readonly SheetValue[] }[],
  ): Promise<void> {
    const url = this.tableUrl(layout.table);
    const undo: SubRequest[] = [...rows]
      .sort((a, b) => a.write.index - b.write.index)
      .map(({ write, before }, i) =>
        write.method === 'DELETE'
          ? {
              id: `r${i}`,
              method: 'POST' as const,
              url: `${url}/rows`,
              body: { index: write.index, values: [before.map(literal)] },
            }
          : {
              id: `r${i}`,
              method: 'PATCH' as const,
              url: `${url}/rows/itemAt(index=${write.index})`,
              body: {
                values: [before.map((value, c) => (write.values?.[c] === null ? null : literal(value)))],
              },
            },
      );
    await this.inSession(async (headers) => {
      for (let i = 0; i < undo.length; i += MAX_BATCH) {
        for (const response of await this.transport.batch(undo.slice(i, i + MAX_BATCH), headers))
          this.bodyOf(response);
      }
    });
  }

  /**
   * Sends each write right after a read of its row, ten pairs per batch, so the read shows the
   * row as the write found it. Deletes go from the bottom up so that they do not move each other.
   */
  private async guarded(layout: TableRowsLayout, writes: readonly GuardedWrite[]): Promise<GuardedResult[]> {
    const url = this.tableUrl(layout.table);
    const results: GuardedResult[] = new Array(writes.length);
    const order = writes.map((_, i) => i).sort((a, b) => writes[b].index - writes[a].index);
    await this.inSession(async (headers) => {
      let pending = order.filter((i) => results[i] === undefined);
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        const retry: number[] = [];
        for (let p = 0; p < pending.length; p += MAX_BATCH / 2) {
          const group = pending.slice(p, p + MAX_BATCH / 2);
          const requests: SubRequest[] = group.flatMap((i) => {
            const row = `${url}/rows/itemAt(index=${writes[i].index})`;
            return [
              { id: `g${i}`, method: 'GET' as const, url: row },
              {
                id: `w${i}`,
                method: writes[i].method,
                url: row,
                ...(writes[i].values ? { body: { values: [writes[i].values] } } : {}),
                dependsOn: [`g${i}`],
              },
            ];
          });
          const responses = new Map((await this.transport.batch(requests, headers)).map((r) => [r.id, r]));
          for (const i of group) {
            const read = responses.get(`g${i}`)!;
            const write = responses.get(`w${i}`)!;
            // No row there any more (rows above it were removed): its write was not sent (424), nothing to retry.
            if (read.status === 404 && /itemnotfound/i.test(subFailure(read).code)) {
              results[i] = { before: [], matched: false };
              continue;
            }
            if (RETRYABLE_IN_BATCH.has(read.status) || RETRYABLE_IN_BATCH.has(write.status)) {
              if (attempt >= 5)
                throw productError(
                  subFailure(RETRYABLE_IN_BATCH.has(read.status) ? read : write),
                  this.resource,
                );
              // Not written (throttled, or its read was): the row is as it was, so the pair can go again.
              retry.push(i);
              continue;
            }
            const before = (this.bodyOf(read, layout.table) as { values: SheetValue[][] }).values[0];
            this.bodyOf(write, layout.table);
            results[i] = { before, matched: writes[i].expected(before) };
          }
        }
        if (retry.length === 0) break;
        await this.pause({ id: '', status: 429, headers: {} }, attempt);
        pending = retry;
      }
    });
    return results;
  }

  /**
   * Counters live in `_meta` as key/value rows. Graph has no conditional write, so the counter's
   * row is locked first (its third cell set to `COUNTER_LOCK`, read in the same batch), counted on
   * under the lock, and written with the lock cleared: two requests, and no number given twice.
   */
  nextCounter(name: string): Promise<number> {
    return this.enqueue(async () => {
      const key = `counter:${name}`;
      const waits = new LockWaits(() => this.now().getTime());
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const row = this.metaRows.get(key) ?? this.metaLastRow + 1;
        const address = `A${row}:C${row}`;
        const [before] = await this.compareAndSet(address, [[null, null, `'${COUNTER_LOCK}`]]);
        const beforeKey = String(before[0] ?? '');
        const ours = beforeKey === key || beforeKey === '';
        if (String(before[2] ?? '') === COUNTER_LOCK && !(ours && waits.abandoned(key))) {
          if (ours) {
            const wait = waits.next(Math.min(attempt, 5));
            if (wait === undefined) break;
            await this.sleep(wait);
          } else {
            await this.rereadMeta();
          }
          continue;
        }
        if (!ours) {
          // Another key's row: give its lock cell back, and learn where our key is now.
          await this.compareAndSet(address, [[null, null, literal(before[2] ?? '')]]);
          await this.rereadMeta();
          continue;
        }
        const value = (beforeKey === key && typeof before[1] === 'number' ? before[1] : 0) + 1;
        await this.writeCounter(address, key, value);
        this.metaRows.set(key, row);
        this.metaLastRow = Math.max(this.metaLastRow, row);
        this.meta.counters[name] = value;
        return value;
      }
      throw new RelacjeError('unavailable', { detail: `the counter ${name} is changing too often` });
    });
  }

  /** The counter's new value, its row unlocked; a lost answer is checked before writing again. */
  private async writeCounter(address: string, key: string, value: number): Promise<void> {
    const range = `${this.sheetUrl(META_SHEET)}/range(address='${address}')`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.inSession((headers) =>
          this.transport.send('PATCH', range, {
            body: { values: [[`'${key}`, value, '']] },
            headers,
            idempotent: false,
          }),
        );
        return;
      } catch (error) {
        if (!(error instanceof OutcomeUnknown) || attempt >= 3) throw error;
        // Still locked means not written (nobody else writes a row we hold); anything else means done.
        const now = await this.transport.send<{ values: SheetValue[][] }>('GET', range);
        if (String(now.values[0][2] ?? '') !== COUNTER_LOCK) return;
      }
    }
  }

  private async rereadMeta(): Promise<void> {
    const [answer] = await this.transport.batch([
      { id: 'meta', method: 'GET', url: `${this.sheetUrl(META_SHEET)}/usedRange(valuesOnly=true)` },
    ]);
    this.readMeta(answer);
  }

  private sleep(ms: number): Promise<void> {
    return (this.options.sleep ?? ((t: number) => new Promise((resolve) => setTimeout(resolve, t))))(ms);
  }

  /** Writes `values` to a range of `_meta` right after reading it, in one batch; returns what was there. */
  private async compareAndSet(address: string, values: SheetWrite[][]): Promise<SheetValue[][]> {
    const range = `${this.sheetUrl(META_SHEET)}/range(address='${address}')`;
    return this.inSession(async (headers) => {
      const [read, write] = await this.transport.batch(
        [
          { id: 'read', method: 'GET', url: range },
          { id: 'write', method: 'PATCH', url: range, body: { values }, dependsOn: ['read'] },
        ],
        headers,
      );
      const before = (this.bodyOf(read) as { values: SheetValue[][] }).values;
      this.bodyOf(write);
      return before;
    });
  }

  writeDashboard(cells: readonly DashboardCell[]): Promise<void> {
    return this.enqueue(async () => {
      const sheet = this.sheetUrl(DASHBOARD_SHEET);
      const used = await this.transport.send<{ address: string }>(
        'GET',
        `${sheet}/usedRange(valuesOnly=false)`,
      );
      const requests: SubRequest[] = [
        {
          id: 'clear',
          method: 'POST',
          url: `${sheet}/range(address='${used.address.split('!').pop()}')/clear`,
          body: {},
        },
      ];
      if (cells.length > 0) {
        const { address, grid } = dashboardGrid(cells);
        requests.push({
          id: 'write',
          method: 'PATCH',
          url: `${sheet}/range(address='${address}')`,
          body: { formulas: grid },
          dependsOn: ['clear'],
        });
      }
      await this.inSession(async (headers) => {
        for (const response of await this.transport.batch(requests, headers)) this.bodyOf(response);
      });
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.session) return;
      const session = this.session;
      this.session = undefined;
      await this.transport
        .send('POST', `${this.base}/closeSession`, {
          headers: { 'workbook-session-id': session },
          idempotent: true,
          once: true,
        })
        .catch(() => undefined);
    });
  }
}

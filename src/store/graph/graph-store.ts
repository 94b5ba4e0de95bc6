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
  BatchResult,
  DashboardCell,
  NewRecord,
  RecordFields,
  RecordRef,
  RecordUpdate,
  StoredRecord,
  TableChanges,
  WorkbookMeta,
  WorkbookSnapshot,
  WorkbookStore,
  ReadOptions,
} from '../port';
import { throwIfCancelled } from '../port';
import { WriteQueue } from '../write-queue';
import {
  appendsOf,
  changesOf,
  checkVersion,
  completeRecord,
  postImage,
  preparedBatch,
} from '../record-rules';
import { dashboardGrid } from '../dashboard-grid';
import { defaultMeta, metaOfRows } from '../meta-rows';
import {
  asStored,
  chunksBySize,
  claimFieldsOf,
  idAndVersionOf,
  layoutOf,
  schemaGapsOf,
  type SchemaGaps,
  literal,
  recordOfRow,
  recordsOfRows,
  rowOfFields,
  textLiteral,
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

/** A table's header row as Graph answers it. */
type HeaderRange = { address: string; values: SheetValue[][] };
import { isHeld, LOCK_RANGE, lockSlotOf, LockWaits, slotsWrite } from './row-locks';

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

/** One table's appends of a call: checked against the rows stored, not yet written. */
interface AppendStep {
  layout: TableRowsLayout;
  known: Map<string, KnownRow>;
  results: StoredRecord[];
  toWrite: StoredRecord[];
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
 * A counter row's third cell while one writer counts on; the same for every writer, so taking a
 * lock someone else holds writes what is already there (as the row locks, `row-locks.ts`).
 */
const COUNTER_LOCK = 'locked';

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
 * append is one request per table (chunked only by size); an update or delete of up to nine rows
 * is two batches: one takes the records' locks (in `_meta`, `row-locks.ts`) and reads their rows
 * under them, one writes the rows that had the expected version (each write again right after a
 * read of its row) and gives the locks back. A `write` over several tables is one more batch (the
 * versions of its updates and deletes, all tables at once) and then those same requests per table.
 */
export class GraphWorkbookStore implements WorkbookStore {
  readonly transport: GraphTransport;
  private readonly schema: WorkbookSchema;
  private readonly layouts = new Map<string, TableRowsLayout>();
  /** Tables a later schema added that the workbook (of an earlier one) lacks, as the last load found. */
  private absent = new Map<string, SchemaGaps>();
  private readonly known = new Map<string, Map<string, KnownRow>>();
  private meta: WorkbookMeta;
  private metaRows = new Map<string, number>();
  private metaLastRow = 1;
  private context: CellContext;
  private session: string | undefined;
  private readonly queue = new WriteQueue();
  private readonly base: string;
  private readonly now: () => Date;

  constructor(private readonly options: GraphStoreOptions) {
    this.transport = new GraphTransport(options);
    this.schema = options.schema ?? CURRENT_SCHEMA;
    this.base = `${options.workbook}/workbook`;
    this.meta = defaultMeta(this.schema.version, 'pl');
    this.context = createCellContext(this.schema, 'pl');
    this.now = options.now ?? (() => new Date());
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
    return this.queue.run(() => this.load(options));
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
    // Sizes first: the pages can be planned once the sizes are in; `_meta` and the headers that did
    // not fit the first batch go with the first pages (they are needed only to decode them).
    for (const table of tables) {
      byId.set(table.key, table);
      queue.addSmall({
        id: `n:${table.key}`,
        method: 'GET',
        url: `${this.tableUrl(table)}/dataBodyRange?$select=rowCount,columnCount`,
      });
    }
    queue.addSmall({
      id: 'meta',
      method: 'GET',
      url: `${this.sheetUrl(META_SHEET)}/usedRange(valuesOnly=true)`,
    });
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
    const mayBeAbsent = schemaGapsOf(1, this.schema).tables;
    const absent = new Set<string>();
    const headers = new Map<string, HeaderRange>();
    for (let batch = queue.next(), first = true; batch.length > 0; batch = queue.next(), first = false) {
      const answers = await this.readBatches(batch, signal);
      if (first && batch.every((r) => notFound(answers.get(r.id)!)))
        throw new RelacjeError('workbookNotFound', { file: this.resource });
      for (const request of batch) {
        const response = answers.get(request.id)!;
        const [kind, key, skip] = request.id.split(':');
        const table = byId.get(key)!;
        if (kind !== 'meta' && mayBeAbsent.has(key) && notFound(response)) {
          absent.add(key);
          if (kind === 'n') progress.counted(key, 0);
        } else if (kind === 'meta') this.readMeta(response);
        else if (kind === 'h') headers.set(key, this.bodyOf(response, table) as HeaderRange);
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
          // An empty table's data body is one blank row, so it counts as 1 until its read is complete.
          progress.counted(key, rows);
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
    // Only now is `_meta` in: a table or column a later schema added may be absent from a
    // workbook of an earlier one, which is read as it is (writes to what it lacks are refused).
    const gaps = schemaGapsOf(this.meta.schemaVersion, this.schema);
    const unexpected = [...absent].find((key) => !gaps.tables.has(key));
    if (unexpected) {
      const table = byId.get(unexpected)!;
      throw new RelacjeError('missingTable', {
        table: table.tableName,
        sheet: table.sheet[this.meta.locale],
      });
    }
    this.absent = new Map([...absent].map((key) => [key, gaps]));
    for (const [key, header] of headers)
      this.layouts.set(key, layoutOf(byId.get(key)!, header, this.meta.locale, gaps));
    const snapshot: Record<string, StoredRecord[]> = {};
    for (const table of tables) {
      if (absent.has(table.key)) {
        snapshot[table.key] = [];
        continue;
      }
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
    // Rows below the last key hold only row locks (`row-locks.ts`): new counters go right after the keys.
    let keyed = range.values.length;
    while (keyed > 0 && String(range.values[keyed - 1][0] ?? '') === '') keyed -= 1;
    const read = metaOfRows(range.values.slice(0, keyed), (range.rowIndex ?? 0) + 1, this.meta, {
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
    const { results } = await this.guarded(
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
    const gaps = this.absent.get(tableKey);
    if (gaps) {
      throw new RelacjeError('upgradeNeeded', {
        table: table.tableName,
        version: gaps.version,
        supported: gaps.supported,
      });
    }
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
    return this.queue.run(async () => {
      const stamp = this.now().toISOString();
      const step = await this.appendStep(tableByKey(this.schema, tableKey), records, stamp);
      await this.writeAppends(step);
      return step.results;
    });
  }

  /** The new records validated, and which of them to write: a record stored already is a retry or a `duplicateId`. */
  private async appendStep(
    table: TableSchema,
    records: readonly NewRecord[],
    stamp: string,
  ): Promise<AppendStep> {
    const prepared = records.map((input, index) =>
      completeRecord(table, this.schema, input, stamp, records.length > 1 ? index + 1 : undefined),
    );
    return this.appendStepOf(table, prepared);
  }

  private async appendStepOf(table: TableSchema, prepared: readonly StoredRecord[]): Promise<AppendStep> {
    const layout = await this.layout(table.key);
    let known = this.known.get(table.key);
    if (!known) {
      known = new Map(
        [...(await this.locate(layout))].map(([id, index]) => [
          id,
          { index, record: { id } as StoredRecord },
        ]),
      );
      this.known.set(table.key, known);
    }
    const { results, toWrite } = appendsOf(table, prepared, (id) => known.get(id)?.record);
    return { layout, known, results, toWrite };
  }

  /** The new rows in one request per table (chunked only by size). */
  private async writeAppends({ layout, known, toWrite }: AppendStep): Promise<void> {
    const limit = this.options.maxPayloadBytes ?? 3 * 2 ** 20;
    // Each row encoded once, for its size and for the request.
    const rows = new Map(toWrite.map((r) => [r, rowOfFields(layout, r, this.context, true)]));
    const sizeOf = (record: StoredRecord) => JSON.stringify(rows.get(record)).length * 2;
    for (const chunk of chunksBySize(toWrite, limit, sizeOf))
      await this.appendChunk(layout, chunk, known, rows);
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
    return this.queue.run(async () => {
      const table = tableByKey(this.schema, tableKey);
      const changes = changesOf(table, this.schema, updates, this.now().toISOString());
      return (await this.writeUpdates(await this.layout(tableKey), updates, changes)).records;
    });
  }

  /** The updates under row locks (`writeRows`); the records after them, and the rows before. */
  private async writeUpdates(
    layout: TableRowsLayout,
    updates: readonly RecordUpdate[],
    changes: readonly RecordFields[],
  ): Promise<{ records: StoredRecord[]; befores: SheetValue[][] }> {
    const befores = await this.writeRows(layout, updates, (update, i) => ({
      method: 'PATCH',
      values: rowOfFields(layout, changes[i], this.context, false),
    }));
    const known = this.known.get(layout.table.key)!;
    const records = befores.map(({ before, index }, i) => {
      const current = asStored(recordOfRow(layout, before, index, this.context) ?? {});
      const next = postImage(current, changes[i]);
      known.set(next.id, { index, record: next });
      return next;
    });
    return { records, befores: befores.map((b) => b.before) };
  }

  remove(tableKey: string, refs: readonly RecordRef[]): Promise<void> {
    return this.queue.run(async () => {
      await this.writeRemoves(await this.layout(tableKey), refs);
    });
  }

  /** Deletes under row locks (`writeRows`); the rows as they were. */
  private async writeRemoves(layout: TableRowsLayout, refs: readonly RecordRef[]): Promise<SheetValue[][]> {
    const deleted = await this.writeRows(layout, refs, () => ({ method: 'DELETE' }));
    const known = this.known.get(layout.table.key)!;
    for (const { index } of [...deleted].sort((a, b) => b.index - a.index)) {
      for (const [id, row] of known) {
        if (row.index === index) known.delete(id);
        else if (row.index > index) row.index -= 1;
      }
    }
    return deleted.map((d) => d.before);
  }

  /**
   * A batch over several tables. Every record is validated and every append's id checked first;
   * when the batch writes more than one table, every update's and delete's version is read too
   * (the id and version columns, one `$batch`), so a refusal anywhere writes nothing. Then the
   * updates and deletes, table by table under their row locks (`writeRows`, two requests each),
   * then the appends (one request per table); should a write fail midway, those before it are
   * taken back (new rows deleted, changed rows given their cells back, deleted rows appended
   * again), the way `importClients` once took back its appends.
   *
   * What real Graph cannot guarantee: it has no transaction across requests, so another reader can
   * see the batch half written until it is complete or taken back; a pane that stops (closed,
   * offline) between two writes leaves the batch half written, with nothing left to take it back;
   * a deleted row taken back returns at the end of its table, not where it was; a row someone else
   * changed meanwhile keeps their change, and its taking back fails (that failure is not reported,
   * the batch's own error is). A version changed by another writer between the check and the
   * write is found under the lock and takes the batch back like any other failure.
   */
  write(changes: readonly TableChanges[]): Promise<BatchResult[]> {
    return this.queue.run(async () => {
      const stamp = this.now().toISOString();
      const planned = preparedBatch(this.schema, changes, stamp);
      // Tables the batch appends nothing to need no look at their ids.
      const appends: (AppendStep | undefined)[] = [];
      for (const plan of planned)
        appends.push(plan.appends.length > 0 ? await this.appendStepOf(plan.table, plan.appends) : undefined);
      const writes =
        appends.filter((a) => a && a.toWrite.length > 0).length +
        planned.reduce((n, p) => n + (p.updates.length > 0 ? 1 : 0) + (p.removes.length > 0 ? 1 : 0), 0);
      if (writes > 1)
        await this.checkVersions(
          planned.map((p) => ({ table: p.table, refs: [...p.updates, ...p.removes] })),
        );
      const undo: (() => Promise<void>)[] = [];
      const updated: StoredRecord[][] = planned.map(() => []);
      try {
        for (const [t, plan] of planned.entries()) {
          const layout = await this.layout(plan.table.key);
          if (plan.updates.length > 0) {
            const { records, befores } = await this.writeUpdates(layout, plan.updates, plan.changes);
            updated[t] = records;
            undo.push(() => this.restoreUpdated(layout, records, befores));
          }
          if (plan.removes.length > 0) {
            const befores = await this.writeRemoves(layout, plan.removes);
            undo.push(() => this.restoreRemoved(layout, befores));
          }
        }
        for (const step of appends) {
          if (!step || step.toWrite.length === 0) continue;
          undo.push(() =>
            this.writeRemoves(
              step.layout,
              step.toWrite.map((r) => ({ id: r.id, expectedVersion: 1 })),
            ).then(() => undefined),
          );
          await this.writeAppends(step);
        }
      } catch (error) {
        for (const step of undo.reverse()) await step().catch(() => undefined);
        throw error;
      }
      return planned.map((plan, t) => ({
        table: plan.key,
        appended: appends[t]?.results ?? [],
        updated: updated[t],
      }));
    });
  }

  /** Reads the id and version columns of these tables in one `$batch` and checks every version. */
  private async checkVersions(
    groups: readonly { table: TableSchema; refs: readonly RecordRef[] }[],
  ): Promise<void> {
    const checked = groups.filter((g) => g.refs.length > 0);
    const layouts: TableRowsLayout[] = [];
    for (const { table } of checked) layouts.push(await this.layout(table.key));
    const column = (layout: TableRowsLayout, key: string): SubRequest => ({
      id: `${key}:${layout.table.key}`,
      method: 'GET',
      url: `${this.tableUrl(layout.table)}/columns('${encodeURIComponent(layout.headers[layout.indexByKey.get(key)!])}')`,
    });
    const answers = await this.readBatches(
      layouts.flatMap((layout) => [column(layout, 'id'), column(layout, 'version')]),
    );
    checked.forEach(({ table, refs }) => {
      const values = (key: string) =>
        (this.bodyOf(answers.get(`${key}:${table.key}`)!, table) as { values: SheetValue[][] }).values.slice(
          1,
        );
      const versions = values('version');
      const found = new Map<string, number>();
      values('id').forEach(([id], i) => {
        if (id !== '' && !found.has(String(id))) found.set(String(id), Number(versions[i]?.[0]));
      });
      for (const ref of refs) {
        const version = found.get(ref.id);
        checkVersion(table, ref, version === undefined ? undefined : { version });
      }
    });
  }

  /** Gives updated rows their cells back (ours only: the user's columns were never written). */
  private async restoreUpdated(
    layout: TableRowsLayout,
    records: readonly StoredRecord[],
    befores: readonly SheetValue[][],
  ): Promise<void> {
    const ours = new Set(layout.indexByKey.values());
    await this.writeRows(
      layout,
      records.map((r) => ({ id: r.id, expectedVersion: r.version })),
      (_, i) => ({ method: 'PATCH', values: befores[i].map((v, c) => (ours.has(c) ? literal(v) : null)) }),
    );
    this.known.delete(layout.table.key);
  }

  /** Puts deleted rows back, at the end of their table (Graph cannot insert them where they were and keep others' indexes). */
  private async restoreRemoved(layout: TableRowsLayout, befores: readonly SheetValue[][]): Promise<void> {
    await this.inSession((headers) =>
      this.transport.send('POST', `${this.tableUrl(layout.table)}/rows`, {
        body: { index: null, values: befores.map((row) => row.map(literal)) },
        headers,
        idempotent: false,
      }),
    );
    this.known.delete(layout.table.key);
  }

  /**
   * Writes to the rows of these records, each only while it still has the version the caller
   * read: all or nothing. Graph has no conditional write, so the records are first locked (in
   * `_meta`, see `row-locks.ts`) with their rows read under the lock in the same batch, checked,
   * and only then written, the locks given back in the write's own batch: two batches for up to
   * nine rows. The rows' own cells change only by the write itself.
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
    const written: { before: SheetValue[]; index: number }[] = new Array(refs.length);
    const waits = new LockWaits(() => this.now().getTime());
    let pending = refs.map((_, i) => i);
    for (let attempt = 0, moves = 0; pending.length > 0; attempt += 1) {
      if (pending.some((i) => indexes[i] === undefined)) await this.relocate(layout, refs, indexes);
      const slots = [...new Set(pending.map((i) => lockSlotOf(table.tableName, refs[i].id)))];
      const { taken, blocked, befores } = await this.lockAndRead(
        layout,
        slots,
        pending.map((i) => indexes[i]!),
        waits,
      );
      let held = taken;
      try {
        if (blocked.length > 0) {
          await this.unlockSlots(held);
          held = [];
          const wait = waits.next(attempt);
          if (wait === undefined) {
            const waiting = pending.find((i) => blocked.includes(lockSlotOf(table.tableName, refs[i].id)))!;
            throw new RelacjeError('unavailable', {
              detail: `${table.tableName}, ${refs[waiting].id}: another user is saving this row`,
            });
          }
          await this.sleep(wait);
          continue;
        }
        const moved = pending.findIndex(
          (i, p) => befores[p].length === 0 || idAndVersionOf(layout, befores[p]).id !== refs[i].id,
        );
        if (moved >= 0) {
          // Rows above it were removed or put back meanwhile: find it again, then lock afresh.
          if (moves++ >= 2)
            throw new RelacjeError('recordNotFound', { table: table.tableName, id: refs[pending[moved]].id });
          await this.unlockSlots(held);
          held = [];
          await this.relocate(layout, refs, indexes);
          continue;
        }
        const stale = pending.findIndex(
          (i, p) => idAndVersionOf(layout, befores[p]).version !== refs[i].expectedVersion,
        );
        if (stale >= 0) {
          const ref = refs[pending[stale]];
          throw new RelacjeError('conflict', {
            table: table.tableName,
            id: ref.id,
            expectedVersion: ref.expectedVersion,
            actualVersion: idAndVersionOf(layout, befores[stale]).version,
          });
        }
        const result = await this.writeLocked(layout, refs, pending, indexes, writeOf, held);
        if (result.unlocked) held = [];
        pending.forEach((i, p) => {
          if (!result.missed.includes(i)) written[i] = { before: befores[p], index: indexes[i]! };
        });
        if (result.missed.length > 0) {
          if (moves++ >= 2) {
            throw new RelacjeError('unavailable', {
              detail: `${table.tableName}: rows kept moving while they were saved`,
            });
          }
          await this.unlockSlots(held);
          held = [];
          await this.relocate(layout, refs, indexes);
        }
        pending = result.missed;
      } finally {
        // Whatever went wrong, locks this call still holds are given back (or left to their lease).
        if (held.length > 0) await this.unlockSlots(held).catch(() => undefined);
      }
    }
    return written;
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

  private get lockRange(): string {
    return `${this.sheetUrl(META_SHEET)}/range(address='${LOCK_RANGE}')`;
  }

  /**
   * Takes the lock slots, reading them just before (so each writer learns which were free), and
   * reads the rows under the locks, in one batch. `taken`: the slots this call holds now (free, or
   * held past their lease and taken over); `blocked`: those another writer holds.
   */
  private async lockAndRead(
    layout: TableRowsLayout,
    slots: readonly number[],
    indexes: readonly number[],
    waits: LockWaits,
  ): Promise<{ taken: number[]; blocked: number[]; befores: SheetValue[][] }> {
    const url = this.tableUrl(layout.table);
    const rowRead = (index: number, p: number): SubRequest => ({
      id: `g${p}`,
      method: 'GET',
      url: `${url}/rows/itemAt(index=${index})`,
      dependsOn: ['lock'],
    });
    const inLockBatch = MAX_BATCH - 2;
    return this.inSession(async (headers) => {
      let responses: Map<string, SubResponse>;
      for (let attempt = 0; ; attempt += 1) {
        const requests: SubRequest[] = [
          { id: 'locks', method: 'GET', url: this.lockRange },
          {
            id: 'lock',
            method: 'PATCH',
            url: this.lockRange,
            body: { values: slotsWrite(slots, 'held') },
            dependsOn: ['locks'],
          },
          ...indexes.slice(0, inLockBatch).map(rowRead),
        ];
        responses = new Map((await this.transport.batch(requests, headers)).map((r) => [r.id, r]));
        const failed = [responses.get('locks')!, responses.get('lock')!].find((r) =>
          RETRYABLE_IN_BATCH.has(r.status),
        );
        if (!failed) break;
        // Throttled before the lock was written: nothing changed, the batch can go again.
        if (attempt >= 5) throw productError(subFailure(failed), this.resource);
        await this.pause(failed, attempt);
      }
      const before = (this.bodyOf(responses.get('locks')!) as { values: SheetValue[][] }).values;
      this.bodyOf(responses.get('lock')!);
      const taken: number[] = [];
      const blocked: number[] = [];
      for (const slot of slots) {
        const free = !isHeld(before, slot) || waits.abandoned(`slot:${slot}`);
        (free ? taken : blocked).push(slot);
      }
      // Rows the lock batch had no room for, or whose read was throttled, are read now, still under the locks.
      const again = indexes
        .map(rowRead)
        .filter((request, p) => p >= inLockBatch || RETRYABLE_IN_BATCH.has(responses.get(request.id)!.status))
        .map(({ id, method, url: rowUrl }) => ({ id, method, url: rowUrl }));
      for (const [id, response] of await this.readBatches(again)) responses.set(id, response);
      const befores = indexes.map((_, p) => {
        const read = responses.get(`g${p}`)!;
        // No row there any more (rows above it were removed): the record is to be found again.
        if (read.status === 404 && /itemnotfound/i.test(subFailure(read).code)) return [];
        return (this.bodyOf(read, layout.table) as { values: SheetValue[][] }).values[0];
      });
      return { taken, blocked, befores };
    });
  }

  /** Gives lock slots back. A lost answer leaves them to their lease rather than risk a lock taken since. */
  private async unlockSlots(slots: readonly number[]): Promise<void> {
    if (slots.length === 0) return;
    try {
      await this.inSession((headers) =>
        this.transport.send('PATCH', this.lockRange, {
          body: { values: slotsWrite(slots, 'free') },
          headers,
          idempotent: false,
        }),
      );
    } catch (error) {
      if (!(error instanceof OutcomeUnknown)) throw error;
    }
  }

  /**
   * Writes rows this call holds locked, each in a batch right after a read that shows it still is
   * the record's row with the version checked (only a delete of a row above can move it
   * meanwhile). Up to nine rows, the locks are given back in the same batch, after the writes.
   * A write that found another row there gives that row its cells back; it is `missed`.
   */
  private async writeLocked(
    layout: TableRowsLayout,
    refs: readonly RecordRef[],
    pending: readonly number[],
    indexes: readonly (number | undefined)[],
    writeOf: (ref: RecordRef, i: number) => Pick<GuardedWrite, 'method' | 'values'>,
    held: readonly number[],
  ): Promise<{ missed: number[]; unlocked: boolean }> {
    const writes: GuardedWrite[] = pending.map((i) => ({
      index: indexes[i]!,
      ...writeOf(refs[i], i),
      expected: (now) => {
        const row = idAndVersionOf(layout, now);
        return row.id === refs[i].id && row.version === refs[i].expectedVersion;
      },
    }));
    const unlock: SubRequest | undefined =
      held.length > 0 && writes.length <= (MAX_BATCH - 1) / 2
        ? { id: 'unlock', method: 'PATCH', url: this.lockRange, body: { values: slotsWrite(held, 'free') } }
        : undefined;
    const { results, trailer } = await this.guarded(layout, writes, unlock);
    const missed = pending.filter((_, p) => !results[p].matched);
    await this.restoreRows(
      layout,
      pending.flatMap((_, p) =>
        results[p].matched || results[p].before.length === 0
          ? []
          : [{ write: writes[p], before: results[p].before }],
      ),
    );
    return { missed, unlocked: trailer !== undefined && trailer.status >= 200 && trailer.status < 300 };
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
   * `after` rides in the batch of up to nine pairs, after their writes, and only on the first try.
   */
  private async guarded(
    layout: TableRowsLayout,
    writes: readonly GuardedWrite[],
    after?: SubRequest,
  ): Promise<{ results: GuardedResult[]; trailer?: SubResponse }> {
    const url = this.tableUrl(layout.table);
    const results: GuardedResult[] = new Array(writes.length);
    let trailer: SubResponse | undefined;
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
          // Sent once, after every write of the batch (so a write that failed keeps it from running).
          const last = attempt === 0 && after && pending.length <= (MAX_BATCH - 1) / 2;
          if (last) requests.push({ ...after, dependsOn: group.map((i) => `w${i}`) });
          const responses = new Map((await this.transport.batch(requests, headers)).map((r) => [r.id, r]));
          if (last) trailer = responses.get(after.id);
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
    return { results, trailer };
  }

  /**
   * Counters live in `_meta` as key/value rows. Graph has no conditional write, so the counter's
   * row is locked first (its third cell set to `COUNTER_LOCK`, read in the same batch), counted on
   * under the lock, and written with the lock cleared: two requests, and no number given twice.
   */
  nextCounter(name: string): Promise<number> {
    return this.queue.run(async () => {
      const key = `counter:${name}`;
      const waits = new LockWaits(() => this.now().getTime());
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const row = this.metaRows.get(key) ?? this.metaLastRow + 1;
        const address = `A${row}:C${row}`;
        const [before] = await this.compareAndSet(address, [[null, null, textLiteral(COUNTER_LOCK)]]);
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
            body: { values: [[textLiteral(key), value, '']] },
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
    return this.queue.run(async () => {
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
    return this.queue.run(async () => {
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

import { columnLetters, columnNumber } from '../../core/cell-address';
import { createCellContext, type CellContext } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import { isLocale } from '../../core/i18n';
import { validateRecord } from '../../core/records';
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
} from '../port';
import {
  asStored,
  idAndVersionOf,
  layoutOf,
  recordOfRow,
  rowOfFields,
  type GraphTableLayout,
  type GraphValue,
  type GraphWrite,
} from './graph-rows';
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
} from './graph-transport';

export interface GraphStoreOptions extends GraphTransportOptions {
  /**
   * The workbook's drive item, e.g. `/me/drive/root:/Relacje/klienci.xlsx:`,
   * `/drives/{drive-id}/items/{item-id}` or `/sites/{site-id}/drive/items/{item-id}`.
   */
  workbook: string;
  schema?: WorkbookSchema;
  /** Rows per request when reading a table (default 5,000). */
  pageSize?: number;
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
  values?: GraphWrite[];
  /** Whether the row, as it was just before the write, is the one the caller meant. */
  expected(before: readonly GraphValue[]): boolean;
}

interface GuardedResult {
  before: GraphValue[];
  matched: boolean;
}

const WORKBOOK_PATH =
  /^\/(me\/drive\/root:\/.+:|(me\/drive|drives\/[^/]+|sites\/[^/]+\/drive)\/items\/[^/:]+|sites\/[^/]+\/drive\/root:\/.+:)$/;
const RETRYABLE_IN_BATCH = new Set([424, 429, 503]);
const TRACKING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

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
 * Round trips per action: a full load is one `$batch` per 20 reads (a header and a page per
 * table, and `_meta`), plus a batch per further page round for tables longer than a page; an
 * append is one request per table (chunked only by size); an update or delete of up to ten rows
 * is one batch (each write guarded by a read of its row just before it).
 */
export class GraphWorkbookStore implements WorkbookStore {
  readonly transport: GraphTransport;
  private readonly schema: WorkbookSchema;
  private readonly layouts = new Map<string, GraphTableLayout>();
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

  readAll(): Promise<WorkbookSnapshot> {
    return this.enqueue(() => this.load());
  }

  private async load(): Promise<WorkbookSnapshot> {
    const page = this.options.pageSize ?? 5000;
    const tables = this.schema.tables;
    const requests: SubRequest[] = [
      { id: 'meta', method: 'GET', url: `${this.sheetUrl(META_SHEET)}/usedRange(valuesOnly=true)` },
    ];
    for (const table of tables) {
      requests.push({ id: `h:${table.key}`, method: 'GET', url: `${this.tableUrl(table)}/headerRowRange` });
      requests.push({
        id: `r:${table.key}:0`,
        method: 'GET',
        url: `${this.tableUrl(table)}/rows?$top=${page}&$skip=0`,
      });
    }
    const rows = new Map<string, GraphValue[][]>(tables.map((t) => [t.key, []]));
    const answers = await this.readBatches(requests);
    const notFound = (r: SubResponse) => r.status === 404 && /itemnotfound/i.test(subFailure(r).code);
    if ([...answers.values()].every(notFound))
      throw new RelacjeError('workbookNotFound', { file: this.resource });
    this.readMeta(answers.get('meta')!);
    for (const table of tables) {
      this.layouts.set(
        table.key,
        layoutOf(table, this.bodyOf(answers.get(`h:${table.key}`)!, table) as never),
      );
    }
    // Tables longer than a page are read on, a page per table per round, all rounds batched.
    let pending = tables.map((t) => ({ table: t, skip: 0, answer: answers.get(`r:${t.key}:0`)! }));
    while (pending.length > 0) {
      // The tables whose last page was full, and where their next page starts.
      const next: { table: TableSchema; skip: number }[] = [];
      for (const { table, skip, answer } of pending) {
        const got = (this.bodyOf(answer, table) as { value: { values: GraphValue[][] }[] }).value.map(
          (r) => r.values[0],
        );
        rows.get(table.key)!.push(...got);
        if (got.length === page) next.push({ table, skip: skip + page });
      }
      const pageId = (t: TableSchema, skip: number) => `r:${t.key}:${skip}`;
      const more = await this.readBatches(
        next.map(({ table, skip }) => ({
          id: pageId(table, skip),
          method: 'GET' as const,
          url: `${this.tableUrl(table)}/rows?$top=${page}&$skip=${skip}`,
        })),
      );
      pending = next.map(({ table, skip }) => ({ table, skip, answer: more.get(pageId(table, skip))! }));
    }
    const snapshot: Record<string, StoredRecord[]> = {};
    for (const table of tables) snapshot[table.key] = await this.decodeTable(table, rows.get(table.key)!);
    const { counters, ...meta } = this.meta;
    return { meta: { ...meta, counters: { ...counters } }, tables: snapshot };
  }

  private async readBatches(requests: readonly SubRequest[]): Promise<Map<string, SubResponse>> {
    const answers = new Map<string, SubResponse>();
    // One batch after another: Microsoft advises against parallel requests to one workbook.
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      let chunk = requests.slice(i, i + MAX_BATCH);
      for (let attempt = 0; chunk.length > 0; attempt += 1) {
        const responses = await this.transport.batch(chunk);
        const throttled = responses.filter((r) => RETRYABLE_IN_BATCH.has(r.status));
        for (const r of responses) if (!RETRYABLE_IN_BATCH.has(r.status)) answers.set(r.id, r);
        if (throttled.length === 0) break;
        if (attempt >= 5) throw productError(subFailure(throttled[0]), this.resource);
        await this.pause(throttled[0], attempt);
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
    const range = this.bodyOf(response) as { values: GraphValue[][]; rowIndex?: number };
    const meta: WorkbookMeta = { ...this.meta, counters: {} };
    this.metaRows = new Map();
    const firstRow = (range.rowIndex ?? 0) + 1;
    range.values.forEach(([key, value], i) => {
      const name = String(key).trim();
      this.metaRows.set(name, firstRow + i);
      if (name === 'schemaVersion' && typeof value === 'number') meta.schemaVersion = value;
      else if (name === 'locale' && isLocale(value)) meta.locale = value;
      else if (name === 'offerNumberFormat' && typeof value === 'string' && value)
        meta.offerNumberFormat = value;
      else if (name.startsWith('counter:') && typeof value === 'number') meta.counters[name.slice(8)] = value;
    });
    this.metaLastRow = firstRow + range.values.length - 1;
    if (meta.schemaVersion > this.schema.version) {
      throw new RelacjeError('newerSchema', {
        file: this.resource,
        version: meta.schemaVersion,
        supported: this.schema.version,
      });
    }
    delete meta.counters._journal;
    this.meta = meta;
    this.context = createCellContext(this.schema, meta.locale);
  }

  private async decodeTable(table: TableSchema, rows: GraphValue[][]): Promise<StoredRecord[]> {
    const layout = this.layouts.get(table.key)!;
    const known = new Map<string, KnownRow>();
    const records: StoredRecord[] = [];
    const unclaimed: { index: number; record: RecordFields }[] = [];
    rows.forEach((values, index) => {
      const record = recordOfRow(layout, values, index, this.context);
      if (!record) return;
      const twin = typeof record.id === 'string' ? known.get(record.id) : undefined;
      // A second row identical to one already read, tracking fields included, is a write that
      // was applied twice (its first answer was lost and it arrived late): it is not a record.
      if (twin && sameRow(layout.table, twin.record, record)) return;
      if (typeof record.id !== 'string' || record.id === '' || twin) {
        unclaimed.push({ index, record });
        return;
      }
      const stored = asStored(record);
      known.set(stored.id, { index, record: stored });
      records.push(stored);
    });
    this.known.set(table.key, known);
    if (unclaimed.length) records.push(...(await this.claimRows(layout, unclaimed)));
    return records;
  }

  /**
   * Rows typed into the sheet by hand (or copied, with their original's id) get an id and
   * tracking fields of their own, written back so that they can be updated by id from now on.
   */
  private async claimRows(
    layout: GraphTableLayout,
    rows: { index: number; record: RecordFields }[],
  ): Promise<StoredRecord[]> {
    const stamp = this.now().toISOString();
    const claimed = rows.map(({ index, record }) => {
      const fields: RecordFields = {
        id: globalThis.crypto.randomUUID(),
        version: typeof record.version === 'number' ? record.version : 1,
        createdAt: typeof record.createdAt === 'string' ? record.createdAt : stamp,
        updatedAt: stamp,
      };
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

  private async layout(tableKey: string): Promise<GraphTableLayout> {
    const table = tableByKey(this.schema, tableKey);
    const cached = this.layouts.get(tableKey);
    if (cached) return cached;
    const header = await this.transport.send<{ address: string; values: GraphValue[][] }>(
      'GET',
      `${this.tableUrl(table)}/headerRowRange`,
    );
    const layout = layoutOf(table, header);
    this.layouts.set(tableKey, layout);
    return layout;
  }

  /** The ids of a table and their row indexes, read fresh from the workbook's id column. */
  private async locate(layout: GraphTableLayout): Promise<Map<string, number>> {
    const header = layout.headers[layout.indexByKey.get('id')!];
    const column = await this.transport.send<{ values: GraphValue[][] }>(
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
      for (const chunk of this.chunksBySize(layout, toWrite)) await this.appendChunk(layout, chunk, known);
      return results;
    });
  }

  private chunksBySize(layout: GraphTableLayout, records: readonly StoredRecord[]): StoredRecord[][] {
    const limit = this.options.maxPayloadBytes ?? 3 * 2 ** 20;
    const chunks: StoredRecord[][] = [];
    let current: StoredRecord[] = [];
    let bytes = 0;
    for (const record of records) {
      const size = JSON.stringify(rowOfFields(layout, record, this.context, true)).length * 2;
      if (current.length > 0 && bytes + size > limit) {
        chunks.push(current);
        current = [];
        bytes = 0;
      }
      current.push(record);
      bytes += size;
    }
    if (current.length) chunks.push(current);
    return chunks;
  }

  /** Appends rows in one request. When its answer is lost, the id column tells what was written, and only the rest is sent again. */
  private async appendChunk(
    layout: GraphTableLayout,
    chunk: StoredRecord[],
    known: Map<string, KnownRow>,
  ): Promise<void> {
    let remaining = chunk;
    for (let attempt = 0; remaining.length > 0; attempt += 1) {
      try {
        const answer = await this.inSession((headers) =>
          this.transport.send<{ index: number }>('POST', `${this.tableUrl(layout.table)}/rows`, {
            body: { index: null, values: remaining.map((r) => rowOfFields(layout, r, this.context, true)) },
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
      const changes = updates.map((update) => {
        const checked = validateRecord(table, update.changes, { mode: 'update', schema: this.schema });
        if (!checked.ok)
          throw new RelacjeError('invalidRecord', { table: table.tableName, issues: checked.issues });
        return { ...checked.record, version: update.expectedVersion + 1, updatedAt: stamp };
      });
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
   * read. Row positions come from the last read and are checked by the guarding read; a row that
   * moved is looked up once more. When any record is missing or newer, whatever was written in
   * this call is put back and the call fails: all or nothing.
   */
  private async writeRows(
    layout: GraphTableLayout,
    refs: readonly RecordRef[],
    writeOf: (ref: RecordRef, i: number) => Pick<GuardedWrite, 'method' | 'values'>,
  ): Promise<{ before: GraphValue[]; index: number }[]> {
    const table = layout.table;
    let known = this.known.get(table.key);
    if (!known) {
      known = new Map();
      this.known.set(table.key, known);
    }
    for (let attempt = 0; ; attempt += 1) {
      const indexes = refs.map((ref) => known.get(ref.id)?.index);
      if (indexes.some((i) => i === undefined) || attempt > 0) {
        const located = await this.locate(layout);
        refs.forEach((ref, i) => (indexes[i] = located.get(ref.id)));
        const missing = refs.find((_, i) => indexes[i] === undefined);
        if (missing) throw new RelacjeError('recordNotFound', { table: table.tableName, id: missing.id });
      }
      const writes: GuardedWrite[] = refs.map((ref, i) => ({
        index: indexes[i]!,
        ...writeOf(ref, i),
        expected: (before) => {
          const row = idAndVersionOf(layout, before);
          return row.id === ref.id && row.version === ref.expectedVersion;
        },
      }));
      const results = await this.guarded(layout, writes);
      if (results.every((r) => r.matched))
        return results.map((r, i) => ({ before: r.before, index: writes[i].index }));
      await this.putBack(layout, writes, results);
      const moved = results.some((r, i) => idAndVersionOf(layout, r.before).id !== refs[i].id);
      if (!moved || attempt >= 1) {
        const i = results.findIndex((r) => !r.matched);
        const row = idAndVersionOf(layout, results[i].before);
        if (row.id !== refs[i].id)
          throw new RelacjeError('recordNotFound', { table: table.tableName, id: refs[i].id });
        throw new RelacjeError('conflict', {
          table: table.tableName,
          id: refs[i].id,
          expectedVersion: refs[i].expectedVersion,
          actualVersion: row.version,
        });
      }
    }
  }

  /** Undoes the writes of a failed call: a row written over gets its cells back, a deleted row comes back in its place. */
  private async putBack(
    layout: GraphTableLayout,
    writes: readonly GuardedWrite[],
    results: readonly GuardedResult[],
  ): Promise<void> {
    const url = this.tableUrl(layout.table);
    const undo: SubRequest[] = writes
      .map((write, i) => ({ write, before: results[i].before, i }))
      .sort((a, b) => a.write.index - b.write.index)
      .map(({ write, before, i }) =>
        write.method === 'DELETE'
          ? {
              id: `u${i}`,
              method: 'POST' as const,
              url: `${url}/rows`,
              body: { index: write.index, values: [before] },
            }
          : {
              id: `u${i}`,
              method: 'PATCH' as const,
              url: `${url}/rows/itemAt(index=${write.index})`,
              body: { values: [before.map(literal)] },
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
  private async guarded(layout: GraphTableLayout, writes: readonly GuardedWrite[]): Promise<GuardedResult[]> {
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
            if (read.status === 404 && /itemnotfound/i.test(subFailure(read).code)) {
              results[i] = { before: [], matched: false };
              continue;
            }
            const before = (this.bodyOf(read, layout.table) as { values: GraphValue[][] }).values[0];
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

  nextCounter(name: string): Promise<number> {
    return this.enqueue(async () => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const key = `counter:${name}`;
        const row = this.metaRows.get(key) ?? this.metaLastRow + 1;
        const expected = this.meta.counters[name];
        const value = (expected ?? 0) + 1;
        const address = `A${row}:B${row}`;
        const [before] = await this.compareAndSet(address, [[key, value]]);
        const beforeKey = String(before[0]);
        const beforeValue = before[1];
        const matched =
          expected === undefined ? beforeKey === '' : beforeKey === key && beforeValue === expected;
        this.metaRows.set(key, row);
        this.metaLastRow = Math.max(this.metaLastRow, row);
        if (matched) {
          this.meta.counters[name] = value;
          return value;
        }
        // Someone counted meanwhile: their value goes back (ours was written over it) and we count on from it.
        if (beforeKey !== '') await this.compareAndSet(address, [before.map(literal)]);
        if (beforeKey === key && typeof beforeValue === 'number') {
          this.meta.counters[name] = beforeValue;
        } else if (beforeKey !== key) {
          // The row we took for a new counter is another key's: look further down next time.
          this.metaRows.delete(key);
          this.metaLastRow = row;
        }
      }
      throw new RelacjeError('unavailable', { detail: `the counter ${name} is changing too often` });
    });
  }

  /** Writes `values` to a range of `_meta` right after reading it, in one batch; returns what was there. */
  private async compareAndSet(address: string, values: GraphWrite[][]): Promise<GraphValue[][]> {
    const range = `${this.sheetUrl(META_SHEET)}/range(address='${address}')`;
    return this.inSession(async (headers) => {
      const [read, write] = await this.transport.batch(
        [
          { id: 'read', method: 'GET', url: range },
          { id: 'write', method: 'PATCH', url: range, body: { values }, dependsOn: ['read'] },
        ],
        headers,
      );
      const before = (this.bodyOf(read) as { values: GraphValue[][] }).values;
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

/** A value read back, as it must be written to stay what it is (text stays text). */
function literal(value: GraphValue): GraphWrite {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

function completeRecord(
  table: TableSchema,
  schema: WorkbookSchema,
  input: NewRecord,
  stamp: string,
  row?: number,
): StoredRecord {
  const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = input;
  const checked = validateRecord(table, { id, ...fields }, { mode: 'create', schema });
  if (!checked.ok)
    throw new RelacjeError('invalidRecord', { table: table.tableName, issues: checked.issues, row });
  const record: RecordFields = {};
  for (const column of table.columns) record[column.key] = checked.record[column.key] ?? null;
  return asStored({ ...record, version: 1, createdAt: stamp, updatedAt: stamp });
}

function sameRow(table: TableSchema, a: RecordFields, b: RecordFields): boolean {
  return table.columns.every((c) => (a[c.key] ?? null) === (b[c.key] ?? null));
}

function sameFields(table: TableSchema, a: RecordFields, b: RecordFields): boolean {
  return table.columns.every(
    (c) => TRACKING.has(c.key) || c.key === 'id' || (a[c.key] ?? null) === (b[c.key] ?? null),
  );
}

const CELL_REF = /^([A-Z]{1,3})(\d{1,7})$/;

/** The smallest range holding every Dashboard cell, and its formulas grid (`""` where nothing goes). */
function dashboardGrid(cells: readonly DashboardCell[]): { address: string; grid: GraphWrite[][] } {
  const placed = cells.map((cell) => {
    const m = CELL_REF.exec(cell.ref.toUpperCase());
    if (!m) throw new Error(`Not a cell address: ${cell.ref}`);
    return { row: Number(m[2]), col: columnNumber(m[1]), cell };
  });
  const top = Math.min(...placed.map((p) => p.row));
  const bottom = Math.max(...placed.map((p) => p.row));
  const left = Math.min(...placed.map((p) => p.col));
  const right = Math.max(...placed.map((p) => p.col));
  const grid: GraphWrite[][] = Array.from({ length: bottom - top + 1 }, () =>
    Array.from({ length: right - left + 1 }, () => ''),
  );
  for (const { row, col, cell } of placed) {
    const value = cell.formula !== undefined ? `=${cell.formula.replace(/^=/, '')}` : cell.value;
    grid[row - top][col - left] =
      value === null || value === undefined ? '' : typeof value === 'string' ? `'${value}` : value;
  }
  return { address: `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`, grid };
}

import { createCellContext, type CellContext } from '../../core/cells';
import { isRelacjeError, RelacjeError } from '../../core/errors';
import {
  CURRENT_SCHEMA,
  DASHBOARD_SHEET,
  META_SHEET,
  type TableSchema,
  type WorkbookSchema,
} from '../../core/schema';
import { dashboardGrid } from '../dashboard-grid';
import { defaultMeta, metaOfRows } from '../meta-rows';
import type {
  BatchResult,
  DashboardCell,
  StoredRecord,
  TableChanges,
  WorkbookMeta,
  WorkbookSnapshot,
  WorkbookStore,
  ReadOptions,
} from '../port';
import { throwIfCancelled } from '../port';
import { WriteQueue } from '../write-queue';
import { appendsOf, BatchWritingStore, checkVersion, postImage, preparedBatch } from '../record-rules';
import {
  asStored,
  claimFieldsOf,
  idAndVersionOf,
  layoutOf,
  recordOfRow,
  recordsOfRows,
  rowOfFields,
  textLiteral,
  chunksBySize,
  utf8Length,
  type IndexedRecord,
  type SheetValue,
  type TableRowsLayout,
} from '../table-rows';
import { isItemNotFound, isResponseTooLarge, officeFailure } from './office-errors';
import { guardedRowWrites, LARGE_WRITE_ROWS, type RowWrite } from './row-writes';
import { upgradeOlderWorkbook } from './schema-upgrade';

/** The shape of `Excel.run`: the host passes Excel's own, tests a model of it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeJsStoreOptions {
  run: ExcelRun;
  schema?: WorkbookSchema;
  now?: () => Date;
  /**
   * Appended rows go to Excel in requests of at most this many bytes of values (default 4 MiB):
   * Excel on the web refuses a request above 5 MB.
   */
  maxPayloadBytes?: number;
  /** Cells per sync when a full read is too large to come in one answer (default 100,000). */
  maxCellsPerRead?: number;
  /** How errors name the workbook (default `Excel`). */
  workbookName?: string;
}

/** A store over the workbook open in Excel, through Office.js. */
export function openOfficeJsStore(options: OfficeJsStoreOptions): WorkbookStore {
  return new OfficeJsWorkbookStore(options);
}

const TRACKED_COLUMNS = ['id', 'version'] as const;
// At 30 bytes a cell as JSON, an average for our tables, a block is 3 MB: under the web's 5 MB.
const DEFAULT_CELLS_PER_READ = 100_000;

function blockCells(block: { range: number; rows: number }, ranges: readonly Excel.Range[]): number {
  return block.rows * ranges[block.range].columnCount;
}

/** A table's header, and its id and version columns, as one sync read them. */
interface Located {
  layout: TableRowsLayout;
  ids: string[];
  versions: SheetValue[];
  /** Every row, when the whole body was read (a table this store had not read before). */
  rows?: SheetValue[][];
}

/**
 * Round trips (`context.sync`) per call: readAll 1 (every table's header and body and `_meta`
 * in one request); append 2 (the id and version columns, then one `rows.add`), plus one per
 * further 4 MiB of values; update and remove 2 (the id and version columns, then each row's
 * values read and written in the same request); nextCounter 2; writeDashboard 1. A table this
 * store has not read yet is read whole in the first sync, so that costs no extra sync. Extra
 * syncs happen only off the usual path: a retried append of a record this store has not seen
 * (its row is read), rows typed in by hand (their ids are written back during readAll), a
 * header whose columns moved, a co-author's write between our two syncs (put back), and
 * errors (which table is missing).
 *
 * Each call is one `Excel.run`, and Excel runs one batch of a document at a time, so the
 * version check on the rows read in the first sync still holds at the write. Each written row
 * is read again in the write's own request all the same; a row someone else changed meanwhile
 * (a co-author) is put back and the call fails with a conflict, all or nothing.
 */
export class OfficeJsWorkbookStore extends BatchWritingStore implements WorkbookStore {
  private readonly schema: WorkbookSchema;
  private readonly layouts = new Map<string, TableRowsLayout>();
  /** The records last read or written, by table and id: what a retried append is compared with. */
  private readonly known = new Map<string, Map<string, StoredRecord>>();
  private meta: WorkbookMeta;
  private context: CellContext;
  private readonly queue = new WriteQueue();
  private readonly now: () => Date;
  private readonly workbookName: string;

  constructor(private readonly options: OfficeJsStoreOptions) {
    super();
    this.schema = options.schema ?? CURRENT_SCHEMA;
    this.meta = defaultMeta(this.schema.version, 'pl');
    this.context = createCellContext(this.schema, 'pl');
    this.now = options.now ?? (() => new Date());
    this.workbookName = options.workbookName ?? 'Excel';
  }

  /** One Excel.run; a failure of Office becomes the product's error. */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run(batch).catch((error: unknown) => {
      throw officeFailure(error, this.workbookName);
    });
  }

  // ---- reading -------------------------------------------------------------------------------

  /**
   * The read stops at its next sync when cancelled (one sync, or one per block of a big workbook)
   * and before writing back ids of rows typed in by hand; progress counts the rows of the tables.
   */
  readAll(options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    return this.queue.run(() => {
      throwIfCancelled(options.signal);
      return this.run((context) => this.load(context, options));
    });
  }

  /** A workbook of an earlier schema lacks tables or columns: it is completed once, then read. */
  private async load(context: Excel.RequestContext, options: ReadOptions): Promise<WorkbookSnapshot> {
    try {
      return await this.loadAsIs(context, options);
    } catch (error) {
      if (!isRelacjeError(error, 'missingTable') && !isRelacjeError(error, 'missingColumn')) throw error;
      const upgradedFrom = await upgradeOlderWorkbook(context, this.schema, this.meta.locale);
      if (upgradedFrom === undefined) throw error;
      return this.loadAsIs(context, options);
    }
  }

  private async loadAsIs(context: Excel.RequestContext, options: ReadOptions): Promise<WorkbookSnapshot> {
    const { headers, bodies } = await this.readTables(context, options);
    throwIfCancelled(options.signal);
    const tables: Record<string, StoredRecord[]> = {};
    const claims: { layout: TableRowsLayout; rows: IndexedRecord[] }[] = [];
    this.schema.tables.forEach((table, t) => {
      const layout = layoutOf(table, headers[t], this.meta.locale);
      this.layouts.set(table.key, layout);
      const { known, records, unclaimed } = recordsOfRows(layout, bodies[t], this.context);
      this.known.set(table.key, new Map([...known].map(([id, row]) => [id, row.record])));
      tables[table.key] = records;
      if (unclaimed.length) claims.push({ layout, rows: unclaimed });
    });
    if (claims.length) await this.claimRows(context, claims, tables);
    const { counters, ...meta } = this.meta;
    return { meta: { ...meta, counters: { ...counters } }, tables };
  }

  /**
   * Every table's header and data rows and `_meta`, in one sync. When the answer is larger than
   * Excel on the web sends (5 MB), the rows are read again in blocks of `maxCellsPerRead`
   * cells, a sync per block.
   */
  private async readTables(
    context: Excel.RequestContext,
    { signal, onProgress }: ReadOptions,
  ): Promise<{ headers: { address: string; values: SheetValue[][] }[]; bodies: SheetValue[][][] }> {
    const read = (bodyProperties: string) => {
      const metaRange = context.workbook.worksheets
        .getItemOrNullObject(META_SHEET)
        .getUsedRangeOrNullObject(true)
        .load('values,rowIndex');
      const tables = this.schema.tables.map((table) => {
        const excelTable = context.workbook.tables.getItem(table.tableName);
        return {
          header: excelTable.getHeaderRowRange().load('address,values'),
          body: excelTable.getDataBodyRange().load(bodyProperties),
        };
      });
      return { metaRange, tables };
    };
    let reads = read('values');
    let whole = true;
    try {
      await this.syncOrExplain(context);
    } catch (error) {
      if (!isResponseTooLarge(error)) throw error;
      reads = read('rowCount,columnCount');
      whole = false;
      throwIfCancelled(signal);
      await this.syncOrExplain(context);
    }
    const { metaRange, tables } = reads;
    if (!metaRange.isNullObject) this.readMeta(metaRange.values as SheetValue[][], metaRange.rowIndex + 1);
    const headers = tables.map(({ header }) => ({
      address: header.address,
      values: header.values as SheetValue[][],
    }));
    if (whole) {
      const bodies = tables.map(({ body }) => body.values as SheetValue[][]);
      const rows = bodies.reduce((sum, body) => sum + body.length, 0);
      onProgress?.(rows, rows);
      return { headers, bodies };
    }
    const bodies = await this.readInBlocks(
      context,
      tables.map(({ body }) => body),
      { signal, onProgress },
    );
    return { headers, bodies };
  }

  /** The values of these ranges (their sizes loaded), in syncs of at most `maxCellsPerRead` cells. */
  private async readInBlocks(
    context: Excel.RequestContext,
    ranges: Excel.Range[],
    { signal, onProgress }: ReadOptions,
  ): Promise<SheetValue[][][]> {
    const total = ranges.reduce((sum, range) => sum + range.rowCount, 0);
    let done = 0;
    const limit = this.options.maxCellsPerRead ?? DEFAULT_CELLS_PER_READ;
    const bodies: SheetValue[][][] = ranges.map(() => []);
    const blocks: { range: number; first: number; rows: number }[] = [];
    ranges.forEach((range, r) => {
      const rowsPerBlock = Math.max(1, Math.floor(limit / Math.max(1, range.columnCount)));
      for (let first = 0; first < range.rowCount; first += rowsPerBlock)
        blocks.push({ range: r, first, rows: Math.min(rowsPerBlock, range.rowCount - first) });
    });
    let start = 0;
    while (start < blocks.length) {
      // Blocks of several tables share a sync up to the limit.
      let cells = 0;
      let end = start;
      while (end < blocks.length && (end === start || cells + blockCells(blocks[end], ranges) <= limit)) {
        cells += blockCells(blocks[end], ranges);
        end += 1;
      }
      const loaded = blocks.slice(start, end).map((block) => ({
        block,
        range: ranges[block.range]
          .getCell(block.first, 0)
          .getResizedRange(block.rows - 1, ranges[block.range].columnCount - 1)
          .load('values'),
      }));
      throwIfCancelled(signal);
      // A sync per block of cells, so that no answer is larger than Excel on the web sends.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { block, range } of loaded) {
        bodies[block.range].push(...(range.values as SheetValue[][]));
        done += block.rows;
      }
      onProgress?.(done, total);
      start = end;
    }
    if (blocks.length === 0) onProgress?.(0, 0);
    return bodies;
  }

  private readMeta(values: SheetValue[][], firstRow: number): void {
    const read = metaOfRows(values, firstRow, this.meta, {
      file: this.workbookName,
      supported: this.schema.version,
    });
    this.meta = read.meta;
    this.context = createCellContext(this.schema, read.meta.locale);
  }

  /**
   * Rows typed into the sheet by hand (or copied, with their original's id) get an id and
   * tracking fields of their own, written back so that they can be updated by id from now on.
   */
  private async claimRows(
    context: Excel.RequestContext,
    claims: { layout: TableRowsLayout; rows: IndexedRecord[] }[],
    tables: Record<string, StoredRecord[]>,
  ): Promise<void> {
    const stamp = this.now().toISOString();
    const groups = claims.map(({ layout, rows }) => {
      const claimed = rows.map(({ index, record }) => {
        const fields = claimFieldsOf(record, stamp);
        return { index, before: record, fields, record: asStored({ ...record, ...fields }) };
      });
      const writes: RowWrite[] = claimed.map(({ index, before, fields }) => ({
        index,
        values: rowOfFields(layout, fields, this.context, false),
        expected: (now) => String(now[layout.indexByKey.get('id')!]) === String(before.id ?? ''),
      }));
      return { layout, claimed, writes };
    });
    const results = await guardedRowWrites(
      context,
      groups.map(({ layout, writes }) => ({ tableName: layout.table.tableName, writes })),
    );
    groups.forEach(({ layout, claimed }, g) => {
      const known = this.known.get(layout.table.key)!;
      claimed.forEach((c, i) => {
        if (!results[g][i].matched) return;
        known.set(c.record.id, c.record);
        tables[layout.table.key].push(c.record);
      });
    });
  }

  /** Syncs; when a table is missing, says which one (one more sync, only on that error). */
  private async syncOrExplain(context: Excel.RequestContext): Promise<void> {
    try {
      await context.sync();
    } catch (error) {
      if (!isItemNotFound(error)) throw error;
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      const names = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const missing = this.schema.tables.find((t) => !names.has(t.tableName.toLowerCase()));
      if (!missing) throw error;
      throw new RelacjeError('missingTable', {
        table: missing.tableName,
        sheet: missing.sheet[this.meta.locale],
      });
    }
  }

  /**
   * The tables' layouts and their id and version columns, in one sync: the columns by the positions
   * last seen, or, for a table not read yet, the whole body once. When a header moved them
   * meanwhile, they are read once more by their new positions.
   */
  private async locate(
    context: Excel.RequestContext,
    tables: readonly TableSchema[],
    again = false,
  ): Promise<Located[]> {
    const queued = tables.map((table) => {
      const cached = this.layouts.get(table.key);
      const excelTable = context.workbook.tables.getItem(table.tableName);
      const header = excelTable.getHeaderRowRange().load('address,values');
      const body = excelTable.getDataBodyRange();
      const columns = cached
        ? TRACKED_COLUMNS.map((key) => body.getColumn(cached.indexByKey.get(key)!).load('values'))
        : [body.load('values')];
      return { table, cached, header, columns };
    });
    await this.syncOrExplain(context);
    const moved = queued.filter(({ table, cached, header }) => {
      const layout = layoutOf(
        table,
        { address: header.address, values: header.values as SheetValue[][] },
        this.meta.locale,
      );
      this.layouts.set(table.key, layout);
      return (
        cached && TRACKED_COLUMNS.some((key) => cached.indexByKey.get(key) !== layout.indexByKey.get(key))
      );
    });
    if (moved.length > 0) {
      if (again)
        throw new RelacjeError('unavailable', {
          detail: `the header of ${moved[0].table.tableName} keeps changing`,
        });
      return this.locate(context, tables, true);
    }
    return queued.map(({ table, cached, columns }) => {
      const layout = this.layouts.get(table.key)!;
      const [ids, versions] = TRACKED_COLUMNS.map((key, i) =>
        cached
          ? (columns[i].values as SheetValue[][]).map((row) => row[0])
          : (columns[0].values as SheetValue[][]).map((row) => row[layout.indexByKey.get(key)!]),
      );
      return {
        layout,
        ids: ids.map(String),
        versions,
        rows: cached ? undefined : (columns[0].values as SheetValue[][]),
      };
    });
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * A batch in one `Excel.run` and two syncs: every table's id and version columns, then every
   * write of every table in one request (each changed row read in it just before its write, new
   * rows added last; see `guardedRowWrites`). Records are validated before the run, versions
   * checked on the columns of the first sync. Appends larger than one request (`maxPayloadBytes`)
   * go in further syncs after the checked writes, one per request.
   */
  write(changes: readonly TableChanges[]): Promise<BatchResult[]> {
    return this.queue.run(async () => {
      const stamp = this.now().toISOString();
      const planned = preparedBatch(this.schema, changes, stamp);
      const results = await this.run(async (context) => {
        const located = await this.locate(
          context,
          planned.map((p) => p.table),
        );
        const steps = [];
        for (const [t, plan] of planned.entries()) {
          const { layout, ids, versions } = located[t];
          const existing = await this.existingRecords(context, located[t], plan.appends);
          const appends = appendsOf(plan.table, plan.appends, (id) => existing.get(id));
          const rowOfId = firstRowOfIds(ids);
          const writes: RowWrite[] = [...plan.updates, ...plan.removes].map((ref, i) => {
            const index = rowOfId.get(ref.id);
            checkVersion(
              plan.table,
              ref,
              index === undefined ? undefined : { version: Number(versions[index]) },
            );
            return {
              index: index!,
              values:
                i < plan.updates.length
                  ? rowOfFields(layout, plan.changes[i], this.context, false)
                  : undefined,
              expected: (before) => {
                const row = idAndVersionOf(layout, before);
                return row.id === ref.id && row.version === ref.expectedVersion;
              },
            };
          });
          // A new row has a value for every cell (`""` for an empty one), never `null`.
          const rows = appends.toWrite.map((record) =>
            rowOfFields(layout, record, this.context, true).map((v) => v ?? ''),
          );
          steps.push({ plan, layout, appends, writes, rows });
        }
        const limit = this.options.maxPayloadBytes ?? 4 * 2 ** 20;
        const bytes = steps.reduce(
          (n, s) => n + s.rows.reduce((m, row) => m + utf8Length(JSON.stringify(row)), 0),
          0,
        );
        const together = bytes <= limit;
        const outcome = await guardedRowWrites(
          context,
          steps.map(({ layout, writes, rows, appends }) => ({
            tableName: layout.table.tableName,
            writes,
            appends: together
              ? { rows, idColumn: layout.indexByKey.get('id')!, ids: appends.toWrite.map((r) => r.id) }
              : undefined,
          })),
        );
        steps.forEach(({ plan, layout }, t) => {
          const failed = outcome[t].findIndex((r) => !r.matched);
          if (failed < 0) return;
          const row = idAndVersionOf(layout, outcome[t][failed].before);
          const ref = [...plan.updates, ...plan.removes][failed];
          checkVersion(plan.table, ref, row.id === ref.id ? row : undefined);
        });
        if (!together) for (const { layout, rows } of steps) await this.appendRows(context, layout, rows);
        return steps.map(({ plan, layout, appends, writes }, t) => ({
          table: plan.key,
          appended: appends.results,
          updated: plan.updates.map((_, i) =>
            postImage(
              recordOfRow(layout, outcome[t][i].before, writes[i].index, this.context) ?? {},
              plan.changes[i],
            ),
          ),
        }));
      });
      results.forEach((result, t) => {
        const known = this.knownOf(result.table);
        for (const record of [...result.appended, ...result.updated]) known.set(record.id, record);
        for (const ref of changes[t].remove ?? []) known.delete(ref.id);
      });
      return results;
    });
  }

  /**
   * The stored records under the ids being appended. A record this store read or wrote is
   * known already, as long as its version is still the one in the sheet; any other is read
   * (one more sync, only for such retries).
   */
  private async existingRecords(
    context: Excel.RequestContext,
    { layout, ids, versions, rows: bodyRows }: Located,
    records: readonly StoredRecord[],
  ): Promise<Map<string, StoredRecord>> {
    const rowOfId = firstRowOfIds(ids);
    const known = this.knownOf(layout.table.key);
    const existing = new Map<string, StoredRecord>();
    const unread: { id: string; index: number }[] = [];
    for (const { id } of records) {
      const index = rowOfId.get(id);
      if (index === undefined || existing.has(id)) continue;
      const cached = known.get(id);
      if (cached && cached.version === Number(versions[index])) existing.set(id, cached);
      else unread.push({ id, index });
    }
    const decode = (values: SheetValue[], index: number) =>
      asStored(recordOfRow(layout, values, index, this.context) ?? {});
    if (bodyRows) for (const { id, index } of unread) existing.set(id, decode(bodyRows[index], index));
    if (unread.length === 0 || bodyRows) return existing;
    const body = context.workbook.tables.getItem(layout.table.tableName).getDataBodyRange();
    const rows = unread.map(({ index }) => body.getRow(index).load('values'));
    await context.sync();
    unread.forEach(({ id, index }, i) =>
      existing.set(id, decode((rows[i].values as SheetValue[][])[0], index)),
    );
    return existing;
  }

  /** One `rows.add` per request; a request carries at most `maxPayloadBytes` of values. */
  private async appendRows(
    context: Excel.RequestContext,
    layout: TableRowsLayout,
    rows: readonly SheetValue[][],
  ): Promise<void> {
    const limit = this.options.maxPayloadBytes ?? 4 * 2 ** 20;
    for (const chunk of chunksBySize(rows, limit, (row) => utf8Length(JSON.stringify(row)))) {
      if (rows.length >= LARGE_WRITE_ROWS) context.application.suspendApiCalculationUntilNextSync();
      context.workbook.tables.getItem(layout.table.tableName).rows.add(undefined, chunk);
      // A request per chunk: Excel on the web refuses requests above 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  }

  private knownOf(tableKey: string): Map<string, StoredRecord> {
    let known = this.known.get(tableKey);
    if (!known) {
      known = new Map();
      this.known.set(tableKey, known);
    }
    return known;
  }

  nextCounter(name: string): Promise<number> {
    return this.queue.run(() => this.run((context) => this.count(context, name)));
  }

  /**
   * Reads `_meta`, then writes the counter's row in a request that reads it again just before:
   * when someone counted in between, their value is put back and we count on from it.
   */
  private async count(context: Excel.RequestContext, name: string): Promise<number> {
    const key = `counter:${name}`;
    const sheets = context.workbook.worksheets;
    const sheet = sheets.getItemOrNullObject(META_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true).load('values,rowIndex');
    await context.sync();
    if (sheet.isNullObject) return this.writeNewMeta(context, sheets.add(META_SHEET), key);
    if (used.isNullObject) return this.writeNewMeta(context, sheet, key);
    const read = metaOfRows(used.values as SheetValue[][], used.rowIndex + 1, this.meta, {
      file: this.workbookName,
      supported: this.schema.version,
    });
    let row = read.rowOfKey.get(key) ?? read.lastRow + 1;
    let expected = read.meta.counters[name];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const value = (expected ?? 0) + 1;
      const meta = sheets.getItem(META_SHEET);
      const address = `A${row}:B${row}`;
      const before = meta.getRange(address).load('values');
      meta.getRange(address).values = [[key, value]];
      // Only when another writer counted between the read and the write.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const [rawKey, beforeValue] = (before.values as SheetValue[][])[0];
      const beforeKey = String(rawKey).trim();
      const matched =
        expected === undefined ? beforeKey === '' : beforeKey === key && beforeValue === expected;
      if (matched) {
        this.meta.counters[name] = value;
        return value;
      }
      if (beforeKey !== '') {
        meta.getRange(address).values = [[textLiteral(beforeKey), beforeValue]];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      if (beforeKey === key && typeof beforeValue === 'number') expected = beforeValue;
      else if (beforeKey !== key) row += 1;
    }
    throw new RelacjeError('unavailable', { detail: `the counter ${name} is changing too often` });
  }

  /** A workbook without `_meta` (or with an empty one) gets it, hidden, with the counter in it. */
  private async writeNewMeta(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    key: string,
  ): Promise<number> {
    sheet.visibility = 'Hidden';
    const rows: SheetValue[][] = [
      ['key', 'value'],
      ['schemaVersion', this.meta.schemaVersion],
      ['locale', this.meta.locale],
      ['offerNumberFormat', textLiteral(this.meta.offerNumberFormat)],
      [key, 1],
    ];
    sheet.getRange(`A1:B${rows.length}`).values = rows;
    await context.sync();
    this.meta.counters[key.slice('counter:'.length)] = 1;
    return 1;
  }

  writeDashboard(cells: readonly DashboardCell[]): Promise<void> {
    return this.queue.run(() =>
      this.run(async (context) => {
        const grid = cells.length > 0 ? dashboardGrid(cells) : undefined;
        const fill = (sheet: Excel.Worksheet) => {
          sheet.getRange().clear();
          if (grid) sheet.getRange(grid.address).formulas = grid.grid;
        };
        fill(context.workbook.worksheets.getItem(DASHBOARD_SHEET));
        try {
          await context.sync();
        } catch (error) {
          if (!isItemNotFound(error)) throw error;
          fill(context.workbook.worksheets.add(DASHBOARD_SHEET));
          await context.sync();
        }
      }),
    );
  }

  close(): Promise<void> {
    // Every acknowledged write is in the open workbook already; Excel saves it.
    return this.queue.run(async () => undefined);
  }
}

/** Each id's first row (a later row with the same id is a duplicate readAll does not return). */
function firstRowOfIds(ids: readonly string[]): Map<string, number> {
  const rows = new Map<string, number>();
  ids.forEach((id, index) => {
    if (id !== '' && !rows.has(id)) rows.set(id, index);
  });
  return rows;
}

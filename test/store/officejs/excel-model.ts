/**
 * A small in-memory Excel behind the Office.js API, for the Office.js store's tests. The workbook
 * is a real ExcelJS workbook (seeded with the file `relacje init` writes: every table of the
 * schema with its Polish headers, `_meta`, the Dashboard); its tables move their rows as Excel's do (the local server's `TableArea`), and written
 * values are typed as Excel types them (a leading apostrophe keeps text, `=` makes a formula).
 *
 * Every proxy's properties live in an `OfficeMockObject`, so a property read without `load` and
 * `context.sync()` reads as office-addin-mock's "Error, property was not loaded". Like Office.js,
 * nothing happens until `sync()`: then the queued actions run in order (a load sees the cells as
 * they are at its place in the queue) and the first failure ends the batch with an error
 * carrying Office's `code` (`ItemNotFound`, `InvalidArgument`, `RequestPayloadSizeLimitExceeded`).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { OfficeMockObject } from 'office-addin-mock';
import { cellWriteOf, isUnchanged, type CellWrite } from '../../../src/server/document/graph-values';
import { TableArea, tablesOf } from './excel-table-area';
import { excelValueOf, graphFormulaOf, graphValueOf, parseAddress, usedBoundsOf } from './excel-cells';
import { quoteSheet } from '../../../src/server/document/workbook-document';
import type { Locale } from '../../../src/core/i18n';
import { colCache } from '../../../src/store/xlsx/table-sheet';
import { createXlsxWorkbook } from '../../../src/store/xlsx/xlsx-store';

/** What Office.js's `Excel.run` is: the shape the Office.js store takes. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** An error as Office.js raises it (`OfficeExtension.Error`): its `code` says what went wrong. */
export class OfficeModelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface Bounds {
  sheet: ExcelJS.Worksheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** One request to Excel: the actions queued since the last sync. */
class Batch {
  actions: (() => void)[] = [];
  loaded = new Set<OfficeMockObject>();
  writtenBytes = 0;
  readBytes = 0;
}

/** A proxy object whose target is found when its creating action runs, as Office.js resolves it. */
interface Resolvable<T> {
  get(): T | null;
}

function resolvable<T>(batch: () => Batch, find: () => T | null): Resolvable<T> {
  let found: { value: T | null } | undefined;
  batch().actions.push(() => {
    found = { value: find() };
  });
  return {
    get() {
      if (!found) throw new Error('model: a proxy was used before the action creating it ran');
      return found.value;
    },
  };
}

/** isNullObject of a proxy: known only once the sync that resolves it has run. */
function nullCheckOf<T>(target: Resolvable<T>): () => boolean {
  return () => target.get() === null;
}

const notFound = (what: string) => new OfficeModelError('ItemNotFound', `${what} does not exist.`);

export interface ExcelModelOptions {
  /** Excel on the web refuses a request above 5 MB; the model measures written values the same way. */
  requestLimitBytes?: number;
  /** …and an answer above 5 MB: the model measures the loaded properties as JSON. */
  responseLimitBytes?: number;
}

/** The workbook, the `Excel.run` over it, and what the tests count. */
export class ExcelModel {
  /** Every `context.sync()` (and the closing sync `Excel.run` makes when actions are left queued). */
  syncs = 0;
  /** `table.rows.add` calls, to show appends are written in one call. */
  rowsAdds = 0;
  /** `suspendApiCalculationUntilNextSync` calls. */
  calculationSuspensions = 0;
  /** Called as each sync reaches Excel, before its actions run: what a co-author does meanwhile. */
  beforeSync?: (sync: number) => void;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: ExcelModelOptions = {},
  ) {}

  /** A workbook as `relacje init` creates it: every table of the schema, `_meta` and the Dashboard. */
  static async create(locale: Locale = 'pl', options: ExcelModelOptions = {}): Promise<ExcelModel> {
    return ExcelModel.load(await newWorkbookBuffer(locale), options);
  }

  /** The content of the .xlsx file `relacje init` writes. */
  static template(locale: Locale = 'pl'): Promise<ExcelJS.Buffer> {
    return newWorkbookBuffer(locale);
  }

  /** A model over an .xlsx file's content. */
  static async load(content: ExcelJS.Buffer, options: ExcelModelOptions = {}): Promise<ExcelModel> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content);
    return new ExcelModel(workbook, options);
  }

  /** Batches run one after another, as Excel runs them for one document. */
  run: ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const next = this.queue.then(() => this.runOne(batch));
    this.queue = next.catch(() => undefined);
    return next;
  };

  private async runOne<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new RequestContext(this, this.options);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending) await context.sync();
    return result;
  }

  table(name: string): TableArea | null {
    const wanted = name.toLowerCase();
    return tablesOf(this.workbook).find((t) => t.name.toLowerCase() === wanted) ?? null;
  }

  tableCount(): number {
    return tablesOf(this.workbook).length;
  }

  worksheet(name: string): ExcelJS.Worksheet | null {
    const wanted = name.toLowerCase();
    return this.workbook.worksheets.find((s) => s.name.toLowerCase() === wanted) ?? null;
  }

  /** The values of a table's data rows, as a test checks the workbook itself. */
  rowsOf(tableName: string): (string | number | boolean)[][] {
    const table = this.table(tableName);
    if (!table) throw new Error(`no table ${tableName}`);
    return table.rows(0, table.rowCount);
  }

  /** Types into a table's data row (0-based), by header, as a person in Excel would. */
  typeInRow(tableName: string, index: number, cells: Record<string, string | number>): void {
    const table = this.existingTable(tableName);
    const headers = table.headers();
    table.updateRow(
      index,
      headers.map((header) => (header in cells ? cellWriteOf(cells[header], header) : { unchanged: true })),
    );
  }

  /** Types a new row at the bottom of a table, by header, as a person in Excel would. */
  typeNewRow(tableName: string, cells: Record<string, string | number>): void {
    const table = this.existingTable(tableName);
    table.insertRows(null, [table.headers().map((header) => cellWriteOf(cells[header] ?? '', header))]);
  }

  /** Swaps two columns of a table, headers and cells, as a person dragging them in Excel would. */
  swapColumns(tableName: string, first: string, second: string): void {
    const table = this.existingTable(tableName);
    const [a, b] = [table.headers().indexOf(first), table.headers().indexOf(second)];
    const { top, left } = table.bounds;
    const swap = <T>(row: T[]) => row.map((v, j) => (j === a ? row[b] : j === b ? row[a] : v));
    const header = this.workbook.getWorksheet(table.sheet.name)!.getRow(top);
    swap(table.headers()).forEach((text, j) => (header.getCell(left + j).value = text));
    for (let i = 0; i < table.rowCount; i += 1)
      table.updateRow(
        i,
        swap(table.rowValues(i)).map((v) => cellWriteOf(literalOf(v), tableName)),
      );
  }

  private existingTable(tableName: string): TableArea {
    const table = this.table(tableName);
    if (!table) throw new Error(`no table ${tableName}`);
    return table;
  }

  headersOf(tableName: string): string[] {
    const table = this.table(tableName);
    if (!table) throw new Error(`no table ${tableName}`);
    return table.headers();
  }
}

let templates = new Map<Locale, ExcelJS.Buffer>();

/** The file `relacje init` writes, made once per locale. */
async function newWorkbookBuffer(locale: Locale): Promise<ExcelJS.Buffer> {
  const cached = templates.get(locale);
  if (cached) return cached;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relacje-excel-model-'));
  try {
    const file = path.join(dir, 'klienci.xlsx');
    await createXlsxWorkbook(file, { locale });
    const buffer = (await fs.readFile(file)) as unknown as ExcelJS.Buffer;
    templates = new Map(templates).set(locale, buffer);
    return buffer;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

class RequestContext {
  private batch = new Batch();
  readonly workbook: unknown;
  readonly application: unknown;

  constructor(
    readonly model: ExcelModel,
    private readonly options: ExcelModelOptions,
  ) {
    const current = () => this.batch;
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        model.calculationSuspensions += 1;
      },
    };
    this.workbook = {
      tables: tableCollection(current, model),
      worksheets: worksheetCollection(current, model),
      application: this.application,
    };
  }

  get pending(): boolean {
    return this.batch.actions.length > 0 || this.batch.loaded.size > 0;
  }

  async sync(): Promise<void> {
    this.model.syncs += 1;
    this.model.beforeSync?.(this.model.syncs);
    const batch = this.batch;
    this.batch = new Batch();
    const limit = this.options.requestLimitBytes;
    if (limit !== undefined && batch.writtenBytes > limit) {
      throw new OfficeModelError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${batch.writtenBytes} > ${limit} bytes).`,
      );
    }
    for (const action of batch.actions) action();
    const answerLimit = this.options.responseLimitBytes;
    if (answerLimit !== undefined && batch.readBytes > answerLimit) {
      throw new OfficeModelError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${batch.readBytes} > ${answerLimit} bytes).`,
      );
    }
    for (const mock of batch.loaded) await mock.sync();
    // office-addin-mock settles loaded properties in callbacks it does not await.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Getters = Record<string, () => unknown>;
type Setters = Record<string, (value: unknown) => void>;

/**
 * An Office.js proxy: `properties` are read through an OfficeMockObject (loaded by `load` and
 * `sync`), `setters` queue writes, `members` are methods and navigation properties.
 */
function proxy(
  batch: () => Batch,
  properties: Getters,
  setters: Setters = {},
  members: Record<string, unknown> = {},
  isNullObject?: () => boolean,
): never {
  const mock = new OfficeMockObject(Object.fromEntries(Object.keys(properties).map((k) => [k, ''])));
  // What Office.js returns from Excel, set as office-addin-mock's own seeding sets it.
  const settable = mock as unknown as { setValue(name: string, value: unknown): void };
  const load = (spec?: string | string[]) => {
    const names = (Array.isArray(spec) ? spec : (spec ?? '').split(','))
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0) throw new Error('model: load every property with load() is not supported');
    // A collection's `items/name` loads its items (with the names only, all the model gives).
    for (const name of names.map((n) => n.split('/')[0])) {
      if (!(name in properties)) throw new Error(`model: no property ${name} to load`);
      mock.load(name);
      const current = batch();
      current.loaded.add(mock);
      current.actions.push(() => {
        const value = properties[name]();
        current.readBytes += JSON.stringify(value ?? null).length;
        settable.setValue(name, value);
        mock.load(name);
      });
    }
    return handle;
  };
  const handle: object = new Proxy(mock, {
    get(target, key) {
      if (key === 'load') return load;
      // Office.js sets isNullObject on every sync without a load; before the sync it cannot be known.
      if (key === 'isNullObject' && isNullObject) return isNullObject();
      if (typeof key === 'string' && key in members) return members[key];
      if (typeof key === 'string' && key in properties) return Reflect.get(target, key);
      return undefined;
    },
    set(_target, key, value) {
      if (typeof key !== 'string' || !(key in setters)) throw new Error(`model: ${String(key)} is read-only`);
      const current = batch();
      current.writtenBytes += JSON.stringify(value ?? null).length;
      current.actions.push(() => setters[key](value));
      return true;
    },
  });
  return handle as never;
}

const queue = (batch: () => Batch, action: () => void) => batch().actions.push(action);

function tableCollection(batch: () => Batch, model: ExcelModel): unknown {
  return proxy(
    batch,
    { items: () => tablesOf(model.workbook).map((t) => ({ name: t.name })) },
    {},
    {
      getItem: (name: string) =>
        tableProxy(
          batch,
          resolvable(batch, () => {
            const table = model.table(name);
            if (!table) throw notFound(`The table ${name}`);
            return table;
          }),
          model,
        ),
    },
  );
}

function tableProxy(batch: () => Batch, table: Resolvable<TableArea>, model: ExcelModel): unknown {
  const area = () => table.get()!;
  const rangeOfTable = (pick: (t: TableArea) => Omit<Bounds, 'sheet'>) =>
    rangeProxy(
      batch,
      resolvable(batch, () => ({ sheet: area().sheet, ...pick(area()) })),
    );
  const body = (t: TableArea) => {
    const { top, left, right, bottom } = t.bounds;
    return { top: top + 1, left, right, bottom: bottom - (t.model.totalsRow ? 1 : 0) };
  };
  return proxy(
    batch,
    { name: () => area().name },
    { name: (value) => area().rename(String(value)) },
    {
      getHeaderRowRange: () => rangeOfTable((t) => ({ ...t.bounds, bottom: t.bounds.top })),
      getDataBodyRange: () => rangeOfTable(body),
      getRange: () => rangeOfTable((t) => t.bounds),
      columns: {
        // Only what an upgrade uses: a column added at the table's right end, by its header.
        add: (index: number | null | undefined, values: unknown, name: string) => {
          if ((index !== null && index !== undefined) || values !== undefined)
            throw new Error('model: columns.add takes only a name');
          queue(batch, () => area().addColumn(name));
          return {};
        },
        getItem: (name: string) => {
          const column = resolvable(batch, () => {
            const index = area()
              .headers()
              .findIndex((h) => h.toLowerCase() === name.toLowerCase());
            if (index < 0) throw notFound(`The column ${name} of ${area().name}`);
            return index;
          });
          return {
            getDataBodyRange: () =>
              rangeProxy(
                batch,
                resolvable(batch, () => {
                  const b = body(area());
                  const left = b.left + column.get()!;
                  return { sheet: area().sheet, ...b, left, right: left };
                }),
              ),
          };
        },
      },
      rows: {
        add: (index: number | null | undefined, values: unknown[][]) => {
          model.rowsAdds += 1;
          batch().writtenBytes += JSON.stringify(values).length;
          queue(batch, () => {
            const t = area();
            if (!Array.isArray(values) || values.some((row) => !Array.isArray(row) || row.length !== t.width))
              throw new OfficeModelError('InvalidArgument', `Each row of ${t.name} has ${t.width} values.`);
            const at = index === null || index === undefined || index === -1 ? null : index;
            t.insertRows(
              at,
              values.map((row) => row.map((v) => typedWrite(v, t.name))),
            );
          });
          return {};
        },
        getItemAt: (index: number) => {
          const row = resolvable(batch, () => {
            const t = area();
            if (index < 0 || index >= body(t).bottom - body(t).top + 1)
              throw notFound(`The row ${index} of ${t.name}`);
            return index;
          });
          return {
            delete: () => queue(batch, () => area().deleteRow(row.get()!)),
            getRange: () =>
              rangeProxy(
                batch,
                resolvable(batch, () => {
                  const b = body(area());
                  return { sheet: area().sheet, ...b, top: b.top + row.get()!, bottom: b.top + row.get()! };
                }),
              ),
          };
        },
      },
    },
  );
}

function worksheetCollection(batch: () => Batch, model: ExcelModel): unknown {
  const byName = (name: string, orNull: boolean) =>
    worksheetProxy(
      batch,
      resolvable(batch, () => {
        const sheet = model.worksheet(name);
        if (!sheet && !orNull) throw notFound(`The worksheet ${name}`);
        return sheet;
      }),
      model,
    );
  return proxy(
    batch,
    { items: () => model.workbook.worksheets.map((s) => ({ name: s.name })) },
    {},
    {
      getItem: (name: string) => byName(name, false),
      getItemOrNullObject: (name: string) => byName(name, true),
      add: (name: string) =>
        worksheetProxy(
          batch,
          resolvable(batch, () => {
            if (model.worksheet(name))
              throw new OfficeModelError('ItemAlreadyExists', `The worksheet ${name} exists.`);
            return model.workbook.addWorksheet(name);
          }),
          model,
        ),
    },
  );
}

function worksheetProxy(
  batch: () => Batch,
  sheet: Resolvable<ExcelJS.Worksheet>,
  model: ExcelModel,
): unknown {
  const existing = () => {
    const found = sheet.get();
    if (!found) throw notFound('The worksheet');
    return found;
  };
  const used = (orNull: boolean) =>
    rangeProxy(
      batch,
      resolvable(batch, () => {
        const found = sheet.get();
        if (!found) return null;
        const bounds = usedBoundsOf(found);
        if (bounds) return { sheet: found, ...bounds };
        return orNull ? null : { sheet: found, top: 1, left: 1, bottom: 1, right: 1 };
      }),
    );
  return proxy(
    batch,
    {
      name: () => sheet.get()?.name ?? null,
      visibility: () => {
        const state = sheet.get()?.state;
        return state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible';
      },
    },
    {
      visibility: (value) => {
        existing().state = value === 'Hidden' ? 'hidden' : value === 'VeryHidden' ? 'veryHidden' : 'visible';
      },
    },
    {
      tables: {
        // A table over a header row, with one empty data row, as Excel creates it.
        add: (address: string, hasHeaders: boolean) => {
          if (!hasHeaders) throw new Error('model: tables.add needs headers');
          return tableProxy(
            batch,
            resolvable(batch, () =>
              TableArea.add(existing(), parseAddress(address), `Table${model.tableCount() + 1}`),
            ),
            model,
          );
        },
      },
      getRange: (address?: string) =>
        rangeProxy(
          batch,
          resolvable(batch, () => {
            const found = existing();
            if (address === undefined)
              return { sheet: found, top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
            return { sheet: found, ...parseAddress(address) };
          }),
        ),
      getUsedRange: () => used(false),
      getUsedRangeOrNullObject: () => used(true),
    },
    nullCheckOf(sheet),
  );
}

function rangeProxy(batch: () => Batch, range: Resolvable<Bounds>): unknown {
  const bounds = () => {
    const found = range.get();
    if (!found) throw notFound('The range');
    return found;
  };
  const cells = <T>(read: (value: ExcelJS.CellValue | undefined) => T): T[][] => {
    const { sheet, top, left, bottom, right } = bounds();
    if ((bottom - top + 1) * (right - left + 1) > 5_000_000)
      throw new Error('model: reading a whole sheet is not modelled');
    const out: T[][] = [];
    for (let r = top; r <= bottom; r += 1) {
      const row = sheet.findRow(r);
      out.push(Array.from({ length: right - left + 1 }, (_, j) => read(row?.findCell(left + j)?.value)));
    }
    return out;
  };
  const write = (values: unknown) => {
    const { sheet, top, left, bottom, right } = bounds();
    const fits =
      Array.isArray(values) &&
      values.length === bottom - top + 1 &&
      values.every((row) => Array.isArray(row) && row.length === right - left + 1);
    if (!fits)
      throw new OfficeModelError('InvalidArgument', 'The values do not match the size of the range.');
    (values as unknown[][]).forEach((row, i) =>
      row.forEach((value, j) => {
        const typed = typedWrite(value, `${sheet.name}!${colCache.n2l(left + j)}${top + i}`);
        if (!isUnchanged(typed)) sheet.getRow(top + i).getCell(left + j).value = excelValueOf(typed);
      }),
    );
  };
  /** One row or column of the range, by its index within it. */
  const line = (axis: 'row' | 'column', index: number) =>
    rangeProxy(
      batch,
      resolvable(batch, () => {
        const b = bounds();
        const [from, to] = axis === 'row' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
        if (index < 0 || b[from] + index > b[to]) throw notFound(`The ${axis} ${index} of the range`);
        return { ...b, [from]: b[from] + index, [to]: b[from] + index };
      }),
    );
  const isNull = nullCheckOf(range);
  return proxy(
    batch,
    {
      values: () => (isNull() ? null : cells(graphValueOf)),
      formulas: () => (isNull() ? null : cells(graphFormulaOf)),
      address: () => {
        if (isNull()) return null;
        const { sheet, top, left, bottom, right } = bounds();
        const cell = (r: number, c: number) => `${colCache.n2l(c)}${r}`;
        const local =
          top === bottom && left === right ? cell(top, left) : `${cell(top, left)}:${cell(bottom, right)}`;
        return `${quoteSheet(sheet.name)}!${local}`;
      },
      rowIndex: () => (isNull() ? null : bounds().top - 1),
      columnIndex: () => (isNull() ? null : bounds().left - 1),
      rowCount: () => (isNull() ? null : bounds().bottom - bounds().top + 1),
      columnCount: () => (isNull() ? null : bounds().right - bounds().left + 1),
    },
    { values: write, formulas: write },
    {
      getRow: (index: number) => line('row', index),
      getCell: (row: number, column: number) =>
        rangeProxy(
          batch,
          resolvable(batch, () => {
            const b = bounds();
            if (row < 0 || column < 0 || b.top + row > b.bottom || b.left + column > b.right)
              throw notFound(`The cell ${row}, ${column} of the range`);
            const [top, left] = [b.top + row, b.left + column];
            return { sheet: b.sheet, top, left, bottom: top, right: left };
          }),
        ),
      getResizedRange: (deltaRows: number, deltaColumns: number) =>
        rangeProxy(
          batch,
          resolvable(batch, () => {
            const b = bounds();
            const bottom = b.bottom + deltaRows;
            const right = b.right + deltaColumns;
            if (bottom < b.top || right < b.left)
              throw new OfficeModelError('InvalidArgument', 'The size is not valid.');
            return { ...b, bottom, right };
          }),
        ),
      getColumn: (index: number) => line('column', index),
      clear: () =>
        queue(batch, () => {
          const { sheet, top, left, bottom, right } = bounds();
          sheet.eachRow((row, r) => {
            if (r < top || r > bottom) return;
            row.eachCell((cell, c) => {
              if (c >= left && c <= right) cell.value = null;
            });
          });
        }),
    },
    isNull,
  );
}

/**
 * A written value as Excel types it. Beyond what Graph does (`cellWriteOf`), Excel runs text
 * starting with `+` or `-` that is not a plain number as a formula too.
 */
/** A value read back, as written to stay what it is. */
function literalOf(value: string | number | boolean): string | number | boolean {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

function typedWrite(value: unknown, where: string): CellWrite {
  if (typeof value === 'string' && /^[+-]/.test(value) && value.length > 1) {
    const typed = cellWriteOf(value, where);
    return typeof typed === 'number' ? typed : { formula: value.replace(/^\+/, '') };
  }
  return cellWriteOf(value, where);
}

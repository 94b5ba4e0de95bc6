import { createHash, randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { colCache } from '../store/xlsx/table-sheet';
import { cellWriteOf, type CellWrite } from './document/graph-values';
import type { TableArea } from './document/table-area';
import type { CellBlock, WorkbookDocument } from './document/workbook-document';
import { FaultInjector, type RequestTarget } from './graph-faults';
import { GraphFailure, graphErrorAnswer } from './graph-errors';
import { JsonTextBuilder, type JsonText } from './json-text';

/** A request to the Graph API, its path after `/v1.0` (query included). */
export interface GraphRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string | undefined>>;
  body?: unknown;
}

export interface GraphAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphApiOptions {
  /** A session unused this long expires (Graph: about 5 minutes with persistChanges). */
  sessionIdleMs?: number;
  log?: (line: string) => void;
}

/** What the API has been asked since the last reset: HTTP requests, and operations inside them. */
export interface RequestStats {
  httpRequests: number;
  operations: number;
  log: { method: string; path: string }[];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BATCH = 20;
const SESSION_HEADER = 'workbook-session-id';
const ITEM_PATHS: readonly RegExp[] = [
  /^\/me\/drive\/root:\/(?<path>.+?):(?<rest>\/.*)?$/,
  /^\/sites\/[^/]+\/drive\/root:\/(?<path>.+?):(?<rest>\/.*)?$/,
  /^\/drives\/[^/]+\/root:\/(?<path>.+?):(?<rest>\/.*)?$/,
  /^\/me\/drive\/items\/(?<id>[^/]+)(?<rest>\/.*)?$/,
  /^\/drives\/[^/]+\/items\/(?<id>[^/]+)(?<rest>\/.*)?$/,
  /^\/sites\/[^/]+\/drive\/items\/(?<id>[^/]+)(?<rest>\/.*)?$/,
];
const ROOT_CHILDREN = /^(\/me\/drive|\/drives\/[^/]+|\/sites\/[^/]+\/drive)\/root\/children$/;

/** The drive item id of the served file: opaque like Graph's, stable for the file's name. */
export function driveItemIdOf(file: string): string {
  return `LOCAL${createHash('sha1').update(path.basename(file)).digest('hex').slice(0, 24).toUpperCase()}`;
}

const answer = (status: number, body?: unknown): GraphAnswer => ({ status, body });

/**
 * The subset of Microsoft Graph's drive and workbook API that Relacje uses, answered over one
 * workbook document: addressing by path and by item id, tables, rows, columns, worksheet ranges,
 * sessions and `$batch`. Every request runs alone on the document; a batch runs as one step.
 */
export class GraphWorkbookApi {
  readonly faults = new FaultInjector();
  readonly stats: RequestStats = { httpRequests: 0, operations: 0, log: [] };
  private readonly sessions = new Map<string, { lastUsed: number; expired: boolean }>();
  private readonly itemId: string;
  private opening: Promise<WorkbookDocument> | undefined;
  /** Set while a request runs, always under the document's exclusive section. */
  private current: WorkbookDocument | undefined;

  /**
   * `openDocument` is called on the first request and again after a failure, so a workbook that
   * cannot be opened yet (not an .xlsx, in use) is an error answer the pane can show, not a dead server.
   */
  constructor(
    private readonly file: string,
    private readonly openDocument: () => Promise<WorkbookDocument>,
    private readonly options: GraphApiOptions = {},
  ) {
    this.itemId = driveItemIdOf(file);
  }

  private open(): Promise<WorkbookDocument> {
    if (!this.opening) {
      this.opening = this.openDocument();
      this.opening.catch(() => (this.opening = undefined));
    }
    return this.opening;
  }

  /**
   * Opens the workbook ahead of the first request, so the first pane does not wait for it. A
   * failure is not thrown here: the first request opens again and answers with the error.
   */
  async preload(): Promise<void> {
    await this.open().catch(() => undefined);
  }

  /** Folds and releases the workbook, if it was opened. */
  async close(): Promise<void> {
    const opened = await this.opening?.catch(() => undefined);
    this.opening = undefined;
    await opened?.close();
  }

  private get document(): WorkbookDocument {
    if (!this.current) throw new Error('No workbook request is running');
    return this.current;
  }

  resetStats(): void {
    this.stats.httpRequests = 0;
    this.stats.operations = 0;
    this.stats.log = [];
  }

  /** One HTTP request; `drop` means: reset the connection without answering (a fault). */
  async handle(request: GraphRequest): Promise<GraphAnswer | 'drop'> {
    this.stats.httpRequests += 1;
    const isBatch = request.path.split('?')[0] === '/$batch';
    const targets: RequestTarget[] = [{ method: request.method, path: request.path }];
    if (isBatch) {
      for (const r of batchRequestsOf(request.body))
        targets.push({ method: String(r.method), path: String(r.url) });
    }
    let drop = false;
    let lateBy = 0;
    for (const fault of this.faults.take(targets)) {
      switch (fault.kind) {
        case 'delay':
          lateBy = fault.ms;
          break;
        case 'expireSessions':
          this.sessions.forEach((session) => (session.expired = true));
          break;
        case 'throttle':
          return {
            status: fault.status,
            headers: { 'Retry-After': String(fault.retryAfterSeconds) },
            body: graphErrorAnswer(
              new GraphFailure(
                fault.status,
                fault.status === 429 ? 'TooManyRequests' : 'ServiceNotAvailable',
                'Please retry later.',
              ),
              this.log,
            ).body,
          };
        case 'fail':
          return answer(
            fault.status,
            graphErrorAnswer(new GraphFailure(fault.status, fault.code, `Injected ${fault.code}.`), this.log)
              .body,
          );
        case 'dropAfterApply':
          drop = true;
          break;
      }
    }
    let document: WorkbookDocument;
    try {
      document = await this.open();
    } catch (error) {
      const failed = graphErrorAnswer(error, this.log);
      return { status: failed.status, headers: failed.headers, body: failed.body };
    }
    const result = await document.exclusive(async () => {
      this.current = document;
      try {
        return await (isBatch ? this.runBatch(request.body) : this.runOne(request));
      } finally {
        this.current = undefined;
      }
    });
    if (lateBy > 0) await new Promise((resolve) => setTimeout(resolve, lateBy));
    return drop ? 'drop' : result;
  }

  private readonly log = (line: string) =>
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);

  private async runOne(request: GraphRequest): Promise<GraphAnswer> {
    this.stats.operations += 1;
    this.stats.log.push({ method: request.method, path: request.path });
    try {
      return await this.dispatch(request);
    } catch (error) {
      const failed = graphErrorAnswer(error, this.log);
      return { status: failed.status, headers: failed.headers, body: failed.body };
    }
  }

  private async runBatch(body: unknown): Promise<GraphAnswer> {
    const requests = batchRequestsOf(body);
    if (requests.length === 0 || requests.length > MAX_BATCH) {
      throw new GraphFailure(
        400,
        'BadRequest',
        `A batch holds 1 to ${MAX_BATCH} requests; this one holds ${requests.length}.`,
      );
    }
    const statusById = new Map<string, number>();
    // Written as text as each answer is made: a batch of table pages is too large for one object tree.
    const json = new JsonTextBuilder().add('{"responses":[');
    for (const [n, sub] of requests.entries()) {
      const id = String(sub.id ?? '');
      const dependsOn = Array.isArray(sub.dependsOn) ? sub.dependsOn.map(String) : [];
      let result: GraphAnswer;
      if (dependsOn.some((d) => (statusById.get(d) ?? 424) >= 400)) {
        result = answer(424, {
          error: { code: 'FailedDependency', message: 'A request this one depends on failed.' },
        });
      } else {
        const url = String(sub.url ?? '');
        result = await this.runOne({
          method: String(sub.method ?? 'GET').toUpperCase(),
          path: url.startsWith('/v1.0/') ? url.slice('/v1.0'.length) : url.startsWith('/') ? url : `/${url}`,
          headers: lowerCaseKeys(sub.headers),
          body: sub.body,
        });
      }
      statusById.set(id, result.status);
      const headers = {
        ...(result.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...result.headers,
      };
      const envelope = JSON.stringify({ id, status: result.status, headers });
      json.add(n > 0 ? ',' : '');
      if (result.body === undefined) json.add(envelope);
      else
        json
          .add(`${envelope.slice(0, -1)},"body":`)
          .addValue(result.body)
          .add('}');
    }
    return answer(200, json.add(']}').done());
  }

  private async dispatch(request: GraphRequest): Promise<GraphAnswer> {
    const [rawPath, query = ''] = request.path.split('?', 2);
    const fullPath = safeDecode(rawPath);
    const method = request.method.toUpperCase();
    if (ROOT_CHILDREN.test(fullPath)) {
      requireMethod(method, 'GET');
      return answer(200, { value: [await this.driveItem()] });
    }
    const matched = ITEM_PATHS.map((pattern) => pattern.exec(fullPath)).find(Boolean);
    if (!matched?.groups)
      throw new GraphFailure(400, 'BadRequest', `Resource not found for the segment in ${fullPath}.`);
    const { path: itemPath, id, rest = '' } = matched.groups;
    const known =
      itemPath !== undefined
        ? itemPath.replace(/^\/+/, '') === path.basename(this.document.file)
        : id === this.itemId;
    if (!known)
      throw new GraphFailure(404, 'ItemNotFound', `The resource ${itemPath ?? id} could not be found.`);
    if (rest === '' || rest === '/') {
      requireMethod(method, 'GET');
      return answer(200, await this.driveItem());
    }
    if (!rest.startsWith('/workbook/')) throw apiNotFound(rest);
    const segments = splitSegments(rest.slice('/workbook/'.length));
    if (segments[0] !== 'createSession') this.useSession(request.headers[SESSION_HEADER]);
    return this.workbookRoute(method, segments, new URLSearchParams(query), request.body);
  }

  private async workbookRoute(
    method: string,
    segments: string[],
    query: URLSearchParams,
    body: unknown,
  ): Promise<GraphAnswer> {
    const [head, name, part, sub, extra] = segments;
    const doc = this.document;
    switch (head) {
      case 'createSession':
        requireMethod(method, 'POST');
        return this.createSession(body);
      case 'refreshSession':
        requireMethod(method, 'POST');
        return answer(204);
      case 'closeSession':
        requireMethod(method, 'POST');
        return answer(204);
      case 'tables':
        return this.tableRoute(method, name, part, sub, extra, query, body);
      case 'worksheets': {
        if (name === undefined) {
          requireMethod(method, 'GET');
          return answer(200, {
            value: doc.worksheets().map((s, i) => worksheetResource(s.name, i, s.state)),
          });
        }
        const sheet = doc.worksheet(name);
        if (part === undefined) {
          requireMethod(method, 'GET');
          return answer(200, worksheetResource(sheet.name, doc.worksheets().indexOf(sheet), sheet.state));
        }
        if (/^usedRange(\(valuesOnly=(true|false)\))?$/.test(part) && sub === undefined) {
          requireMethod(method, 'GET');
          return answer(200, rangeResource(doc.usedRange(sheet.name)));
        }
        const address = /^range\(address='(.+)'\)$/.exec(part)?.[1];
        if (address === undefined) break;
        if (sub === 'clear') {
          requireMethod(method, 'POST');
          await doc.change({ op: 'clearRange', sheet: sheet.name, address });
          return answer(204);
        }
        if (sub !== undefined) break;
        if (method === 'PATCH') {
          const block = doc.range(sheet.name, address);
          await doc.change({ op: 'setRange', sheet: sheet.name, address, cells: rangeWrites(body, block) });
          return answer(200, rangeResource(doc.range(sheet.name, address)));
        }
        requireMethod(method, 'GET');
        return answer(200, rangeResource(doc.range(sheet.name, address)));
      }
    }
    throw apiNotFound(`/workbook/${segments.join('/')}`);
  }

  private async tableRoute(
    method: string,
    name: string | undefined,
    part: string | undefined,
    sub: string | undefined,
    extra: string | undefined,
    query: URLSearchParams,
    body: unknown,
  ): Promise<GraphAnswer> {
    const doc = this.document;
    if (name === undefined) {
      requireMethod(method, 'GET');
      return answer(200, { value: doc.tables().map(tableResource) });
    }
    const table = doc.table(name);
    const { top, left, bottom, right } = table.bounds;
    const sheet = table.sheet.name;
    const rowResource = (index: number) => ({ index, values: [table.rowValues(index)] });
    if (part === undefined) {
      requireMethod(method, 'GET');
      return answer(200, tableResource(table));
    }
    if (part === 'headerRowRange' || part === 'range' || part === 'dataBodyRange') {
      requireMethod(method, 'GET');
      const firstRow = part === 'dataBodyRange' ? top + 1 : top;
      const lastRow =
        part === 'headerRowRange' ? top : part === 'range' ? bottom : top + Math.max(table.rowCount, 1);
      // `$select` of size fields only (the Graph adapter's row count): no cell is read.
      const select = query.get('$select')?.split(',');
      if (select?.every((field) => RANGE_SIZE_FIELDS.has(field))) {
        const size: Record<string, number> = {
          rowIndex: firstRow - 1,
          columnIndex: left - 1,
          rowCount: lastRow - firstRow + 1,
          columnCount: right - left + 1,
        };
        return answer(200, Object.fromEntries(select.map((field) => [field, size[field]])));
      }
      return answer(
        200,
        rangeResource(doc.range(sheet, `${cellAddress(firstRow, left)}:${cellAddress(lastRow, right)}`)),
      );
    }
    if (part === 'columns') {
      requireMethod(method, 'GET');
      const headers = table.headers();
      const rows = table.rows(0, table.rowCount);
      const column = (i: number) => ({
        id: String(i + 1),
        index: i,
        name: headers[i],
        values: [[headers[i]], ...rows.map((r) => [r[i]])],
      });
      if (sub === undefined) return answer(200, { value: headers.map((_, i) => column(i)) });
      const index = headers.findIndex(
        (h, i) => h.toLowerCase() === sub.toLowerCase() || String(i + 1) === sub,
      );
      if (index < 0)
        throw new GraphFailure(404, 'ItemNotFound', `The column ${sub} does not exist in ${table.name}.`);
      return answer(200, column(index));
    }
    if (part !== 'rows') throw apiNotFound(`tables/${name}/${part}`);
    if (sub === undefined || sub === 'add') {
      if (method === 'GET' && sub === undefined) {
        const skip = nonNegative(query.get('$skip'), 0);
        const take = nonNegative(query.get('$top'), Number.MAX_SAFE_INTEGER);
        return answer(200, rowsJson(table, skip, take));
      }
      requireMethod(method, 'POST');
      const { index, values } = (body ?? {}) as { index?: unknown; values?: unknown };
      if (!Array.isArray(values) || !values.every(Array.isArray)) {
        throw new GraphFailure(400, 'InvalidArgument', 'The body must hold "values", an array of rows.');
      }
      const at = typeof index === 'number' ? index : table.rowCount;
      const rows = (values as unknown[][]).map((row, r) =>
        row.map((v, c) => cellWriteOf(v, `values[${r}][${c}]`)),
      );
      await doc.change({
        op: 'insertRows',
        table: table.name,
        index: typeof index === 'number' ? index : null,
        rows,
      });
      return answer(sub === 'add' ? 200 : 201, { index: at, values: table.rows(at, rows.length) });
    }
    const index = /^itemAt\(index=(\d+)\)$/.exec(sub)?.[1];
    if (index === undefined || extra !== undefined) {
      throw new GraphFailure(400, 'ApiNotFound', `Address a row as rows/itemAt(index=n), not rows/${sub}.`);
    }
    const n = Number(index);
    if (method === 'DELETE') {
      await doc.change({ op: 'deleteRow', table: table.name, index: n });
      return answer(204);
    }
    if (n >= table.rowCount)
      throw new GraphFailure(404, 'ItemNotFound', `${table.name} has no row at index ${n}.`);
    if (method === 'PATCH') {
      const values = (body as { values?: unknown } | undefined)?.values;
      if (!Array.isArray(values) || values.length !== 1 || !Array.isArray(values[0])) {
        throw new GraphFailure(400, 'InvalidArgument', 'The body must hold "values": [[…one row…]].');
      }
      const writes = (values[0] as unknown[]).map((v, c) => cellWriteOf(v, `values[0][${c}]`));
      await doc.change({ op: 'updateRow', table: table.name, index: n, values: writes });
      return answer(200, rowResource(n));
    }
    requireMethod(method, 'GET');
    return answer(200, rowResource(n));
  }

  private createSession(body: unknown): GraphAnswer {
    if ((body as { persistChanges?: unknown } | undefined)?.persistChanges !== true) {
      throw new GraphFailure(
        400,
        'InvalidArgument',
        'The local server keeps every change: create sessions with persistChanges true.',
      );
    }
    const id = `cluster=LOCAL&session=${randomUUID()}`;
    this.sessions.set(id, { lastUsed: Date.now(), expired: false });
    return answer(201, { id, persistChanges: true });
  }

  private useSession(id: string | undefined): void {
    if (id === undefined) return;
    const session = this.sessions.get(id);
    if (!session)
      throw new GraphFailure(404, 'InvalidSessionNotFound', 'The workbook session does not exist.');
    if (session.expired || Date.now() - session.lastUsed > (this.options.sessionIdleMs ?? 5 * 60_000)) {
      this.sessions.delete(id);
      throw new GraphFailure(
        404,
        'InvalidSessionReCreatable',
        'The workbook session has expired; create a new one.',
      );
    }
    session.lastUsed = Date.now();
  }

  private async driveItem() {
    const info = await stat(this.file);
    const name = path.basename(this.file);
    return {
      id: this.itemId,
      name,
      size: info.size,
      lastModifiedDateTime: info.mtime.toISOString(),
      file: { mimeType: XLSX_MIME },
    };
  }
}

interface BatchPart {
  id?: unknown;
  method?: unknown;
  url?: unknown;
  headers?: unknown;
  body?: unknown;
  dependsOn?: unknown;
}

function batchRequestsOf(body: unknown): BatchPart[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests))
    throw new GraphFailure(400, 'BadRequest', 'A batch body must hold "requests".');
  return requests as BatchPart[];
}

function lowerCaseKeys(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null) return {};
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new GraphFailure(400, 'InvalidRequest', `The path ${text} is not valid.`);
  }
}

/** `tables('Klienci')/rows` → `tables`, `Klienci`, `rows`; a `/` inside `range(address=…)` stays. */
function splitSegments(workbookPath: string): string[] {
  const normalised = workbookPath.replace(
    /\/?(tables|worksheets|columns)\('((?:[^']|'')*)'\)/g,
    (_m, kind: string, name: string) => `/${kind}/${name.replace(/''/g, "'")}`,
  );
  return normalised.split('/').filter(Boolean);
}

function apiNotFound(api: string): GraphFailure {
  return new GraphFailure(
    404,
    'ApiNotFound',
    `The API ${api} is not supported by the local workbook server.`,
  );
}

function requireMethod(method: string, allowed: string): void {
  if (method !== allowed) {
    throw new GraphFailure(405, 'MethodNotAllowed', `The method ${method} is not allowed on this resource.`);
  }
}

function nonNegative(text: string | null, fallback: number): number {
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new GraphFailure(400, 'InvalidArgument', `${text} is not a valid count.`);
  return n;
}

function cellAddress(row: number, column: number): string {
  return `${colCache.n2l(column)}${row}`;
}

const RANGE_SIZE_FIELDS = new Set(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);

/**
 * Rows `skip` … `skip + take - 1` as Graph's row resources (`{"value":[{"index":…,"values":[[…]]}]}`),
 * written straight into JSON text: no object per row is made for a page of 100,000 rows.
 */
function rowsJson(table: Pick<TableArea, 'rowCount' | 'rowValues'>, skip: number, take: number): JsonText {
  const json = new JsonTextBuilder().add('{"value":[');
  const end = Math.min(table.rowCount, skip + take);
  for (let i = skip; i < end; i += 1) {
    json.add(`${i > skip ? ',' : ''}{"index":${i},"values":[${JSON.stringify(table.rowValues(i))}]}`);
  }
  return json.add(']}').done();
}

function tableResource(table: { name: string; model: { totalsRow?: boolean }; rowCount: number }) {
  // `rowCount` is ours: Graph's table resource has no such field, so the Graph adapter never needs it.
  return {
    id: table.name,
    name: table.name,
    showHeaders: true,
    showTotals: Boolean(table.model.totalsRow),
    rowCount: table.rowCount,
  };
}

function worksheetResource(name: string, position: number, state: string) {
  return {
    id: name,
    name,
    position,
    visibility: state === 'visible' ? 'Visible' : state === 'veryHidden' ? 'VeryHidden' : 'Hidden',
  };
}

function rangeResource(block: CellBlock) {
  return {
    ...block,
    cellCount: block.rowCount * block.columnCount,
    text: block.values.map((row) => row.map(String)),
  };
}

/** The cell writes of a range PATCH: `formulas` where given, `values` elsewhere. */
function rangeWrites(body: unknown, block: CellBlock): CellWrite[][] {
  const { values, formulas } = (body ?? {}) as { values?: unknown; formulas?: unknown };
  const grid = (g: unknown) => (Array.isArray(g) ? (g as unknown[][]) : undefined);
  const v = grid(values);
  const f = grid(formulas);
  if (!v && !f) throw new GraphFailure(400, 'InvalidArgument', 'The body must hold "values" or "formulas".');
  for (const g of [v, f]) {
    const fits =
      !g ||
      (g.length === block.rowCount &&
        g.every((row) => Array.isArray(row) && row.length === block.columnCount));
    if (!fits) {
      throw new GraphFailure(
        400,
        'InvalidArgument',
        `The values must be ${block.rowCount} × ${block.columnCount}, as the range ${block.address}.`,
      );
    }
  }
  return Array.from({ length: block.rowCount }, (_, r) =>
    Array.from({ length: block.columnCount }, (_, c) => {
      const formula = f?.[r]?.[c];
      const chosen = formula !== undefined && formula !== null ? formula : v?.[r]?.[c];
      return cellWriteOf(chosen === undefined ? null : chosen, `[${r}][${c}]`);
    }),
  );
}

/**
 * How a full load is cut into `$batch` requests. A load first asks what it cannot plan without
 * (`_meta`, each table's size and header), then reads every table's rows in pages planned from
 * those sizes, as many pages per batch as fit: so the number of HTTP requests follows the bytes
 * to move and a batch's budget, not the number of pages or of tables.
 */
import { MAX_BATCH, type SubRequest } from './graph-transport';

export interface ReadBudget {
  /** Rows per page request at most. */
  pageRows: number;
  /** Estimated answer bytes per `$batch` at most (one page always goes, however large). */
  batchBytes: number;
}

/**
 * Estimated JSON bytes of one cell in a rows answer. Generated workbooks measure 13–23 bytes a cell
 * (ids, ISO timestamps, names, empty cells); the estimate only sizes pages and batches, so a
 * workbook of longer texts makes larger answers, not wrong ones.
 */
export const CELL_BYTES = 20;

/**
 * 100,000 rows a page: a table of 1,000,000 rows (the activities of the largest data set we
 * promise, 100,000 clients) is 10 pages, so with the other tables' pages a full load needs no more
 * batches for the 20-request limit than its bytes ask anyway (measured at 100,000 clients: 5
 * requests; with 50,000-row pages 6, the page count splitting the batches).
 */
export const DEFAULT_PAGE_ROWS = 100_000;

/**
 * Against the local workbook server. The server writes a batch's answer as one JSON string and the
 * pane parses it as one, and V8 refuses strings past 512 MiB; 320 MiB estimated leaves room for
 * cells longer than `CELL_BYTES` and still holds a 1,000,000-row table of 13 columns (260 MB).
 */
export const LOCAL_BATCH_BYTES = 320 * 2 ** 20;

/**
 * Against Microsoft Graph. Its workbook service answers very large ranges slowly, and answers of
 * more than about 4 MB risk its payload limits and the 30 s a request may take; so a batch there
 * holds about 4 MB of rows, and a page never more than that. The price is requests: a full load
 * is about one per 4 MB of rows (some 14 at 10,000 clients, over a hundred at 100,000 clients
 * with 1,000,000 activities) instead of the local server's handful.
 */
export const GRAPH_BATCH_BYTES = 4_000_000;

/** The budget for an endpoint: the local server listens on loopback only; anything else is Graph. */
export function defaultReadBudget(baseUrl: string): ReadBudget {
  let host = '';
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    host = '';
  }
  const local = host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
  return { pageRows: DEFAULT_PAGE_ROWS, batchBytes: local ? LOCAL_BATCH_BYTES : GRAPH_BATCH_BYTES };
}

/** Rows per page of a table this wide: the page size, or fewer when that would not fit one batch. */
export function rowsPerPage(columns: number, budget: ReadBudget): number {
  const fit = Math.floor(budget.batchBytes / (Math.max(1, columns) * CELL_BYTES));
  return Math.max(1, Math.min(budget.pageRows, fit));
}

/** A page of a table's rows to read: `top` rows from `skip`, of which `rows` are expected. */
export interface PageRead {
  table: string;
  skip: number;
  top: number;
  rows: number;
}

/**
 * The pages that read a table of `rows` rows (at least one: an empty table's data body is one
 * blank row in Excel, so its size alone cannot tell 0 rows from 1).
 */
export function pagesOf(table: string, rows: number, columns: number, budget: ReadBudget): PageRead[] {
  const top = rowsPerPage(columns, budget);
  const count = Math.max(1, Math.ceil(rows / top));
  return Array.from({ length: count }, (_, i) => ({
    table,
    skip: i * top,
    top,
    rows: Math.max(1, Math.min(top, rows - i * top)),
  }));
}

interface Queued {
  request: SubRequest;
  bytes: number;
  /** The estimated bytes of its whole table: the largest tables go first. */
  tableBytes: number;
}

/**
 * The reads of one load, handed out a batch at a time: first the small reads, in the order
 * given, then the pages of the tables whose size is known, the largest tables first (so that
 * progress moves most in the first batches of rows, and the small tables fill the last one). A
 * batch holds at most 20 requests and `batchBytes` estimated bytes.
 */
export class ReadQueue {
  private readonly small: Queued[] = [];
  private pages: Queued[] = [];

  constructor(private readonly budget: ReadBudget) {}

  /** A read whose answer is small (a header, a range's size, `_meta`): not counted against the bytes. */
  addSmall(request: SubRequest): void {
    this.small.push({ request, bytes: 0, tableBytes: 0 });
  }

  /** A table's pages, each as the request that reads it. */
  addPages(pages: readonly PageRead[], columns: number, requestOf: (page: PageRead) => SubRequest): void {
    const bytesOf = (page: PageRead) => page.rows * Math.max(1, columns) * CELL_BYTES;
    const tableBytes = pages.reduce((sum, page) => sum + bytesOf(page), 0);
    for (const page of pages) this.pages.push({ request: requestOf(page), bytes: bytesOf(page), tableBytes });
    // Stable: a table's pages stay in order, and tables of as many bytes keep the order they came in.
    this.pages = this.pages
      .map((queued, i) => ({ queued, i }))
      .sort((a, b) => b.queued.tableBytes - a.queued.tableBytes || a.i - b.i)
      .map(({ queued }) => queued);
  }

  /** The next batch's requests; none when everything has been handed out. */
  next(): SubRequest[] {
    const batch: SubRequest[] = [];
    let bytes = 0;
    for (const source of [this.small, this.pages]) {
      while (source.length > 0 && batch.length < MAX_BATCH) {
        const head = source[0];
        if (batch.length > 0 && bytes + head.bytes > this.budget.batchBytes) return batch;
        source.shift();
        batch.push(head.request);
        bytes += head.bytes;
      }
    }
    return batch;
  }
}

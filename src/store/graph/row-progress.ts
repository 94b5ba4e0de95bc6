/**
 * Rows read out of the rows a workbook holds, told to `ReadOptions.onProgress` as a paged read
 * goes on. A table counts with the size the workbook gave for it, or with its rows when they were
 * all read before that. Nothing is told before every table is counted, so the total never
 * changes; a table that turns out shorter or longer than counted (an empty table's one blank row,
 * a co-author's rows) keeps its count, and the read's end tells the total as done.
 */
export class RowProgress {
  private readonly totals = new Map<string, number>();
  private readonly got = new Map<string, number>();
  private told = -1;
  private total: number | undefined;

  constructor(
    private readonly tables: readonly string[],
    private readonly listener?: (done: number, total: number) => void,
  ) {}

  /** The rows the workbook says a table holds. */
  counted(table: string, rows: number): void {
    if (this.total === undefined && !this.totals.has(table)) this.totals.set(table, rows);
  }

  /** A table's rows so far; `complete` once all its pages are in. */
  rows(table: string, soFar: number, complete: boolean): void {
    this.got.set(table, soFar);
    if (complete) this.counted(table, soFar);
  }

  /** Tells the rows read so far, once every table is counted. */
  report(): void {
    if (!this.listener) return;
    if (this.total === undefined) {
      if (!this.tables.every((table) => this.totals.has(table))) return;
      this.total = this.tables.reduce((sum, table) => sum + this.totals.get(table)!, 0);
    }
    let done = 0;
    for (const table of this.tables) done += Math.min(this.got.get(table) ?? 0, this.totals.get(table)!);
    this.tell(done);
  }

  /** The read is complete: every row counts as read. */
  finish(): void {
    this.total ??= this.tables.reduce((sum, table) => sum + (this.got.get(table) ?? 0), 0);
    this.tell(this.total);
  }

  private tell(done: number): void {
    if (!this.listener || this.total === undefined || done <= this.told) return;
    this.told = done;
    this.listener(done, this.total);
  }
}

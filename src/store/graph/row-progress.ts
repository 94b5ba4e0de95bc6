/**
 * Rows read out of the rows a workbook holds, told to `ReadOptions.onProgress` as a paged read
 * goes on. A table read whole in one page counts with its rows; a longer one once its row count
 * is known. Nothing is told before every table is counted, so the total never changes; a table
 * that turns out shorter or longer than counted (a co-author's rows) keeps its count.
 */
export class RowProgress {
  private readonly totals = new Map<string, number>();
  private readonly got = new Map<string, number>();
  private told = -1;
  private total: number | undefined;

  constructor(private readonly listener?: (done: number, total: number) => void) {}

  /**
   * A table's rows so far; `more` when its last page was full; `count` the rows the workbook
   * says it holds, when that answer came.
   */
  rows(table: string, soFar: number, more: boolean, count?: number): void {
    this.got.set(table, soFar);
    if (this.total !== undefined || this.totals.has(table)) return;
    if (!more) this.totals.set(table, soFar);
    else if (count !== undefined) this.totals.set(table, Math.max(count, soFar));
  }

  /** Tells the rows read so far, once every table is counted. */
  report(): void {
    if (!this.listener) return;
    if (this.total === undefined) {
      if (![...this.got.keys()].every((table) => this.totals.has(table))) return;
      this.total = [...this.totals.values()].reduce((sum, n) => sum + n, 0);
    }
    let done = 0;
    for (const [table, n] of this.got) done += Math.min(n, this.totals.get(table)!);
    this.tell(done);
  }

  /** The read is complete: every row counts as read. */
  finish(): void {
    this.total ??= [...this.got.values()].reduce((sum, n) => sum + n, 0);
    this.tell(this.total);
  }

  private tell(done: number): void {
    if (!this.listener || this.total === undefined || done <= this.told) return;
    this.told = done;
    this.listener(done, this.total);
  }
}

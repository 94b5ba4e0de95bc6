import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type ExcelJS from 'exceljs';
import { removeInterruptedWrites, writeFileAtomically } from '../../store/xlsx/atomic-write';
import { acquireFileLock, type FileLock } from '../../store/xlsx/file-lock';
import { Journal, readJournal } from '../../store/xlsx/journal';
import { colCache, rangeOf } from '../../store/xlsx/table-sheet';
import { readExcelFile } from '../../store/xlsx/workbook-file';
import { GraphFailure } from '../graph-errors';
import {
  excelValueOf,
  graphFormulaOf,
  graphValueOf,
  isUnchanged,
  type CellWrite,
  type GraphValue,
} from './graph-values';
import { tablesOf, type TableArea } from './table-area';

/** A change to the workbook, as journaled: positions and typed cells, so replaying it is exact. */
export type DocumentChange =
  | { op: 'insertRows'; table: string; index: number | null; rows: CellWrite[][] }
  | { op: 'updateRow'; table: string; index: number; values: CellWrite[] }
  | { op: 'deleteRow'; table: string; index: number }
  | { op: 'setRange'; sheet: string; address: string; cells: CellWrite[][] }
  | { op: 'clearRange'; sheet: string; address: string };

/** The journal's first line names the .xlsx it continues, by content hash. */
type JournalLine = { op: 'base'; sha256: string } | DocumentChange;

export interface DocumentOptions {
  /** Fold the journal into the .xlsx after this long without writes (default 2 s). */
  foldAfterIdleMs?: number;
  /** …or once the journal grows past this (default 4 MiB) and past the size of the .xlsx. */
  foldAtJournalBytes?: number;
  /** Told when a journal is set aside because the .xlsx changed under it. */
  log?: (line: string) => void;
}

export interface CellBlock {
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: GraphValue[][];
  formulas: GraphValue[][];
}

export function serverJournalPathOf(file: string): string {
  return `${file}.server-journal`;
}

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/**
 * The workbook the local server serves, generic over its tables and sheets (it knows Excel, not
 * the CRM). Every acknowledged change is in an fsynced journal beside the file and is folded into
 * the .xlsx by an atomic replace when writes pause, when the journal grows, and on close.
 * Operations run one at a time, so a `$batch` can run as one step.
 */
export class WorkbookDocument {
  private journal: Journal<JournalLine>;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;
  private unfolded = 0;
  /** The size of the .xlsx as last read or written. */
  private fileBytes = 0;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly workbook: ExcelJS.Workbook,
    private readonly lock: FileLock,
    private readonly options: DocumentOptions,
  ) {
    this.journal = new Journal<JournalLine>(serverJournalPathOf(file));
  }

  static async open(file: string, options: DocumentOptions = {}): Promise<WorkbookDocument> {
    const lock = await acquireFileLock(file);
    try {
      await removeInterruptedWrites(file);
      const { workbook, content } = await readExcelFile(file);
      const document = new WorkbookDocument(file, workbook, lock, options);
      document.fileBytes = content.length;
      await document.recover(sha256(content));
      return document;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Replays a journal left by a crash onto the .xlsx it continues, then folds it in. */
  private async recover(fileHash: string): Promise<void> {
    const journalFile = serverJournalPathOf(this.file);
    const [base, ...changes] = await readJournal<JournalLine>(journalFile);
    if (base?.op === 'base' && base.sha256 === fileHash) {
      for (const change of changes as DocumentChange[]) this.apply(change);
      this.unfolded = changes.length;
    } else if (changes.length > 0) {
      // The .xlsx was replaced after this journal began (a fold that crashed before emptying
      // it, or someone saved the file meanwhile): keep it for a person to look at, never replay it.
      const aside = `${journalFile}.set-aside-${Date.now()}`;
      await fs.rename(journalFile, aside);
      this.options.log?.(`relacje server: the journal does not continue ${this.file}; kept as ${aside}`);
    }
    if (this.unfolded > 0) await this.foldNow();
    else await this.journal.replaceWith([{ op: 'base', sha256: fileHash }]);
  }

  /** Runs `work` alone: no other operation of this document interleaves with it. */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  tables(): TableArea[] {
    return tablesOf(this.workbook);
  }

  table(name: string): TableArea {
    const wanted = name.toLowerCase();
    const found = this.tables().find((t) => t.name.toLowerCase() === wanted);
    if (!found) throw new GraphFailure(404, 'ItemNotFound', `The table ${name} does not exist.`);
    return found;
  }

  worksheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets;
  }

  worksheet(name: string): ExcelJS.Worksheet {
    const wanted = name.toLowerCase();
    const found = this.workbook.worksheets.find((s) => s.name.toLowerCase() === wanted);
    if (!found) throw new GraphFailure(404, 'ItemNotFound', `The worksheet ${name} does not exist.`);
    return found;
  }

  /** The cells of `address` on `sheet` as Graph's range resource gives them. */
  range(sheet: string, address: string): CellBlock {
    const worksheet = this.worksheet(sheet);
    const { top, left, bottom, right } = parseAddress(address);
    const values: GraphValue[][] = [];
    const formulas: GraphValue[][] = [];
    for (let r = top; r <= bottom; r += 1) {
      const row = worksheet.findRow(r);
      const cells = Array.from({ length: right - left + 1 }, (_, j) => row?.findCell(left + j)?.value);
      values.push(cells.map(graphValueOf));
      formulas.push(cells.map(graphFormulaOf));
    }
    return {
      address: `${quoteSheet(worksheet.name)}!${formatAddress(top, left, bottom, right)}`,
      rowIndex: top - 1,
      columnIndex: left - 1,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
      values,
      formulas,
    };
  }

  /** The smallest range holding every non-empty cell of the sheet (A1 when it is empty). */
  usedRange(sheet: string): CellBlock {
    const used = usedBoundsOf(this.worksheet(sheet));
    if (!used) return this.range(sheet, 'A1');
    return this.range(sheet, formatAddress(used.top, used.left, used.bottom, used.right));
  }

  /** Checks the change, journals it (fsync), then applies it: acknowledged means on disk. */
  async change(change: DocumentChange): Promise<void> {
    if (this.closed) throw new GraphFailure(503, 'ServiceNotAvailable', 'The workbook is closing.');
    this.check(change);
    await this.journal.append(change);
    this.apply(change);
    this.unfolded += 1;
    this.scheduleFold();
  }

  private check(change: DocumentChange): void {
    if (change.op === 'setRange' || change.op === 'clearRange') {
      this.worksheet(change.sheet);
      const { top, left, bottom, right } = parseAddress(change.address);
      if (change.op === 'setRange') {
        const fits =
          change.cells.length === bottom - top + 1 &&
          change.cells.every((r) => r.length === right - left + 1);
        if (!fits)
          throw new GraphFailure(
            400,
            'InvalidArgument',
            `The values do not match the range ${change.address}.`,
          );
      }
      return;
    }
    const table = this.table(change.table);
    const widthOk = (values: readonly CellWrite[]) => values.length === table.width;
    const inRange = (index: number, extra = 0) =>
      Number.isInteger(index) && index >= 0 && index < table.rowCount + extra;
    const fail = (message: string) => new GraphFailure(400, 'InvalidArgument', message);
    if (change.op === 'insertRows') {
      if (change.rows.length === 0 || !change.rows.every(widthOk))
        throw fail(`Each row must have ${table.width} values, one per column of ${table.name}.`);
      if (change.index !== null && !inRange(change.index, 1))
        throw fail(`The index ${change.index} is out of range.`);
    } else {
      if (!inRange(change.index)) {
        throw new GraphFailure(404, 'ItemNotFound', `${table.name} has no row at index ${change.index}.`);
      }
      if (change.op === 'updateRow' && !widthOk(change.values))
        throw fail(`A row of ${table.name} has ${table.width} values.`);
    }
  }

  private apply(change: DocumentChange): void {
    switch (change.op) {
      case 'insertRows':
        this.table(change.table).insertRows(change.index, change.rows);
        return;
      case 'updateRow':
        this.table(change.table).updateRow(change.index, change.values);
        return;
      case 'deleteRow':
        this.table(change.table).deleteRow(change.index);
        return;
      case 'setRange':
      case 'clearRange': {
        const sheet = this.worksheet(change.sheet);
        const { top, left, bottom, right } = parseAddress(change.address);
        for (let r = top; r <= bottom; r += 1) {
          const row = sheet.getRow(r);
          for (let c = left; c <= right; c += 1) {
            const write = change.op === 'setRange' ? change.cells[r - top][c - left] : null;
            if (!isUnchanged(write)) row.getCell(c).value = excelValueOf(write);
          }
        }
        return;
      }
    }
  }

  private scheduleFold(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // A fold rewrites the whole workbook: waiting until the journal is as large as the .xlsx keeps
    // the folds during a bulk write few enough that their cost stays linear in the rows written.
    if (this.journal.size >= Math.max(this.options.foldAtJournalBytes ?? 4 * 2 ** 20, this.fileBytes)) {
      void this.fold().catch((error) => this.options.log?.(`relacje server: fold failed: ${String(error)}`));
      return;
    }
    this.idleTimer = setTimeout(
      () =>
        void this.fold().catch((error) =>
          this.options.log?.(`relacje server: fold failed: ${String(error)}`),
        ),
      this.options.foldAfterIdleMs ?? 2000,
    );
    this.idleTimer.unref();
  }

  /** Writes every acknowledged change into the .xlsx and starts an empty journal. */
  fold(): Promise<void> {
    return this.exclusive(() => this.foldNow());
  }

  private async foldNow(): Promise<void> {
    if (this.unfolded === 0) return;
    const content = new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    // The .xlsx goes first; a crash before the journal is replaced leaves a journal whose base
    // no longer matches, which the next open sets aside instead of applying twice.
    await writeFileAtomically(this.file, content);
    this.fileBytes = content.length;
    await this.journal.replaceWith([{ op: 'base', sha256: sha256(content) }]);
    this.unfolded = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      await this.fold();
      this.closed = true;
      await this.journal.close();
      await fs.rm(serverJournalPathOf(this.file), { force: true });
    } finally {
      this.closed = true;
      await this.lock.release();
    }
  }
}

/** The bounds (1-based) of every non-empty cell of a sheet, or undefined when it is empty. */
export function usedBoundsOf(
  worksheet: ExcelJS.Worksheet,
): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  worksheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (graphFormulaOf(cell.value) === '') return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

/** `A1`, `B2:D10`, `$A$1:$B$2` → 1-based bounds. */
export function parseAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const clean = local.replace(/\$/g, '').toUpperCase();
  if (!/^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/.test(clean)) {
    throw new GraphFailure(400, 'InvalidArgument', `The address ${address} is not a valid range address.`);
  }
  const { top, left, bottom, right } = rangeOf(clean);
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

function formatAddress(top: number, left: number, bottom: number, right: number): string {
  const cell = (r: number, c: number) => `${colCache.n2l(c)}${r}`;
  return top === bottom && left === right ? cell(top, left) : `${cell(top, left)}:${cell(bottom, right)}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

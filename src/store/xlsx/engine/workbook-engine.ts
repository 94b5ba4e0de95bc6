import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Bilingual } from '../../../core/i18n';
import { removeInterruptedWrites } from '../atomic-write';
import { acquireFileLock, type FileLock } from '../file-lock';
import { Journal, readJournal } from '../journal';
import type { CellRange } from '../package/package-types';
import { parseRange } from '../package/cell-ref';
import { isUnchanged, type CellWrite } from './cell-writes';
import {
  changesOf,
  engineJournalPathOf,
  legacyServerJournalPathOf,
  planRecovery,
  setJournalAside,
  sha256Of,
  type EngineChange,
  type JournalLine,
} from './engine-journal';
import type { EngineTable } from './engine-table';
import { EngineFailure } from './engine-failure';
import { looseCellOf, type LooseCell } from './loose-sheet';
import { foldPackage } from './package-fold';
import { readWorkbookBytes } from './workbook-bytes';
import { loadWorkbookModel, type EngineSheet, type WorkbookModel } from './workbook-model';

export interface EngineOptions {
  /** No lock, no journal, no fold: for reading only. */
  readOnly?: boolean;
  /** Fold the journal into the .xlsx after this long without writes (default 2 s). */
  foldAfterIdleMs?: number;
  /** …or once the journal grows past this (default 16 MiB). */
  foldAtJournalBytes?: number;
  /** Told about journals set aside and folds that failed. */
  log?: (line: string) => void;
}

/**
 * The one durable engine for a local workbook, under the .xlsx store and the local server alike.
 * It holds the tables' rows and the small sheets' cells in memory; every acknowledged change is a
 * line in an fsynced journal beside the file before its promise resolves; when writes pause (and
 * on close) the journal is folded into the .xlsx by patching the package: only the sheets and
 * table parts that changed are rewritten, every other part is copied byte for byte. One lock lets
 * one process write; one recovery path replays a journal left by a crash.
 */
export class WorkbookEngine {
  private journal: Journal<JournalLine> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;
  private unfolded = 0;
  private closed = false;
  /** How long the last fold took. */
  private lastFoldMs = 0;
  /** The size of the .xlsx as last read or written. */
  private fileBytes = 0;
  /** Messages for the person who opened the workbook (a journal set aside). */
  readonly notices: Bilingual[] = [];

  private constructor(
    readonly file: string,
    private model: WorkbookModel,
    private readonly lock: FileLock | undefined,
    private readonly options: EngineOptions,
  ) {}

  static async open(file: string, options: EngineOptions = {}): Promise<WorkbookEngine> {
    const lock = options.readOnly ? undefined : await acquireFileLock(file);
    try {
      if (lock) await removeInterruptedWrites(file);
      const content = await readWorkbookBytes(file);
      const engine = new WorkbookEngine(file, loadWorkbookModel(file, content), lock, options);
      engine.fileBytes = content.length;
      await engine.recover(content);
      return engine;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get readOnly(): boolean {
    return this.lock === undefined;
  }

  get date1904(): boolean {
    return this.model.date1904;
  }

  /**
   * Replays a journal a crash left onto the .xlsx it continues, then folds it in. Read only, the
   * journal is replayed in memory and left as it is.
   */
  private async recover(content: Buffer): Promise<void> {
    const fileHash = sha256Of(content);
    const journalFile = engineJournalPathOf(this.file);
    const writable = !this.readOnly;
    const replay: EngineChange[] = [];
    for (const candidate of [legacyServerJournalPathOf(this.file), journalFile]) {
      const lines = await readJournal<JournalLine>(candidate);
      const plan = planRecovery(lines, fileHash);
      if (plan.kind === 'replay') for (const change of plan.changes) replay.push(change);
      if (plan.kind === 'setAside' && writable) {
        this.setAsideNotice(await setJournalAside(candidate), plan.entries);
      }
      if (candidate !== journalFile && writable && plan.kind !== 'setAside')
        await fs.rm(candidate, { force: true });
    }
    try {
      for (const change of replay) {
        this.check([change]);
        this.apply(change);
      }
    } catch (error) {
      // A journal that does not apply to this file (damaged by hand, say) is kept for a person,
      // and the workbook opens as it is on disk.
      this.model = loadWorkbookModel(this.file, content);
      if (writable)
        this.setAsideNotice(await setJournalAside(journalFile).catch(() => journalFile), replay.length);
      this.options.log?.(`relacje: the journal does not apply (${String(error)})`);
      replay.length = 0;
    }
    if (!writable) return;
    this.journal = new Journal<JournalLine>(journalFile);
    this.unfolded = replay.length;
    if (this.unfolded > 0) {
      await this.journal.open();
      // The replayed changes are safe in the journal either way: a fold that fails now is tried
      // again after the next write, and the workbook still opens.
      await this.foldNow().catch((error: unknown) =>
        this.options.log?.(`relacje: fold after recovery failed: ${String(error)}`),
      );
    } else {
      await this.journal.replaceWith([{ op: 'base', sha256: fileHash }]);
    }
  }

  private setAsideNotice(asideAs: string, entries: number): void {
    const name = path.basename(asideAs);
    const file = path.basename(this.file);
    const notice = {
      pl: `Dziennik zmian obok ${file} nie pasuje do tego pliku (plik zapisano w innym programie po ostatnim zapisie Relacji albo dziennik pochodzi ze starszej wersji). Nie zastosowano go; zachowano go jako ${name} (${entries} wpisów). Sprawdź, czy brakuje ostatnich zmian.`,
      en: `The change journal beside ${file} does not belong to this file (the file was saved by another program after Relacje last wrote it, or the journal is from an older version). It was not applied; it is kept as ${name} (${entries} entries). Check whether recent changes are missing.`,
    };
    this.notices.push(notice);
    this.options.log?.(`relacje: ${notice.en}`);
  }

  /** Runs `work` alone: no other operation of this engine interleaves with it. */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  sheets(): readonly EngineSheet[] {
    return this.model.sheets;
  }

  sheet(name: string): EngineSheet {
    const wanted = name.toLowerCase();
    const found = this.model.sheets.find((s) => s.name.toLowerCase() === wanted);
    if (!found) throw new EngineFailure('notFound', `The worksheet ${name} does not exist.`);
    return found;
  }

  tables(): EngineTable[] {
    return this.model.sheets.flatMap((s) => s.tables);
  }

  findTable(name: string): EngineTable | undefined {
    const wanted = name.toLowerCase();
    return this.tables().find((t) => t.name.toLowerCase() === wanted);
  }

  table(name: string): EngineTable {
    const found = this.findTable(name);
    if (!found) throw new EngineFailure('notFound', `The table ${name} does not exist.`);
    return found;
  }

  /** The cells of a sheet outside its tables. */
  looseCells(sheet: EngineSheet) {
    return this.model.looseCells(sheet);
  }

  /**
   * The number format of each column's new cells (`dd.mm.yyyy` for dates), by the caller that
   * knows what the columns hold; the engine itself knows Excel, not the CRM.
   */
  setColumnFormats(tableName: string, formats: readonly (string | undefined)[]): void {
    this.model.columnFormats.set(tableName.toLowerCase(), formats);
  }

  /** The cell at row `r`, column `c` of a sheet (1-based), from its tables or its other cells. */
  cell(sheet: EngineSheet, r: number, c: number): LooseCell | undefined {
    for (const table of sheet.tables) {
      if (c < table.left || c > table.right || r < table.top || r > table.bottom) continue;
      if (r === table.top) return { value: table.headers[c - table.left] };
      const row = table.rows[r - table.top - 1];
      if (!row) return undefined;
      const j = c - table.left;
      const formula = row.formulas?.[j];
      return formula === undefined ? { value: row.values[j] } : { value: row.values[j], formula };
    }
    return this.model.looseCells(sheet).get(r)?.get(c);
  }

  /** The smallest range holding every non-empty cell of the sheet, or undefined. */
  usedRange(sheet: EngineSheet): CellRange | undefined {
    let used: CellRange | undefined;
    const take = (r: number, c: number) => {
      if (!used) used = { top: r, left: c, bottom: r, right: c };
      else {
        used.top = Math.min(used.top, r);
        used.bottom = Math.max(used.bottom, r);
        used.left = Math.min(used.left, c);
        used.right = Math.max(used.right, c);
      }
    };
    for (const table of sheet.tables) {
      take(table.top, table.left);
      take(table.bottom, table.right);
    }
    for (const [r, cols] of this.model.looseCells(sheet)) {
      for (const [c, cell] of cols) if (cell.value !== null || cell.formula !== undefined) take(r, c);
    }
    return used;
  }

  /** Checks the changes, journals them as one line (fsync), then applies them. */
  async change(changes: EngineChange | readonly EngineChange[]): Promise<void> {
    const list = Array.isArray(changes) ? (changes as EngineChange[]) : [changes as EngineChange];
    if (this.closed) throw new EngineFailure('closing', 'The workbook is closing.');
    if (!this.journal) throw new EngineFailure('readOnly', 'The workbook was opened read-only.');
    if (list.length === 0) return;
    this.check(list);
    await this.journal.append(list.length === 1 ? list[0] : { op: 'batch', changes: list });
    for (const change of list) this.apply(change);
    this.unfolded += list.length;
    this.scheduleFold();
  }

  /**
   * Applies changes without journaling them, to fill a workbook that was just created and that
   * nobody has seen: a crash before the next fold loses only the filling, which is simply redone
   * (a generated data set). Never for a user's writes: those go through `change`.
   */
  fillNewWorkbook(changes: readonly EngineChange[]): void {
    if (!this.journal) throw new EngineFailure('readOnly', 'The workbook was opened read-only.');
    this.check(changes);
    for (const change of changes) this.apply(change);
    this.unfolded += changes.length;
  }

  /** Refuses changes that cannot apply, before anything is written; batches are checked in order. */
  private check(changes: readonly EngineChange[]): void {
    const counts = new Map<EngineTable, number>();
    const rowCount = (table: EngineTable) => counts.get(table) ?? table.rowCount;
    for (const change of changes) {
      if (change.op === 'setRange' || change.op === 'clearRange') {
        const sheet = this.sheet(change.sheet);
        const range = parseAddress(change.address);
        if (change.op === 'setRange') {
          const fits =
            change.cells.length === range.bottom - range.top + 1 &&
            change.cells.every((r) => r.length === range.right - range.left + 1);
          if (!fits)
            throw new EngineFailure('invalid', `The values do not match the range ${change.address}.`);
        }
        if (
          sheet.tables.some((t) =>
            overlaps(range, { top: t.top, left: t.left, bottom: Infinity, right: t.right }),
          )
        )
          throw new EngineFailure(
            'unsupported',
            `The range ${change.address} of ${sheet.name} reaches into a table: change the table's rows instead.`,
          );
        continue;
      }
      const table = this.table(change.table);
      const count = rowCount(table);
      const widthOk = (values: readonly CellWrite[]) => values.length === table.width;
      const inRange = (index: number, extra = 0) =>
        Number.isInteger(index) && index >= 0 && index < count + extra;
      if (change.op === 'insertRows') {
        if (change.rows.length === 0 || !change.rows.every(widthOk))
          throw new EngineFailure(
            'invalid',
            `Each row must have ${table.width} values, one per column of ${table.name}.`,
          );
        if (change.index !== null && !inRange(change.index, 1))
          throw new EngineFailure('invalid', `The index ${change.index} is out of range.`);
        counts.set(table, count + change.rows.length);
      } else {
        if (!inRange(change.index))
          throw new EngineFailure('notFound', `${table.name} has no row at index ${change.index}.`);
        if (change.op === 'updateRow' && !widthOk(change.values))
          throw new EngineFailure('invalid', `A row of ${table.name} has ${table.width} values.`);
        if (change.op === 'deleteRow') counts.set(table, count - 1);
      }
    }
  }

  private apply(change: EngineChange): void {
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
        const sheet = this.sheet(change.sheet);
        const cells = this.model.looseCells(sheet);
        const { top, left, bottom, right } = parseAddress(change.address);
        for (let r = top; r <= bottom; r += 1) {
          let row = cells.get(r);
          for (let c = left; c <= right; c += 1) {
            const write = change.op === 'setRange' ? change.cells[r - top][c - left] : null;
            if (isUnchanged(write)) continue;
            const cell = looseCellOf(write);
            if (cell) {
              if (!row) cells.set(r, (row = new Map()));
              row.set(c, cell);
            } else row?.delete(c);
          }
          if (row?.size === 0) cells.delete(r);
        }
        sheet.cellsDirty = true;
        return;
      }
    }
  }

  private scheduleFold(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const onFailure = (error: unknown) => this.options.log?.(`relacje: fold failed: ${String(error)}`);
    // A fold rewrites the changed sheets whole: waiting until the journal is as large as the .xlsx
    // keeps the folds during a bulk write few enough that their cost stays linear in the rows written.
    const threshold = Math.max(this.options.foldAtJournalBytes ?? 16 * 2 ** 20, this.fileBytes);
    if (this.journal && this.journal.size >= threshold) {
      void this.fold().catch(onFailure);
      return;
    }
    this.idleTimer = setTimeout(
      () => void this.fold().catch(onFailure),
      // A fold holds every request until it is done, and takes long on a big workbook: the pause
      // that starts one grows with it (ten times the last fold), so that a person at work is not
      // kept waiting by a fold after every few seconds' pause. The journal keeps every write safe.
      this.options.foldAfterIdleMs ?? Math.max(2000, 10 * this.lastFoldMs),
    );
    this.idleTimer.unref();
  }

  /** Writes every acknowledged change into the .xlsx and starts an empty journal. */
  fold(): Promise<void> {
    return this.exclusive(() => this.foldNow());
  }

  private async foldNow(): Promise<void> {
    if (this.unfolded === 0 || !this.journal) return;
    const started = Date.now();
    const content = await readWorkbookBytes(this.file);
    this.fileBytes = content.length;
    const made = await foldPackage(this.file, content, this.model, {
      // The new file's hash is journaled before it replaces the old one: a crash after the
      // rename then finds a journal that says its changes are in the file already.
      beforeReplace: (sha256) => this.journal!.append({ op: 'folded', sha256 }),
    });
    this.model.folded();
    await this.journal.replaceWith([{ op: 'base', sha256: made.sha256 }]);
    this.unfolded = 0;
    this.lastFoldMs = Date.now() - started;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      if (this.journal) {
        await this.fold();
        this.closed = true;
        await this.journal.close();
        await fs.rm(engineJournalPathOf(this.file), { force: true });
      }
    } finally {
      this.closed = true;
      await this.lock?.release();
    }
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** `A1`, `B2:D10`, `$A$1:$B$2`, `Sheet!A1` → 1-based bounds. */
export function parseAddress(address: string): CellRange {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const clean = local.replace(/\$/g, '').toUpperCase();
  const range = parseRange(clean);
  if (!range) throw new EngineFailure('invalid', `The address ${address} is not a valid range address.`);
  return range;
}

export { changesOf };

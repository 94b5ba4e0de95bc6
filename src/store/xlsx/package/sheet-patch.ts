import { attributeOf } from '../xml-scan';
import { cellRef, columnNumber, MAX_ROW } from './cell-ref';
import { cellXml, type CellXmlOptions } from './cell-xml';
import { shiftFormula } from './formula-shift';
import type { BodyRow, CellRange, CellValue, FormulaCell } from './package-types';
import { hasFormula, SharedFormulas } from './shared-formulas';
import {
  rowAttributes,
  withAnchorsMoved,
  withDimension,
  withRangesFollowing,
  worthKeeping,
} from './sheet-frame';
import {
  addSharedStringRefs,
  forEachSharedStringRef,
  parseRow,
  renumberedRow,
  RowCursor,
  rowSpans,
  rowStartFrom,
  sharedStringOf,
  sheetLayout,
  type ParsedCell,
  type ParsedRow,
  type RowSpan,
  type SheetLayout,
} from './sheet-rows';

export { sharedStringRefs, SheetPatchUnsupported } from './sheet-rows';
export { replaceSheetCells } from './sheet-replace';

/** One table's new body, to be written over its sheet. Rows are 1-based sheet rows. */
export interface SheetTablePatch {
  /** The header row. */
  top: number;
  left: number;
  right: number;
  /** The table's last row in the original, totals row included. */
  oldBottom: number;
  totalsRowCount: number;
  /** The new body, top to bottom; origins strictly increase (0 for a new row). */
  rows: readonly BodyRow[];
  /** Per table column: the formula new rows get where their cell is undefined. */
  calculatedFormulas: readonly (string | undefined)[];
  /** Per table column: the style (`s`) of cells the patch creates. */
  columnStyles: readonly (number | undefined)[];
  /**
   * Per table column: header text to write (a column the table part gains), undefined to keep the
   * header cell as it is. A new header cell takes the look of its nearest neighbour in the header.
   */
  header?: readonly (CellValue | undefined)[];
}

export type SheetPatchOptions = CellXmlOptions;

export interface PatchReport {
  /** Shared strings that cells of the original showed and no cell of the output shows. */
  droppedSharedStrings: number[];
  /** Shared strings the output's cells show (worked out when first read). */
  usedSharedStrings: Set<number>;
  /** A formula cell moved, went or came: the calculation chain no longer fits. */
  formulasMoved: boolean;
}

/**
 * The sheet with one table's body replaced, as Excel inserts and deletes table rows: within the
 * table's columns cells move with their rows (and those below the table with its growth or
 * shrink), cells beside the table stay on their sheet rows, the totals row follows the body, and
 * rows the table gave up hold nothing of it. Cells that are kept are copied byte for byte (their
 * `r` renumbered); outside `<sheetData>` only `<dimension>` and the ranges of validations and
 * conditional formats that followed the data rows change. Streamed: the output is a sequence of
 * chunks, and `result()` is valid once they have all been read.
 */
export function patchSheet(
  original: Buffer,
  patch: SheetTablePatch,
  options: SheetPatchOptions,
): { chunks: Iterable<string | Buffer>; result(): PatchReport } {
  const patcher = new TablePatcher(original, patch, options);
  return { chunks: patcher.chunks(), result: () => patcher.report() };
}

/** A table row of the output: where it goes, and what it is made of. */
type TableRow =
  | { out: number; kind: 'header' }
  | { out: number; kind: 'body'; index: number; source: RowSpan | undefined }
  | { out: number; kind: 'new'; index: number }
  | { out: number; kind: 'moved'; source: RowSpan };

class TablePatcher {
  private readonly layout: SheetLayout;
  private readonly width: number;
  private readonly oldLastData: number;
  private readonly newLastData: number;
  private readonly newBottom: number;
  private readonly delta: number;
  private readonly originIndex = new Map<number, number>();
  private readonly shared: SharedFormulas;
  /** How many cells that are not written again showed each shared string. */
  private readonly dropped = new Map<number, number>();
  private formulasMoved = false;
  private bottom: number;
  private finished = false;
  private readonly parsed = new Map<number, ParsedRow>();
  /**
   * The rows of the original from the first one the patch may change, found once for the
   * pre-pass and both cursors; those above it stand as they are, as the slice up to `keptEnd`.
   */
  private readonly spans: RowSpan[];
  private readonly keptEnd: number;
  /** The first body row (its index) the walk handles: the ones above are in the kept slice. */
  private readonly firstWalked: number;

  constructor(
    private readonly xml: Buffer,
    private readonly patch: SheetTablePatch,
    private readonly options: SheetPatchOptions,
  ) {
    this.layout = sheetLayout(xml);
    const { top, left, right, oldBottom, totalsRowCount, rows } = patch;
    this.width = right - left + 1;
    this.oldLastData = oldBottom - totalsRowCount;
    if (!(top >= 1 && this.width >= 1 && this.oldLastData > top)) {
      throw new RangeError(`Not a table's place: rows ${top}-${oldBottom}, columns ${left}-${right}`);
    }
    // Excel keeps one data row in an empty table.
    this.newLastData = top + Math.max(rows.length, 1);
    this.newBottom = this.newLastData + totalsRowCount;
    if (this.newBottom > MAX_ROW) throw new RangeError(`The table would end past row ${MAX_ROW}`);
    this.delta = this.newBottom - oldBottom;
    let previous = 0;
    rows.forEach((row, i) => {
      if (row.origin === 0) return;
      if (!(row.origin > previous && row.origin > top && row.origin <= this.oldLastData)) {
        throw new RangeError(`Body row ${i} comes from row ${row.origin}, not a data row after ${previous}`);
      }
      previous = row.origin;
      this.originIndex.set(row.origin, i);
    });
    this.shared = new SharedFormulas((row, col) => this.destination(row, col));
    this.bottom = this.newBottom;
    const kept = this.keptAbove();
    this.firstWalked = kept?.rows ?? 0;
    this.keptEnd = kept?.from.at ?? this.layout.openEnd;
    this.spans = [...rowSpans(xml, this.layout, kept?.from)];
    this.prepass();
  }

  /** Where an original cell goes: a new row, or undefined when it is not written again. */
  private destination(row: number, col: number): number | undefined {
    const { top, left, right } = this.patch;
    if (col < left || col > right || row <= top) return row;
    if (row > this.oldLastData) return row + this.delta;
    const index = this.originIndex.get(row);
    if (index === undefined || this.patch.rows[index].cells[col - left] !== undefined) return undefined;
    return top + 1 + index;
  }

  /**
   * The table rows at the top that stay where they are, untouched, with every sheet row above
   * them: an append or a change near the end of a big table leaves most of its sheet as it is,
   * and that part is not walked row by row. Not with shared formulas (their groups are read from
   * every row) or a header to rewrite.
   */
  private keptAbove(): { rows: number; from: { at: number; previous: number } } | undefined {
    const { xml, layout, patch } = this;
    const { top, rows } = patch;
    if (patch.header?.some((cell) => cell !== undefined)) return undefined;
    let count = 0;
    while (
      count < rows.length &&
      rows[count].origin === top + 1 + count &&
      rows[count].cells.every((cell) => cell === undefined)
    ) {
      count += 1;
    }
    if (count === 0) return undefined;
    if (xml.subarray(layout.openEnd, layout.closeStart).indexOf('shared') >= 0) return undefined;
    const from = rowStartFrom(xml, layout, top + 1 + count);
    return from && { rows: count, from };
  }

  /**
   * The one pre-pass: shared formula groups (only rows that hold any are parsed) and the last row
   * the output will use (only rows past the table's end are parsed).
   */
  private prepass(): void {
    const { xml, layout } = this;
    const hasShared = xml.subarray(layout.openEnd, layout.closeStart).indexOf('shared') >= 0;
    const from = Math.min(this.patch.oldBottom, this.newBottom);
    const hasDimension = xml.subarray(0, layout.start).indexOf('<dimension') >= 0;
    if (!hasShared && !hasDimension) return;
    for (const span of this.spans) {
      const shared = hasShared && xml.subarray(span.start, span.end).indexOf('shared') >= 0;
      const past = hasDimension && span.number > from;
      if (!shared && !past) continue;
      const row = parseRow(xml, span);
      if (shared) this.shared.add(row);
      if (!past) continue;
      for (const cell of row.cells) {
        const to = this.destination(span.number, cell.col);
        if (to !== undefined && to > this.bottom) this.bottom = to;
      }
    }
    this.shared.settle();
  }

  /**
   * Kept cells are copied as they are and new ones are inline strings, so the output's shared
   * strings are the original's less those only dropped cells showed: counted here, after the pass,
   * and only when some were dropped, so that the pass itself never looks at a shared string index.
   */
  /**
   * Where a merge or a hyperlink goes with the cells it covers: with its table row (gone with a
   * deleted row), with the cells below the table, or nowhere else. One that straddles the table's
   * edge, or rows that do not move together, stays where it is.
   */
  private movedRange(range: CellRange): CellRange | null {
    const { top, left, right } = this.patch;
    if (range.left < left || range.right > right || range.top <= top) return range;
    const shift = (delta: number) =>
      delta === 0 ? range : { ...range, top: range.top + delta, bottom: range.bottom + delta };
    if (range.top > this.oldLastData) return shift(this.delta);
    if (range.bottom > this.oldLastData) return range;
    const first = this.originIndex.get(range.top);
    const last = this.originIndex.get(range.bottom);
    if (first === undefined && last === undefined && range.top === range.bottom) return null;
    if (first === undefined || last === undefined || last - first !== range.bottom - range.top) return range;
    return shift(top + 1 + first - range.top);
  }

  report(): PatchReport {
    if (!this.finished) throw new Error('The patch report is known once every chunk has been read');
    const { xml, layout } = this;
    const left = new Map(this.dropped);
    if (left.size > 0) {
      forEachSharedStringRef(xml, layout.openEnd, layout.closeStart, (index) => {
        const count = left.get(index);
        if (count !== undefined) left.set(index, count - 1);
      });
    }
    // A string that one more cell of the original showed than were dropped stays in use.
    const droppedSharedStrings = [...left].filter(([, count]) => count === 0).map(([index]) => index);
    let used: Set<number> | undefined;
    return {
      droppedSharedStrings: droppedSharedStrings.sort((a, b) => a - b),
      get usedSharedStrings() {
        if (!used) {
          used = new Set<number>();
          addSharedStringRefs(xml, layout.openEnd, layout.closeStart, used);
          for (const index of droppedSharedStrings) used.delete(index);
        }
        return used;
      },
      formulasMoved: this.formulasMoved,
    };
  }

  /** Strings, and the original's bytes where a run of rows stands as it is (no copy is made of them). */
  *chunks(): Generator<string | Buffer> {
    const { xml, layout, patch } = this;
    yield withDimension(xml.toString('utf8', 0, layout.start), (old) => ({
      top: Math.min(old?.top ?? patch.top, patch.top),
      left: Math.min(old?.left ?? patch.left, patch.left),
      bottom: this.bottom,
      right: Math.max(old?.right ?? patch.right, patch.right),
    }));
    yield layout.closeStart === layout.openEnd
      ? '<sheetData>'
      : xml.toString('utf8', layout.start, layout.openEnd);
    yield* this.rows();
    yield '</sheetData>';
    const tail = withRangesFollowing(xml.toString('utf8', layout.end), {
      top: patch.top + 1,
      left: patch.left,
      right: patch.right,
      oldBottom: this.oldLastData,
      newBottom: this.newLastData,
    });
    yield withAnchorsMoved(tail, (range) => this.movedRange(range));
    this.finished = true;
  }

  /** The rows of the output, merged from the original's rows in place and the table's rows. */
  private *rows(): Generator<string | Buffer> {
    const { xml } = this;
    const own = new RowCursor(this.spans);
    const table = this.tableRows();
    let next = table.next();
    // Rows that stand as they are, one after another in the original: one slice of its bytes.
    let runStart = this.layout.openEnd;
    let runEnd = this.keptEnd;
    for (;;) {
      const mine = own.peek();
      const theirs = next.done ? undefined : next.value;
      if (!mine && !theirs) break;
      const row = Math.min(mine?.number ?? Infinity, theirs?.out ?? Infinity);
      const original = mine?.number === row ? mine : undefined;
      const output = theirs?.out === row ? theirs : undefined;
      if (original && this.standsAsItIs(row, original, output)) {
        if (original.start !== runEnd) {
          if (runEnd > runStart) yield xml.subarray(runStart, runEnd);
          runStart = original.start;
        }
        runEnd = original.end;
      } else {
        const text = this.row(row, original, output);
        if (text) {
          if (runEnd > runStart) yield xml.subarray(runStart, runEnd);
          runStart = runEnd = 0;
          yield text;
        }
      }
      if (original) own.advance();
      if (output) next = table.next();
    }
    if (runEnd > runStart) yield xml.subarray(runStart, runEnd);
  }

  /** Whether the original row is written again byte for byte, where it was. */
  private standsAsItIs(number: number, mine: RowSpan, theirs: TableRow | undefined): boolean {
    if (theirs?.kind === 'header' || this.shared.brokenRows.has(number)) return false;
    return number <= this.patch.top || this.unchanged(mine, theirs);
  }

  /** The table's rows in output order: the body, then the totals row and what lies below. */
  private *tableRows(): Generator<TableRow> {
    const { top, rows } = this.patch;
    const source = new RowCursor(this.spans);
    if (this.patch.header?.some((cell) => cell !== undefined)) yield { out: top, kind: 'header' };
    for (let i = this.firstWalked; i < rows.length; i += 1) {
      const origin = rows[i].origin;
      const out = top + 1 + i;
      yield origin === 0
        ? { out, kind: 'new', index: i }
        : { out, kind: 'body', index: i, source: source.seek(origin) };
    }
    if (rows.length === 0) yield { out: top + 1, kind: 'new', index: -1 };
    source.seek(this.oldLastData + 1);
    for (let span = source.peek(); span; source.advance(), span = source.peek()) {
      const out = span.number + this.delta;
      if (out > MAX_ROW && this.insideCells(this.parse(span)).length > 0) {
        throw new RangeError(`Cells below the table would move past row ${MAX_ROW}`);
      }
      yield { out, kind: 'moved', source: span };
    }
  }

  private parse(span: RowSpan): ParsedRow {
    let row = this.parsed.get(span.start);
    if (!row) {
      row = parseRow(this.xml, span);
      this.parsed.set(span.start, row);
      // Two cursors walk the rows, never far apart: a few rows of memory are enough.
      if (this.parsed.size > 4) this.parsed.delete(this.parsed.keys().next().value!);
    }
    return row;
  }

  private insideCells(row: ParsedRow): ParsedCell[] {
    const { left, right } = this.patch;
    return row.cells.filter((cell) => cell.col >= left && cell.col <= right);
  }

  private row(number: number, mine: RowSpan | undefined, theirs: TableRow | undefined): string {
    const { top, left, right, oldBottom } = this.patch;
    if (theirs?.kind === 'header') return this.header(mine ? this.parse(mine) : undefined);
    const shifted = this.shiftedWhole(number, mine, theirs);
    if (shifted !== undefined) return shifted;
    const own = mine ? this.parse(mine) : undefined;
    if (own && number <= top) {
      const cells = own.cells.map((cell) => this.copy(cell, number, number)).join('');
      return `<row${own.attributes}>${cells}</row>`;
    }
    if (own && number <= this.oldLastData && !this.originIndex.has(number)) {
      for (const cell of this.insideCells(own)) this.drop(cell);
    }
    const beside = (cell: ParsedCell) =>
      cell.col < left || cell.col > right ? this.copy(cell, number, number) : '';
    const before = own
      ? own.cells
          .filter((cell) => cell.col < left)
          .map(beside)
          .join('')
      : '';
    const after = own
      ? own.cells
          .filter((cell) => cell.col > right)
          .map(beside)
          .join('')
      : '';
    const inside = theirs ? this.tableCells(theirs) : '';
    let attributes = '';
    if (number <= this.newBottom) {
      const source =
        theirs && (theirs.kind === 'body' || theirs.kind === 'moved') ? theirs.source : undefined;
      attributes = source ? this.parse(source).attributes : '';
    } else if (number > oldBottom && own) attributes = own.attributes;
    const cells = before + inside + after;
    if (!cells && !worthKeeping(attributes)) return '';
    return `<row r="${number}"${rowAttributes(attributes)}${cells ? `>${cells}</row>` : '/>'}`;
  }

  /**
   * A kept table row that only moves, when nothing but its own cells is in the way: the whole row
   * renumbered, without reading its cells one by one (a delete near the top of a big table moves
   * every row below it).
   */
  private shiftedWhole(
    number: number,
    mine: RowSpan | undefined,
    theirs: TableRow | undefined,
  ): string | undefined {
    if (!theirs || theirs.kind === 'new' || theirs.kind === 'header' || !theirs.source) return undefined;
    if (number > this.newBottom) return undefined;
    if (theirs.kind === 'body' && !this.patch.rows[theirs.index].cells.every((cell) => cell === undefined)) {
      return undefined;
    }
    const { xml } = this;
    const source = theirs.source;
    const bytes = xml.subarray(source.start, source.end);
    const formulas = bytes.indexOf('<f') >= 0;
    if (formulas && (bytes.indexOf('shared') >= 0 || bytes.indexOf('array') >= 0)) return undefined;
    if (!this.within(source) || (mine && !this.within(mine))) return undefined;
    if (mine && number <= this.oldLastData && !this.originIndex.has(number)) {
      for (const cell of this.parse(mine).cells) this.drop(cell);
    }
    if (formulas) this.formulasMoved = true;
    return renumberedRow(xml.toString('utf8', source.start, source.end), number);
  }

  /** The header row with the header cells the patch names written over (or beside) the old ones. */
  private header(own: ParsedRow | undefined): string {
    const { top, left, right, header = [] } = this.patch;
    const cells = new Map<number, string>();
    const styles: (number | undefined)[] = [];
    for (const cell of own?.cells ?? []) {
      const j = cell.col - left;
      if (cell.col >= left && cell.col <= right) {
        const s = attributeOf(cell.attributes, 's');
        styles[j] = s === undefined ? undefined : Number(s);
        if (header[j] !== undefined) {
          this.drop(cell);
          continue;
        }
      }
      cells.set(cell.col, this.copy(cell, top, top));
    }
    header.forEach((text, j) => {
      if (text === undefined) return;
      const near =
        [...styles.slice(0, j)].reverse().find((s) => s !== undefined) ?? styles.find((s) => s !== undefined);
      cells.set(left + j, this.fresh(cellRef(top, left + j), text, styles[j] ?? near));
    });
    const xml = [...cells]
      .sort(([a], [b]) => a - b)
      .map(([, cell]) => cell)
      .join('');
    return `<row r="${top}"${rowAttributes(own?.attributes ?? '')}>${xml}</row>`;
  }

  /** Whether every cell of the row is in the table's columns, by its first and last cell alone. */
  private within(span: RowSpan): boolean {
    const { xml } = this;
    const first = xml.indexOf('<c', span.start);
    if (first < 0 || first >= span.end) return true;
    // A cell without attributes sits at a place implied by the cells before it: read them all.
    if (xml[first + 2] !== 0x20) return false;
    const last = xml.subarray(span.start, span.end).lastIndexOf('<c ') + span.start;
    const colAt = (at: number) => {
      const tag = xml.toString('latin1', at, xml.indexOf('>', at));
      const ref = attributeOf(tag.slice(2), 'r');
      return ref === undefined ? NaN : columnNumber(ref.replace(/\d+$/, ''));
    };
    return colAt(first) >= this.patch.left && colAt(last) <= this.patch.right;
  }

  /** Whether the original row stands in the output as it is: same place, same cells. */
  private unchanged(mine: RowSpan, theirs: TableRow | undefined): boolean {
    if (
      !theirs ||
      (theirs.kind !== 'body' && theirs.kind !== 'moved') ||
      theirs.source?.start !== mine.start
    ) {
      return false;
    }
    return theirs.kind === 'moved' || this.patch.rows[theirs.index].cells.every((cell) => cell === undefined);
  }

  private tableCells(row: TableRow): string {
    if (row.kind === 'header') return '';
    if (row.kind === 'moved') {
      const from = row.source.number;
      return this.insideCells(this.parse(row.source))
        .map((cell) => this.copy(cell, from, row.out))
        .join('');
    }
    const { left, rows, calculatedFormulas, columnStyles, top } = this.patch;
    const origin: (ParsedCell | undefined)[] = new Array<ParsedCell | undefined>(this.width);
    if (row.kind === 'body' && row.source) {
      for (const cell of this.insideCells(this.parse(row.source))) origin[cell.col - left] = cell;
    }
    const from = row.kind === 'body' ? rows[row.index].origin : 0;
    // The blank row an empty table keeps holds nothing, not even a calculated column's formula.
    const values = row.index >= 0 ? rows[row.index].cells : new Array<null>(this.width).fill(null);
    let out = '';
    for (let j = 0; j < this.width; j += 1) {
      const value = values[j];
      const kept = origin[j];
      const ref = cellRef(row.out, left + j);
      if (row.kind === 'body') {
        if (value === undefined) {
          if (kept) out += this.copy(kept, from, row.out);
          continue;
        }
        if (kept) this.drop(kept);
        const s = kept ? attributeOf(kept.attributes, 's') : undefined;
        out += this.fresh(ref, value, s === undefined ? columnStyles[j] : Number(s));
        continue;
      }
      const formula = calculatedFormulas[j];
      if (value === undefined && formula !== undefined) {
        // A calculated column's formula is that of its first data row; A1 references follow the row.
        out += this.fresh(ref, { formula: shiftFormula(formula, row.out - top - 1, 0) }, columnStyles[j]);
      } else out += this.fresh(ref, value ?? null, columnStyles[j]);
    }
    return out;
  }

  private fresh(ref: string, cell: CellValue | FormulaCell, style: number | undefined): string {
    if (cell !== null && typeof cell === 'object') this.formulasMoved = true;
    return cellXml(ref, cell, style, this.options);
  }

  /** An original cell written again at `toRow`. */
  private copy(cell: ParsedCell, fromRow: number, toRow: number): string {
    if (toRow !== fromRow && hasFormula(cell)) this.formulasMoved = true;
    return this.shared.moved(cell, fromRow, toRow);
  }

  /** An original cell that is not written again. */
  private drop(cell: ParsedCell): void {
    const index = sharedStringOf(cell);
    if (index !== undefined) this.dropped.set(index, (this.dropped.get(index) ?? 0) + 1);
    if (hasFormula(cell)) this.formulasMoved = true;
  }
}

import { cellRef } from '../../store/xlsx/package/cell-ref';
import type { EngineChange } from '../../store/xlsx/engine/engine-journal';
import { isEngineFailure, type EngineFailureKind } from '../../store/xlsx/engine/engine-failure';
import { parseAddress, WorkbookEngine } from '../../store/xlsx/engine/workbook-engine';
import type { EngineSheet } from '../../store/xlsx/engine/workbook-model';
import { GraphFailure } from '../graph-errors';
import { graphFormulaOf, graphValueOf, type GraphValue } from './graph-values';
import { TableArea } from './table-area';

/** A change to the workbook, as journaled (the engine's change). */
export type DocumentChange = EngineChange;

export interface DocumentOptions {
  /** Fold the journal into the .xlsx after this long without writes (default 2 s). */
  foldAfterIdleMs?: number;
  /** …or once the journal grows past this (default 16 MiB). */
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

const GRAPH_ERRORS: Record<EngineFailureKind, [number, string]> = {
  notFound: [404, 'ItemNotFound'],
  invalid: [400, 'InvalidArgument'],
  unsupported: [400, 'NotSupported'],
  closing: [503, 'ServiceNotAvailable'],
  readOnly: [403, 'AccessDenied'],
};

/** The engine's refusals as Graph's error answers. */
function asGraphFailure(error: unknown): unknown {
  if (!isEngineFailure(error)) return error;
  const [status, code] = GRAPH_ERRORS[error.kind];
  return new GraphFailure(status, code, error.message);
}

function graphErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asGraphFailure(error);
  }
}

/**
 * The workbook the local server serves, generic over its tables and sheets (it knows Excel, not
 * the CRM): a thin Graph-shaped view of the durable workbook engine, which journals every
 * acknowledged change and folds it into the .xlsx by patching the package.
 */
export class WorkbookDocument {
  private constructor(private readonly engine: WorkbookEngine) {}

  static async open(file: string, options: DocumentOptions = {}): Promise<WorkbookDocument> {
    return new WorkbookDocument(await WorkbookEngine.open(file, options));
  }

  get file(): string {
    return this.engine.file;
  }

  /** Runs `work` alone: no other operation of this document interleaves with it. */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    return this.engine.exclusive(work);
  }

  tables(): TableArea[] {
    return this.engine.tables().map((t) => new TableArea(t));
  }

  table(name: string): TableArea {
    return graphErrors(() => new TableArea(this.engine.table(name)));
  }

  worksheets(): readonly EngineSheet[] {
    return this.engine.sheets();
  }

  worksheet(name: string): EngineSheet {
    return graphErrors(() => this.engine.sheet(name));
  }

  /** The cells of `address` on `sheet` as Graph's range resource gives them. */
  range(sheet: string, address: string): CellBlock {
    return graphErrors(() => {
      const found = this.engine.sheet(sheet);
      const { top, left, bottom, right } = parseAddress(address);
      const values: GraphValue[][] = [];
      const formulas: GraphValue[][] = [];
      for (let r = top; r <= bottom; r += 1) {
        const rowValues: GraphValue[] = [];
        const rowFormulas: GraphValue[] = [];
        for (let c = left; c <= right; c += 1) {
          const cell = this.engine.cell(found, r, c);
          rowValues.push(graphValueOf(cell?.value));
          rowFormulas.push(graphFormulaOf(cell?.value, cell?.formula));
        }
        values.push(rowValues);
        formulas.push(rowFormulas);
      }
      return {
        address: `${quoteSheet(found.name)}!${formatAddress(top, left, bottom, right)}`,
        rowIndex: top - 1,
        columnIndex: left - 1,
        rowCount: bottom - top + 1,
        columnCount: right - left + 1,
        values,
        formulas,
      };
    });
  }

  /** The smallest range holding every non-empty cell of the sheet (A1 when it is empty). */
  usedRange(sheet: string): CellBlock {
    const used = graphErrors(() => this.engine.usedRange(this.engine.sheet(sheet)));
    if (!used) return this.range(sheet, 'A1');
    return this.range(sheet, formatAddress(used.top, used.left, used.bottom, used.right));
  }

  /** Checks the change, journals it (fsync), then applies it: acknowledged means on disk. */
  async change(change: DocumentChange | readonly DocumentChange[]): Promise<void> {
    try {
      await this.engine.change(change);
    } catch (error) {
      throw asGraphFailure(error);
    }
  }

  /** Writes every acknowledged change into the .xlsx and starts an empty journal. */
  fold(): Promise<void> {
    return this.engine.fold();
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

function formatAddress(top: number, left: number, bottom: number, right: number): string {
  return top === bottom && left === right
    ? cellRef(top, left)
    : `${cellRef(top, left)}:${cellRef(bottom, right)}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

import { LeanWorkbook } from '../lean-workbook';
import { readTablePart } from '../package/table-part';
import type { CellValue } from '../package/package-types';
import { parseRange } from '../package/cell-ref';
import { displayOfRaw } from '../cell-value';
import { ZipEntries } from '../zip-entries';
import { EngineFailure } from './engine-failure';
import { EngineTable, type EngineRow } from './engine-table';
import { notAWorkbook } from './workbook-bytes';
import { readLooseCells, type LooseCells } from './loose-sheet';
import { readWorkbookStructure, type SheetPart, type WorkbookStructure } from './workbook-structure';

/**
 * Sheets without tables are held cell by cell (the product's `_meta` and Dashboard, a user's
 * notes) up to this size of XML; a larger one is the user's own data, which the engine only copies.
 */
const MAX_LOOSE_SHEET_BYTES = 16 * 2 ** 20;

export interface EngineSheet extends SheetPart {
  tables: EngineTable[];
  /** False for a big sheet of the user's that the engine copies and does not read. */
  heldCellByCell?: boolean;
  /** The sheet's cells outside tables were changed since the last fold. */
  cellsDirty: boolean;
}

/** The engine's picture of the workbook: every table's rows, and the other sheets' cells. */
export class WorkbookModel {
  private readonly loose = new Map<EngineSheet, LooseCells>();
  /** Number formats for new cells, by lower-case table name (see `WorkbookEngine.setColumnFormats`). */
  readonly columnFormats = new Map<string, readonly (string | undefined)[]>();

  constructor(
    readonly sheets: EngineSheet[],
    readonly structure: WorkbookStructure,
    loose: Map<EngineSheet, LooseCells>,
  ) {
    this.loose = loose;
  }

  get date1904(): boolean {
    return this.structure.date1904;
  }

  /** The cells of a sheet outside its tables (every cell of a sheet without tables). */
  looseCells(sheet: EngineSheet): LooseCells {
    if (sheet.heldCellByCell === false) {
      throw new EngineFailure(
        'unsupported',
        `The worksheet ${sheet.name} is too large for the local workbook server to read cell by cell.`,
      );
    }
    let cells = this.loose.get(sheet);
    if (!cells) this.loose.set(sheet, (cells = new Map()));
    return cells;
  }

  /** After a fold: the file holds everything the model holds. */
  folded(): void {
    for (const sheet of this.sheets) {
      sheet.cellsDirty = false;
      for (const table of sheet.tables) table.folded();
    }
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A read cell's value as the engine holds it: dates back to serial numbers of the 1900 system. */
function engineValueOf(raw: unknown): CellValue {
  if (raw === undefined || raw === null) return null;
  if (raw instanceof Date) return (raw.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
  return raw as CellValue;
}

/** Reads the workbook's structure, every table's rows and the other sheets' cells. */
export function loadWorkbookModel(file: string, content: Buffer): WorkbookModel {
  let zip: ZipEntries;
  let structure: WorkbookStructure;
  let lean: LeanWorkbook;
  try {
    zip = new ZipEntries(content);
    structure = readWorkbookStructure(zip);
    lean = new LeanWorkbook(content, { permissive: true });
  } catch (error) {
    if (error instanceof Error && error.name === 'RelacjeError') throw error;
    throw notAWorkbook(file, 'unreadable', error);
  }
  if (structure.sheets.length === 0) throw notAWorkbook(file, 'noSheets');
  const loose = new Map<EngineSheet, LooseCells>();
  const sheets: EngineSheet[] = structure.sheets.map((part) => {
    const sheet: EngineSheet = { ...part, tables: [], cellsDirty: false };
    const source = lean.cells({ name: part.name, part: part.part, number: '' });
    for (const tablePart of part.tableParts) {
      const info = readTablePart(zip.read(tablePart)!.toString('utf8'));
      const bounds = parseRange(info.ref);
      if (!bounds) throw notAWorkbook(file, 'unreadable', new Error(`${tablePart}: ref ${info.ref}`));
      const { top, left, bottom, right } = bounds;
      const headerRows = info.headerRowCount;
      const lastData = bottom - info.totalsRowCount;
      const width = right - left + 1;
      const headers = info.columns.slice(0, width).map((c) => c.name);
      while (headers.length < width) headers.push('');
      const rows: EngineRow[] = [];
      const firstData = top + headerRows;
      source.eachRow(top, lastData, (row) => {
        if (row.number < firstData) {
          if (headerRows > 0 && row.number === top) {
            for (let j = 0; j < width; j += 1) {
              const shown = displayOfRaw(row.cell(left + j)?.raw ?? null);
              if (shown !== '') headers[j] = shown;
            }
          }
          return;
        }
        // Rows the file leaves out are empty rows of the table.
        while (firstData + rows.length < row.number) rows.push(blankRow(width, firstData + rows.length));
        const values = new Array<CellValue>(width);
        let formulas: (string | undefined)[] | undefined;
        for (let j = 0; j < width; j += 1) {
          const cell = row.cell(left + j);
          values[j] = cell ? engineValueOf(cell.raw) : null;
          const text = (cell as { formulaText?: string } | undefined)?.formulaText;
          if (text !== undefined)
            (formulas ??= new Array<string | undefined>(width).fill(undefined))[j] = text;
        }
        rows.push({ values, formulas, origin: row.number, index: rows.length });
      });
      while (firstData + rows.length <= lastData) rows.push(blankRow(width, firstData + rows.length));
      // An empty table still has one blank data row: Excel requires it. It is no row of data.
      if (rows.length === 1 && rows[0].values.every((v) => v === null || v === '')) rows.length = 0;
      rows.forEach((row, i) => (row.index = i));
      const table = new EngineTable(info.name, part.name, tablePart, info, top, left, headers, bottom);
      table.rows = rows;
      sheet.tables.push(table);
    }
    const size = zip.entry(part.part)?.uncompressedSize ?? 0;
    if (sheet.tables.length === 0 && size <= MAX_LOOSE_SHEET_BYTES) {
      const xml = zip.read(part.part)?.toString('utf8') ?? '';
      loose.set(
        sheet,
        readLooseCells(xml, (i) => lean.sharedString(i), part.name),
      );
    } else if (sheet.tables.length === 0) {
      // A big sheet of the user's own: copied as it is by every fold, never held cell by cell.
      sheet.heldCellByCell = false;
    }
    return sheet;
  });
  return new WorkbookModel(sheets, structure, loose);
}

function blankRow(width: number, origin: number): EngineRow {
  return { values: new Array<CellValue>(width).fill(null), origin, index: 0 };
}

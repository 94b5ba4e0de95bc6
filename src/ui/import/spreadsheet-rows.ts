/** The first worksheet of an .xlsx file: its cells as texts, and which of them held numbers. */
export interface SheetRows {
  rows: string[][];
  /**
   * `row:column` (both 0-based) of every cell that held a number: a spreadsheet drops a number's
   * leading zeros, so the import knows which identifiers may have lost them.
   */
  numberCells: ReadonlySet<string>;
}

/**
 * Reads the first worksheet of an .xlsx file. Hosts provide it, so ExcelJS is loaded only when
 * someone imports a spreadsheet and never enters the pane's first bundle.
 */
export type XlsxRowsReader = (bytes: ArrayBuffer) => Promise<SheetRows>;

/** The key of a cell in `SheetRows.numberCells`. */
export const cellKey = (row: number, column: number): string => `${row}:${column}`;

/** What kind of file the user chose, by its name (and, for .xlsx, its zip signature). */
export function isXlsxFile(name: string, bytes: Uint8Array): boolean {
  const zipSignature =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  return zipSignature || /\.xlsx$/i.test(name);
}

/**
 * Reads the first worksheet of an .xlsx file as rows of cell texts. Hosts provide it, so ExcelJS
 * is loaded only when someone imports a spreadsheet and never enters the pane's first bundle.
 */
export type XlsxRowsReader = (bytes: ArrayBuffer) => Promise<string[][]>;

/** What kind of file the user chose, by its name (and, for .xlsx, its zip signature). */
export function isXlsxFile(name: string, bytes: Uint8Array): boolean {
  const zipSignature =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  return zipSignature || /\.xlsx$/i.test(name);
}

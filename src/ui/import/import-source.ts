import {
  decodeText,
  detectDelimiter,
  parseCsv,
  type CsvDelimiter,
  type TextEncodingName,
} from '../../core/import';

/** The file the user chose, read into a grid of cell texts; the first row holds the headers. */
export interface ImportSource {
  fileName: string;
  kind: 'csv' | 'xlsx';
  bytes: Uint8Array;
  /** CSV only: how the bytes were decoded and split. */
  encoding: TextEncodingName | null;
  delimiter: CsvDelimiter | null;
  table: string[][];
  /** .xlsx only: the cells that held numbers (`SheetRows.numberCells`). */
  numberCells?: ReadonlySet<string>;
}

/** Decodes and splits a CSV; encoding and delimiter are detected unless the user chose them. */
export function readCsvSource(
  fileName: string,
  bytes: Uint8Array,
  chosen: { encoding?: TextEncodingName; delimiter?: CsvDelimiter } = {},
): ImportSource {
  const decoded = decodeText(bytes, { encoding: chosen.encoding });
  const delimiter = chosen.delimiter ?? detectDelimiter(decoded.text);
  return {
    fileName,
    kind: 'csv',
    bytes,
    encoding: decoded.encoding,
    delimiter,
    table: parseCsv(decoded.text, delimiter),
  };
}

export const headersOf = (source: ImportSource): string[] => source.table[0] ?? [];

export const dataRowsOf = (source: ImportSource): string[][] => source.table.slice(1);

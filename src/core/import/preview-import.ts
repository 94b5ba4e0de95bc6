import type { Bilingual } from '../i18n';
import {
  defaultDecision,
  indexClients,
  matchClients,
  planImport,
  type ClientMatch,
  type ExistingClient,
  type ExistingPerson,
  type ImportDecision,
  type ImportPlan,
} from './client-matching';
import {
  mappingProblems,
  suggestColumnMapping,
  type ColumnMapping,
  type MappingSuggestion,
} from './column-mapping';
import { detectDelimiter, parseCsv, type CsvDelimiter } from './csv';
import { buildImportRows, type ImportDefaults, type ImportRowsResult } from './import-rows';
import { decodeText, type TextEncodingName } from './text-encoding';

/** A file's bytes, its text, or the rows of strings the UI read from an .xlsx sheet. */
export type ImportSource = Uint8Array | string | readonly (readonly string[])[];

/** The user's choices so far; whatever is left out is detected or suggested. */
export interface PreviewImportOptions {
  encoding?: TextEncodingName;
  delimiter?: CsvDelimiter;
  /** The header's row number in the file (1-based); by default the first row with any text. */
  headerRowNumber?: number;
  mapping?: ColumnMapping;
  /** By the row's number in the file; rows without a choice take `defaultDecision`. */
  decisions?: ReadonlyMap<number, ImportDecision>;
  defaults?: Partial<ImportDefaults>;
  existingPeople?: readonly ExistingPerson[];
}

/** Everything the import wizard shows, from the file to the plan. */
export interface ImportPreview {
  /** How the bytes were read; null when rows or text were given. */
  encoding: TextEncodingName | null;
  /** The CSV delimiter; null when rows were given. */
  delimiter: CsvDelimiter | null;
  headerRowNumber: number;
  headers: string[];
  dataRows: readonly (readonly string[])[];
  suggestion: MappingSuggestion;
  /** The mapping in use: the caller's, or the suggestion. */
  mapping: ColumnMapping;
  /** Why the mapping cannot be imported; while there are any, no rows are built. */
  mappingProblems: Bilingual[];
  rows: ImportRowsResult;
  /** By row number, for the valid rows that match a client in the base. */
  matches: Map<number, ClientMatch>;
  /** The choice in force for every valid row, by row number. */
  decisions: Map<number, ImportDecision>;
  plan: ImportPlan;
}

/** Runs decode → delimiter → parse → mapping → rows → matching → plan in one call per wizard step. */
export function previewImport(
  source: ImportSource,
  existingClients: readonly ExistingClient[],
  options: PreviewImportOptions = {},
): ImportPreview {
  let encoding: TextEncodingName | null = null;
  let delimiter: CsvDelimiter | null = null;
  let table: readonly (readonly string[])[];
  if (typeof source === 'string' || source instanceof Uint8Array) {
    let text: string;
    if (typeof source === 'string') text = source;
    else ({ text, encoding } = decodeText(source, { encoding: options.encoding }));
    delimiter = options.delimiter ?? detectDelimiter(text);
    table = parseCsv(text, delimiter);
  } else {
    table = source;
  }
  const headerIndex =
    options.headerRowNumber !== undefined
      ? options.headerRowNumber - 1
      : Math.max(
          0,
          table.findIndex((row) => row.some((cell) => cell.trim() !== '')),
        );
  const headers = (table[headerIndex] ?? []).map((cell) => cell.trim());
  const dataRows = table.slice(headerIndex + 1);
  const suggestion = suggestColumnMapping(headers);
  const mapping = options.mapping ?? suggestion.mapping;
  const problems = mappingProblems(mapping, headers);
  const rows =
    problems.length > 0
      ? { valid: [], rejected: [], blankRows: 0 }
      : buildImportRows(dataRows, mapping, { firstRowNumber: headerIndex + 2, defaults: options.defaults });
  const matches = matchClients(rows.valid, indexClients(existingClients));
  const decisions = new Map(
    rows.valid.map((row) => [
      row.rowNumber,
      options.decisions?.get(row.rowNumber) ?? defaultDecision(matches.get(row.rowNumber)),
    ]),
  );
  const plan = planImport(rows.valid, matches, decisions, { existingPeople: options.existingPeople });
  return {
    encoding,
    delimiter,
    headerRowNumber: headerIndex + 1,
    headers,
    dataRows,
    suggestion,
    mapping,
    mappingProblems: problems,
    rows,
    matches,
    decisions,
    plan,
  };
}

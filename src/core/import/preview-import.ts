import type { Bilingual } from '../i18n';
import {
  defaultDecision,
  indexClientsInSteps,
  matchClientsInSteps,
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
import { checkImportRows, type ImportDefaults, type ImportRowsResult } from './import-rows';
import { runSteps } from './steps';
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
  /** Which cells of a spreadsheet held numbers (see `ImportRowsOptions.isNumberCell`). */
  isNumberCell?: (rowNumber: number, column: number) => boolean;
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

/**
 * How far `previewImportInSteps` got, in units of work: every data row checked, every client of
 * the base indexed, every valid row matched. `total` can shrink once the valid rows are known.
 */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Runs decode → delimiter → parse → mapping → rows → matching → plan in one call per wizard step. */
export function previewImport(
  source: ImportSource,
  existingClients: readonly ExistingClient[],
  options: PreviewImportOptions = {},
): ImportPreview {
  return runSteps(previewImportInSteps(source, existingClients, options));
}

/** `previewImport` in steps of `STEP_ROWS` rows, yielding its progress between them. */
export function* previewImportInSteps(
  source: ImportSource,
  existingClients: readonly ExistingClient[],
  options: PreviewImportOptions = {},
): Generator<ImportProgress, ImportPreview> {
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
  let total = dataRows.length + existingClients.length + dataRows.length;
  const rows =
    problems.length > 0
      ? { valid: [], rejected: [], blankRows: 0 }
      : yield* reported(
          checkImportRows(dataRows, mapping, {
            firstRowNumber: headerIndex + 2,
            defaults: options.defaults,
            isNumberCell: options.isNumberCell,
          }),
          0,
          () => total,
        );
  total = dataRows.length + existingClients.length + rows.valid.length;
  const index = yield* reported(indexClientsInSteps(existingClients), dataRows.length, () => total);
  const matches = yield* reported(
    matchClientsInSteps(rows.valid, index),
    dataRows.length + existingClients.length,
    () => total,
  );
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

/** Passes a stage's steps on as progress of the whole, the stage starting at `offset` units. */
function* reported<T>(
  stage: Generator<number, T>,
  offset: number,
  total: () => number,
): Generator<ImportProgress, T> {
  for (;;) {
    const step = stage.next();
    if (step.done) return step.value;
    yield { done: offset + step.value, total: total() };
  }
}

/** Importing clients from a spreadsheet: pure functions the import wizard calls step by step. */

/** Decoding a file's bytes: UTF-8 (with or without BOM), UTF-16LE, Windows-1250, ISO-8859-2. */
export {
  decodeText,
  detectEncoding,
  decodeSingleByte,
  encodeSingleByte,
  encodeUtf8WithBom,
  type DecodedText,
  type TextEncodingName,
} from './text-encoding';
/** CSV: delimiter detection, an RFC 4180 parser, and a writer safe for Excel. */
export { CSV_DELIMITERS, detectDelimiter, parseCsv, writeCsv, type CsvDelimiter } from './csv';
/** Suggesting which source column fills which client or contact-person field. */
export {
  IMPORT_FIELDS,
  importField,
  mappingProblems,
  suggestColumnMapping,
  type ColumnMapping,
  type ColumnSuggestion,
  type ImportFieldId,
  type ImportFieldInfo,
  type ImportTable,
  type MappingSuggestion,
  type MatchKind,
} from './column-mapping';
/** Turning mapped rows into validated client records, with the rejected rows and their reasons. */
export {
  IMPORT_DEFAULTS,
  buildImportRows,
  type ImportDefaults,
  type ImportRow,
  type ImportRowsOptions,
  type ImportRowsResult,
  type RejectedRow,
} from './import-rows';
/** Matching rows to clients in the base and planning what to create and update. */
export {
  changedFields,
  defaultDecision,
  indexClients,
  matchClients,
  planImport,
  type ClientImportPlan,
  type ClientIndex,
  type ClientMatch,
  type ClientUpdate,
  type ExistingClient,
  type ExistingPerson,
  type ImportDecision,
  type ImportPlan,
  type MatchKey,
  type PlanOptions,
  type PlannedPerson,
} from './client-matching';
/** The rejected rows as a `;` CSV in UTF-8 with BOM, to fix in Excel and import again. */
export { rejectedRowsReport } from './rejected-report';
/** The whole chain in one call per wizard step, or in steps with progress between them. */
export {
  previewImport,
  previewImportInSteps,
  type ImportPreview,
  type ImportProgress,
  type ImportSource,
  type PreviewImportOptions,
} from './preview-import';

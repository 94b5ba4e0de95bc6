import { isRelacjeError, RelacjeError } from '../../core/errors';
import type { Bilingual, Locale } from '../../core/i18n';
import { META_SHEET, type TableSchema, type WorkbookSchema } from '../../core/schema';
import { planMigration } from '../../core/schema/migrations';
import { resolveHeaders } from '../../core/table-layout';
import { displayOfRaw } from './cell-value';
import { LeanWorkbook, type LeanSheetEntry } from './lean-workbook';
import { readMetaSheet } from './meta-sheet';
import { cellRef, MAX_COL, MAX_ROW, parseRange, rangeRef } from './package/cell-ref';
import { cellXml } from './package/cell-xml';
import type { CellRange } from './package/package-types';
import { rowAttributes, withDimension, withRangesFollowing, type DataRows } from './package/sheet-frame';
import { parseRow, rowSpans, sheetLayout, SheetPatchUnsupported, type ParsedRow } from './package/sheet-rows';
import { patchTablePart, readTablePart, replaceInTag, setAttribute } from './package/table-part';
import { writeZipAtomically } from './package/zip-writer';
import type { CellSource, SourceRow } from './table-reader';
import { attributeOf } from './xml-scan';
import { ZipEntries } from './zip-entries';

/**
 * Checks and fixes of the tables at the package level, read without ExcelJS: cells left just below
 * one of our tables (what deleting its last rows once left behind), a table part whose columns do
 * not fit its range or whose header cells say other names (Excel offers to repair such a file),
 * and, for repair, our columns the user renamed. Fixes patch the table parts and header cells and
 * copy every other part of the package byte for byte; no cell is ever dropped.
 */

export interface TableConsistencyOptions {
  schema: WorkbookSchema;
  /** The workbook's language when `_meta` does not say it, from its sheet names. */
  guessLocale: (sheetNames: readonly string[]) => Locale;
}

export interface TableRepairReport {
  changes: Bilingual[];
  /** What was found but could not be fixed here. */
  remaining: RelacjeError[];
}

/**
 * Every ghost row run, table part that does not fit its range or header cells, and column of ours
 * found under another header, for `validate`.
 */
export function inspectTablePackage(content: Buffer, options: TableConsistencyOptions): RelacjeError[] {
  const survey = surveyPackage(content, options);
  if (!survey || survey.newerSchema) return [];
  return survey.tables.flatMap((table) => [...problemsOf(table), ...renamedProblems(table, survey)]);
}

/**
 * `problems` (the format's) with each missing column that `found` (the package's) recognised
 * under a new header left out: the `renamedColumn` problem says more.
 */
export function explainedByRenames(
  problems: readonly RelacjeError[],
  found: readonly RelacjeError[],
): RelacjeError[] {
  const key = (table: string, column: string) => `${table.toLowerCase()}\n${column}`;
  const renamed = new Set(
    found.flatMap((p) => (isRelacjeError(p, 'renamedColumn') ? [key(p.params.table, p.params.column)] : [])),
  );
  return problems.filter(
    (p) => !(isRelacjeError(p, 'missingColumn') && renamed.has(key(p.params.table, p.params.column))),
  );
}

/**
 * Fixes what `inspectTablePackage` finds, and restores the headers of our columns the user renamed,
 * by patching `file`'s package (written atomically, only when something changed).
 */
export async function repairTablePackage(
  file: string,
  content: Buffer,
  options: TableConsistencyOptions,
): Promise<TableRepairReport> {
  const survey = surveyPackage(content, options);
  if (!survey || survey.newerSchema) return { changes: [], remaining: [] };
  const changes: Bilingual[] = [];
  const remaining: RelacjeError[] = [];
  const parts = new Map<string, string>();
  for (const table of survey.tables) {
    const fix = planFix(table, survey);
    if (!fix) {
      remaining.push(...problemsOf(table));
      continue;
    }
    if (fix.headerCells.size || fix.rows) {
      let sheetXml = parts.get(table.sheet.part) ?? survey.zip.read(table.sheet.part)!.toString('utf8');
      try {
        sheetXml = withRowCells(sheetXml, table.range.top, fix.headerCells);
        if (fix.rows) sheetXml = withRangesFollowingRows(sheetXml, fix.rows);
      } catch (error) {
        if (!(error instanceof SheetPatchUnsupported)) throw error;
        remaining.push(...problemsOf(table));
        continue;
      }
      parts.set(table.sheet.part, sheetXml);
    }
    if (fix.tablePart !== undefined) parts.set(table.part, fix.tablePart);
    changes.push(...fix.changes);
  }
  if (parts.size === 0) return { changes, remaining };
  const zip = survey.zip;
  await writeZipAtomically(
    file,
    zip.names().map((name) => {
      const replaced = parts.get(name);
      return replaced === undefined ? { name, copyFrom: zip } : { name, content: replaced };
    }),
  );
  return { changes, remaining };
}

/** What the package says of one table, and the cells around it that matter. */
interface TableSurvey {
  sheet: LeanSheetEntry;
  /** The table part's name in the package. */
  part: string;
  xml: string;
  name: string;
  /** Ours, when it is one of the schema's tables. */
  schema?: TableSchema;
  range: CellRange;
  hasHeaderRow: boolean;
  hasTotalsRow: boolean;
  /** The names its `<tableColumn>`s give, in order. */
  columns: string[];
  /** What `<tableColumns count>` says. */
  declared?: number;
  /** The header cells' texts ('' for an empty one), from the range's first column on. */
  headers: string[];
  /** Rows just below the table holding something in its columns. */
  ghost?: { first: number; last: number };
  /** The right edge the range would need to hold every column, when that fits the sheet. */
  widenedRight?: number;
}

interface PackageSurvey {
  zip: ZipEntries;
  tables: TableSurvey[];
  locale: Locale;
  /** A workbook of a newer schema: nothing of it is changed. */
  newerSchema: boolean;
  aliases: (tableKey: string) => ReadonlyMap<string, readonly string[]> | undefined;
  addedColumns: (tableKey: string) => ReadonlySet<string>;
}

/** Stops a pass over a sheet's rows early. */
const STOP = new Error('stop');

/** The package's tables, or undefined when it cannot be read this way (the ExcelJS path says why). */
function surveyPackage(content: Buffer, options: TableConsistencyOptions): PackageSurvey | undefined {
  let lean: LeanWorkbook;
  let zip: ZipEntries;
  try {
    lean = new LeanWorkbook(content, { permissive: true });
    zip = new ZipEntries(content);
  } catch (error) {
    if (isRelacjeError(error)) throw error;
    return undefined;
  }
  const metaEntry = lean.sheets.find((s) => s.name === META_SHEET);
  let stored: ReturnType<typeof readMetaSheet>;
  try {
    stored = metaEntry && readMetaSheet(lean.cells(metaEntry));
  } catch {
    stored = undefined;
  }
  const locale = stored?.meta.locale ?? options.guessLocale(lean.sheets.map((s) => s.name));
  const version = stored?.meta.schemaVersion ?? 1;
  const newerSchema = version > options.schema.version;
  let plan: ReturnType<typeof planMigration> | undefined;
  try {
    plan = newerSchema ? undefined : planMigration(version, options.schema);
  } catch {
    plan = undefined;
  }
  const ours = new Map(options.schema.tables.map((t) => [t.tableName.toLowerCase(), t]));
  const tables: TableSurvey[] = [];
  for (const sheet of lean.sheets) {
    try {
      tables.push(...surveySheet(lean, zip, sheet, ours));
    } catch (error) {
      if (isRelacjeError(error)) throw error;
      // A sheet this reader cannot follow is left to the ExcelJS path.
    }
  }
  return {
    zip,
    tables,
    locale,
    newerSchema,
    aliases: (key) => plan?.headerAliases.get(key),
    addedColumns: (key) => new Set(plan?.newColumns.get(key)?.keys() ?? []),
  };
}

function surveySheet(
  lean: LeanWorkbook,
  zip: ZipEntries,
  sheet: LeanSheetEntry,
  ours: ReadonlyMap<string, TableSchema>,
): TableSurvey[] {
  const found: { part: string; xml: string; range: CellRange; columns: string[] }[] = [];
  for (const table of lean.tablesOf(sheet)) {
    const xml = table.part === undefined ? undefined : zip.read(table.part)?.toString('utf8');
    if (table.part === undefined || xml === undefined) continue;
    let info: ReturnType<typeof readTablePart>;
    try {
      info = readTablePart(xml);
    } catch {
      continue;
    }
    const range = parseRange(info.ref.replace(/\$/g, ''))!;
    const columns = table.columns.length === info.columns.length ? table.columns : info.columns;
    found.push({ part: table.part, xml, range, columns: columns.map((c) => c.name) });
  }
  if (found.length === 0) return [];
  const source = lean.cells(sheet);
  const lastRow = lastRowOf(zip.read(sheet.part)!);
  const ranges = found.map((t) => t.range);
  return found.map(({ part, xml, range, columns }) => {
    const info = readTablePart(xml);
    const others = ranges.filter((r) => r !== range);
    const schema = ours.get(info.name.toLowerCase());
    const hasHeaderRow = info.headerRowCount > 0;
    const hasTotalsRow = info.totalsRowCount > 0;
    const width = range.right - range.left + 1;
    let widenedRight: number | undefined;
    if (columns.length > width) {
      const right = range.left + columns.length - 1;
      const area = { ...range, left: range.right + 1, right };
      if (right <= MAX_COL && !others.some((r) => overlaps(r, area))) widenedRight = right;
    }
    const headers = hasHeaderRow
      ? headerTexts(source, range.top, range.left, Math.max(range.right, widenedRight ?? 0), columns)
      : [];
    // Nothing below the table at all (the common case) needs no pass over the sheet's rows.
    const below = lastRow === undefined || lastRow > range.bottom;
    const ghost = schema && !hasTotalsRow && below ? ghostRows(source, range, others) : undefined;
    const count = /<tableColumns\b[^>]*>/.exec(xml)?.[0];
    const declaredText = count === undefined ? undefined : attributeOf(count, 'count');
    const declared = declaredText === undefined ? undefined : Number(declaredText);
    return {
      sheet,
      part,
      xml,
      name: info.name,
      schema,
      range,
      hasHeaderRow,
      hasTotalsRow,
      columns,
      declared,
      headers,
      ghost,
      widenedRight,
    };
  });
}

/** The number of the sheet's last row, from its last `<row>` tag alone; undefined when that does not say. */
function lastRowOf(xml: Buffer): number | undefined {
  try {
    const layout = sheetLayout(xml);
    const at = xml.lastIndexOf('<row', layout.closeStart - 1);
    if (at < layout.openEnd) return 0;
    const tagEnd = xml.indexOf('>', at);
    const r = attributeOf(xml.toString('utf8', at + 4, tagEnd), 'r');
    return r === undefined ? undefined : Number(r);
  } catch (error) {
    if (error instanceof SheetPatchUnsupported) return undefined;
    throw error;
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * The header row's texts from `left` to `right`. A header cell that holds a number, a date or a
 * truth value (another program's, not Excel's) is taken to be its column's name when it has one:
 * how it reads as text depends on its format.
 */
function headerTexts(
  source: CellSource,
  row: number,
  left: number,
  right: number,
  columns: readonly string[],
): string[] {
  const headers = Array.from({ length: right - left + 1 }, () => '');
  source.eachRow(row, row, (found) => {
    for (let col = left; col <= right; col += 1) {
      const cell = found.cell(col);
      if (!cell || cell.blank) continue;
      const name = columns[col - left];
      headers[col - left] = typeof cell.raw !== 'string' && name ? name : displayOfRaw(cell.raw);
    }
  });
  return headers;
}

/** The run of rows right below the table with something in its columns, up to a row with nothing. */
function ghostRows(
  source: CellSource,
  range: CellRange,
  others: readonly CellRange[],
): { first: number; last: number } | undefined {
  const first = range.bottom + 1;
  let last = range.bottom;
  const holdsSomething = (row: SourceRow) => {
    for (let col = range.left; col <= range.right; col += 1) {
      const cell = row.cell(col);
      if (cell && !cell.blank) return true;
    }
    return false;
  };
  const another = (row: number) =>
    others.some((r) => r.top <= row && row <= r.bottom && r.left <= range.right && range.left <= r.right);
  try {
    source.eachRow(first, MAX_ROW, (row) => {
      if (row.number !== last + 1 || another(row.number) || !holdsSomething(row)) throw STOP;
      last = row.number;
    });
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return last >= first ? { first, last } : undefined;
}

function problemsOf(table: TableSurvey): RelacjeError[] {
  const problems: RelacjeError[] = [];
  const where = { table: table.name, sheet: table.sheet.name };
  if (table.ghost) problems.push(new RelacjeError('ghostRows', { ...where, ...table.ghost }));
  const width = table.range.right - table.range.left + 1;
  const columns = table.columns.length;
  if (columns !== width || (table.declared !== undefined && table.declared !== columns)) {
    problems.push(
      new RelacjeError('tableWidthMismatch', {
        ...where,
        ref: rangeRef(table.range),
        columns,
        width,
        ...(table.declared !== undefined && table.declared !== columns ? { declared: table.declared } : {}),
      }),
    );
  }
  for (let i = 0; i < Math.min(columns, width, table.headers.length); i += 1) {
    const header = table.headers[i];
    if (header !== '' && header !== table.columns[i]) {
      problems.push(
        new RelacjeError('tableHeaderMismatch', {
          ...where,
          cell: cellRef(table.range.top, table.range.left + i),
          header,
          column: table.columns[i],
        }),
      );
    }
  }
  return problems;
}

interface TableFix {
  changes: Bilingual[];
  /** The table part's new XML, when it changes. */
  tablePart?: string;
  /** Header cells to write: column → text. */
  headerCells: Map<number, string>;
  /** The table's data rows before and after ghost rows were taken in. */
  rows?: DataRows;
}

/**
 * How to make one table sound: ghost rows taken into it, its columns made to match the header
 * cells within its range (widened when it lists more columns than it spans), and our renamed
 * columns given their headers back. Undefined when it cannot be done here (the range would run
 * into another table or off the sheet).
 */
function planFix(table: TableSurvey, survey: PackageSurvey): TableFix | undefined {
  const { range, columns } = table;
  const oldWidth = range.right - range.left + 1;
  if (columns.length > oldWidth && table.widenedRight === undefined) return undefined;
  const right = Math.max(range.right, table.widenedRight ?? 0);
  const width = right - range.left + 1;
  const header = (i: number) => (table.hasHeaderRow ? (table.headers[i] ?? '') : '');
  const where = whereOf(table);

  const restored = renamedColumns(table, survey, width);

  // The name of each column of the (widened) range: ours restored, else its header cell's, else
  // the one the table part gave it, else a new one; made unique as Excel wants them.
  const desired = Array.from({ length: width }, (_, i) => {
    const ours = restored.get(i)?.to[survey.locale];
    return ours ?? (header(i) || columns[i]);
  });
  const taken = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let k = 2; taken.has(candidate.toLowerCase()); k += 1) candidate = `${name}${k}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
  const final: string[] = desired.map((name) => (name === undefined ? '' : unique(name)));
  const generic = survey.locale === 'pl' ? 'Kolumna' : 'Column';
  desired.forEach((name, i) => {
    if (name !== undefined) return;
    let k = 1;
    while (taken.has(`${generic}${k}`.toLowerCase())) k += 1;
    final[i] = unique(`${generic}${k}`);
  });

  const headerCells = new Map<number, string>();
  if (table.hasHeaderRow) {
    final.forEach((name, i) => {
      const h = header(i);
      const isNew = i >= columns.length || i >= oldWidth;
      if (restored.has(i) || (h !== '' && h !== name) || (h === '' && (isNew || name !== columns[i]))) {
        headerCells.set(range.left + i, name);
      }
    });
  }
  const renames = new Map<number, string>();
  columns.forEach((name, i) => {
    if (final[i] !== name) renames.set(i, final[i]);
  });
  const added = final.slice(columns.length);
  const bottom = table.ghost?.last ?? range.bottom;
  const newRange = { ...range, right, bottom };
  let xml = renames.size ? withColumnNames(table.xml, renames) : table.xml;
  if (bottom !== range.bottom || right !== range.right || added.length) {
    xml = patchTablePart(xml, { ref: rangeRef(newRange), addColumns: added });
  } else if (table.declared !== undefined && table.declared !== final.length) {
    xml = replaceInTag(xml, 'tableColumns', (tag) => setAttribute(tag, 'count', String(final.length)));
  }

  const changes: Bilingual[] = [];
  if (table.ghost) {
    const rows = table.ghost.last - table.ghost.first + 1;
    const one = rows === 1;
    changes.push({
      pl: `dołączono do ${where.pl} ${rowsPl(rows)} spod niej (${span(table.ghost)}) — ${one ? 'sprawdź go i usuń, jeśli to pozostałość usuniętego rekordu' : 'sprawdź je i usuń, jeśli to pozostałości usuniętych rekordów'}`,
      en: `took ${one ? 'the row' : `${rows} rows`} below ${where.en} into it (${span(table.ghost)}): check ${one ? 'it' : 'them'} and delete ${one ? 'it if it is a leftover' : 'those that are leftovers'} of deleted records`,
    });
  }
  const aligned = [...renames].filter(([i]) => !restored.has(i)).map(([, name]) => name);
  const alignment = describeAlignment(where, {
    added,
    renamed: aligned,
    widenedTo: right !== range.right ? rangeRef(newRange) : undefined,
    count: table.declared !== undefined && table.declared !== columns.length ? final.length : undefined,
  });
  if (alignment) changes.push(alignment);
  for (const { from, to } of restored.values()) {
    changes.push({
      pl: `kolumnę „${from}” rozpoznano jako „${to[survey.locale]}” i przywrócono jej nagłówek (tabela ${table.name}, arkusz „${table.sheet.name}”)`,
      en: `recognised the column "${from}" as "${to[survey.locale]}" and restored its header (table ${table.name}, sheet "${table.sheet.name}")`,
    });
  }
  const rows: DataRows | undefined = table.ghost && {
    top: range.top + (table.hasHeaderRow ? 1 : 0),
    left: range.left,
    right: range.right,
    oldBottom: range.bottom,
    newBottom: bottom,
  };
  return { changes, tablePart: xml === table.xml ? undefined : xml, headerCells, rows };
}

/**
 * Our columns the user renamed, by position in the range's first `width` columns, found by the
 * names the header cells (or else the table part) give them.
 */
function renamedColumns(
  table: TableSurvey,
  survey: PackageSurvey,
  width: number,
): Map<number, { from: string; to: Bilingual }> {
  const restored = new Map<number, { from: string; to: Bilingual }>();
  if (!table.schema || !table.hasHeaderRow) return restored;
  const effective = Array.from({ length: width }, (_, i) => table.headers[i] || table.columns[i] || '');
  const resolution = resolveHeaders(table.schema, effective, survey.aliases(table.schema.key), {
    recognizeRenamed: true,
    addedColumns: survey.addedColumns(table.schema.key),
  });
  for (const match of resolution.renamed)
    restored.set(match.index, { from: match.header, to: match.column.header });
  return restored;
}

function renamedProblems(table: TableSurvey, survey: PackageSurvey): RelacjeError[] {
  const width = table.range.right - table.range.left + 1;
  return [...renamedColumns(table, survey, width).values()].map(
    ({ from, to }) =>
      new RelacjeError('renamedColumn', {
        table: table.name,
        sheet: table.sheet.name,
        column: to[survey.locale],
        header: from,
      }),
  );
}

function whereOf(table: TableSurvey): Bilingual {
  return {
    pl: `tabeli ${table.name} (arkusz „${table.sheet.name}”)`,
    en: `the table ${table.name} (sheet "${table.sheet.name}")`,
  };
}

/** What matching a table's columns to its header cells changed, or undefined for nothing. */
function describeAlignment(
  where: Bilingual,
  done: { added: readonly string[]; renamed: readonly string[]; widenedTo?: string; count?: number },
): Bilingual | undefined {
  const pl: string[] = [];
  const en: string[] = [];
  const quotePl = (names: readonly string[]) => names.map((n) => `„${n}”`).join(', ');
  const quoteEn = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
  if (done.added.length) {
    pl.push(`dodano ${quotePl(done.added)}`);
    en.push(`added ${quoteEn(done.added)}`);
  }
  if (done.renamed.length) {
    pl.push(`nazwano według nagłówków ${quotePl(done.renamed)}`);
    en.push(`named after their headers ${quoteEn(done.renamed)}`);
  }
  if (done.widenedTo) {
    pl.push(`poszerzono zakres do ${done.widenedTo}`);
    en.push(`widened its range to ${done.widenedTo}`);
  }
  if (pl.length === 0 && done.count !== undefined) {
    pl.push(`poprawiono liczbę kolumn na ${done.count}`);
    en.push(`corrected the column count to ${done.count}`);
  }
  if (pl.length === 0) return undefined;
  return {
    pl: `dopasowano kolumny ${where.pl} do nagłówków: ${pl.join('; ')}`,
    en: `matched the columns of ${where.en} to its headers: ${en.join('; ')}`,
  };
}

function span(rows: { first: number; last: number }): string {
  return rows.first === rows.last ? String(rows.first) : `${rows.first}–${rows.last}`;
}

/** "1 wiersz", "3 wiersze", "5 wierszy", "22 wiersze". */
function rowsPl(count: number): string {
  const tens = count % 100;
  const units = count % 10;
  if (count === 1) return '1 wiersz';
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return `${count} wiersze`;
  return `${count} wierszy`;
}

/** The table part with the `name` of its columns at the given positions replaced; every other byte as it was. */
function withColumnNames(xml: string, names: ReadonlyMap<number, string>): string {
  let index = -1;
  return xml.replace(/<tableColumn\b[^>]*>/g, (tag) => {
    index += 1;
    const name = names.get(index);
    return name === undefined ? tag : setAttribute(tag, 'name', name);
  });
}

/**
 * The sheet with the text cells of `row` at the given columns set (each keeps its style; a new one
 * takes the style of the cell before it), the row created where missing and `<dimension>` widened
 * to hold them; every other byte as it was. `SheetPatchUnsupported` for XML it does not rewrite.
 */
export function withRowCells(xml: string, row: number, cells: ReadonlyMap<number, string>): string {
  if (cells.size === 0) return xml;
  const bytes = Buffer.from(xml, 'utf8');
  const layout = sheetLayout(bytes);
  let old: ParsedRow | undefined;
  let at = { start: layout.closeStart, end: layout.closeStart };
  for (const span of rowSpans(bytes, layout)) {
    if (span.number === row) old = parseRow(bytes, span);
    if (span.number >= row) {
      at = span.number === row ? span : { start: span.start, end: span.start };
      break;
    }
  }
  const cols = [...cells.keys()];
  const head = withDimension(bytes.toString('utf8', 0, layout.start), (used) => ({
    top: Math.min(used?.top ?? row, row),
    bottom: Math.max(used?.bottom ?? row, row),
    left: Math.min(used?.left ?? Infinity, ...cols),
    right: Math.max(used?.right ?? 0, ...cols),
  }));
  const text = rowXml(row, old, cells);
  if (layout.closeStart === layout.openEnd) {
    // <sheetData/>: a sheet without rows.
    return `${head}<sheetData>${text}</sheetData>${bytes.toString('utf8', layout.end)}`;
  }
  return head + bytes.toString('utf8', layout.start, at.start) + text + bytes.toString('utf8', at.end);
}

function rowXml(row: number, old: ParsedRow | undefined, writes: ReadonlyMap<number, string>): string {
  const existing = new Map((old?.cells ?? []).map((cell) => [cell.col, cell]));
  const cols = [...new Set([...existing.keys(), ...writes.keys()])].sort((a, b) => a - b);
  let style: string | undefined;
  const body = cols
    .map((col) => {
      const kept = existing.get(col);
      if (kept) style = attributeOf(kept.attributes, 's');
      const text = writes.get(col);
      if (text === undefined) return kept!.text;
      return cellXml(cellRef(row, col), text, Number(style) || undefined, PLAIN_CELLS);
    })
    .join('');
  return `<row r="${row}"${rowAttributes(old?.attributes ?? '')}>${body}</row>`;
}

/** Header cells hold text only: no date styles or 1904 dates apply. */
const PLAIN_CELLS = { date1904: false, isDateStyle: () => false };

/**
 * The sheet with its data validations and conditional formats that spanned exactly the table's old
 * data rows spanning the new ones, once ghost rows are taken into the table.
 */
export function withRangesFollowingRows(xml: string, rows: DataRows): string {
  const bytes = Buffer.from(xml, 'utf8');
  const layout = sheetLayout(bytes);
  return (
    bytes.toString('utf8', 0, layout.end) + withRangesFollowing(bytes.toString('utf8', layout.end), rows)
  );
}

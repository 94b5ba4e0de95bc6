import path from 'node:path';
import type ExcelJS from 'exceljs';
import { createCellContext, type CellContext } from '../../core/cells';
import { isRelacjeError, RelacjeError } from '../../core/errors';
import type { Bilingual, Locale } from '../../core/i18n';
import { CURRENT_SCHEMA, DASHBOARD_SHEET, META_SHEET, type WorkbookSchema } from '../../core/schema';
import { planMigration, transformRecord, type MigrationPlan } from '../../core/schema/migrations';
import type { DashboardCell, StoredRecord, WorkbookMeta } from '../port';
import { writeFileAtomically } from './atomic-write';
import { acquireFileLock } from './file-lock';
import { LeanWorkbook, type LeanSheetEntry, type LeanTable } from './lean-workbook';
import { defaultMeta, readMetaSheet, writeMetaSheet } from './meta-sheet';
import { inspectWithEngine } from './engine-inspect';
import { notAWorkbook, readWorkbookBytes } from './engine/workbook-bytes';
import { excelCellSource, layoutOf, readTable, readTableRecords, type TableRead } from './table-reader';
import { addMissingColumns, addTableSheet, findTableModel, type TableLayout } from './table-sheet';
import {
  explainedByRenames,
  inspectTablePackage,
  repairTablePackage,
  type TableConsistencyOptions,
} from './table-consistency';
import { writeTable } from './table-writer';

/** Everything a store keeps of a workbook: meta, every table's records, and the Dashboard's cells. */
export interface WorkbookState {
  meta: WorkbookMeta;
  tables: Record<string, StoredRecord[]>;
  /** null leaves the Dashboard sheet as it is. */
  dashboard: DashboardCell[] | null;
}

/** ExcelJS's model of the workbook (user sheets included) and where each of our tables sits. */
export interface ExcelModel {
  workbook: ExcelJS.Workbook;
  layouts: Map<string, TableLayout>;
}

/** A workbook as a store keeps it: its records, and what writing it back needs. */
export interface LoadedWorkbook {
  schema: WorkbookSchema;
  meta: WorkbookMeta;
  state: WorkbookState;
  /** The schema version the file had, when it was older and was migrated in memory. */
  migratedFrom?: number;
  /** ExcelJS's model; a workbook read by the lean reader gets it at its first write. */
  excel?: ExcelModel;
  /** Builds `excel` from the bytes the lean reader read, once (absent when read only). */
  loadExcel?: () => Promise<ExcelModel>;
}

export type WorkbookProblem = RelacjeError;

export interface RepairReport {
  changes: Bilingual[];
  /** Problems repair cannot fix by itself (a wrong value in a cell): the user must correct them. */
  remaining: WorkbookProblem[];
}

/** ExcelJS itself, loaded (with Relacje's fixes) only when a workbook is written or read the slow way. */
function excelJs(): typeof ExcelJS {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily: reading a workbook does not need it */
  (require('./exceljs-fixes') as typeof import('./exceljs-fixes')).applyExcelJsFixes();
  return require('exceljs') as typeof ExcelJS;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** A new workbook in memory: every table empty, `_meta`, and an empty Dashboard. */
export function createWorkbook(locale: Locale, schema: WorkbookSchema = CURRENT_SCHEMA): LoadedWorkbook {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = 'Relacje';
  const layouts = new Map<string, TableLayout>();
  for (const table of schema.tables) layouts.set(table.key, addTableSheet(workbook, table, locale));
  workbook.addWorksheet(DASHBOARD_SHEET);
  const meta = defaultMeta(schema.version, locale);
  const tables = Object.fromEntries(schema.tables.map((t) => [t.key, [] as StoredRecord[]]));
  return { excel: { workbook, layouts }, schema, meta, state: { meta, tables, dashboard: [] } };
}

interface LoadOptions {
  schema?: WorkbookSchema;
  now?: () => Date;
  /** Nothing will be written: a lean read keeps no copy of the file for ExcelJS. */
  readOnly?: boolean;
  /** Read with ExcelJS even where the lean reader could (tests compare the two). */
  withExcelJs?: boolean;
}

/** Opens a workbook, migrating an older schema in memory; bad files raise a RelacjeError naming the place. */
export async function loadWorkbookFile(file: string, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const { loaded, problems } = await loadLeniently(file, options, false);
  if (problems.length) throw problems[0];
  return loaded;
}

/** Every problem of the workbook at once (`relacje validate`), an empty list for a sound one. */
export async function inspectWorkbookFile(
  file: string,
  options: LoadOptions = {},
): Promise<WorkbookProblem[]> {
  try {
    const content = await readWorkbookBytes(file);
    const found = inspectTablePackage(content, tablePackageOptions(options));
    const problems = inspectWithEngine(file, content, options);
    return [...found, ...explainedByRenames(problems, found)];
  } catch (error) {
    if (isRelacjeError(error)) return [error];
    throw error;
  }
}

/**
 * Fixes the tables' package first (ghost rows below a table taken into it, table parts matched to
 * their ranges and header cells, our renamed columns given their headers back), by patching the
 * package; then adds missing tables, columns and `_meta`. Never drops a cell.
 */
export async function repairWorkbookFile(file: string, options: LoadOptions = {}): Promise<RepairReport> {
  // Bytes first: a file that is not a workbook is said so before any lock file is made beside it.
  const content = await readWorkbookBytes(file);
  // A store writing the file meanwhile would fold over the repair, or the repair over its writes.
  const lock = await acquireFileLock(file);
  try {
    const fixed = await repairTablePackage(file, content, tablePackageOptions(options));
    const { loaded, problems, changes } = await loadLeniently(file, options, true);
    const remaining = problems.filter((p) => p.code === 'badCell' || p.code === 'duplicateColumn');
    if (changes.length) await writeWorkbookFile(file, loaded, loaded.state);
    return { changes: [...fixed.changes, ...changes], remaining: [...fixed.remaining, ...remaining] };
  } finally {
    await lock.release();
  }
}

function tablePackageOptions(options: LoadOptions): TableConsistencyOptions {
  const schema = options.schema ?? CURRENT_SCHEMA;
  return { schema, guessLocale: (names) => guessLocale(names, schema) };
}

/**
 * Reads and parses an .xlsx file; a file that is not one (missing, empty, .xls, not a ZIP, no
 * workbook inside) is a `RelacjeError` saying which. `content` is the file's bytes as read.
 */
export async function readExcelFile(file: string): Promise<{ workbook: ExcelJS.Workbook; content: Buffer }> {
  const content = await readWorkbookBytes(file);
  return { workbook: await parseWithExcelJs(file, content), content };
}

async function parseWithExcelJs(file: string, content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new (excelJs().Workbook)();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw notAWorkbook(file, 'unreadable', error);
  }
  if (workbook.worksheets.length === 0) throw notAWorkbook(file, 'noSheets');
  return workbook;
}

/**
 * The common case read without ExcelJS: a workbook of the current schema with every table. The
 * records are exactly what the ExcelJS path below gives (the same table reader over the same
 * cell values); ExcelJS reads the same bytes only when the store first writes. Undefined when
 * the file needs the full path: a migration, a missing table or `_meta`, or anything the lean
 * reader does not read the way ExcelJS does.
 */
function loadLean(content: Buffer, options: LoadOptions, file: string): LoadedWorkbook | undefined {
  const schema = options.schema ?? CURRENT_SCHEMA;
  try {
    const lean = new LeanWorkbook(content);
    const metaEntry = lean.sheets.find((s) => s.name === META_SHEET);
    if (!metaEntry) return undefined;
    const metaSheet = readMetaSheet(lean.cells(metaEntry))!;
    if (metaSheet.problems.length) throw metaSheet.problems[0];
    const stored = metaSheet.meta;
    if ((stored.schemaVersion ?? 1) !== schema.version) return undefined;
    const meta = completeMeta(
      stored,
      lean.sheets.map((s) => s.name),
      schema,
    );
    const locale = meta.locale;
    const plan = planMigration(schema.version, schema);
    const context = createCellContext(schema, locale);
    const now = (options.now ?? (() => new Date()))().toISOString();
    const tables: Record<string, StoredRecord[]> = {};
    const reads = new Map<string, TableRead>();
    const tablesBySheet = new Map(lean.sheets.map((sheet) => [sheet, lean.tablesOf(sheet)]));
    for (const table of schema.tables) {
      const found = findLeanTable(tablesBySheet, table.tableName);
      if (!found) return undefined;
      const read = readTableRecords(table, lean.cells(found.sheet, found.table), found.table, {
        context,
        aliases: plan.headerAliases.get(table.key),
        now,
      });
      reads.set(table.key, read);
      tables[table.key] = migrateRecords(plan, table.key, read.records);
    }
    const loaded: LoadedWorkbook = { schema, meta, state: { meta, tables, dashboard: null } };
    if (!options.readOnly) {
      let model: Promise<ExcelModel> | undefined;
      loaded.loadExcel = () =>
        (model ??= excelModelOf(file, content, schema, reads).catch((error: unknown) => {
          model = undefined; // the next fold tries again
          throw error;
        }));
    }
    return loaded;
  } catch (error) {
    // A product error (a bad cell, a missing column) is what the ExcelJS path would raise too;
    // anything else (LeanReadUnsupported above all) sends the file down that path.
    if (isRelacjeError(error)) throw error;
    return undefined;
  }
}

function findLeanTable(
  tablesBySheet: Map<LeanSheetEntry, LeanTable[]>,
  tableName: string,
): { sheet: LeanSheetEntry; table: LeanTable } | undefined {
  const wanted = tableName.toLowerCase();
  for (const [sheet, tables] of tablesBySheet) {
    const table = tables.find((t) => t.name.toLowerCase() === wanted);
    if (table) return { sheet, table };
  }
  return undefined;
}

/** ExcelJS's model of the bytes the lean reader read, with each table's layout as read then. */
async function excelModelOf(
  file: string,
  content: Buffer,
  schema: WorkbookSchema,
  reads: ReadonlyMap<string, TableRead>,
): Promise<ExcelModel> {
  const workbook = await parseWithExcelJs(file, content);
  const layouts = new Map<string, TableLayout>();
  for (const table of schema.tables) {
    const found = findTableModel(workbook, table.tableName);
    const read = reads.get(table.key);
    if (!found || !read)
      throw new Error(`ExcelJS does not find the table ${table.tableName} the lean reader read`);
    layouts.set(table.key, layoutOf(found, read));
  }
  if (!workbook.getWorksheet(DASHBOARD_SHEET)) workbook.addWorksheet(DASHBOARD_SHEET);
  return { workbook, layouts };
}

async function loadLeniently(
  file: string,
  options: LoadOptions,
  lenient: boolean,
): Promise<{ loaded: LoadedWorkbook; problems: RelacjeError[]; changes: Bilingual[] }> {
  const schema = options.schema ?? CURRENT_SCHEMA;
  const content = await readWorkbookBytes(file);
  if (!lenient && !options.withExcelJs) {
    const lean = loadLean(content, options, file);
    if (lean) return { loaded: lean, problems: [], changes: [] };
  }
  const workbook = await parseWithExcelJs(file, content);
  const problems: RelacjeError[] = [];
  const changes: Bilingual[] = [];
  const metaWorksheet = workbook.getWorksheet(META_SHEET);
  const metaSheet = readMetaSheet(metaWorksheet && excelCellSource(metaWorksheet));
  const stored = metaSheet?.meta;
  if (metaSheet?.problems.length) {
    if (!lenient) throw metaSheet.problems[0];
    problems.push(...metaSheet.problems);
  }
  if (!metaSheet) changes.push({ pl: 'dodano arkusz _meta', en: 'added the _meta sheet' });
  const locale =
    stored?.locale ??
    guessLocale(
      workbook.worksheets.map((s) => s.name),
      schema,
    );
  // A workbook without `_meta` is taken as the oldest version, so every migration's additions are allowed.
  const version = stored?.schemaVersion ?? 1;
  if (version > schema.version) {
    throw new RelacjeError('newerSchema', { file: path.basename(file), version, supported: schema.version });
  }
  const plan = planMigration(version, schema);
  if (version < schema.version) {
    changes.push({
      pl: `uaktualniono schemat z wersji ${version} do ${schema.version}`,
      en: `upgraded the schema from version ${version} to ${schema.version}`,
    });
  }
  const meta = completeMeta(
    stored,
    workbook.worksheets.map((s) => s.name),
    schema,
  );
  const context = createCellContext(schema, locale);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const layouts = new Map<string, TableLayout>();
  const tables: Record<string, StoredRecord[]> = {};
  for (const table of schema.tables) {
    const found = findTableModel(workbook, table.tableName);
    if (!found) {
      if (!plan.newTables.has(table.key)) {
        const error = new RelacjeError('missingTable', {
          table: table.tableName,
          sheet: table.sheet[locale],
        });
        if (!lenient) throw error;
        problems.push(error);
        changes.push({ pl: `dodano tabelę ${table.tableName}`, en: `added the table ${table.tableName}` });
      }
      layouts.set(table.key, addTableSheet(workbook, table, locale));
      tables[table.key] = [];
      continue;
    }
    const { layout, records } = readTable(table, found, {
      context,
      addedColumns: new Set(plan.newColumns.get(table.key)?.keys() ?? []),
      aliases: plan.headerAliases.get(table.key),
      now,
      problems: lenient ? problems : undefined,
    });
    for (const column of addMissingColumns(layout, table, locale)) {
      if (!plan.newColumns.get(table.key)?.has(column.key)) {
        changes.push({
          pl: `dodano kolumnę „${column.header.pl}” w ${table.tableName}`,
          en: `added the column "${column.header.en}" to ${table.tableName}`,
        });
      }
    }
    layouts.set(table.key, layout);
    tables[table.key] = migrateRecords(plan, table.key, records);
  }
  if (!workbook.getWorksheet(DASHBOARD_SHEET)) workbook.addWorksheet(DASHBOARD_SHEET);
  const state: WorkbookState = { meta, tables, dashboard: null };
  const migratedFrom = version < schema.version ? version : undefined;
  const excel = { workbook, layouts };
  return { loaded: { excel, schema, meta, state, migratedFrom }, problems, changes };
}

function migrateRecords(plan: MigrationPlan, tableKey: string, records: StoredRecord[]): StoredRecord[] {
  const fills = plan.newColumns.get(tableKey);
  const hasTransforms = plan.transforms.some((t) => t.table === tableKey);
  if (!fills?.size && !hasTransforms) return records;
  return records.map((record) => {
    const filled = { ...record };
    fills?.forEach((value, column) => {
      if (filled[column] === undefined || filled[column] === null) filled[column] = value;
    });
    return transformRecord(plan, tableKey, filled);
  });
}

/** The locale of a workbook without `_meta`: the language its tables' sheet names are in. */
/**
 * The meta of a workbook of `schema`'s version from what its `_meta` sheet holds: defaults for what
 * it lacks, the locale guessed from the sheet names when it names none.
 */
export function completeMeta(
  stored: Partial<WorkbookMeta> | undefined,
  sheetNames: readonly string[],
  schema: WorkbookSchema,
): WorkbookMeta {
  const locale = stored?.locale ?? guessLocale(sheetNames, schema);
  return { ...defaultMeta(schema.version, locale), ...stored, schemaVersion: schema.version, locale };
}

export function guessLocale(sheetNames: readonly string[], schema: WorkbookSchema): Locale {
  const names = new Set(sheetNames);
  return schema.tables.some((t) => names.has(t.sheet.en) && !names.has(t.sheet.pl)) ? 'en' : 'pl';
}

/** Writes the state into the workbook and saves it atomically (never a half-written file). */
export async function writeWorkbookFile(
  file: string,
  loaded: LoadedWorkbook,
  state: WorkbookState,
): Promise<void> {
  if (!loaded.excel) {
    if (!loaded.loadExcel) throw new Error('The workbook was opened read-only');
    loaded.excel = await loaded.loadExcel();
    loaded.loadExcel = undefined;
  }
  const { workbook, layouts } = loaded.excel;
  const context: CellContext = createCellContext(loaded.schema, state.meta.locale);
  for (const table of loaded.schema.tables) {
    const layout = layouts.get(table.key);
    if (layout) writeTable(layout, table, state.tables[table.key] ?? [], context);
  }
  writeMetaSheet(workbook, state.meta);
  if (state.dashboard) writeDashboard(workbook, state.dashboard);
  loaded.state = state;
  loaded.meta = state.meta;
  const buffer = await workbook.xlsx.writeBuffer();
  await writeFileAtomically(file, new Uint8Array(buffer as ArrayBuffer));
}

function writeDashboard(workbook: ExcelJS.Workbook, cells: readonly DashboardCell[]): void {
  const sheet = workbook.getWorksheet(DASHBOARD_SHEET) ?? workbook.addWorksheet(DASHBOARD_SHEET);
  sheet.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
  for (const cell of cells) {
    const target = sheet.getCell(cell.ref);
    target.value =
      cell.formula !== undefined
        ? ({ formula: cell.formula.replace(/^=/, ''), result: undefined } as ExcelJS.CellFormulaValue)
        : (cell.value ?? null);
  }
}

import type { BodyRow } from '../package/package-types';
import { patchSheet, replaceSheetCells, sharedStringRefs, type PatchReport } from '../package/sheet-patch';
import { blankSharedStrings } from '../package/shared-strings-patch';
import { dateStyleIds, ensureNumberFormatStyle } from '../package/styles-patch';
import { patchTablePart } from '../package/table-part';
import { removeCalcChain, setFullCalcOnLoad } from '../package/workbook-parts';
import { writeZipAtomically, type ZipOutputEntry } from '../package/zip-writer';
import { columnNumber, rangeRef } from '../package/cell-ref';
import { attributeOf } from '../xml-scan';
import { ZipEntries } from '../zip-entries';
import type { EngineTable } from './engine-table';
import { patchCellsOf } from './loose-sheet';

import { relationshipsOf, workbookPartOf } from './workbook-structure';
import type { EngineSheet, WorkbookModel } from './workbook-model';

export interface FoldOptions {
  /** Called with the new file's hash once it is on disk, before it replaces the old one. */
  beforeReplace(sha256: string): Promise<void>;
}

/**
 * Writes the model into a new package made from the current one: the sheets and table parts that
 * changed are rebuilt, every other part is copied byte for byte, still compressed. Shared strings
 * that only removed or overwritten cells used are blanked (a deleted client leaves nothing); the
 * calculation chain goes when formulas may have moved (Excel rebuilds it).
 */
export async function foldPackage(
  file: string,
  content: Buffer,
  model: WorkbookModel,
  options: FoldOptions,
): Promise<{ sha256: string }> {
  const zip = new ZipEntries(content);
  const { structure } = model;
  const replaced = new Map<string, ZipOutputEntry>();
  const dropped = new Set<string>();
  const dirtySheets = model.sheets.filter((s) => s.cellsDirty || s.tables.some((t) => t.dirty));
  let stylesXml = structure.stylesPart ? zip.read(structure.stylesPart)?.toString('utf8') : undefined;
  const dateStyles = stylesXml ? dateStyleIds(stylesXml) : new Set<number>();
  const sheetOptions = { date1904: model.date1904, isDateStyle: (s: number) => dateStyles.has(s) };
  const reports: PatchReport[] = [];
  let freshFormulas = false;

  for (const sheet of dirtySheets) {
    const original = zip.read(sheet.part);
    if (!original) throw new Error(`The package has no part ${sheet.part}`);
    const dirtyTables = sheet.tables.filter((t) => t.dirty);
    if (dirtyTables.length > 1) {
      throw new Error(`${sheet.name}: two changed tables on one sheet are not supported yet`);
    }
    if (dirtyTables.length === 0) {
      if (sheet.tables.length > 0) continue;
      const chunks = replaceSheetCells(original, patchCellsOf(model.looseCells(sheet)), sheetOptions);
      replaced.set(sheet.part, { name: sheet.part, chunks: inBlocks(chunks) });
      continue;
    }
    const table = dirtyTables[0];
    const styles = firstRowStyles(original, table.top + table.info.headerRowCount, table.left, table.width);
    const formats = model.columnFormats.get(table.name.toLowerCase());
    formats?.forEach((format, j) => {
      if (!format || !stylesXml) return;
      const ensured = ensureNumberFormatStyle(stylesXml, format, styles[j]);
      stylesXml = ensured.xml;
      styles[j] = ensured.styleId;
      if (/[dmy]/i.test(format)) dateStyles.add(ensured.styleId);
    });
    freshFormulas ||= table.rows.some((r) => (r.origin === 0 || r.changed) && r.formulas?.some(Boolean));
    const patch = patchSheet(
      original,
      {
        top: table.top,
        left: table.left,
        right: table.right,
        oldBottom: table.foldedBottom,
        totalsRowCount: table.totalsRowCount,
        rows: bodyRowsOf(table),
        calculatedFormulas: table.calculatedFormulas(),
        columnStyles: styles,
      },
      sheetOptions,
    );
    replaced.set(sheet.part, {
      name: sheet.part,
      chunks: afterAll(inBlocks(patch.chunks), () => reports.push(patch.result())),
    });
    const bottom = table.bottom;
    const tableXml = zip.read(table.part)!.toString('utf8');
    const ref = rangeRef({ top: table.top, left: table.left, bottom, right: table.right });
    replaced.set(table.part, { name: table.part, content: patchTablePart(tableXml, { ref }) });
  }

  if (stylesXml !== undefined && structure.stylesPart) {
    const before = zip.read(structure.stylesPart)!.toString('utf8');
    if (stylesXml !== before)
      replaced.set(structure.stylesPart, { name: structure.stylesPart, content: stylesXml });
  }
  const workbookPart = workbookPartOf(zip);
  const rewritesTables = dirtySheets.some((s) => s.tables.some((t) => t.dirty));
  const calcChain = relationshipsOf(zip, workbookPart).find((r) => r.type.endsWith('/calcChain'));
  if (rewritesTables && calcChain) {
    const relsPart = workbookPart.replace(/([^/]+)$/, '_rels/$1.rels');
    const parts = removeCalcChain({
      contentTypes: zip.read('[Content_Types].xml')!.toString('utf8'),
      workbookRels: zip.read(relsPart)!.toString('utf8'),
    });
    replaced.set('[Content_Types].xml', { name: '[Content_Types].xml', content: parts.contentTypes });
    replaced.set(relsPart, { name: relsPart, content: parts.workbookRels });
    dropped.add(calcChain.target);
  }
  if (freshFormulas) {
    const xml = zip.read(workbookPart)!.toString('utf8');
    replaced.set(workbookPart, { name: workbookPart, content: setFullCalcOnLoad(xml) });
  }

  const sharedPart = structure.sharedStringsPart;
  const entries = async function* (): AsyncGenerator<ZipOutputEntry> {
    for (const name of zip.names()) {
      if (dropped.has(name) || name === sharedPart) continue;
      yield replaced.get(name) ?? { name, copyFrom: zip };
    }
    // Last: which strings only removed cells used is known once every patched sheet is written.
    if (sharedPart && zip.has(sharedPart)) {
      const blank = orphanedStrings(zip, reports, dirtySheets, model.sheets);
      yield blank.size === 0
        ? { name: sharedPart, copyFrom: zip }
        : { name: sharedPart, content: blankSharedStrings(zip.read(sharedPart)!, blank) };
    }
  };
  let sha256 = '';
  await writeZipAtomically(file, entries(), {
    beforeRename: async (_tempFile: string, hash: string) => {
      sha256 = hash;
      await options.beforeReplace(sha256);
    },
  });
  return { sha256 };
}

/** Unchanged rows share one array of kept cells: a fold of a big table allocates little. */
function bodyRowsOf(table: EngineTable): BodyRow[] {
  const keepAll = Object.freeze(new Array(table.width).fill(undefined));
  return table.rows.map((row) => ({
    origin: row.origin,
    cells: row.origin !== 0 && !row.changed ? keepAll : table.bodyCells(row),
  }));
}

/** Shared strings no cell of the new package uses that a patched sheet's old cells did. */
function orphanedStrings(
  zip: ZipEntries,
  reports: readonly PatchReport[],
  patched: readonly EngineSheet[],
  all: readonly EngineSheet[],
): Set<number> {
  const candidates = new Set<number>();
  for (const report of reports) for (const i of report.droppedSharedStrings) candidates.add(i);
  if (candidates.size === 0) return candidates;
  for (const report of reports) for (const i of report.usedSharedStrings) candidates.delete(i);
  const patchedParts = new Set(patched.filter((s) => s.tables.some((t) => t.dirty)).map((s) => s.part));
  for (const sheet of all) {
    if (candidates.size === 0) break;
    if (patchedParts.has(sheet.part)) continue;
    const xml = zip.read(sheet.part);
    if (xml) for (const i of sharedStringRefs(xml)) candidates.delete(i);
  }
  return candidates;
}

/** The `s` of each table column's cell in sheet row `rowNumber` (the first data row). */
function firstRowStyles(xml: Buffer, rowNumber: number, left: number, width: number): (number | undefined)[] {
  const styles = new Array<number | undefined>(width).fill(undefined);
  const start = xml.indexOf(`<row r="${rowNumber}"`);
  if (start < 0) return styles;
  const end = xml.indexOf('</row>', start);
  const row = xml.toString('utf8', start, end < 0 ? Math.min(xml.length, start + 65536) : end);
  for (const match of row.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const ref = attributeOf(match[1], 'r');
    const s = attributeOf(match[1], 's');
    if (!ref || s === undefined) continue;
    const col = columnNumber(ref.replace(/\d+$/, ''));
    if (col >= left && col < left + width) styles[col - left] = Number(s);
  }
  return styles;
}

const BLOCK_CHARS = 256 * 1024;

/**
 * The patcher's pieces (a row or less each) joined into blocks of about 256 KiB: each piece handed
 * to zlib on its own costs a round trip to its thread, which for a big sheet costs more than
 * deflating. A large slice of the original (rows kept as they are) goes on as it is, uncopied.
 */
function* inBlocks(chunks: Iterable<string | Buffer>): Generator<string | Buffer> {
  let block = '';
  for (const chunk of chunks) {
    if (typeof chunk !== 'string' && chunk.length >= BLOCK_CHARS) {
      if (block) yield block;
      block = '';
      yield chunk;
      continue;
    }
    block += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (block.length >= BLOCK_CHARS) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}

async function* afterAll<T>(items: Iterable<T>, done: () => void): AsyncGenerator<T> {
  for (const item of items) yield item;
  done();
}

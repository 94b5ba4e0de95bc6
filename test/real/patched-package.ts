import type JSZip from 'jszip';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { convertWithLibreOffice } from './soffice';

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';

/** A profile that makes LibreOffice recalculate every formula of an .xlsx on load. */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

/**
 * The package as LibreOffice shows sheet `sheetName` once it has opened it (every formula
 * recalculated when `recalculate`), as the lines of its CSV export.
 */
export async function libreOfficeLines(
  dir: string,
  zip: JSZip,
  sheetName: string,
  options: { recalculate?: boolean } = {},
): Promise<string[]> {
  const file = path.join(dir, 'patched.xlsx');
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  if (options.recalculate) {
    await mkdir(path.join(dir, 'lo-profile', 'user'), { recursive: true });
    await writeFile(path.join(dir, 'lo-profile', 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  }
  const outDir = path.join(dir, 'csv');
  await mkdir(outDir);
  await convertWithLibreOffice(dir, CSV_FILTER, outDir, [file]);
  // One file per sheet, named after the sheet; a single-sheet workbook may give one plain file.
  const csv = await readFile(path.join(outDir, `patched-${sheetName}.csv`), 'utf8').catch(() =>
    readFile(path.join(outDir, 'patched.csv'), 'utf8'),
  );
  return csv.trim().split(/\r?\n/);
}

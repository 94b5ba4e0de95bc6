// The lean reader against the least any reader of the same XML must do, measured in one run on
// the same workbook: inflating the sheets, and a byte-level scan that finds every cell and makes
// one string of each value. The lean read is timed whole (ZIP, inflating, every table's cells),
// with and without decoding them into records.
import { readFileSync } from 'node:fs';
import { createCellContext } from '../../src/core/cells';
import { CURRENT_SCHEMA } from '../../src/core/schema';
import { LeanWorkbook } from '../../src/store/xlsx/lean-workbook';
import { readTableRecords } from '../../src/store/xlsx/table-reader';
import { ZipEntries } from '../../src/store/xlsx/zip-entries';
import { median, millisecondsSince, reportProbe } from './probe-output';

const ROUNDS = Number(process.env.BENCH_SCAN_ROUNDS ?? 5);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;

/**
 * Every `<c …>` and the text of every `<v>`/`<t>` inside it, by bytes alone: no names compared
 * beyond their first letter, no entities decoded. Returns the cells and the values' total length
 * (so the work cannot be optimised away).
 */
function byteScan(xml: Buffer): { cells: number; chars: number } {
  let cells = 0;
  let chars = 0;
  const length = xml.length;
  let i = xml.indexOf(LT);
  while (i >= 0 && i < length) {
    const first = xml[i + 1];
    // Skip to the tag's end, over quoted attribute values.
    let j = i + 1;
    while (j < length && xml[j] !== GT) {
      if (xml[j] === QUOTE) j = xml.indexOf(QUOTE, j + 1);
      j += 1;
    }
    if (first === 0x63 /* c */ && (xml[i + 2] === 0x20 || xml[i + 2] === GT || xml[i + 2] === SLASH)) {
      cells += 1;
    } else if ((first === 0x76 /* v */ || first === 0x74) /* t */ && xml[i + 2] === GT) {
      const end = xml.indexOf(LT, j + 1);
      chars += xml.toString('utf8', j + 1, end).length;
      j = end - 1;
    }
    i = xml.indexOf(LT, j + 1);
  }
  return { cells, chars };
}

/** The sheet parts of every table, and the shared strings. */
function partsRead(zip: ZipEntries): string[] {
  return zip
    .names()
    .filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === 'xl/sharedStrings.xml');
}

function leanRead(content: Buffer, records: boolean): number {
  const lean = new LeanWorkbook(content, { permissive: true });
  const context = createCellContext(CURRENT_SCHEMA, 'pl');
  let count = 0;
  for (const table of CURRENT_SCHEMA.tables) {
    for (const sheet of lean.sheets) {
      const found = lean.tablesOf(sheet).find((t) => t.name === table.tableName);
      if (!found) continue;
      const source = lean.cells(sheet, found);
      if (records) {
        count += readTableRecords(table, source, found, { context, now: '2026-01-01T00:00:00.000Z' }).records
          .length;
      } else {
        const width = found.columns.length;
        source.eachRow(1, 2_000_000, (row) => {
          for (let col = 1; col <= width; col += 1) if (row.cell(col)) count += 1;
        });
      }
    }
  }
  return count;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: millisecondsSince(start), value };
}

function main(file: string): void {
  const content = readFileSync(file);
  const zip = new ZipEntries(content);
  const parts = partsRead(zip);
  const inflate: number[] = [];
  const scan: number[] = [];
  const cellsRead: number[] = [];
  const recordsRead: number[] = [];
  let scanned = { cells: 0, chars: 0 };
  let xmlBytes = 0;
  let cells = 0;
  let rows = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const inflated = timed(() => parts.map((part) => zip.read(part)!));
    inflate.push(inflated.ms);
    xmlBytes = inflated.value.reduce((sum, xml) => sum + xml.length, 0);
    const scanning = timed(() =>
      inflated.value.reduce(
        (sum, xml) => {
          const one = byteScan(xml);
          return { cells: sum.cells + one.cells, chars: sum.chars + one.chars };
        },
        { cells: 0, chars: 0 },
      ),
    );
    scan.push(scanning.ms);
    scanned = scanning.value;
    const reading = timed(() => leanRead(content, false));
    cellsRead.push(reading.ms);
    cells = reading.value;
    const decoding = timed(() => leanRead(content, true));
    recordsRead.push(decoding.ms);
    rows = decoding.value;
  }
  const inflateMs = median(inflate);
  const byteScanMs = median(scan);
  const leanCellsMs = median(cellsRead);
  const leanRecordsMs = median(recordsRead);
  const baseline = inflateMs + byteScanMs;
  reportProbe({
    xmlMiB: xmlBytes / 1024 / 1024,
    scannedCells: scanned.cells,
    cellsRead: cells,
    rows,
    inflateMs,
    byteScanMs,
    leanCellsMs,
    leanRecordsMs,
    /** The lean read of every table's cells over inflating plus the byte scan. */
    cellsToScan: leanCellsMs / baseline,
    /** The same with the records decoded (what a load costs). */
    recordsToScan: leanRecordsMs / baseline,
  });
}

main(process.argv[2]);

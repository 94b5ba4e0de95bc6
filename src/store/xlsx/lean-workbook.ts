import type { RawCell } from '../../core/cells';
import { RelacjeError } from '../../core/errors';
import type { CellSource, SourceCell, SourceRow, TableShape } from './table-reader';
import {
  attributeOf,
  attributesOf,
  CELL_TYPE,
  decimalAt,
  decodeXmlText,
  integerAt,
  localName,
  scanSheetRows,
  scanStringItems,
  scanXml,
  type ScannedCell,
  type SheetRowsVisitor,
  type XmlVisitor,
} from './xml-scan';
import { LeanReadUnsupported, ZipEntries } from './zip-entries';

/* eslint-disable @typescript-eslint/no-require-imports -- small ExcelJS helpers, by path, so that reading never loads ExcelJS itself */
const excelUtils = require('exceljs/lib/utils/utils') as {
  isDateFmt(format: string | undefined): boolean;
  xmlDecode(text: string): string;
};
const defaultNumFormats = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f: string }>;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface LeanReadOptions {
  /**
   * Read whatever Excel (desktop and web), LibreOffice and Google Sheets save, correctly rather
   * than as ExcelJS would: merged cells, hyperlinks, shared formulas whose master is elsewhere,
   * bare cells, prefixed XML, parts found through their relationships under any name, rich text
   * anywhere, `t="d"` dates, and formulas' cached results, falsy ones included.
   * `LeanReadUnsupported` then means a damaged file, not a different reading.
   */
  permissive?: boolean;
  /** Rows one pass over a sheet may meet before it ends in `workbookTooLarge`. */
  maxRows?: number;
  /** Cells one pass over a sheet (and strings the shared strings part) may hold, likewise. */
  maxCells?: number;
}

/** Generous: Excel's own sheet holds at most 1,048,576 rows. */
export const LEAN_READ_LIMITS = Object.freeze({ maxRows: 2_000_000, maxCells: 50_000_000 });

interface Limits {
  maxRows: number;
  maxCells: number;
}

/** A relationship of a part: where it points, resolved to a part name, and what kind it is. */
interface Relationship {
  /** As written. */
  target: string;
  /** The part it names, relative targets resolved against the source part's folder. */
  part: string;
  /** The type's last segment: `worksheet`, `table`, `styles`, `sharedStrings`, `officeDocument`… */
  kind: string;
  external: boolean;
}

/**
 * The lean reader: the parts of an .xlsx the store reads (sheet names, table definitions, shared
 * strings, number formats and the cells of the sheets holding our tables), straight from the ZIP,
 * without ExcelJS's model of every cell and its style.
 *
 * By default each cell comes out as ExcelJS would give it: the same rules for types, shared and
 * inline strings, rich text, formulas' cached results, `_xHHHH_` escapes and dates; whatever it
 * does not read exactly as ExcelJS does (merged cells, hyperlinks, unusual part names, CDATA…)
 * is `LeanReadUnsupported`, and the caller uses ExcelJS. With `permissive` it reads what the
 * file says, the way Excel does (see `LeanReadOptions`).
 */
export class LeanWorkbook {
  private readonly zip: ZipEntries;
  /** Dates are counted from 1904 (old Mac workbooks): serial 0 is 1904-01-01. */
  readonly date1904: boolean;
  /** Worksheets in workbook order. */
  readonly sheets: LeanSheetEntry[] = [];
  private readonly permissive: boolean;
  private readonly limits: Limits;
  private stylesPart = 'xl/styles.xml';
  private stringsPart = 'xl/sharedStrings.xml';
  private dateStyles: boolean[] | undefined;
  private sharedStrings: SharedString[] | undefined;
  private lowerCaseNames: Map<string, string> | undefined;

  constructor(content: Buffer, options: LeanReadOptions = {}) {
    this.permissive = options.permissive === true;
    this.limits = {
      maxRows: options.maxRows ?? LEAN_READ_LIMITS.maxRows,
      maxCells: options.maxCells ?? LEAN_READ_LIMITS.maxCells,
    };
    this.zip = new ZipEntries(content);
    this.date1904 = this.permissive ? this.readWorkbookPermissively() : this.readWorkbookAsExcelJs();
  }

  private readWorkbookAsExcelJs(): boolean {
    const workbookXml = this.text('xl/workbook.xml');
    if (workbookXml === undefined) throw new LeanReadUnsupported('no workbook part');
    const rels = this.relationships('xl/_rels/workbook.xml.rels', 'xl/workbook.xml');
    let date1904 = false;
    scanXml(workbookXml, {
      open: (name, attributes) => {
        if (name === 'workbookPr') date1904 = attributeOf(attributes, 'date1904') === '1';
        if (name !== 'sheet') return;
        const attrs = attributesOf(attributes);
        const target = rels.get(attrs['r:id'] ?? '')?.target;
        if (target === undefined) return;
        // The part a sheet names, resolved as ExcelJS resolves it; other parts (chart sheets) are no worksheets.
        const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
        const number = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(part)?.[1];
        if (number === undefined || !this.zip.has(part)) return;
        this.sheets.push({
          name: attrs.name ?? '',
          part,
          number,
          relationships: `xl/worksheets/_rels/sheet${number}.xml.rels`,
        });
      },
      close: () => undefined,
    });
    return date1904;
  }

  /** The workbook part found from the package's own relationships, its sheets from its relationships. */
  private readWorkbookPermissively(): boolean {
    const office = [...this.relationships('_rels/.rels', '').values()].find(
      (r) => r.kind === 'officeDocument' && !r.external && this.partName(r.part) !== undefined,
    );
    const workbookPart = office ? this.partName(office.part)! : this.partName('xl/workbook.xml');
    const workbookXml = workbookPart === undefined ? undefined : this.text(workbookPart);
    if (workbookPart === undefined || workbookXml === undefined) {
      throw new LeanReadUnsupported('no workbook part');
    }
    const rels = this.relationships(relationshipsPartOf(workbookPart), workbookPart);
    for (const rel of rels.values()) {
      const part = rel.external ? undefined : this.partName(rel.part);
      if (part === undefined) continue;
      if (rel.kind === 'styles') this.stylesPart = part;
      else if (rel.kind === 'sharedStrings') this.stringsPart = part;
    }
    let date1904 = false;
    let inSheets = 0;
    scanXml(workbookXml, {
      open: (qualified, attributes) => {
        const name = localName(qualified);
        if (name === 'workbookPr') {
          const value = attributesOf(attributes).date1904;
          date1904 = value === '1' || value === 'true';
        } else if (name === 'sheets') {
          inSheets += 1;
        } else if (name === 'sheet' && inSheets > 0) {
          const attrs = attributesOf(attributes);
          const rel = rels.get(relationshipIdOf(attrs) ?? '');
          if (!rel || rel.external || (rel.kind !== 'worksheet' && rel.kind !== '')) return;
          const part = this.partName(rel.part);
          if (part === undefined) return;
          const number = /^xl\/worksheets\/sheet(\d+)[.]xml$/.exec(part)?.[1] ?? '';
          this.sheets.push({
            name: attrs.name ?? '',
            part,
            number,
            relationships: relationshipsPartOf(part),
          });
        }
      },
      close: (qualified) => {
        if (localName(qualified) === 'sheets') inSheets -= 1;
      },
    });
    return date1904;
  }

  /**
   * The ZIP entry holding `part`: the name itself or, as OPC part names are compared without
   * regard to case (and may be percent-encoded), the entry that matches it so.
   */
  private partName(part: string): string | undefined {
    if (this.zip.has(part)) return part;
    if (!this.permissive) return undefined;
    let decoded = part;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      // Not percent-encoded after all.
    }
    if (this.zip.has(decoded)) return decoded;
    this.lowerCaseNames ??= new Map(this.zip.names().map((name) => [name.toLowerCase(), name]));
    return this.lowerCaseNames.get(decoded.toLowerCase());
  }

  /**
   * The tables a sheet's relationships point to, from their small parts alone; reading the sheet
   * (`cells`) checks that its <tableParts> does list them, as ExcelJS requires (not when permissive).
   */
  tablesOf(sheet: LeanSheetEntry): LeanTable[] {
    const tables: LeanTable[] = [];
    if (!this.permissive) {
      const rels = this.relationships(`xl/worksheets/_rels/sheet${sheet.number}.xml.rels`, sheet.part);
      for (const [id, { target }] of rels) {
        const table = /^\.\.\/tables\/(table\d+)[.]xml$/.exec(target)?.[1];
        const xml = table === undefined ? undefined : this.text(`xl/tables/${table}.xml`);
        if (xml !== undefined) tables.push({ ...tableOf(xml, false), relationship: id });
      }
      return tables;
    }
    const rels = this.relationships(sheet.relationships ?? relationshipsPartOf(sheet.part), sheet.part);
    for (const [id, rel] of rels) {
      if (rel.kind !== 'table' || rel.external) continue;
      const part = this.partName(rel.part);
      const xml = part === undefined ? undefined : this.text(part);
      if (xml !== undefined) tables.push({ ...tableOf(xml, true), relationship: id, part });
    }
    return tables;
  }

  /** The sheet's cells, read row by row on each pass; `table` must be one the sheet lists. */
  cells(sheet: LeanSheetEntry, table?: LeanTable): CellSource {
    const part = this.partName(sheet.part);
    const xml = part === undefined ? undefined : this.zip.read(part);
    if (xml === undefined) throw new LeanReadUnsupported(`no part ${sheet.part}`);
    if (table && !this.permissive && !listsTablePart(xml, table.relationship)) {
      throw new LeanReadUnsupported(`${sheet.name} does not list the table ${table.name}`);
    }
    return new LeanSheet(sheet.name, xml, {
      dateStyles: this.styles(),
      sharedStrings: () => this.strings(),
      date1904: this.date1904,
      permissive: this.permissive,
      limits: this.limits,
    });
  }

  private text(part: string): string | undefined {
    return this.zip.read(part)?.toString('utf8');
  }

  /** A part's relationships by id; `source` is the part they belong to ('' for the package's own). */
  private relationships(part: string, source: string): Map<string, Relationship> {
    const rels = new Map<string, Relationship>();
    const found = this.partName(part);
    const xml = found === undefined ? undefined : this.text(found);
    if (xml === undefined) return rels;
    scanXml(xml, {
      open: (name, attributes) => {
        if ((this.permissive ? localName(name) : name) !== 'Relationship') return;
        const attrs = attributesOf(attributes);
        if (attrs.Id === undefined || attrs.Target === undefined) return;
        const type = attrs.Type ?? '';
        rels.set(attrs.Id, {
          target: attrs.Target,
          part: resolvePart(source, attrs.Target),
          kind: type.slice(type.lastIndexOf('/') + 1),
          external: attrs.TargetMode === 'External',
        });
      },
      close: () => undefined,
    });
    return rels;
  }

  /** Which cell style ids (`s`) format numbers as dates, as ExcelJS decides it (or as Excel does). */
  private styles(): boolean[] {
    if (this.dateStyles) return this.dateStyles;
    const formats = new Map<number, string>();
    const numFmtIds: number[] = [];
    const xml = this.text(this.stylesPart);
    const name = this.permissive ? localName : (qualified: string) => qualified;
    let inCellXfs = 0;
    let inNumFmts = 0;
    if (xml !== undefined) {
      scanXml(xml, {
        open: (qualified, attributes) => {
          const element = name(qualified);
          if (element === 'numFmts') inNumFmts += 1;
          else if (element === 'numFmt' && inNumFmts > 0) {
            const attrs = attributesOf(attributes);
            const code = attrs.formatCode ?? '';
            formats.set(
              parseInt(attrs.numFmtId, 10),
              this.permissive ? code : code.replace(/[\\](.)/g, '$1'),
            );
          } else if (element === 'cellXfs') {
            inCellXfs += 1;
          } else if (element === 'xf' && inCellXfs > 0) {
            numFmtIds.push(parseInt(attributesOf(attributes).numFmtId ?? '', 10));
          }
        },
        close: (qualified) => {
          const element = name(qualified);
          if (element === 'cellXfs') inCellXfs -= 1;
          if (element === 'numFmts') inNumFmts -= 1;
        },
      });
    }
    this.dateStyles = numFmtIds.map((id) => {
      if (!id) return false;
      if (this.permissive) return isDateFormat(formats.get(id) ?? defaultNumFormats[id]?.f);
      return excelUtils.isDateFmt(formats.get(id) || defaultNumFormats[id]?.f);
    });
    return this.dateStyles;
  }

  /** Shared string `index` as text ('' for one without text), for readers of small sheets. */
  sharedString(index: number): string {
    const raw = this.strings()[index]?.raw;
    return raw === null || raw === undefined ? '' : String(raw);
  }

  private strings(): SharedString[] {
    if (!this.sharedStrings) {
      const part = this.partName(this.stringsPart);
      const xml = part === undefined ? undefined : this.zip.read(part);
      this.sharedStrings = this.permissive
        ? readSharedStringsPermissively(xml, this.limits.maxCells)
        : readSharedStrings(xml, this.limits.maxCells);
    }
    return this.sharedStrings;
  }
}

export interface LeanSheetEntry {
  name: string;
  part: string;
  /** N of `sheetN.xml` ('' for a part named otherwise): ExcelJS finds a sheet's relationships by it. */
  number: string;
  /** The sheet's relationships part; by default the one beside `part`. */
  relationships?: string;
}

export type LeanTable = Omit<TableShape, 'columns'> & {
  name: string;
  relationship?: string;
  /** The table part (permissive reads). */
  part?: string;
  columns: readonly { name: string; calculatedColumnFormula?: string }[];
  /** 1 unless the table has no header row (permissive reads; 0 is `LeanReadUnsupported` by default). */
  headerRowCount?: number;
};

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship's target names: an absolute target (`/xl/worksheets/sheet1.xml`) from
 * the package's root, a relative one from the folder of its source part, `.` and `..` resolved.
 */
function resolvePart(source: string, target: string): string {
  const trimmed = target.trim().replace(/\\/g, '/');
  const base = trimmed.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** A relationship id attribute, whatever prefix its namespace was given (`r:id` most often). */
function relationshipIdOf(attrs: Record<string, string>): string | undefined {
  if (attrs['r:id'] !== undefined) return attrs['r:id'];
  const key = Object.keys(attrs).find((name) => name.endsWith(':id'));
  return key === undefined ? undefined : attrs[key];
}

/**
 * Whether a number format shows a date or time, as Excel decides it: a day, month, year, hour or
 * second code in its first section, outside quoted text, escaped characters, fills, paddings and
 * bracketed colours or locales; an elapsed time (`[h]:mm`) counts as a time. LibreOffice's
 * boolean format (`"TRUE";"TRUE";"FALSE"`) and currencies (`#,##0.00 [$zł-415]`) are no dates.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/"[^"]*"|\\.|_.|\*./g, '');
  if (/\[(?:h+|m+|s+)\]/i.test(bare)) return true;
  const first = bare
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]
    .replace(/general/gi, '');
  return /[dmyhs]/i.test(first);
}

function listsTablePart(sheetXml: Buffer, relationship: string | undefined): boolean {
  const partsAt = sheetXml.lastIndexOf('<tableParts');
  if (partsAt < 0 || relationship === undefined) return false;
  let listed = false;
  scanXml(sheetXml.toString('utf8', partsAt, sheetXml.indexOf('</tableParts>', partsAt) + 13), {
    open: (name, attributes) => {
      if (name === 'tablePart' && attributeOf(attributes, 'r:id') === relationship) listed = true;
    },
    close: () => undefined,
  });
  return listed;
}

function tableOf(xml: string, permissive: boolean): LeanTable {
  let table: LeanTable | undefined;
  let column: { name: string; calculatedColumnFormula?: string } | undefined;
  let formula: string[] | undefined;
  scanXml(xml, {
    open: (qualified, attributes) => {
      const name = permissive ? localName(qualified) : qualified;
      if (name === 'table') {
        const attrs = attributesOf(attributes);
        table = {
          name: attrs.name,
          tableRef: attrs.ref,
          totalsRow: permissive
            ? parseInt(attrs.totalsRowCount ?? '0', 10) > 0
            : attrs.totalsRowCount === '1',
          columns: [],
        };
        if (permissive) table.headerRowCount = parseInt(attrs.headerRowCount ?? '1', 10) === 0 ? 0 : 1;
      } else if (name === 'tableColumn' && table) {
        const attrs = attributesOf(attributes);
        column = { name: permissive ? unescapeAnyCase(attrs.name ?? '') : attrs.name };
        (table.columns as { name: string }[]).push(column);
      } else if (permissive && name === 'calculatedColumnFormula' && column) {
        formula = [];
      }
    },
    text: permissive
      ? (raw) => {
          if (formula) formula.push(decodeXmlText(raw));
        }
      : undefined,
    close: (qualified) => {
      const name = permissive ? localName(qualified) : qualified;
      if (name === 'calculatedColumnFormula' && column && formula) {
        column.calculatedColumnFormula = formula.join('');
        formula = undefined;
      } else if (name === 'tableColumn') {
        column = undefined;
      }
    },
  });
  if (!table?.name || !table.tableRef) throw new LeanReadUnsupported('table definition');
  if (!/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?$/.test(table.tableRef)) {
    throw new LeanReadUnsupported('table range');
  }
  return table;
}

/** `_xHHHH_` escapes, decoded as ExcelJS's text reader decodes them (upper-case hex only). */
function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `_xHHHH_` escapes as Excel and LibreOffice decode them: either case of hex digits. */
function unescapeAnyCase(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A shared string as a cell shows it: its text, and whether ExcelJS's value would count as empty. */
interface SharedString {
  raw: RawCell;
  blank: boolean;
}

/** A cell's attributes as Excel and ExcelJS write them: double quotes, single spaces, no entities. */
const SIMPLE_ATTRIBUTES = /^(?: [A-Za-z:]+="[^"&\t\n\r]*")*$/;

/** Most shared strings: one <t> and nothing else. */
const SIMPLE_STRING = /^<si><t(?:[ \t\r\n]+xml:space="preserve")?>[^<]*<\/t><\/si>$/;

function tooManyStrings(count: number, max: number): RelacjeError {
  return new RelacjeError('workbookTooLarge', {
    part: 'xl/sharedStrings.xml',
    limit: {
      pl: `najwyżej ${max} tekstów współdzielonych`,
      en: `at most ${max} shared strings`,
    },
    actual: `${count}`,
  });
}

function readSharedStrings(xml: Buffer | undefined, max: number): SharedString[] {
  const strings: SharedString[] = [];
  if (!xml) return strings;
  forEachElement(xml, 'si', 0, xml.length, (element, start, end) => {
    if (strings.length >= max) throw tooManyStrings(strings.length + 1, max);
    if (SIMPLE_STRING.test(element)) {
      // The text decoded from the bytes themselves: a string of its own, not a slice that would
      // keep the whole element alive and make every later comparison of it slower.
      const prefix = element.indexOf('>', 4) + 1;
      const text = unescapeOoxml(
        decodeXmlText(xml.toString('utf8', start + prefix, end - '</t></si>'.length)),
      );
      strings.push({ raw: text, blank: text === '' });
      return;
    }
    // Mirrors ExcelJS: a plain <t> is the string; runs (<r><t>) make rich text; phonetic runs are skipped.
    let plain: string | undefined;
    let runs: (string | undefined)[] | undefined;
    let text: string[] | undefined;
    let depth = 0;
    let inRun = false;
    let skipped = 0;
    scanXml(element, {
      open(name) {
        depth += 1;
        if (skipped > 0 || depth === 1) {
          if (skipped > 0) skipped += 1;
          return;
        }
        if (depth === 2 && name === 'r') {
          inRun = true;
          (runs ??= []).push(undefined);
        } else if (name === 't' && (depth === 2 || (inRun && depth === 3))) {
          text = [];
        } else if (depth === 2 || inRun) {
          skipped = 1;
        }
      },
      text(raw) {
        if (text && skipped === 0) text.push(decodeXmlText(raw));
      },
      close(name) {
        depth -= 1;
        if (skipped > 0) {
          skipped -= 1;
          return;
        }
        if (name === 't' && text) {
          const value = unescapeOoxml(text.join(''));
          if (inRun) runs![runs!.length - 1] = value;
          else plain = value;
          text = undefined;
        } else if (name === 'r' && depth === 1) {
          inRun = false;
        }
      },
    });
    if (plain !== undefined && runs) throw new LeanReadUnsupported('a shared string with text and runs');
    if (plain !== undefined) strings.push({ raw: plain, blank: plain === '' });
    else if (runs) strings.push({ raw: runs.join(''), blank: false });
    // ExcelJS keeps an <si> without text as an empty object: no value, yet not an empty cell.
    else strings.push({ raw: null, blank: false });
  });
  return strings;
}

/**
 * The shared strings as Excel shows them: each <si>'s text, its plain <t> and its runs' <t> in
 * document order, phonetic guides (<rPh>) and run properties left out, `_xHHHH_` decoded.
 */
function readSharedStringsPermissively(xml: Buffer | undefined, max: number): SharedString[] {
  const strings: SharedString[] = [];
  if (!xml) return strings;
  const push = (text: string) => {
    if (strings.length >= max) throw tooManyStrings(strings.length + 1, max);
    strings.push({ raw: text, blank: text === '' });
  };
  scanStringItems(xml, rootPrefixOf(xml), {
    plain: (start, end) => push(unescapeAnyCase(decodeXmlText(xml.toString('utf8', start, end)))),
    other: (start, end) => push(richTextOf(xml.toString('utf8', start, end))),
  });
  return strings;
}

/** The text of a string item (<si>, <is>): every <t> outside <rPh> and <rPr>, in order. */
function richTextOf(element: string): string {
  const parts: string[] = [];
  let inText = false;
  let skipped = 0;
  scanXml(element, {
    open(qualified) {
      const name = localName(qualified);
      if (skipped > 0) skipped += 1;
      else if (name === 'rPh' || name === 'rPr' || name === 'phoneticPr') skipped = 1;
      else if (name === 't') inText = true;
    },
    text(raw) {
      if (inText && skipped === 0) parts.push(decodeXmlText(raw));
    },
    close(qualified) {
      if (skipped > 0) skipped -= 1;
      else if (localName(qualified) === 't') inText = false;
    },
  });
  return unescapeAnyCase(parts.join(''));
}

/** `x:` when the part's root element is `<x:worksheet …>` (as some generators write), else ''. */
function rootPrefixOf(xml: Buffer): string {
  let at = 0;
  for (;;) {
    at = xml.indexOf(0x3c /* < */, at);
    if (at < 0 || at + 1 >= xml.length) return '';
    const next = xml[at + 1];
    if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) break;
    at += 1;
  }
  let end = at + 1;
  while (end < xml.length && end < at + 200 && !isNameEnd(xml[end])) end += 1;
  const name = xml.toString('latin1', at + 1, end);
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

function isNameEnd(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x3e || byte === 0x2f;
}

/**
 * Calls `visit` with each `<name …>…</name>` (or `<name …/>`) element between `from` and `to`, as
 * text; elements of that name must not nest (true of <si> and <row>).
 */
function forEachElement(
  xml: Buffer,
  name: string,
  from: number,
  to: number,
  visit: (element: string, start: number, end: number) => boolean | void,
): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  let pos = from;
  while (pos < to) {
    const start = xml.indexOf(open, pos);
    if (start < 0 || start >= to) return;
    const after = xml[start + open.length];
    // <rowBreaks> and the like share the prefix.
    if (
      after !== 0x20 &&
      after !== 0x3e &&
      after !== 0x2f &&
      after !== 0x09 &&
      after !== 0x0a &&
      after !== 0x0d
    ) {
      pos = start + open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd < 0) throw new LeanReadUnsupported(`unterminated <${name}>`);
    let end: number;
    if (xml[tagEnd - 1] === 0x2f) end = tagEnd + 1;
    else {
      const closeAt = xml.indexOf(close, tagEnd);
      if (closeAt < 0 || closeAt >= to) throw new LeanReadUnsupported(`unterminated <${name}>`);
      end = closeAt + close.length;
    }
    if (visit(xml.toString('utf8', start, end), start, end) === false) return;
    pos = end;
  }
}

interface SheetContext {
  dateStyles: boolean[];
  sharedStrings: () => SharedString[];
  date1904: boolean;
  permissive: boolean;
  limits: Limits;
}

/** A cell ExcelJS reads as a "merge" without a master: reading its value fails there. */
const MASTERLESS: SourceCell = { raw: null, blank: true, formula: false };

/** The widest sheet Excel makes: column XFD. */
const MAX_COLUMN = 16_384;

function sheetTooLarge(sheet: string, what: 'rows' | 'cells', max: number): RelacjeError {
  const limit =
    what === 'rows'
      ? {
          pl: `najwyżej ${max} wierszy w arkuszu „${sheet}”`,
          en: `at most ${max} rows in the sheet "${sheet}"`,
        }
      : {
          pl: `najwyżej ${max} komórek w arkuszu „${sheet}”`,
          en: `at most ${max} cells in the sheet "${sheet}"`,
        };
  return new RelacjeError('workbookTooLarge', { part: sheet, limit, actual: `${max + 1}+` });
}

class LeanSheet implements CellSource {
  private readonly dataStart: number;
  private readonly dataEnd: number;
  /** The namespace prefix of the sheet's elements, with its colon ('' nearly always). */
  private readonly prefix: string;

  constructor(
    readonly name: string,
    private readonly xml: Buffer,
    private readonly context: SheetContext,
  ) {
    if (context.permissive) {
      this.prefix = rootPrefixOf(xml);
    } else {
      if (xml.includes(':sheetData')) throw new LeanReadUnsupported('prefixed sheet XML');
      this.prefix = '';
    }
    const start = xml.indexOf(`<${this.prefix}sheetData`);
    const close = `</${this.prefix}sheetData>`;
    // Permissive: found from the end, where it is, rather than after a pass over every row.
    const end = start < 0 ? -1 : context.permissive ? xml.lastIndexOf(close) : xml.indexOf(close, start);
    this.dataStart = start < 0 ? 0 : start;
    this.dataEnd = end < 0 ? this.dataStart : end;
    const tail = end < 0 ? this.dataStart : end;
    // Merged cells take their master's value and hyperlinks change what counts as an empty cell.
    if (
      !context.permissive &&
      (xml.indexOf('<mergeCell', tail) >= 0 || xml.indexOf('<hyperlink', tail) >= 0)
    ) {
      throw new LeanReadUnsupported('merged cells or hyperlinks');
    }
  }

  eachRow(from: number, to: number, visit: (row: SourceRow) => void): void {
    if (this.context.permissive) {
      if (this.dataEnd <= this.dataStart) return;
      const rows = new PermissiveRows(this.name, this.xml, this.context, from, to, visit);
      // From past the <sheetData> tag itself.
      scanSheetRows(this.xml, this.xml.indexOf('>', this.dataStart) + 1, this.dataEnd, this.prefix, rows);
      return;
    }
    let previous = 0;
    let rows = 0;
    const { limits } = this.context;
    const parser = new RowParser(this.name, this.context);
    forEachElement(this.xml, 'row', this.dataStart, this.dataEnd, (element) => {
      rows += 1;
      if (rows > limits.maxRows) throw sheetTooLarge(this.name, 'rows', limits.maxRows);
      const tagEnd = element.indexOf('>');
      const r = attributeOf(element.slice(4, tagEnd), 'r');
      const number = r === undefined ? NaN : parseInt(r, 10);
      if (!(number > previous)) throw new LeanReadUnsupported('rows without numbers or out of order');
      previous = number;
      if (number > to) return false;
      if (number < from) return;
      visit(parser.parse(number, element));
    });
  }
}

/**
 * A permissive pass over a sheet's rows from the byte-level scanner (`scanSheetRows`), one string
 * at most per value. Each cell as Excel shows it: a formula by its cached result, whatever it is
 * (0, FALSE and '' included; none when the file has none), strings shared or inline with their
 * runs joined and `_xHHHH_` decoded, booleans, error codes, `t="d"` ISO dates, and numbers, as
 * dates where their style says so.
 */
class PermissiveRows implements SheetRowsVisitor {
  private readonly cells: SourceCell[] = [];
  private readonly pool: SourceCell[] = [];
  private filled: number[] = [];
  private readonly rowView: SourceRow;
  private readonly current = { number: 0 };
  private previous = 0;
  private rowCount = 0;
  private cellCount = 0;
  private lastCol = 0;

  constructor(
    private readonly sheetName: string,
    private readonly xml: Buffer,
    private readonly context: SheetContext,
    private readonly from: number,
    private readonly to: number,
    private readonly visit: (row: SourceRow) => void,
  ) {
    const { cells, current } = this;
    this.rowView = {
      get number() {
        return current.number;
      },
      cell: (col) => cells[col],
    };
  }

  row(number: number | undefined): 'read' | 'skip' | 'stop' {
    this.rowCount += 1;
    const { maxRows } = this.context.limits;
    if (this.rowCount > maxRows) throw sheetTooLarge(this.sheetName, 'rows', maxRows);
    // A row without its number follows the one before it (the spec allows leaving it out).
    const actual = number === undefined ? this.previous + 1 : number;
    if (!(actual > this.previous)) throw new LeanReadUnsupported('rows without numbers or out of order');
    this.previous = actual;
    if (actual > this.to) return 'stop';
    if (actual < this.from) return 'skip';
    for (const col of this.filled) this.cells[col] = undefined as unknown as SourceCell;
    this.filled = [];
    this.lastCol = 0;
    this.current.number = actual;
    return 'read';
  }

  endRow(): void {
    this.visit(this.rowView);
  }

  cell(scanned: ScannedCell): void {
    this.cellCount += 1;
    const { maxCells } = this.context.limits;
    if (this.cellCount > maxCells) throw sheetTooLarge(this.sheetName, 'cells', maxCells);
    // A cell without its reference follows the one before it (the spec allows leaving it out).
    const col = scanned.col === 0 ? this.lastCol + 1 : scanned.col;
    if (!(col > this.lastCol) || col > MAX_COLUMN) {
      throw new LeanReadUnsupported('cells without references or out of order');
    }
    this.lastCol = col;
    const raw = this.valueOf(scanned);
    const formula = scanned.hasFormula;
    const pooled = (this.pool[col] ??= { raw: null, blank: true, formula: false, formulaText: undefined });
    pooled.raw = raw;
    pooled.blank = !formula && (raw === null || raw === '');
    pooled.formula = formula;
    pooled.formulaText = scanned.formulaText;
    this.cells[col] = pooled;
    this.filled.push(col);
  }

  private valueOf(cell: ScannedCell): RawCell {
    const xml = this.xml;
    const { valueStart: start, valueEnd: end } = cell;
    let type = cell.type;
    if (cell.inlineStart >= 0 && (type === CELL_TYPE.none || type === CELL_TYPE.inlineString)) {
      return cell.inlineTextStart >= 0
        ? unescapeAnyCase(this.text(cell.inlineTextStart, cell.inlineTextEnd))
        : richTextOf(xml.toString('utf8', cell.inlineStart, cell.inlineEnd));
    }
    if (type === CELL_TYPE.other) type = CELL_TYPE_BY_TEXT[cell.typeText ?? ''] ?? CELL_TYPE.number;
    if (start < 0) return null;
    switch (type) {
      case CELL_TYPE.sharedString: {
        let index = integerAt(xml, start, end);
        if (Number.isNaN(index)) index = Number(this.text(start, end));
        const shared = this.context.sharedStrings()[index];
        if (!shared) throw new LeanReadUnsupported('a shared string index out of range');
        return shared.raw;
      }
      case CELL_TYPE.boolean: {
        if (end === start + 1 && (xml[start] === 0x30 || xml[start] === 0x31)) return xml[start] === 0x31;
        return booleanOf(this.text(start, end));
      }
      case CELL_TYPE.inlineString:
      case CELL_TYPE.string:
        return unescapeAnyCase(this.text(start, end));
      case CELL_TYPE.error:
        return this.text(start, end);
      case CELL_TYPE.date:
        return isoDateOf(this.text(start, end));
      default: {
        let number = decimalAt(xml, start, end);
        if (Number.isNaN(number)) {
          const text = this.text(start, end).trim();
          number = text === '' ? NaN : Number(text);
          if (Number.isNaN(number)) return text === '' ? null : text;
        }
        const style = cell.style;
        return style && this.context.dateStyles[style] === true
          ? dateOfSerial(number, this.context.date1904)
          : number;
      }
    }
  }

  private text(start: number, end: number): string {
    return decodeXmlText(this.xml.toString('utf8', start, end));
  }
}

/** `t` values the scanner does not classify, by their text (`inlineStr` with odd spacing and the like). */
const CELL_TYPE_BY_TEXT: Record<string, number> = {
  s: CELL_TYPE.sharedString,
  n: CELL_TYPE.number,
  b: CELL_TYPE.boolean,
  e: CELL_TYPE.error,
  d: CELL_TYPE.date,
  str: CELL_TYPE.string,
  inlineStr: CELL_TYPE.inlineString,
};

/** A serial as a date; one no date can hold (NaN, past year 275760) stays the number it is. */
function dateOfSerial(serial: number, date1904: boolean): Date | number {
  const offset = date1904 ? 1462 : 0;
  const date = new Date(Math.round((serial - 25569 + offset) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? serial : date;
}

interface CellState {
  col: number;
  type: string | undefined;
  styleId: number;
  formula: string | undefined;
  shareType: string | undefined;
  value: string | undefined;
  runs: (string | undefined)[] | undefined;
  /** A copy of a shared formula whose master this pass has read. */
  sharedCopy?: boolean;
  /** A shared formula whose master was not read: its master may be in a row this pass skipped. */
  sharedWithoutMaster?: boolean;
}

/** One <row> into its cells, by ExcelJS's cell rules (its CellXform and its reconcile step). */
class RowParser implements XmlVisitor {
  // A pass visits each row before it parses the next, so the row, its cells and the cell being
  // read are the same objects for every row: a large sheet then makes little garbage.
  private readonly cells: SourceCell[] = [];
  private readonly pool: SourceCell[] = [];
  private filled: number[] = [];
  private readonly row: { number: number; cells: SourceCell[] } = { number: 0, cells: this.cells };
  private readonly rowView: SourceRow;
  private readonly cell: CellState = {
    col: 0,
    type: undefined,
    styleId: 0,
    formula: undefined,
    shareType: undefined,
    value: undefined,
    runs: undefined,
  };
  private inCell = false;
  private node: 'f' | 'v' | 't' | undefined;
  /** Inside a rich-text run: its <t> text, and how deep in its <rPr> (font) the scan is. */
  private run: string[] | undefined;
  private inRun = false;
  private fontDepth = 0;
  private lastCol = 0;
  private cellCount = 0;
  /** `si` of the shared formulas whose master cell this pass has read (ExcelJS keeps them per sheet). */
  private readonly sharedMasters = new Set<string>();

  constructor(
    private readonly sheetName: string,
    private readonly context: SheetContext,
  ) {
    const row = this.row;
    this.rowView = {
      get number() {
        return row.number;
      },
      cell(col) {
        const found = row.cells[col];
        if (found === MASTERLESS) throw new LeanReadUnsupported('a bare cell');
        return found;
      },
    };
  }

  /** The row's cells; valid until the next call. */
  parse(number: number, element: string): SourceRow {
    for (const col of this.filled) this.cells[col] = undefined as unknown as SourceCell;
    this.filled = [];
    this.inCell = false;
    this.node = undefined;
    this.run = undefined;
    this.inRun = false;
    this.fontDepth = 0;
    this.lastCol = 0;
    this.row.number = number;
    scanXml(element, this);
    return this.rowView;
  }

  open(name: string, attributes: string): void {
    const cell = this.cell;
    if (!this.inCell) {
      if (name === 'c') this.startCell(attributes);
      return;
    }
    if (this.inRun) {
      if (this.fontDepth > 0 || name === 'rPr') this.fontDepth += 1;
      else if (name === 't') this.run = [];
      return;
    }
    if (name === 'f') {
      this.node = 'f';
      cell.shareType = attributeOf(attributes, 't');
      if (cell.shareType === 'shared') {
        const si = attributeOf(attributes, 'si') ?? '';
        if (attributeOf(attributes, 'ref') !== undefined) this.sharedMasters.add(si);
        else if (this.sharedMasters.has(si)) cell.sharedCopy = true;
        else cell.sharedWithoutMaster = true;
      }
    } else if (name === 'v' || name === 't') {
      this.node = name;
    } else if (name === 'r') {
      this.inRun = true;
      (cell.runs ??= []).push(undefined);
    } else if (name !== 'is') {
      // ExcelJS's cell reader takes the close of any other element for the cell's end.
      throw new LeanReadUnsupported(`<${name}> in a cell`);
    }
  }

  private startCell(attributes: string): void {
    const cell = this.cell;
    cell.formula = undefined;
    cell.shareType = undefined;
    cell.value = undefined;
    cell.runs = undefined;
    cell.sharedCopy = undefined;
    cell.sharedWithoutMaster = undefined;
    this.cellCount += 1;
    if (this.cellCount > this.context.limits.maxCells) {
      throw sheetTooLarge(this.sheetName, 'cells', this.context.limits.maxCells);
    }
    let ref: string | undefined;
    let s: string | undefined;
    let t: string | undefined;
    if (SIMPLE_ATTRIBUTES.test(attributes)) {
      // `r="A2" s="3" t="s"` in any order: one pass, no decoding needed.
      for (let at = attributes.indexOf('="'); at >= 0; at = attributes.indexOf('="', at + 2)) {
        const end = attributes.indexOf('"', at + 2);
        const name = attributes.slice(attributes.lastIndexOf(' ', at) + 1, at);
        if (name === 'r') ref = attributes.slice(at + 2, end);
        else if (name === 's') s = attributes.slice(at + 2, end);
        else if (name === 't') t = attributes.slice(at + 2, end);
        at = end - 1;
      }
    } else {
      const all = attributesOf(attributes);
      [ref, s, t] = [all.r, all.s, all.t];
    }
    const col = ref === undefined ? NaN : columnOf(ref);
    if (!(col > this.lastCol)) {
      throw new LeanReadUnsupported('cells without references or out of order');
    }
    this.lastCol = col;
    cell.col = col;
    cell.type = t;
    cell.styleId = s === undefined ? 0 : parseInt(s, 10);
    this.inCell = true;
  }

  text(raw: string): void {
    if (!this.inCell) return;
    const cell = this.cell;
    if (this.inRun) {
      if (this.run && this.fontDepth === 0) this.run.push(decodeXmlText(raw));
      return;
    }
    if (this.node === 'f') cell.formula = (cell.formula ?? '') + decodeXmlText(raw);
    else if (this.node === 'v' || this.node === 't') {
      if (cell.runs) throw new LeanReadUnsupported('text after rich text');
      cell.value = (cell.value ?? '') + decodeXmlText(raw);
    }
  }

  close(name: string): void {
    if (!this.inCell) return;
    const cell = this.cell;
    if (this.inRun) {
      if (this.fontDepth > 0) this.fontDepth -= 1;
      else if (name === 't' && this.run) {
        cell.runs![cell.runs!.length - 1] = unescapeOoxml(this.run.join(''));
        this.run = undefined;
      } else if (name === 'r') this.inRun = false;
      return;
    }
    if (name === 'c') {
      this.cells[cell.col] = this.finish(cell);
      this.filled.push(cell.col);
      this.inCell = false;
    } else if (name === 'f' || name === 'v' || name === 't' || name === 'is') {
      this.node = undefined;
    }
  }

  /** The pooled cell of this column, holding these values. */
  private result(raw: RawCell, blank: boolean, formula: boolean, formulaText?: string): SourceCell {
    const col = this.cell.col;
    const pooled = (this.pool[col] ??= { raw: null, blank: true, formula: false, formulaText: undefined });
    pooled.raw = raw;
    pooled.blank = blank;
    pooled.formula = formula;
    pooled.formulaText = formulaText;
    return pooled;
  }

  private finish(cell: CellState): SourceCell {
    const isDate = cell.styleId ? this.context.dateStyles[cell.styleId] === true : false;
    const { value, type } = cell;
    if (cell.formula || cell.shareType) {
      if (cell.runs) throw new LeanReadUnsupported('a formula with rich text');
      if (cell.sharedWithoutMaster) throw new LeanReadUnsupported('a shared formula without its master');
      let result: RawCell = null;
      if (value) {
        result =
          type === 'str'
            ? excelUtils.xmlDecode(value)
            : type === 'b'
              ? parseInt(value, 10) !== 0
              : type === 'e'
                ? value
                : parseFloat(value);
        // ExcelJS turns any cached result of a date-formatted formula cell into a date.
        if (isDate) result = this.toDate(type === 'e' ? NaN : Number(result));
      }
      // ExcelJS's formula value leaves out a falsy result (0, FALSE, ''), and a formula that is
      // neither text nor a shared one reads as no value: the codec then sees an empty cell.
      const hasFormula = Boolean(cell.formula) || cell.sharedCopy === true;
      return this.result(hasFormula && result ? result : null, false, true, cell.formula || undefined);
    }
    if (cell.runs) {
      if (type !== 'inlineStr' || value !== undefined) throw new LeanReadUnsupported('unusual rich text');
      return this.result(cell.runs.join(''), false, false);
    }
    if (value === undefined) return cell.styleId ? this.result(null, true, false) : MASTERLESS;
    switch (type) {
      case 's': {
        const shared = this.context.sharedStrings()[parseInt(value, 10)];
        if (!shared) throw new LeanReadUnsupported('a shared string index out of range');
        return this.result(shared.raw, shared.blank, false);
      }
      case 'str': {
        const text = excelUtils.xmlDecode(value);
        return this.result(text, text === '', false);
      }
      case 'inlineStr':
        return this.result(value, value === '', false);
      case 'b':
        return this.result(parseInt(value, 10) !== 0, false, false);
      case 'e':
        return this.result(value, false, false);
      default: {
        const number = parseFloat(value);
        return this.result(isDate ? this.toDate(number) : number, false, false);
      }
    }
  }

  private toDate(serial: number): Date | number {
    return dateOfSerial(serial, this.context.date1904);
  }
}

/** A `t="b"` value: `1`/`0` as Excel writes it, `true`/`false` as XML Schema also allows. */
function booleanOf(value: string): boolean | string {
  const text = value.trim();
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  const number = Number(text);
  return text === '' || Number.isNaN(number) ? text : number !== 0;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A `t="d"` cell's ISO 8601 value as a date. Excel's dates have no time zone: a value without
 * one is taken as UTC, like every date the reader gives; one with a zone keeps its instant.
 */
function isoDateOf(value: string): Date | string {
  const text = value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return text;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', fraction = '', zone] = match;
  const iso = `${year}-${month}-${day}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${zone ?? 'Z'}`;
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? text : date;
}

/** The column number of an A1 reference (`AB12` → 28). */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return i === 0 || i > 3 || !/^\d+$/.test(ref.slice(i)) ? NaN : col;
}

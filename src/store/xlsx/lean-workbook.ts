import type { RawCell } from '../../core/cells';
import type { CellSource, SourceCell, SourceRow, TableShape } from './table-reader';
import { attributeOf, attributesOf, decodeXmlText, scanXml, type XmlVisitor } from './xml-scan';
import { LeanReadUnsupported, ZipEntries } from './zip-entries';

/* eslint-disable @typescript-eslint/no-require-imports -- small ExcelJS helpers, by path, so that reading never loads ExcelJS itself */
const excelUtils = require('exceljs/lib/utils/utils') as {
  isDateFmt(format: string | undefined): boolean;
  xmlDecode(text: string): string;
};
const defaultNumFormats = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f: string }>;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The lean reader: the parts of an .xlsx the store reads (sheet names, table definitions, shared
 * strings, number formats and the cells of the sheets holding our tables), straight from the ZIP,
 * without ExcelJS's model of every cell and its style. Each cell comes out as ExcelJS would give
 * it: the same rules for types, shared and inline strings, rich text, formulas' cached results,
 * `_xHHHH_` escapes and dates. Whatever it does not read exactly as ExcelJS does (merged cells,
 * hyperlinks, unusual part names, CDATA…) is `LeanReadUnsupported`, and the caller uses ExcelJS.
 */
export class LeanWorkbook {
  private readonly zip: ZipEntries;
  private readonly date1904: boolean;
  /** Worksheets in workbook order. */
  readonly sheets: LeanSheetEntry[] = [];
  private dateStyles: boolean[] | undefined;
  private sharedStrings: SharedString[] | undefined;

  constructor(content: Buffer) {
    this.zip = new ZipEntries(content);
    const workbookXml = this.text('xl/workbook.xml');
    if (workbookXml === undefined) throw new LeanReadUnsupported('no workbook part');
    const rels = this.relationships('xl/_rels/workbook.xml.rels');
    let date1904 = false;
    scanXml(workbookXml, {
      open: (name, attributes) => {
        if (name === 'workbookPr') date1904 = attributeOf(attributes, 'date1904') === '1';
        if (name !== 'sheet') return;
        const attrs = attributesOf(attributes);
        const target = rels.get(attrs['r:id'] ?? '');
        if (target === undefined) return;
        // The part a sheet names, resolved as ExcelJS resolves it; other parts (chart sheets) are no worksheets.
        const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
        const number = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(part)?.[1];
        if (number === undefined || !this.zip.has(part)) return;
        this.sheets.push({ name: attrs.name, part, number });
      },
      close: () => undefined,
    });
    this.date1904 = date1904;
  }

  /**
   * The tables a sheet's relationships point to, from their small parts alone; reading the sheet
   * (`cells`) checks that its <tableParts> does list them, as ExcelJS requires.
   */
  tablesOf(sheet: LeanSheetEntry): LeanTable[] {
    const tables: LeanTable[] = [];
    for (const [id, target] of this.relationships(`xl/worksheets/_rels/sheet${sheet.number}.xml.rels`)) {
      const table = /^\.\.\/tables\/(table\d+)[.]xml$/.exec(target)?.[1];
      const xml = table === undefined ? undefined : this.text(`xl/tables/${table}.xml`);
      if (xml !== undefined) tables.push({ ...tableOf(xml), relationship: id });
    }
    return tables;
  }

  /** The sheet's cells, read row by row on each pass; `table` must be one the sheet lists. */
  cells(sheet: LeanSheetEntry, table?: LeanTable): CellSource {
    const xml = this.zip.read(sheet.part)!;
    if (table && !listsTablePart(xml, table.relationship)) {
      throw new LeanReadUnsupported(`${sheet.name} does not list the table ${table.name}`);
    }
    return new LeanSheet(sheet.name, xml, {
      dateStyles: this.styles(),
      sharedStrings: () => this.strings(),
      date1904: this.date1904,
    });
  }

  private text(part: string): string | undefined {
    return this.zip.read(part)?.toString('utf8');
  }

  private relationships(part: string): Map<string, string> {
    const rels = new Map<string, string>();
    const xml = this.text(part);
    if (xml === undefined) return rels;
    scanXml(xml, {
      open: (name, attributes) => {
        if (name !== 'Relationship') return;
        const attrs = attributesOf(attributes);
        rels.set(attrs.Id, attrs.Target);
      },
      close: () => undefined,
    });
    return rels;
  }

  /** Which cell style ids (`s`) format numbers as dates, as ExcelJS decides it. */
  private styles(): boolean[] {
    if (this.dateStyles) return this.dateStyles;
    const formats = new Map<number, string>();
    const numFmtIds: number[] = [];
    const xml = this.text('xl/styles.xml');
    let inCellXfs = 0;
    let inNumFmts = 0;
    if (xml !== undefined) {
      scanXml(xml, {
        open: (name, attributes) => {
          if (name === 'numFmts') inNumFmts += 1;
          else if (name === 'numFmt' && inNumFmts > 0) {
            const attrs = attributesOf(attributes);
            formats.set(parseInt(attrs.numFmtId, 10), attrs.formatCode.replace(/[\\](.)/g, '$1'));
          } else if (name === 'cellXfs') {
            inCellXfs += 1;
          } else if (name === 'xf' && inCellXfs > 0) {
            numFmtIds.push(parseInt(attributeOf(attributes, 'numFmtId') ?? '', 10));
          }
        },
        close: (name) => {
          if (name === 'cellXfs') inCellXfs -= 1;
          if (name === 'numFmts') inNumFmts -= 1;
        },
      });
    }
    this.dateStyles = numFmtIds.map((id) => {
      if (!id) return false;
      return excelUtils.isDateFmt(formats.get(id) || defaultNumFormats[id]?.f);
    });
    return this.dateStyles;
  }

  private strings(): SharedString[] {
    this.sharedStrings ??= readSharedStrings(this.zip.read('xl/sharedStrings.xml'));
    return this.sharedStrings;
  }
}

export interface LeanSheetEntry {
  name: string;
  part: string;
  /** N of `sheetN.xml`: ExcelJS finds a sheet's relationships by it. */
  number: string;
}

export type LeanTable = TableShape & { name: string; relationship?: string };

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

function tableOf(xml: string): LeanTable {
  let table: LeanTable | undefined;
  scanXml(xml, {
    open: (name, attributes) => {
      const attrs = attributesOf(attributes);
      if (name === 'table') {
        table = {
          name: attrs.name,
          tableRef: attrs.ref,
          totalsRow: attrs.totalsRowCount === '1',
          columns: [],
        };
      } else if (name === 'tableColumn' && table) {
        (table.columns as { name: string }[]).push({ name: attrs.name });
      }
    },
    close: () => undefined,
  });
  if (!table?.name || !table.tableRef) throw new LeanReadUnsupported('table definition');
  return table;
}

/** `_xHHHH_` escapes, decoded as ExcelJS's text reader decodes them (upper-case hex only). */
function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
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

function readSharedStrings(xml: Buffer | undefined): SharedString[] {
  const strings: SharedString[] = [];
  if (!xml) return strings;
  forEachElement(xml, 'si', 0, xml.length, (element, start, end) => {
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
}

/** A cell ExcelJS reads as a "merge" without a master: reading its value fails there. */
const MASTERLESS: SourceCell = { raw: null, blank: true, formula: false };

class LeanSheet implements CellSource {
  private readonly dataStart: number;
  private readonly dataEnd: number;

  constructor(
    readonly name: string,
    private readonly xml: Buffer,
    private readonly context: SheetContext,
  ) {
    if (xml.includes(':sheetData')) throw new LeanReadUnsupported('prefixed sheet XML');
    const start = xml.indexOf('<sheetData');
    const end = start < 0 ? -1 : xml.indexOf('</sheetData>', start);
    this.dataStart = start < 0 ? 0 : start;
    this.dataEnd = end < 0 ? this.dataStart : end;
    const tail = end < 0 ? this.dataStart : end;
    // Merged cells take their master's value and hyperlinks change what counts as an empty cell.
    if (xml.indexOf('<mergeCell', tail) >= 0 || xml.indexOf('<hyperlink', tail) >= 0) {
      throw new LeanReadUnsupported('merged cells or hyperlinks');
    }
  }

  eachRow(from: number, to: number, visit: (row: SourceRow) => void): void {
    let previous = 0;
    const parser = new RowParser(this.context);
    forEachElement(this.xml, 'row', this.dataStart, this.dataEnd, (element) => {
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
  /** `si` of the shared formulas whose master cell this pass has read (ExcelJS keeps them per sheet). */
  private readonly sharedMasters = new Set<string>();

  constructor(private readonly context: SheetContext) {
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
    if (!(col > this.lastCol)) throw new LeanReadUnsupported('cells without references or out of order');
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
  private result(raw: RawCell, blank: boolean, formula: boolean): SourceCell {
    const col = this.cell.col;
    const pooled = (this.pool[col] ??= { raw: null, blank: true, formula: false });
    pooled.raw = raw;
    pooled.blank = blank;
    pooled.formula = formula;
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
      return this.result(hasFormula && result ? result : null, false, true);
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

  private toDate(serial: number): Date {
    const offset = this.context.date1904 ? 1462 : 0;
    return new Date(Math.round((serial - 25569 + offset) * 24 * 3600 * 1000));
  }
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

import { LeanReadUnsupported } from './zip-entries';

/**
 * A small XML scanner for the parts of an .xlsx the lean reader needs. It reads text the way
 * ExcelJS's parser (saxes) hands it over: line ends normalized, the five predefined entities and
 * character references decoded. What it does not handle the same way (CDATA, a DOCTYPE, an
 * unknown entity, a malformed tag) is `LeanReadUnsupported`, and the file goes to ExcelJS.
 */

export interface XmlVisitor {
  open(name: string, attributes: string, selfClosing: boolean): void;
  /** Raw text between tags: `decodeXmlText` gives it as saxes would. */
  text?(raw: string): void;
  close(name: string): void;
}

export function scanXml(xml: string, visitor: XmlVisitor): void {
  let pos = 0;
  const length = xml.length;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      visitor.text?.(xml.slice(pos));
      return;
    }
    if (lt > pos && visitor.text) visitor.text(xml.slice(pos, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new LeanReadUnsupported('processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', lt)) throw new LeanReadUnsupported('CDATA or DOCTYPE');
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new LeanReadUnsupported('comment');
      pos = end + 3;
      continue;
    }
    let gt = xml.indexOf('>', lt);
    if (gt < 0) throw new LeanReadUnsupported('unterminated tag');
    if (next === 0x2f /* / */) {
      visitor.close(xml.slice(lt + 2, gt).trimEnd());
    } else {
      // A '>' may stand unescaped in an attribute value: the tag ends at the first one outside quotes.
      gt = tagEndOf(xml, lt, gt);
      if (gt < 0) throw new LeanReadUnsupported('unterminated tag');
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const tagEnd = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < tagEnd && !isSpace(xml.charCodeAt(nameEnd))) nameEnd += 1;
      const name = xml.slice(lt + 1, nameEnd);
      if (name === '') throw new LeanReadUnsupported('tag');
      visitor.open(name, xml.slice(nameEnd, tagEnd), selfClosing);
      if (selfClosing) visitor.close(name);
    }
    pos = gt + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Where the tag opened at `lt` ends: its first '>' outside a quoted attribute value, or -1. Each
 * character is looked at once, so a tag whose quotes never close costs one pass, not one per '>'.
 */
function tagEndOf(xml: string, lt: number, firstGt: number): number {
  let gt = firstGt;
  let i = lt + 1;
  while (i < gt) {
    const code = xml.charCodeAt(i);
    if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
      const close = xml.indexOf(code === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      if (close > gt) {
        gt = xml.indexOf('>', close + 1);
        if (gt < 0) return -1;
      }
      i = close + 1;
    } else {
      i += 1;
    }
  }
  return gt;
}

/** The tag's attributes by name, values decoded and normalized as an XML parser does. */
export function attributesOf(attributes: string): Record<string, string> {
  const result: Record<string, string> = {};
  // By hand rather than by a regular expression: linear whatever the text, even a malformed one.
  const length = attributes.length;
  let pos = 0;
  while (pos < length) {
    const eq = attributes.indexOf('=', pos);
    if (eq < 0) break;
    let nameEnd = eq;
    while (nameEnd > pos && isSpace(attributes.charCodeAt(nameEnd - 1))) nameEnd -= 1;
    let nameStart = nameEnd;
    while (nameStart > pos && !isSpace(attributes.charCodeAt(nameStart - 1))) nameStart -= 1;
    let open = eq + 1;
    while (open < length && isSpace(attributes.charCodeAt(open))) open += 1;
    const quote = attributes[open];
    if (quote !== '"' && quote !== "'") {
      pos = open > eq ? open : eq + 1;
      continue;
    }
    const close = attributes.indexOf(quote, open + 1);
    if (close < 0) break;
    if (nameEnd > nameStart) {
      const raw = attributes.slice(open + 1, close);
      // An attribute value's line ends, tabs and newlines are spaces once read (XML 1.0, 3.3.3).
      result[attributes.slice(nameStart, nameEnd)] = decodeEntities(
        raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '),
      );
    }
    pos = close + 1;
  }
  return result;
}

/** An element's or attribute's name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** One attribute's value, or undefined; cheaper than `attributesOf` for the few a cell has. */
export function attributeOf(attributes: string, name: string): string | undefined {
  let at = attributes.indexOf(` ${name}=`);
  if (at < 0) {
    // Attributes may also be separated by tabs or newlines.
    return /[\t\n\r]/.test(attributes) ? attributesOf(attributes)[name] : undefined;
  }
  at += name.length + 2;
  const quote = attributes[at];
  const end = quote === '"' || quote === "'" ? attributes.indexOf(quote, at + 1) : -1;
  if (end < 0) return attributesOf(attributes)[name];
  const raw = attributes.slice(at + 1, end);
  return /[&\t\n\r]/.test(raw) ? attributesOf(` ${name}=${quote}${raw}${quote}`)[name] : raw;
}

/** Text content as saxes reports it. */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  return decodeEntities(raw.replace(/\r\n?/g, '\n'));
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([^;&\s]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new LeanReadUnsupported('a bare ampersand');
    if (name in PREDEFINED) return PREDEFINED[name];
    const code = /^#x[0-9a-fA-F]+$/.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (!isXmlChar(code)) throw new LeanReadUnsupported(`entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/*
 * A byte-level scanner of a sheet's <sheetData>: rows and cells found by comparing bytes of the
 * inflated part, no string made of markup, one string at most per value (numbers and shared
 * string indices are read from their digits). Whatever it does not expect is skipped as an
 * element; markup inside a value (CDATA) and unterminated tags are `LeanReadUnsupported`.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const BANG = 0x21;
const QUESTION = 0x3f;

/** `t` of a cell, as the scanner classifies it. */
export const CELL_TYPE = {
  none: 0,
  number: 1,
  sharedString: 2,
  string: 3,
  boolean: 4,
  error: 5,
  date: 6,
  inlineString: 7,
  other: 8,
} as const;

/** One cell as scanned: ranges into the sheet's bytes, reused for every cell of a pass. */
export interface ScannedCell {
  /** From `r`: 0 when the cell has none, NaN when it is not a reference. */
  col: number;
  /** `s`, 0 when absent. */
  style: number;
  type: number;
  /** The text of `t` when it is none the scanner knows (`CELL_TYPE.other`). */
  typeText: string | undefined;
  /** Byte range of the <v> text; `valueStart` is -1 without a <v>. */
  valueStart: number;
  valueEnd: number;
  hasFormula: boolean;
  /** The <f> text as written (entities decoded), undefined when empty. */
  formulaText: string | undefined;
  /** Byte range of the whole <is> element; `inlineStart` is -1 without one. */
  inlineStart: number;
  inlineEnd: number;
  /** Byte range of the text of an <is> holding one plain <t> and nothing else; -1 otherwise. */
  inlineTextStart: number;
  inlineTextEnd: number;
}

export interface SheetRowsVisitor {
  /** A row starts: `number` from its `r` (undefined without one, NaN if not a number). 'skip' passes over its cells. */
  row(number: number | undefined): 'read' | 'skip' | 'stop';
  cell(cell: ScannedCell): void;
  /** After the cells of a row that was read. */
  endRow(): void;
}

/** The attributes of a tag the scanner reads: byte ranges of `r`, `s` and `t` (start -1 when absent). */
interface TagState {
  end: number;
  selfClosing: boolean;
  rStart: number;
  rEnd: number;
  sStart: number;
  sEnd: number;
  tStart: number;
  tEnd: number;
}

function newTagState(): TagState {
  return { end: 0, selfClosing: false, rStart: -1, rEnd: -1, sStart: -1, sEnd: -1, tStart: -1, tEnd: -1 };
}

/** The names the scanner compares, as bytes, for one namespace prefix. */
interface SheetNames {
  row: Buffer;
  c: Buffer;
  v: Buffer;
  f: Buffer;
  is: Buffer;
  t: Buffer;
  rowClose: Buffer;
  vClose: Buffer;
  fClose: Buffer;
  isClose: Buffer;
  tClose: Buffer;
  /** `row`, `c`: the names an end tag is compared with, after its `</`. */
  rowEnd: Buffer;
  cEnd: Buffer;
}

function namesOf(prefix: string): SheetNames {
  const name = (local: string) => Buffer.from(`${prefix}${local}`, 'utf8');
  const close = (local: string) => Buffer.from(`</${prefix}${local}>`, 'utf8');
  return {
    row: name('row'),
    c: name('c'),
    v: name('v'),
    f: name('f'),
    is: name('is'),
    t: name('t'),
    rowClose: close('row'),
    vClose: close('v'),
    fClose: close('f'),
    isClose: close('is'),
    tClose: close('t'),
    rowEnd: Buffer.from(`${prefix}row>`, 'utf8'),
    cEnd: Buffer.from(`${prefix}c>`, 'utf8'),
  };
}

function isSpaceByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Whether the element opened at `lt` is named `name` (its bytes, then a space, '>' or '/'). */
function named(xml: Buffer, lt: number, name: Buffer): boolean {
  const at = lt + 1;
  const length = name.length;
  for (let i = 0; i < length; i += 1) if (xml[at + i] !== name[i]) return false;
  const after = xml[at + length];
  return after === GT || after === SLASH || isSpaceByte(after);
}

/**
 * Reads the tag opened at `lt` up to `limit`: where it ends, whether it closes itself, and the
 * ranges of its `r`, `s` and `t` attributes. Attribute values are skipped by their quotes, so a
 * '>' inside one does not end the tag.
 */
function readTag(xml: Buffer, lt: number, limit: number, tag: TagState): void {
  tag.rStart = tag.sStart = tag.tStart = -1;
  let i = lt + 1;
  while (i < limit && !isSpaceByte(xml[i]) && xml[i] !== GT && xml[i] !== SLASH) i += 1;
  for (;;) {
    while (i < limit && isSpaceByte(xml[i])) i += 1;
    if (i >= limit) throw new LeanReadUnsupported('unterminated tag');
    const byte = xml[i];
    if (byte === GT) {
      tag.end = i;
      tag.selfClosing = false;
      return;
    }
    if (byte === SLASH) {
      if (xml[i + 1] !== GT) throw new LeanReadUnsupported('tag');
      tag.end = i + 1;
      tag.selfClosing = true;
      return;
    }
    const nameStart = i;
    while (i < limit && xml[i] !== EQUALS && !isSpaceByte(xml[i]) && xml[i] !== GT) i += 1;
    const nameEnd = i;
    while (i < limit && isSpaceByte(xml[i])) i += 1;
    if (xml[i] !== EQUALS) throw new LeanReadUnsupported('attribute');
    i += 1;
    while (i < limit && isSpaceByte(xml[i])) i += 1;
    const quote = xml[i];
    if (quote !== 0x22 && quote !== 0x27) throw new LeanReadUnsupported('attribute');
    const valueEnd = xml.indexOf(quote, i + 1);
    if (valueEnd < 0 || valueEnd >= limit) throw new LeanReadUnsupported('unterminated tag');
    if (nameEnd === nameStart + 1) {
      const name = xml[nameStart];
      if (name === 0x72 /* r */) {
        tag.rStart = i + 1;
        tag.rEnd = valueEnd;
      } else if (name === 0x73 /* s */) {
        tag.sStart = i + 1;
        tag.sEnd = valueEnd;
      } else if (name === 0x74 /* t */) {
        tag.tStart = i + 1;
        tag.tEnd = valueEnd;
      }
    }
    i = valueEnd + 1;
  }
}

/** Past a comment or processing instruction opened at `lt`; CDATA and DOCTYPE are refused. */
function pastSpecial(xml: Buffer, lt: number): number {
  if (xml[lt + 1] === QUESTION) {
    const end = xml.indexOf('?>', lt + 2);
    if (end < 0) throw new LeanReadUnsupported('processing instruction');
    return end + 2;
  }
  if (xml[lt + 2] !== 0x2d || xml[lt + 3] !== 0x2d) throw new LeanReadUnsupported('CDATA or DOCTYPE');
  const end = xml.indexOf('-->', lt + 4);
  if (end < 0) throw new LeanReadUnsupported('comment');
  return end + 3;
}

/** Past the element whose tag `tag` describes (opened at `lt`), its content and its end tag. */
function pastElement(xml: Buffer, lt: number, tag: TagState, limit: number): number {
  if (tag.selfClosing) return tag.end + 1;
  let nameEnd = lt + 1;
  while (nameEnd < tag.end && !isSpaceByte(xml[nameEnd]) && xml[nameEnd] !== GT) nameEnd += 1;
  const close = Buffer.concat([Buffer.from('</'), xml.subarray(lt + 1, nameEnd), Buffer.from('>')]);
  const at = xml.indexOf(close, tag.end);
  if (at < 0 || at >= limit) throw new LeanReadUnsupported('unterminated element');
  return at + close.length;
}

/** The unsigned integer the bytes spell, or NaN. */
export function integerAt(xml: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = xml[i] - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal (`-12.5`) of up to 15 digits read from its bytes, or NaN for anything else
 * (the caller then parses the text). Exact: both the digits as an integer and the power of ten
 * are exact doubles, and their quotient is correctly rounded, as parsing the text would be.
 */
export function decimalAt(xml: Buffer, start: number, end: number): number {
  let i = start;
  const negative = xml[i] === 0x2d;
  if (negative) i += 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i += 1) {
    const byte = xml[i];
    if (byte >= 0x30 && byte <= 0x39) {
      mantissa = mantissa * 10 + (byte - 0x30);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (byte === 0x2e && fraction < 0) {
      fraction = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -value : value;
}

/** The column of an A1 reference from its bytes (`AB12` → 28), or NaN. */
function columnAt(xml: Buffer, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i += 1) {
    let byte = xml[i];
    if (byte >= 0x61 && byte <= 0x7a) byte -= 0x20;
    if (byte < 0x41 || byte > 0x5a) break;
    col = col * 26 + (byte - 0x40);
  }
  const letters = i - start;
  if (letters === 0 || letters > 3 || i === end) return NaN;
  for (; i < end; i += 1) if (xml[i] < 0x30 || xml[i] > 0x39) return NaN;
  return col;
}

function typeAt(xml: Buffer, start: number, end: number): number {
  if (start < 0) return CELL_TYPE.none;
  const length = end - start;
  const first = xml[start];
  if (length === 1) {
    if (first === 0x73) return CELL_TYPE.sharedString;
    if (first === 0x6e) return CELL_TYPE.number;
    if (first === 0x62) return CELL_TYPE.boolean;
    if (first === 0x65) return CELL_TYPE.error;
    if (first === 0x64) return CELL_TYPE.date;
  } else if (length === 3 && first === 0x73 && xml[start + 1] === 0x74 && xml[start + 2] === 0x72) {
    return CELL_TYPE.string;
  } else if (length === 9 && xml.toString('latin1', start, end) === 'inlineStr') {
    return CELL_TYPE.inlineString;
  } else if (length === 0) {
    return CELL_TYPE.none;
  }
  return CELL_TYPE.other;
}

/** The attribute value's text, entities decoded. */
function attributeText(xml: Buffer, start: number, end: number): string {
  return decodeEntities(xml.toString('utf8', start, end));
}

/**
 * Visits the rows of `xml` between the byte offsets `from` and `to` (a sheet's <sheetData>
 * content) and, for each row the visitor reads, its cells. `prefix` is the namespace prefix of
 * the sheet's elements, with its colon ('' nearly always).
 */
export function scanSheetRows(
  xml: Buffer,
  from: number,
  to: number,
  prefix: string,
  visitor: SheetRowsVisitor,
): void {
  const names = namesOf(prefix);
  const tag = newTagState();
  const cell: ScannedCell = {
    col: 0,
    style: 0,
    type: 0,
    typeText: undefined,
    valueStart: -1,
    valueEnd: -1,
    hasFormula: false,
    formulaText: undefined,
    inlineStart: -1,
    inlineEnd: -1,
    inlineTextStart: -1,
    inlineTextEnd: -1,
  };
  let pos = from;
  while (pos < to) {
    const lt = xml.indexOf(LT, pos);
    if (lt < 0 || lt >= to) return;
    const next = xml[lt + 1];
    if (next === BANG || next === QUESTION) {
      pos = pastSpecial(xml, lt);
      continue;
    }
    if (next === SLASH) {
      const gt = xml.indexOf(GT, lt);
      if (gt < 0) throw new LeanReadUnsupported('unterminated tag');
      pos = gt + 1;
      continue;
    }
    readTag(xml, lt, to, tag);
    if (!named(xml, lt, names.row)) {
      pos = pastElement(xml, lt, tag, to);
      continue;
    }
    let number: number | undefined;
    if (tag.rStart >= 0) {
      number = integerAt(xml, tag.rStart, tag.rEnd);
      if (Number.isNaN(number)) number = Number(attributeText(xml, tag.rStart, tag.rEnd).trim() || NaN);
    }
    const action = visitor.row(number);
    if (action === 'stop') return;
    if (tag.selfClosing) {
      pos = tag.end + 1;
    } else if (action === 'read') {
      pos = scanCells(xml, tag.end + 1, to, names, tag, cell, visitor);
    } else {
      const closeAt = xml.indexOf(names.rowClose, tag.end);
      if (closeAt < 0 || closeAt >= to) throw new LeanReadUnsupported('unterminated <row>');
      pos = closeAt + names.rowClose.length;
    }
    if (action === 'read') visitor.endRow();
  }
}

/** The cells of a row, from past its start tag; returns where its end tag ends. */
function scanCells(
  xml: Buffer,
  from: number,
  to: number,
  names: SheetNames,
  tag: TagState,
  cell: ScannedCell,
  visitor: SheetRowsVisitor,
): number {
  let pos = from;
  for (;;) {
    const lt = nextChild(xml, pos, to, tag, names.rowEnd);
    if (lt < 0) return -lt;
    if (!named(xml, lt, names.c)) {
      pos = pastElement(xml, lt, tag, to);
      continue;
    }
    cell.col = tag.rStart < 0 ? 0 : columnAt(xml, tag.rStart, tag.rEnd);
    if (Number.isNaN(cell.col) && tag.rStart >= 0) {
      cell.col = columnOfText(attributeText(xml, tag.rStart, tag.rEnd));
    }
    cell.style = tag.sStart < 0 ? 0 : integerAt(xml, tag.sStart, tag.sEnd);
    if (Number.isNaN(cell.style)) cell.style = parseInt(attributeText(xml, tag.sStart, tag.sEnd), 10) || 0;
    cell.type = typeAt(xml, tag.tStart, tag.tEnd);
    cell.typeText =
      cell.type === CELL_TYPE.other ? attributeText(xml, tag.tStart, tag.tEnd).trim() : undefined;
    cell.valueStart = -1;
    cell.hasFormula = false;
    cell.formulaText = undefined;
    cell.inlineStart = -1;
    cell.inlineTextStart = -1;
    pos = tag.selfClosing ? tag.end + 1 : scanCellContent(xml, tag.end + 1, to, names, tag, cell);
    visitor.cell(cell);
  }
}

/** Whether the bytes at `at` are `expected`. */
function bytesAt(xml: Buffer, at: number, expected: Buffer): boolean {
  const length = expected.length;
  for (let i = 0; i < length; i += 1) if (xml[at + i] !== expected[i]) return false;
  return true;
}

/** The text of a <v> or <f> opened by `tag`: up to its end tag, which must come next. */
function textEnd(xml: Buffer, tag: TagState, close: Buffer, to: number): number {
  const at = xml.indexOf(LT, tag.end + 1);
  if (at < 0 || at >= to) throw new LeanReadUnsupported('unterminated element');
  if (!bytesAt(xml, at, close)) throw new LeanReadUnsupported('markup inside a value');
  return at;
}

/**
 * The next child of an element from `pos`: the offset of its start tag (read into `tag`), or, at
 * the element's own end tag (`endName` is its name and '>'), minus the offset past it. Comments
 * and processing instructions are passed over; any other end tag is out of place.
 */
function nextChild(xml: Buffer, from: number, to: number, tag: TagState, endName: Buffer): number {
  let pos = from;
  for (;;) {
    const lt = xml.indexOf(LT, pos);
    if (lt < 0 || lt >= to) throw new LeanReadUnsupported('unterminated element');
    const next = xml[lt + 1];
    if (next === BANG || next === QUESTION) {
      pos = pastSpecial(xml, lt);
      continue;
    }
    if (next === SLASH) {
      if (!bytesAt(xml, lt + 2, endName)) throw new LeanReadUnsupported('an end tag out of place');
      return -(lt + 2 + endName.length);
    }
    readTag(xml, lt, to, tag);
    return lt;
  }
}

/** The content of a cell, from past its start tag; returns where its end tag ends. */
function scanCellContent(
  xml: Buffer,
  from: number,
  to: number,
  names: SheetNames,
  tag: TagState,
  cell: ScannedCell,
): number {
  let pos = from;
  for (;;) {
    const lt = nextChild(xml, pos, to, tag, names.cEnd);
    if (lt < 0) return -lt;
    if (named(xml, lt, names.v)) {
      if (tag.selfClosing) {
        pos = tag.end + 1;
        continue;
      }
      const end = textEnd(xml, tag, names.vClose, to);
      cell.valueStart = tag.end + 1;
      cell.valueEnd = end;
      pos = end + names.vClose.length;
    } else if (named(xml, lt, names.f)) {
      cell.hasFormula = true;
      if (tag.selfClosing) {
        pos = tag.end + 1;
        continue;
      }
      const end = textEnd(xml, tag, names.fClose, to);
      if (end > tag.end + 1) cell.formulaText = decodeXmlText(xml.toString('utf8', tag.end + 1, end));
      pos = end + names.fClose.length;
    } else if (named(xml, lt, names.is)) {
      pos = scanInline(xml, lt, to, names, tag, cell);
    } else {
      pos = pastElement(xml, lt, tag, to);
    }
  }
}

/**
 * An inline string (<is>) whose start tag `tag` describes: the range of its text when it is one
 * plain <t> (what nearly every writer puts there), the whole element's range in any case.
 */
function scanInline(
  xml: Buffer,
  lt: number,
  to: number,
  names: SheetNames,
  tag: TagState,
  cell: ScannedCell,
): number {
  cell.inlineStart = lt;
  if (tag.selfClosing) {
    cell.inlineEnd = tag.end + 1;
    return cell.inlineEnd;
  }
  const tAt = tag.end + 1;
  if (xml[tAt] === LT && named(xml, tAt, names.t)) {
    readTag(xml, tAt, to, tag);
    if (!tag.selfClosing) {
      const textStart = tag.end + 1;
      const end = xml.indexOf(LT, textStart);
      if (
        end >= 0 &&
        bytesAt(xml, end, names.tClose) &&
        bytesAt(xml, end + names.tClose.length, names.isClose)
      ) {
        cell.inlineTextStart = textStart;
        cell.inlineTextEnd = end;
        cell.inlineEnd = end + names.tClose.length + names.isClose.length;
        return cell.inlineEnd;
      }
    }
  }
  const end = xml.indexOf(names.isClose, tAt);
  if (end < 0 || end >= to) throw new LeanReadUnsupported('unterminated <is>');
  cell.inlineEnd = end + names.isClose.length;
  return cell.inlineEnd;
}

/** The column of an A1 reference given as text, or NaN. */
function columnOfText(ref: string): number {
  const buffer = Buffer.from(ref.trim(), 'utf8');
  return columnAt(buffer, 0, buffer.length);
}

export interface StringItemsVisitor {
  /** An item holding one plain <t>: the byte range of its text. */
  plain(start: number, end: number): void;
  /** Any other item (runs, phonetic guides, white space between elements): the element's byte range. */
  other(start: number, end: number): void;
}

/**
 * The string items (<si>) of a shared strings part, by bytes: the text of the plain ones (one <t>
 * and nothing else, as nearly every writer makes them) found without parsing them.
 */
export function scanStringItems(xml: Buffer, prefix: string, visitor: StringItemsVisitor): void {
  const open = Buffer.from(`<${prefix}si`, 'utf8');
  const close = Buffer.from(`</${prefix}si>`, 'utf8');
  const t = Buffer.from(`${prefix}t`, 'utf8');
  const tClose = Buffer.from(`</${prefix}t>`, 'utf8');
  const tag = newTagState();
  const length = xml.length;
  let pos = 0;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start < 0) return;
    const after = xml[start + open.length];
    // <sis> or the like would share the prefix.
    if (after !== GT && after !== SLASH && !isSpaceByte(after)) {
      pos = start + open.length;
      continue;
    }
    readTag(xml, start, length, tag);
    if (tag.selfClosing) {
      visitor.plain(tag.end + 1, tag.end + 1);
      pos = tag.end + 1;
      continue;
    }
    const tAt = tag.end + 1;
    if (xml[tAt] === LT && named(xml, tAt, t)) {
      readTag(xml, tAt, length, tag);
      const textStart = tag.end + 1;
      const end = tag.selfClosing ? -1 : xml.indexOf(LT, textStart);
      if (end >= 0 && bytesAt(xml, end, tClose) && bytesAt(xml, end + tClose.length, close)) {
        visitor.plain(textStart, end);
        pos = end + tClose.length + close.length;
        continue;
      }
    }
    const end = xml.indexOf(close, tAt);
    if (end < 0) throw new LeanReadUnsupported('unterminated <si>');
    visitor.other(start, end + close.length);
    pos = end + close.length;
  }
}

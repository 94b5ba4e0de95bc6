import { attributeOf } from '../xml-scan';
import { columnNumber } from './cell-ref';

/** Sheet XML this layer does not rewrite (prefixed elements, rows out of order…): the caller must not patch it. */
export class SheetPatchUnsupported extends Error {}

/** Where a sheet part's `<sheetData>` stands, as byte offsets. */
export interface SheetLayout {
  /** `<sheetData`. */
  start: number;
  /** Just after the open tag (or after `<sheetData/>`). */
  openEnd: number;
  /** `</sheetData>`, or `openEnd` when the element is empty. */
  closeStart: number;
  /** Just after the element. */
  end: number;
}

export function sheetLayout(xml: Buffer): SheetLayout {
  if (xml.includes(':sheetData')) throw new SheetPatchUnsupported('prefixed sheet XML');
  const start = xml.indexOf('<sheetData');
  if (start < 0) throw new SheetPatchUnsupported('a sheet without <sheetData>');
  const openEnd = xml.indexOf('>', start) + 1;
  if (xml[openEnd - 2] === 0x2f) return { start, openEnd, closeStart: openEnd, end: openEnd };
  const closeStart = xml.indexOf('</sheetData>', openEnd);
  if (closeStart < 0) throw new SheetPatchUnsupported('an unterminated <sheetData>');
  return { start, openEnd, closeStart, end: closeStart + '</sheetData>'.length };
}

/** One `<row>` element: its number (given or implied) and its bytes. */
export interface RowSpan {
  number: number;
  start: number;
  end: number;
}

/**
 * The rows of `<sheetData>` in order, found by their tags alone (no cell is read); from a row's
 * start on, when given with the number of the row before it.
 */
export function* rowSpans(
  xml: Buffer,
  layout: SheetLayout,
  from: { at: number; previous: number } = { at: layout.openEnd, previous: 0 },
): Generator<RowSpan> {
  let pos = from.at;
  let previous = from.previous;
  while (pos < layout.closeStart) {
    const start = xml.indexOf('<row', pos);
    if (start < 0 || start >= layout.closeStart) return;
    if (!isTagEnd(xml[start + 4])) {
      pos = start + 4;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    let end: number;
    if (xml[tagEnd - 1] === 0x2f) end = tagEnd + 1;
    else {
      const close = xml.indexOf('</row>', tagEnd);
      if (close < 0 || close > layout.closeStart) throw new SheetPatchUnsupported('an unterminated <row>');
      end = close + '</row>'.length;
    }
    const r = rowNumberAt(xml, start, tagEnd);
    const number = r === undefined ? previous + 1 : r;
    if (!(number > previous)) throw new SheetPatchUnsupported('rows out of order');
    previous = number;
    yield { number, start, end };
    pos = end;
  }
}

/**
 * Where the first row numbered `number` or more starts (`closeStart` when there is none), and the
 * number of the row before it: found by bisecting the bytes, so a big sheet's rows above it are
 * not walked. Undefined when a row tag it reads has no `r` (its number is implied: only a walk
 * from the top can tell it).
 */
export function rowStartFrom(
  xml: Buffer,
  layout: SheetLayout,
  number: number,
): { at: number; previous: number } | undefined {
  const { openEnd, closeStart } = layout;
  const rowAtOrAfter = (pos: number): number => {
    for (let at = pos; ;) {
      const start = xml.indexOf('<row', at);
      if (start < 0 || start >= closeStart) return closeStart;
      if (isTagEnd(xml[start + 4])) return start;
      at = start + 4;
    }
  };
  const numberAt = (start: number) => rowNumberAt(xml, start, xml.indexOf('>', start));
  let lo = openEnd;
  let hi = closeStart;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const start = rowAtOrAfter(mid);
    if (start >= closeStart) {
      hi = mid;
      continue;
    }
    const n = numberAt(start);
    if (n === undefined) return undefined;
    if (n >= number) hi = mid;
    else lo = start + 1;
  }
  const at = rowAtOrAfter(lo);
  let before = at;
  do before = xml.lastIndexOf('<row', before - 1);
  while (before >= openEnd && !isTagEnd(xml[before + 4]));
  if (before < openEnd) return { at, previous: 0 };
  const previous = numberAt(before);
  return previous === undefined || previous >= number ? undefined : { at, previous };
}

/** The `r` of the row tag between `start` and `tagEnd`: read from the bytes when it comes first, as writers put it. */
function rowNumberAt(xml: Buffer, start: number, tagEnd: number): number | undefined {
  if (
    xml[start + 4] === 0x20 &&
    xml[start + 5] === 0x72 /* r */ &&
    xml[start + 6] === 0x3d &&
    xml[start + 7] === QUOTE
  ) {
    let n = 0;
    let at = start + 8;
    for (; at < tagEnd && xml[at] >= 0x30 && xml[at] <= 0x39; at += 1) n = n * 10 + (xml[at] - 0x30);
    if (xml[at] === QUOTE && at > start + 8) return n;
  }
  const r = attributeOf(xml.toString('latin1', start + 4, tagEnd), 'r');
  return r === undefined ? undefined : Number(r);
}

/**
 * A sheet's rows in order, for a reader that only moves forward. Cursors made from one list of
 * spans share it: the rows of a big sheet are found once, however many cursors walk them.
 */
export class RowCursor {
  private at = 0;

  constructor(private readonly spans: readonly RowSpan[]) {}

  peek(): RowSpan | undefined {
    return this.spans[this.at];
  }

  advance(): void {
    this.at += 1;
  }

  /** The row numbered `number`, passing over those before it; undefined when there is no such row. */
  seek(number: number): RowSpan | undefined {
    while (this.at < this.spans.length && this.spans[this.at].number < number) this.at += 1;
    const current = this.spans[this.at];
    return current?.number === number ? current : undefined;
  }
}

function isTagEnd(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** A `<c>` element as it stands in the original. */
export interface ParsedCell {
  col: number;
  /** The whole element. */
  text: string;
  /** Between `<c` and the open tag's `>` or `/>`. */
  attributes: string;
}

export interface ParsedRow {
  number: number;
  /** Between `<row` and the open tag's `>` or `/>`. */
  attributes: string;
  cells: ParsedCell[];
}

/** The row's cells; other children of a row (an `<extLst>`) are not kept when the row is rebuilt. */
export function parseRow(xml: Buffer, span: RowSpan): ParsedRow {
  const text = xml.toString('utf8', span.start, span.end);
  const tagEnd = text.indexOf('>');
  const selfClosing = text[tagEnd - 1] === '/';
  const row: ParsedRow = {
    number: span.number,
    attributes: text.slice(4, selfClosing ? tagEnd - 1 : tagEnd),
    cells: [],
  };
  if (selfClosing) return row;
  let pos = tagEnd + 1;
  let previous = 0;
  for (;;) {
    const start = text.indexOf('<c', pos);
    if (start < 0) break;
    const after = text.charCodeAt(start + 2);
    if (!isTagEnd(after)) {
      pos = start + 2;
      continue;
    }
    const openEnd = text.indexOf('>', start);
    const bare = text[openEnd - 1] === '/';
    const end = bare ? openEnd + 1 : text.indexOf('</c>', openEnd) + '</c>'.length;
    if (end < openEnd) throw new SheetPatchUnsupported('an unterminated <c>');
    const attributes = text.slice(start + 2, bare ? openEnd - 1 : openEnd);
    const ref = attributeOf(attributes, 'r');
    const col = ref === undefined ? previous + 1 : columnNumber(ref.replace(/\d+$/, ''));
    if (!(col > previous)) throw new SheetPatchUnsupported('cells out of order');
    previous = col;
    row.cells.push({ col, text: text.slice(start, end), attributes });
    pos = end;
  }
  return row;
}

/** The shared string a `t="s"` cell shows, or undefined for any other cell. */
export function sharedStringOf(cell: ParsedCell): number | undefined {
  if (attributeOf(cell.attributes, 't') !== 's') return undefined;
  // As the byte scan reads it: the digits right after <v>.
  const v = /<v>(\d+)/.exec(cell.text);
  return v ? Number(v[1]) : undefined;
}

/**
 * The shared strings (`t="s"` cells) a sheet part refers to, by a scan of its bytes. Any sheet a
 * workbook holds is read, a user's own included, whatever program wrote it: a string it uses and
 * this missed would be blanked.
 */
export function sharedStringRefs(sheetXml: Buffer): Set<number> {
  const refs = new Set<number>();
  const head = sheetXml.toString('utf8', 0, Math.min(sheetXml.length, 4096));
  const root = /<(?![?!])([^\s>/]+)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1] ?? '';
  const colon = root.indexOf(':');
  if (colon < 0) {
    addSharedStringRefs(sheetXml, 0, sheetXml.length, refs);
    return refs;
  }
  // Prefixed elements (<x:c>) are rare: a slower scan of the text is good enough for them.
  const prefix = root.slice(0, colon).replace(/[^\w.-]/g, '');
  const cell = new RegExp(`<${prefix}:c\\b[^>]*?\\st\\s*=\\s*["']s["'][^>]*>\\s*<${prefix}:v>(\\d+)`, 'g');
  for (const match of sheetXml.toString('utf8').matchAll(cell)) refs.add(Number(match[1]));
  return refs;
}

const CELL_ROW_NUMBER = /(<c\b[^>]*?\sr\s*=\s*["'][A-Za-z]{1,3})\d+/g;

/** A whole `<row>` element moved to row `number`: its own `r` and each cell's. */
export function renumberedRow(text: string, number: number): string {
  const tagEnd = text.indexOf('>');
  const tag = text.slice(0, tagEnd).replace(/(\sr\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${number}"`);
  const cells = text.slice(tagEnd).replace(CELL_ROW_NUMBER, `$1${number}`);
  return tag + cells;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Adds the shared strings of the `t="s"` cells between `from` and `to` to `into`. */
export function addSharedStringRefs(xml: Buffer, from: number, to: number, into: Set<number>): void {
  forEachSharedStringRef(xml, from, to, (index) => into.add(index));
}

/** Calls `visit` with the shared string of each `t="s"` cell between `from` and `to`, once per cell. */
export function forEachSharedStringRef(
  xml: Buffer,
  from: number,
  to: number,
  visit: (index: number) => void,
): void {
  // A plain loop over the bytes: a big sheet has millions of cells, and a call or an allocation
  // per cell would cost more than the scan itself.
  const end = Math.min(to, xml.length) - 2;
  for (let i = from; i < end; i += 1) {
    if (xml[i] !== LT || xml[i + 1] !== 0x63 /* c */ || !isTagEnd(xml[i + 2])) continue;
    let tagEnd = i + 2;
    while (tagEnd < end && xml[tagEnd] !== GT) tagEnd += 1;
    if (xml[tagEnd - 1] === 0x2f || !isSharedStringTag(xml, i + 2, tagEnd)) {
      i = tagEnd;
      continue;
    }
    // A t="s" cell holds nothing but <v>index</v>.
    let at = tagEnd + 1;
    while (at < end && xml[at] !== LT) at += 1;
    i = at;
    if (xml[at + 1] !== 0x76 /* v */ || xml[at + 2] !== GT) continue;
    at += 3;
    let index = 0;
    let digits = 0;
    for (; xml[at] >= 0x30 && xml[at] <= 0x39; at += 1, digits += 1) index = index * 10 + (xml[at] - 0x30);
    if (digits > 0) visit(index);
    i = at;
  }
}

/** Whether the attributes between `from` and `to` hold `t="s"` (or `t='s'`). */
function isSharedStringTag(xml: Buffer, from: number, to: number): boolean {
  for (let i = from; i + 4 < to; i += 1) {
    if (xml[i] !== 0x74 /* t */ || !isTagEnd(xml[i - 1])) continue;
    let at = i + 1;
    while (isTagEnd(xml[at]) && at < to) at += 1;
    if (xml[at] !== 0x3d /* = */) continue;
    at += 1;
    while (isTagEnd(xml[at]) && at < to) at += 1;
    const quote = xml[at];
    if (quote !== QUOTE && quote !== APOSTROPHE) continue;
    return xml[at + 1] === 0x73 /* s */ && xml[at + 2] === quote;
  }
  return false;
}

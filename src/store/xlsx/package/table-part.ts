import { attributesOf, decodeXmlText, scanXml } from '../xml-scan';
import { parseRange, rangeRef } from './cell-ref';
import type { CellRange, TablePartInfo } from './package-types';
import { escapeXmlAttribute } from './xml-escape';

/** What a table part (`xl/tables/tableN.xml`) says about the table's place and columns. */
export function readTablePart(xml: string): TablePartInfo {
  let info: TablePartInfo | undefined;
  let formula: string[] | undefined;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'table') {
        const attrs = attributesOf(attributes);
        info = {
          name: attrs.name ?? attrs.displayName ?? '',
          ref: attrs.ref ?? '',
          headerRowCount: attrs.headerRowCount === undefined ? 1 : Number(attrs.headerRowCount),
          totalsRowCount: attrs.totalsRowCount === undefined ? 0 : Number(attrs.totalsRowCount),
          columns: [],
        };
      } else if (name === 'tableColumn' && info) {
        const attrs = attributesOf(attributes);
        info.columns.push({ id: Number(attrs.id), name: attrs.name ?? '' });
      } else if (name === 'calculatedColumnFormula') {
        formula = [];
      }
    },
    text(raw) {
      formula?.push(decodeXmlText(raw));
    },
    close(name) {
      if (name === 'calculatedColumnFormula' && formula && info?.columns.length) {
        info.columns[info.columns.length - 1].calculatedColumnFormula = formula.join('');
        formula = undefined;
      }
    },
  });
  if (!info?.name || !parseRange(info.ref)) throw new Error('The table part names no table or no range');
  return info;
}

export interface TablePartChange {
  /** The table's new range, header and totals rows included. */
  ref: string;
  /** Columns added at the right, by header text; the caller widens `ref` to hold them. */
  addColumns?: readonly string[];
}

/**
 * The table part with the table's range (and its filter's, which leaves out the totals row) set to
 * `ref`, and `addColumns` appended with fresh ids; every other byte as it was.
 */
export function patchTablePart(xml: string, change: TablePartChange): string {
  const info = readTablePart(xml);
  const range = parseRange(change.ref);
  if (!range) throw new RangeError(`Not a table range: ${change.ref}`);
  const filtered = rangeRef({ ...range, bottom: range.bottom - info.totalsRowCount });
  const data = rangeRef({
    ...range,
    top: range.top + info.headerRowCount,
    bottom: range.bottom - info.totalsRowCount,
  });
  let out = replaceInTag(xml, 'table', (tag) => setAttribute(tag, 'ref', change.ref));
  out = replaceInTag(out, 'autoFilter', (tag) => setAttribute(tag, 'ref', filtered));
  out = resortedRows(out, parseRange(data)!);
  const added = change.addColumns ?? [];
  if (added.length === 0) return out;
  const taken = new Set(info.columns.map((column) => column.name.toLowerCase()));
  let id = Math.max(0, ...info.columns.map((column) => column.id));
  const columns = added.map((name) => {
    if (taken.has(name.toLowerCase()))
      throw new RangeError(`The table ${info.name} already has a column ${name}`);
    taken.add(name.toLowerCase());
    id += 1;
    return `<tableColumn id="${id}" name="${escapeXmlAttribute(name)}"/>`;
  });
  const count = info.columns.length + added.length;
  out = replaceInTag(out, 'tableColumns', (tag) => setAttribute(tag, 'count', String(count)));
  const close = out.lastIndexOf('</tableColumns>');
  if (close < 0) throw new Error(`The table ${info.name} lists no columns`);
  return out.slice(0, close) + columns.join('') + out.slice(close);
}

/** The sort (its state and each condition) keeps its columns; its rows become the table's data rows. */
function resortedRows(xml: string, data: CellRange): string {
  const start = xml.search(/<sortState[\s>]/);
  if (start < 0) return xml;
  const close = xml.indexOf('</sortState>', start);
  const end = close < 0 ? xml.indexOf('>', start) + 1 : close;
  const part = xml
    .slice(start, end)
    .replace(/(<(?:sortState|sortCondition)\b[^>]*?\sref=")([^"]*)"/g, (whole, head: string, ref: string) => {
      const sorted = parseRange(ref);
      return sorted ? `${head}${rangeRef({ ...data, left: sorted.left, right: sorted.right })}"` : whole;
    });
  return xml.slice(0, start) + part + xml.slice(end);
}

/** `xml` with the first `<name …>` open tag replaced by `edit(tag)`. */
export function replaceInTag(xml: string, name: string, edit: (tag: string) => string): string {
  const pattern = new RegExp(`<${name}[\\s/>]`);
  const match = pattern.exec(xml);
  if (!match) return xml;
  const end = xml.indexOf('>', match.index) + 1;
  return xml.slice(0, match.index) + edit(xml.slice(match.index, end)) + xml.slice(end);
}

/** The open tag with `name` set to `value` (added before the tag's end when it is missing). */
export function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const escaped = escapeXmlAttribute(value);
  if (pattern.test(tag)) return tag.replace(pattern, (_, prefix: string) => `${prefix}"${escaped}"`);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escaped}"${tag.slice(end)}`;
}

import { attributesOf } from '../xml-scan';
import { parseRange, rangeRef } from './cell-ref';
import type { CellRange } from './package-types';

/** The part of a sheet before `<sheetData>`, with `<dimension ref>` set to `used` (when it has one). */
export function withDimension(head: string, used: (old: CellRange | undefined) => CellRange): string {
  return head.replace(/(<dimension\b[^>]*?\sref\s*=\s*")([^"]*)"/, (_, prefix: string, ref: string) => {
    return `${prefix}${rangeRef(used(parseRange(ref)))}"`;
  });
}

/** Rows of a table's data, before and after a change, and its columns. */
export interface DataRows {
  top: number;
  left: number;
  right: number;
  oldBottom: number;
  newBottom: number;
}

/**
 * The part of a sheet after `<sheetData>`, with each data validation and conditional format range
 * (`sqref`, also the `xm:sqref` of those in the extension list) that spanned exactly the table's old
 * data rows, in its columns, spanning the new ones. Every other byte stays.
 */
export function withRangesFollowing(tail: string, rows: DataRows): string {
  if (rows.oldBottom === rows.newBottom) return tail;
  const follow = (sqref: string) =>
    sqref.replace(/\S+/g, (ref) => {
      const range = parseRange(ref);
      if (
        !range ||
        range.top !== rows.top ||
        range.bottom !== rows.oldBottom ||
        range.left < rows.left ||
        range.right > rows.right
      ) {
        return ref;
      }
      return rangeRef({ ...range, bottom: rows.newBottom });
    });
  return tail
    .replace(
      /(<(?:dataValidation|conditionalFormatting)\b[^>]*?\ssqref\s*=\s*")([^"]*)"/g,
      (_, prefix: string, sqref: string) => `${prefix}${follow(sqref)}"`,
    )
    .replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (_, open: string, sqref: string, close: string) => {
      return `${open}${follow(sqref)}${close}`;
    });
}

/** Row attributes that mean nothing once the row's cells changed: its number and its cells' span. */
export function rowAttributes(attributes: string): string {
  return attributes.replace(/\s(?:r|spans)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
}

const HINTS = new Set(['r', 'spans', 'x14ac:dyDescent', 'ht', 'customHeight']);

/** Whether a row without cells still says something (a set height, hidden, a style, an outline). */
export function worthKeeping(attributes: string): boolean {
  const attrs = attributesOf(attributes);
  if (attrs.customHeight === '1' || attrs.customHeight === 'true') return true;
  return Object.entries(attrs).some(
    ([name, value]) => !HINTS.has(name) && value !== '0' && value !== 'false',
  );
}

/**
 * The tail with each `<mergeCell ref>` and `<hyperlink ref>` moved as `move` says for its range:
 * the same range (unchanged), another, or null when its cells are gone (a hyperlink then goes too).
 */
export function withAnchorsMoved(tail: string, move: (range: CellRange) => CellRange | null): string {
  return tail.replace(
    /<(mergeCell|hyperlink)\b[^>]*?\sref\s*=\s*"([^"]*)"[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g,
    (element, name: string, ref: string) => {
      const range = parseRange(ref);
      if (!range) return element;
      const moved = move(range);
      // <mergeCells> counts its children; a merge of one cell in a deleted row is left as it was.
      if (moved === null) return name === 'hyperlink' ? '' : element;
      if (moved === range) return element;
      return element.replace(/(\sref\s*=\s*")[^"]*"/, `$1${rangeRef(moved)}"`);
    },
  );
}

import { escapeOoxmlText } from '../ooxml-text';
import { isFormulaCell, type CellValue, type FormulaCell } from './package-types';
import { escapeXmlText } from './xml-escape';

export interface CellXmlOptions {
  /** The workbook counts dates from 1904 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
  /** Whether cells of this style (`s`) show numbers as dates. */
  isDateStyle(style: number): boolean;
}

/** Days from 1900-01-00 to 1904-01-01: a 1900 serial minus this is the same day in the 1904 system. */
const DAYS_1900_TO_1904 = 1462;

/**
 * The `<c>` element of one cell. Text goes inline (`t="inlineStr"`), so that writing never touches
 * the shared strings part. A cell with no value (null, or the empty text) is written only when it
 * has a style to keep, as a bare `<c r s/>`: Excel keeps a cleared cell's format, and a bare cell
 * without a style is one the lean reader (and ExcelJS) take for a merge without its master.
 * The result is `''` when there is nothing to write.
 */
export function cellXml(
  ref: string,
  cell: CellValue | FormulaCell,
  style: number | undefined,
  options: CellXmlOptions,
): string {
  const s = style ? ` s="${style}"` : '';
  if (isFormulaCell(cell)) {
    const f = `<f>${escapeXmlText(escapeOoxmlText(cell.formula))}</f>`;
    const value = cell.value ?? null;
    if (value === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof value === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${xstring(value)}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${numberText(value, style, options)}</v></c>`;
  }
  if (cell === null || cell === '') return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof cell === 'string') {
    const text = xstring(cell);
    // Without xml:space Excel trims the text's leading and trailing white space.
    const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
  }
  if (typeof cell === 'boolean') return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}><v>${numberText(cell, style, options)}</v></c>`;
}

function xstring(text: string): string {
  return escapeXmlText(escapeOoxmlText(text));
}

function numberText(value: number, style: number | undefined, options: CellXmlOptions): string {
  if (!Number.isFinite(value)) throw new RangeError(`A cell cannot hold the number ${value}`);
  const shifted =
    options.date1904 && style !== undefined && options.isDateStyle(style) ? value - DAYS_1900_TO_1904 : value;
  // JavaScript's shortest round-trip form; an exponent (1e+21) is valid xsd:double, which Excel reads.
  return String(shifted);
}

import { isFormulaLike } from './cells';

/**
 * Text bound for a values API (Graph's `values`, Office.js `range.values`, a CSV export) where
 * Excel would run `=…`, `+…`, `-…`, `@…`, tab or CR as a formula. A leading apostrophe is
 * Excel's quote prefix: it makes the cell text and Excel drops it on read, so reading the cell
 * back gives exactly what the user typed. Text that starts with an apostrophe gets one more for
 * the same reason. The .xlsx file adapter needs none of this: it writes typed string cells,
 * which are never formulas.
 */
export function protectText(text: string): string {
  return isFormulaLike(text) || text.startsWith("'") ? `'${text}` : text;
}

/** The inverse of `protectText`, for reading a protected value where no Excel strips the prefix (CSV). */
export function unprotectText(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

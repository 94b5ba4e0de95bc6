import type { CellValue } from 'exceljs';
import type { RawCell } from '../../core/cells';

/**
 * An ExcelJS cell value → the codec's `RawCell`: a formula gives its cached result, rich text
 * its plain text, a hyperlink its text, an error value its code (`#N/A`).
 */
export function rawFromExcel(value: CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    return rawFromExcel((value as { result?: CellValue }).result as CellValue);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : rawFromExcel(value.text);
  return null;
}

/** The cell as a person would see it, for error messages. */
export function displayOfRaw(raw: RawCell): string {
  if (raw instanceof Date) return raw.toISOString();
  return raw === null || raw === undefined ? '' : String(raw);
}

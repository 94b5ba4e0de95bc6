import type { Locale } from '../i18n';
import { writeCsv } from './csv';
import type { RejectedRow } from './import-rows';
import { IMPORT_TEXTS } from './import-texts';
import { encodeUtf8WithBom } from './text-encoding';

/**
 * The rejected rows as a file the user fixes in Excel and imports again: the row number, the
 * source cells under the source headers, and the reasons; `;`-separated UTF-8 with a BOM.
 */
export function rejectedRowsReport(
  headers: readonly string[],
  rejected: readonly RejectedRow[],
  locale: Locale,
): Uint8Array<ArrayBuffer> {
  const width = rejected.reduce((widest, r) => Math.max(widest, r.cells.length), headers.length);
  const padded = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const rows = [
    [IMPORT_TEXTS.reportRowHeader[locale], ...padded(headers), IMPORT_TEXTS.reportReasonsHeader[locale]],
    ...rejected.map((r) => [
      String(r.rowNumber),
      ...padded(r.cells),
      r.reasons.map((reason) => reason[locale]).join('; '),
    ]),
  ];
  return encodeUtf8WithBom(writeCsv(rows, ';'));
}

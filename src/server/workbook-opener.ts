import type { WorkbookStore } from '../store/port';
import { openXlsxStore } from '../store/xlsx/xlsx-store';

/** The server's default way to read the workbook: the .xlsx adapter, read-only. */
export function openWorkbookReadOnly(file: string): Promise<WorkbookStore> {
  return openXlsxStore(file, { readOnly: true });
}

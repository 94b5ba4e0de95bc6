import { openOfficeJsStore } from '../../store/officejs/officejs-store';
import type { WorkbookStore } from '../../store/port';

/** The file name in the open document's address, for messages; undefined when Office gives none. */
export function workbookNameFromUrl(url: string | null | undefined): string | undefined {
  const last = (url ?? '').split(/[\\/]/).pop()?.split(/[?#]/)[0];
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The workbook open in Excel, read and written through Excel.run. */
export function openThisWorkbook(): WorkbookStore {
  return openOfficeJsStore({
    run: (batch) => Excel.run(batch),
    workbookName: workbookNameFromUrl(Office.context.document.url),
  });
}

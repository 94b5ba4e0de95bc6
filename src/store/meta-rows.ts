import { RelacjeError } from '../core/errors';
import { isLocale, type Locale } from '../core/i18n';
import type { WorkbookMeta } from './port';
import type { SheetValue } from './table-rows';

/** The offer number format of a workbook whose `_meta` names none (see `core/offers/offer-number`). */
export const DEFAULT_OFFER_NUMBER_FORMAT = 'OF/{YYYY}/{NNN}';

/** The meta of a workbook whose `_meta` holds nothing yet; what it holds is read over it. */
export function defaultMeta(schemaVersion: number, locale: Locale): WorkbookMeta {
  return { schemaVersion, locale, offerNumberFormat: DEFAULT_OFFER_NUMBER_FORMAT, counters: {} };
}

/** The `_meta` sheet as read through a values API: the meta, and the row each key is on. */
export interface MetaRows {
  meta: WorkbookMeta;
  rowOfKey: Map<string, number>;
  /** The last row of the sheet's used range (1-based). */
  lastRow: number;
}

/**
 * The meta from `_meta`'s key/value rows (`firstRow` is the sheet row of `values[0]`); keys not
 * there keep `base`'s values. A newer schema than the one we know is refused.
 */
export function metaOfRows(
  values: readonly (readonly SheetValue[])[],
  firstRow: number,
  base: WorkbookMeta,
  where: { file: string; supported: number },
): MetaRows {
  const meta: WorkbookMeta = { ...base, counters: {} };
  const rowOfKey = new Map<string, number>();
  values.forEach(([key, value], i) => {
    const name = String(key).trim();
    rowOfKey.set(name, firstRow + i);
    if (name === 'schemaVersion' && typeof value === 'number') meta.schemaVersion = value;
    else if (name === 'locale' && isLocale(value)) meta.locale = value;
    else if (name === 'offerNumberFormat' && typeof value === 'string' && value)
      meta.offerNumberFormat = value;
    else if (name.startsWith('counter:') && typeof value === 'number') meta.counters[name.slice(8)] = value;
  });
  if (meta.schemaVersion > where.supported) {
    throw new RelacjeError('newerSchema', {
      file: where.file,
      version: meta.schemaVersion,
      supported: where.supported,
    });
  }
  delete meta.counters._journal;
  return { meta, rowOfKey, lastRow: firstRow + values.length - 1 };
}

import type { RowUpdate, StoredRow } from '../clients/client-rows';
import type { Bilingual } from '../i18n';
import { foldText } from '../import/text-folding';
import type { RecordFields } from '../records';
import { CURRENT_SCHEMA, tableByKey } from '../schema';
import { checkProduct, codeKey, duplicateCodeIssue } from './product-catalogue';

/** The product fields an import fills. */
export const PRODUCT_IMPORT_FIELDS = ['code', 'name', 'unit', 'netPrice', 'vatRate', 'active'] as const;
export type ProductImportField = (typeof PRODUCT_IMPORT_FIELDS)[number];

/** Headers people write for each field, beyond the workbook's own (compared folded). */
const HEADERS: Record<ProductImportField, readonly string[]> = {
  code: ['Kod', 'Code', 'Symbol', 'Indeks', 'Index', 'SKU', 'Kod produktu', 'Product code'],
  name: ['Nazwa', 'Name', 'Nazwa produktu', 'Nazwa towaru', 'Towar', 'Usługa', 'Product', 'Product name'],
  unit: ['Jednostka', 'J.m.', 'Jm', 'Unit', 'Jednostka miary', 'UoM'],
  netPrice: ['Cena netto', 'Cena', 'Net price', 'Price', 'Cena jedn. netto', 'Cena netto zł', 'Unit price'],
  vatRate: ['Stawka VAT', 'VAT', 'VAT %', 'VAT rate', 'Stawka'],
  active: ['Aktywny', 'Active', 'Aktywna', 'W ofercie'],
};

/** For each column of the file (by index), the field it fills, or null. */
export type ProductColumnMapping = readonly (ProductImportField | null)[];

/** A column mapping from the file's headers; a field goes to the first column that names it. */
export function productColumnMapping(headers: readonly string[]): ProductColumnMapping {
  const schemaHeaders = tableByKey(CURRENT_SCHEMA, 'products').columns;
  const known = new Map<string, ProductImportField>();
  for (const field of PRODUCT_IMPORT_FIELDS) {
    const column = schemaHeaders.find((c) => c.key === field);
    for (const text of [field, column?.header.pl ?? '', column?.header.en ?? '', ...HEADERS[field]]) {
      const folded = foldText(text);
      if (folded && !known.has(folded)) known.set(folded, field);
    }
  }
  const taken = new Set<ProductImportField>();
  return headers.map((header) => {
    const field = known.get(foldText(header));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** One thing wrong in the file: its row (as the spreadsheet numbers it, headers in row 1) and field. */
export interface ProductImportProblem {
  /** 1 for the header row. */
  row: number;
  field: ProductImportField | null;
  message: Bilingual;
}

export interface ProductImportPlan {
  /** New products (no id yet), in file order. */
  create: RecordFields[];
  /** Products of the catalogue with the same code, changed to the file's values. */
  update: RowUpdate[];
  /** Every problem; when there is any, nothing is to be written. */
  problems: ProductImportProblem[];
}

const MISSING_COLUMNS: (names: string) => Bilingual = (names) => ({
  pl: `W pliku brakuje kolumn: ${names}. Pierwszy wiersz powinien mieć nagłówki, np. Kod; Nazwa; Jednostka; Cena netto; Stawka VAT.`,
  en: `The file lacks the columns: ${names}. The first row should hold headers, e.g. Code; Name; Unit; Net price; VAT rate.`,
});

/**
 * Products from a file's rows (first row headers; prices in złote, VAT rates as `23`, `8%`, `zw.`,
 * `np.`), pure. A code already in the catalogue updates that product; a code twice in the file, a
 * missing required value or a bad price is a problem naming the row and the field.
 */
export function planProductImport(
  table: readonly (readonly string[])[],
  products: readonly StoredRow[],
): ProductImportPlan {
  const headers = table[0] ?? [];
  const mapping = productColumnMapping(headers);
  const columns = tableByKey(CURRENT_SCHEMA, 'products').columns;
  const missing = columns.filter(
    (c) =>
      c.required &&
      (PRODUCT_IMPORT_FIELDS as readonly string[]).includes(c.key) &&
      !mapping.includes(c.key as ProductImportField),
  );
  if (missing.length > 0) {
    const names = (locale: 'pl' | 'en') => missing.map((c) => c.header[locale]).join(', ');
    return {
      create: [],
      update: [],
      problems: [
        {
          row: 1,
          field: null,
          message: { pl: MISSING_COLUMNS(names('pl')).pl, en: MISSING_COLUMNS(names('en')).en },
        },
      ],
    };
  }
  const plan: ProductImportPlan = { create: [], update: [], problems: [] };
  const byCode = new Map(products.map((p) => [codeKey(p.code), p]));
  const seen = new Map<string, { row: number; name: string }>();
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const fields: RecordFields = mapping.includes('active') ? {} : { active: true };
    mapping.forEach((field, column) => {
      const text = (cells[column] ?? '').trim();
      if (!field) return;
      if (field === 'vatRate') fields[field] = text.replace(/\s*%$/, '');
      else if (field === 'active') fields[field] = text === '' ? true : text;
      else fields[field] = text;
    });
    const key = codeKey(fields.code);
    const earlier = seen.get(key);
    if (key && earlier) {
      plan.problems.push({
        row,
        field: 'code',
        message: duplicateCodeIssue(String(fields.code), earlier).message,
      });
      return;
    }
    if (key) seen.set(key, { row, name: String(fields.name ?? '') });
    const existing = byCode.get(key);
    const { record, issues } = checkProduct([], fields, { mode: existing ? 'update' : 'create' });
    for (const issue of issues) {
      plan.problems.push({ row, field: issue.field as ProductImportField, message: issue.message });
    }
    if (issues.length > 0) return;
    if (existing) plan.update.push({ id: existing.id, expectedVersion: existing.version, changes: record });
    else plan.create.push(record);
  });
  return plan;
}

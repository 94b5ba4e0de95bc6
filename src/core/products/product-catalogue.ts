import type { RowUpdate, StoredRow } from '../clients/client-rows';
import { RelacjeError, type FieldIssue } from '../errors';
import { validateRecord, type RecordFields, type ValidationMode } from '../records';
import { CURRENT_SCHEMA, tableByKey } from '../schema';
import type { WorkbookSchema } from '../schema/types';

/** A code as compared for uniqueness: `ab-01 ` and `AB-01` are the same code. */
export function codeKey(code: unknown): string {
  return typeof code === 'string' ? code.trim().toLocaleUpperCase('pl') : '';
}

/** The product that already holds `code`, other than `exceptId`. */
export function productWithCode(
  products: readonly StoredRow[],
  code: unknown,
  exceptId?: string,
): StoredRow | undefined {
  const key = codeKey(code);
  if (!key) return undefined;
  return products.find((p) => p.id !== exceptId && codeKey(p.code) === key);
}

/** The issue of a code another product holds, naming that product. */
export function duplicateCodeIssue(
  code: string,
  holder: StoredRow | { name: string; row: number },
): FieldIssue {
  const name = String(holder.name ?? '');
  const where = 'row' in holder && typeof holder.row === 'number' ? holder.row : undefined;
  return {
    field: 'code',
    value: code,
    rule: 'unique',
    message:
      where === undefined
        ? {
            pl: `Kod „${code}” ma już produkt „${name}”: nadaj inny kod albo popraw tamten produkt`,
            en: `The code "${code}" is already the product "${name}": give another code or edit that product`,
          }
        : {
            pl: `Kod „${code}” występuje już w wierszu ${where} („${name}”): kod może wystąpić raz`,
            en: `The code "${code}" is already in row ${where} ("${name}"): a code may appear once`,
          },
  };
}

const NEGATIVE_PRICE: FieldIssue['message'] = {
  pl: 'Cena netto nie może być ujemna',
  en: 'The net price cannot be negative',
};

/**
 * A product's fields checked the core's way (net price typed in złote becomes grosze, a number
 * stays grosze, the VAT
 * rate taken by key or label: `23`, `zw.`, `np.`) plus the catalogue's own rules: a unique code
 * and a price of zero or more. Returns the normalised fields and every issue found.
 */
export function checkProduct(
  products: readonly StoredRow[],
  fields: RecordFields,
  options: { mode: ValidationMode; exceptId?: string; schema?: WorkbookSchema },
): { record: RecordFields; issues: FieldIssue[] } {
  const schema = options.schema ?? CURRENT_SCHEMA;
  const input = { ...fields };
  // The service gives a new product its id; checked here before it has one.
  const stubId = options.mode === 'create' && !input.id;
  if (stubId) input.id = 'new';
  const checked = validateRecord(tableByKey(schema, 'products'), input, { mode: options.mode, schema });
  const issues = [...checked.issues];
  const { record } = checked;
  if (stubId) delete record.id;
  if (typeof record.netPrice === 'number' && record.netPrice < 0) {
    issues.push({
      field: 'netPrice',
      value: String(fields.netPrice),
      rule: 'negative',
      message: NEGATIVE_PRICE,
    });
  }
  if (typeof record.code === 'string') {
    record.code = record.code.trim();
    const holder = productWithCode(products, record.code, options.exceptId);
    if (holder) issues.push(duplicateCodeIssue(record.code, holder));
  }
  return { record, issues };
}

/** A new product's fields, checked, or `invalidRecord` naming each bad field; active unless told. */
export function newProductFields(products: readonly StoredRow[], fields: RecordFields): RecordFields {
  const { record, issues } = checkProduct(products, { active: true, ...fields }, { mode: 'create' });
  if (issues.length > 0) throw new RelacjeError('invalidRecord', { table: 'products', issues });
  return record;
}

/** A change of a product read at `expectedVersion`, checked; someone's newer change is a `conflict`. */
export function productUpdate(
  products: readonly StoredRow[],
  id: string,
  expectedVersion: number,
  changes: RecordFields,
): RowUpdate {
  const product = products.find((p) => p.id === id);
  if (!product) throw new RelacjeError('recordNotFound', { table: 'products', id });
  if (product.version !== expectedVersion) {
    throw new RelacjeError('conflict', {
      table: 'products',
      id,
      expectedVersion,
      actualVersion: product.version,
    });
  }
  const { record, issues } = checkProduct(products, changes, { mode: 'update', exceptId: id });
  if (issues.length > 0) throw new RelacjeError('invalidRecord', { table: 'products', issues });
  return { id, expectedVersion, changes: record };
}

import { newProductFields, productUpdate } from '../core/products/product-catalogue';
import type { ProductImportPlan } from '../core/products/product-import';
import { RelacjeError } from '../core/errors';
import type { AuditAction } from '../core/clients/audit-rows';
import type { BatchResult, NewRecord, RecordFields, StoredRecord, TableChanges } from '../store/port';

/**
 * The products catalogue, as the Products view calls it (`CrmService` extends it): every write
 * checks the catalogue's rules in the core (unique codes, prices in złote typed, VAT from the
 * list) and is one store write with its audit rows.
 */
export interface ProductCatalogue {
  /** Adds a product (active unless told); a code another product holds is `invalidRecord` naming it. */
  addProduct(fields: RecordFields): Promise<StoredRecord>;
  /** Changes a product read at `expectedVersion` (deactivating is `{ active: false }`). */
  updateProduct(id: string, expectedVersion: number, changes: RecordFields): Promise<StoredRecord>;
  /** Writes an import's plan, all of it or — when it has any problem or any write fails — nothing. */
  importProducts(plan: ProductImportPlan): Promise<{ created: number; updated: number }>;
}

/** The part of the service the catalogue's writes need. */
export interface ProductWriter {
  products: readonly StoredRecord[];
  newId(): string;
  auditEntry(action: AuditAction, table: string, recordId: string, details: unknown): NewRecord;
  writeAudited(changes: readonly TableChanges[], audit: readonly NewRecord[]): Promise<BatchResult[]>;
}

export async function addProduct(writer: ProductWriter, fields: RecordFields): Promise<StoredRecord> {
  const record = { ...newProductFields(writer.products, fields), id: writer.newId() };
  const [{ appended }] = await writer.writeAudited(
    [{ table: 'products', append: [record] }],
    [writer.auditEntry('create', 'products', record.id, { fields: record })],
  );
  return appended[0];
}

export async function updateProduct(
  writer: ProductWriter,
  id: string,
  expectedVersion: number,
  changes: RecordFields,
): Promise<StoredRecord> {
  const update = productUpdate(writer.products, id, expectedVersion, changes);
  const [{ updated }] = await writer.writeAudited(
    [{ table: 'products', update: [update] }],
    [writer.auditEntry('update', 'products', id, { changes: update.changes })],
  );
  return updated[0];
}

export async function importProducts(
  writer: ProductWriter,
  plan: ProductImportPlan,
): Promise<{ created: number; updated: number }> {
  if (plan.problems.length > 0) {
    // The view shows the plan's problems; a plan with any is never written, even in part.
    const issues = plan.problems.map((p) => ({
      field: p.field ?? '',
      value: '',
      rule: 'import',
      message: { pl: `Wiersz ${p.row}: ${p.message.pl}`, en: `Row ${p.row}: ${p.message.en}` },
    }));
    throw new RelacjeError('invalidRecord', { table: 'products', issues });
  }
  // Checked again against the catalogue as it is now: another user may have added a code since.
  const creates = plan.create.map((fields) => ({
    ...newProductFields(writer.products, fields),
    id: writer.newId(),
  }));
  const updates = plan.update.map((u) => productUpdate(writer.products, u.id, u.expectedVersion, u.changes));
  if (creates.length + updates.length === 0) return { created: 0, updated: 0 };
  const [{ appended, updated }] = await writer.writeAudited(
    [{ table: 'products', append: creates, update: updates }],
    [
      ...creates.map((r) => writer.auditEntry('create', 'products', r.id, { import: true, fields: r })),
      ...updates.map((u) =>
        writer.auditEntry('update', 'products', u.id, { import: true, changes: u.changes }),
      ),
    ],
  );
  return { created: appended.length, updated: updated.length };
}

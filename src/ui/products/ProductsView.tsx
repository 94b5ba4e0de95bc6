import { Badge, Button, Caption1, Checkbox, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { countOf } from '../../core/plural';
import type { RecordFields } from '../../core/records';
import type { CrmService } from '../../services/crm-service';
import type { XlsxRowsReader } from '../import/spreadsheet-rows';
import { enumLabel } from '../shared/enum-options';
import { shownMoney } from '../shared/format';
import { EditableListHeader } from '../tasks/EditableListHeader';
import { useRecordListStyles } from '../tasks/record-list-styles';
import { useCrmSnapshot } from '../shared/use-crm';
import { writeFailureText } from '../tasks/issue-text';
import { ProductForm } from './ProductForm';
import { ProductImportStep } from './ProductImportStep';
import { PRODUCTS, productText } from './product-texts';

export interface ProductsViewProps {
  locale: Locale;
  service: CrmService;
  /** When given, the import takes .xlsx files as well as CSV. */
  readXlsxRows?: XlsxRowsReader;
}

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };

/** The products and services catalogue: list, add, edit, deactivate, import. */
export function ProductsView({ locale, service, readXlsxRows }: ProductsViewProps) {
  const styles = useRecordListStyles();
  const snapshot = useCrmSnapshot(service);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [showInactive, setShowInactive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const products = useMemo(() => snapshot?.tables.products ?? [], [snapshot?.tables.products]);
  const listed = useMemo(
    () =>
      products
        .filter((p) => showInactive || p.active !== false)
        .sort((a, b) => String(a.code ?? '').localeCompare(String(b.code ?? ''), 'pl')),
    [products, showInactive],
  );

  const close = () => {
    setEditing({ kind: 'none' });
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const run = async (write: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setFailure(null);
    try {
      await write();
      setNotice(productText(locale, 'saved'));
      after();
    } catch (error) {
      setFailure(`${productText(locale, 'notSaved')}: ${writeFailureText(error, locale)}`);
    } finally {
      setBusy(false);
    }
  };
  const save = (fields: RecordFields) => {
    if (editing.kind === 'edit') {
      const product = products.find((p) => p.id === editing.id);
      if (product) void run(() => service.updateProduct(product.id, product.version, fields), close);
    } else {
      void run(() => service.addProduct(fields), close);
    }
  };
  const edit = (id?: string) => (
    <>
      {failure && (
        <div role="alert" className={styles.error}>
          {failure}
        </div>
      )}
      <ProductForm
        locale={locale}
        product={id ? products.find((p) => p.id === id) : undefined}
        busy={busy}
        onSave={save}
        onCancel={close}
      />
    </>
  );

  return (
    <section className={styles.root} aria-label={productText(locale, 'title')}>
      <EditableListHeader
        title={productText(locale, 'title')}
        notice={notice}
        addLabel={productText(locale, 'add')}
        addForm={editing.kind === 'new' ? edit() : null}
        addButton={addButton}
        onAdd={() => {
          setFailure(null);
          setEditing({ kind: 'new' });
        }}
      />
      {editing.kind === 'none' && failure && (
        <div role="alert" className={styles.error}>
          {failure}
        </div>
      )}
      <div className={styles.line}>
        <Caption1>
          {products.length === 0 ? productText(locale, 'none') : countOf(locale, listed.length, PRODUCTS)}
        </Caption1>
        <Checkbox
          checked={showInactive}
          label={productText(locale, 'showInactive')}
          onChange={(_e, d) => setShowInactive(d.checked === true)}
        />
      </div>
      <ul className={styles.list} aria-label={productText(locale, 'title')}>
        {listed.map((product) => {
          const name = String(product.name ?? '');
          if (editing.kind === 'edit' && editing.id === product.id)
            return <li key={product.id}>{edit(product.id)}</li>;
          const active = product.active !== false;
          return (
            <li key={product.id} className={styles.item} aria-label={name}>
              <div className={styles.line}>
                <Text weight="semibold" className={styles.text}>
                  {name}
                </Text>
                {!active && (
                  <Badge size="small" appearance="tint" color="subtle">
                    {productText(locale, 'inactive')}
                  </Badge>
                )}
              </div>
              <div className={styles.line}>
                <Caption1>{String(product.code ?? '')}</Caption1>
                <Caption1>
                  {shownMoney(product.netPrice, locale)} / {String(product.unit ?? '')}
                </Caption1>
                <Caption1>
                  {productText(locale, 'vatRate')}:{' '}
                  {enumLabel('vatRate', String(product.vatRate ?? ''), locale)}
                </Caption1>
              </div>
              <div className={styles.line}>
                <Button
                  size="small"
                  aria-label={`${productText(locale, 'edit')}: ${name}`}
                  onClick={() => {
                    setFailure(null);
                    setEditing({ kind: 'edit', id: product.id });
                  }}
                >
                  {productText(locale, 'edit')}
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={`${productText(locale, active ? 'deactivate' : 'activate')}: ${name}`}
                  onClick={() =>
                    void run(
                      () => service.updateProduct(product.id, product.version, { active: !active }),
                      () => undefined,
                    )
                  }
                >
                  {productText(locale, active ? 'deactivate' : 'activate')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <ProductImportStep
        locale={locale}
        service={service}
        products={products}
        readXlsxRows={readXlsxRows}
        onImported={setNotice}
      />
    </section>
  );
}

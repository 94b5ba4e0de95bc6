import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { RecordFields } from '../../core/records';
import type { StoredRecord } from '../../store/port';
import { enumOptions } from '../shared/enum-options';
import { productText } from './product-texts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface ProductFormProps {
  locale: Locale;
  product?: StoredRecord;
  busy: boolean;
  onSave: (fields: RecordFields) => void;
  onCancel: () => void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Grosze as złote the way people type them back (`1234,56`). */
function typedPrice(grosze: unknown, locale: Locale): string {
  if (typeof grosze !== 'number') return '';
  const whole = (grosze / 100).toFixed(2);
  return locale === 'pl' ? whole.replace('.', ',') : whole;
}

/** Adds or edits a product: price typed in złote, VAT rate from the list. */
export function ProductForm({ locale, product, busy, onSave, onCancel }: ProductFormProps) {
  const styles = useStyles();
  const [code, setCode] = useState(text(product?.code));
  const [name, setName] = useState(text(product?.name));
  const [unit, setUnit] = useState(text(product?.unit) || (product ? '' : 'szt.'));
  const [netPrice, setNetPrice] = useState(typedPrice(product?.netPrice, locale));
  const [vatRate, setVatRate] = useState(text(product?.vatRate) || '23');
  const [active, setActive] = useState(product ? product.active !== false : true);
  return (
    <form
      className={styles.form}
      aria-label={
        product ? `${productText(locale, 'edit')}: ${text(product.name)}` : productText(locale, 'add')
      }
      onSubmit={(event) => {
        event.preventDefault();
        // Typed złote go to the core as text, which reads them into grosze (`1 234,56` → 123456).
        onSave({ code, name, unit, netPrice, vatRate, active });
      }}
    >
      <div className={styles.pair}>
        <Field label={productText(locale, 'code')} required>
          <Input value={code} autoFocus onChange={(_e, d) => setCode(d.value)} />
        </Field>
        <Field label={productText(locale, 'unit')} required hint={productText(locale, 'unitHint')}>
          <Input value={unit} onChange={(_e, d) => setUnit(d.value)} />
        </Field>
      </div>
      <Field label={productText(locale, 'name')} required>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <div className={styles.pair}>
        <Field label={productText(locale, 'netPrice')} required hint={productText(locale, 'netPriceHint')}>
          <Input value={netPrice} inputMode="decimal" onChange={(_e, d) => setNetPrice(d.value)} />
        </Field>
        <Field label={productText(locale, 'vatRate')} required>
          <Select value={vatRate} onChange={(_e, d) => setVatRate(d.value)}>
            {enumOptions('vatRate', locale).map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox
        checked={active}
        label={productText(locale, 'active')}
        onChange={(_e, d) => setActive(d.checked === true)}
      />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {productText(locale, 'save')}
        </Button>
        <Button onClick={onCancel}>{productText(locale, 'cancel')}</Button>
      </div>
    </form>
  );
}

import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { RecordFields } from '../../core/records';
import { formatMoney } from '../../core/validation/money';
import type { StoredRecord } from '../../store/port';
import { enumOptions } from '../shared/enum-options';
import { shownDate } from '../shared/format';
import { goalText } from './goal-texts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface GoalFormProps {
  locale: Locale;
  /** The goal edited, or none for a new one. */
  goal?: StoredRecord;
  defaultOwner: string;
  pipelines: readonly string[];
  segments: readonly string[];
  products: readonly StoredRecord[];
  busy: boolean;
  onSave: (fields: RecordFields) => void;
  onCancel: () => void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Adds or edits one goal; dates typed dd.mm.rrrr, won value in złote. */
export function GoalForm({
  locale,
  goal,
  defaultOwner,
  pipelines,
  segments,
  products,
  busy,
  onSave,
  onCancel,
}: GoalFormProps) {
  const styles = useStyles();
  const [owner, setOwner] = useState(goal ? text(goal.owner) : defaultOwner);
  const [description, setDescription] = useState(text(goal?.description));
  const [metric, setMetric] = useState(text(goal?.metric) || 'wonValue');
  const [target, setTarget] = useState(
    typeof goal?.target === 'number' ? String(goal.target).replace('.', locale === 'pl' ? ',' : '.') : '',
  );
  const [periodStart, setStart] = useState(goal ? shownDate(goal.periodStart, locale) : '');
  const [periodEnd, setEnd] = useState(goal ? shownDate(goal.periodEnd, locale) : '');
  const [pipeline, setPipeline] = useState(text(goal?.pipeline));
  const [segment, setSegment] = useState(text(goal?.segment));
  const [productId, setProductId] = useState(text(goal?.productId));
  const datePlaceholder = locale === 'pl' ? 'dd.mm.rrrr' : 'yyyy-mm-dd';
  return (
    <form
      className={styles.form}
      aria-label={goal ? goalText(locale, 'edit') : goalText(locale, 'add')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          owner: owner.trim() || null,
          description,
          metric,
          target: target.replace(/\s/g, '').replace(',', '.'),
          periodStart,
          periodEnd,
          pipeline: pipeline || null,
          segment: segment || null,
          productId: productId || null,
        });
      }}
    >
      <Field label={goalText(locale, 'owner')}>
        <Input value={owner} onChange={(_e, d) => setOwner(d.value)} />
      </Field>
      <Field label={goalText(locale, 'description')} required>
        <Textarea value={description} onChange={(_e, d) => setDescription(d.value)} resize="vertical" />
      </Field>
      <Field label={goalText(locale, 'metric')} required>
        <Select value={metric} onChange={(_e, d) => setMetric(d.value)}>
          {enumOptions('goalMetric', locale).map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={goalText(locale, 'target')}
        required
        hint={metric === 'wonValue' ? goalText(locale, 'targetMoneyHint') : undefined}
      >
        <Input value={target} inputMode="decimal" onChange={(_e, d) => setTarget(d.value)} />
      </Field>
      <div className={styles.pair}>
        <Field label={goalText(locale, 'periodStart')} required>
          <Input value={periodStart} placeholder={datePlaceholder} onChange={(_e, d) => setStart(d.value)} />
        </Field>
        <Field label={goalText(locale, 'periodEnd')} required>
          <Input value={periodEnd} placeholder={datePlaceholder} onChange={(_e, d) => setEnd(d.value)} />
        </Field>
      </div>
      <Field label={goalText(locale, 'pipeline')}>
        <Select value={pipeline} onChange={(_e, d) => setPipeline(d.value)}>
          <option value="">{goalText(locale, 'any')}</option>
          {pipelines.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={goalText(locale, 'segment')}>
        <Select value={segment} onChange={(_e, d) => setSegment(d.value)}>
          <option value="">{goalText(locale, 'any')}</option>
          {segments.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={goalText(locale, 'product')}>
        <Select value={productId} onChange={(_e, d) => setProductId(d.value)}>
          <option value="">{goalText(locale, 'any')}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {`${text(p.code)} ${text(p.name)}`.trim()}
              {typeof p.netPrice === 'number' ? ` (${formatMoney(p.netPrice, locale)})` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {goalText(locale, 'save')}
        </Button>
        <Button onClick={onCancel}>{goalText(locale, 'cancel')}</Button>
      </div>
    </form>
  );
}

import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { CURRENT_SCHEMA, tableByKey } from '../../core/schema';
import type { SegmentField, SegmentOperator } from '../../core/segmentation';
import { enumLabel } from '../shared/enum-options';
import { operatorsFor, takesNoValue, type ConditionDraft } from './rule-drafts';
import { OPERATOR_TEXTS, segmentationViewText } from './segmentation-view-texts';

export interface ConditionRowProps {
  locale: Locale;
  number: number;
  condition: ConditionDraft;
  fields: readonly SegmentField[];
  onChange: (condition: ConditionDraft) => void;
  onRemove?: () => void;
}

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    margin: 0,
  },
  remove: { gridColumn: '1 / -1' },
  // The field's name is long ("Wartość wygranych w okresie (zł)"): its own row, so it is not cut.
  field: { gridColumn: '1 / -1' },
  // A hint under a narrow value field wraps in full rather than run out of the pane.
  hint: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

const ENUM_KEY_OF = new Map(
  tableByKey(CURRENT_SCHEMA, 'clients').columns.map((column) => [column.key, column.enumKey]),
);

/** One "field operator value" row of the rule builder. */
export function ConditionRow({ locale, number, condition, fields, onChange, onRemove }: ConditionRowProps) {
  const styles = useStyles();
  const text = (key: Parameters<typeof segmentationViewText>[1]) => segmentationViewText(locale, key);
  const field = fields.find((candidate) => candidate.key === condition.field);
  const operators = operatorsFor(condition.field);
  const label = `${text('condition')} ${number}`;

  const changeField = (key: string) => {
    const allowed = operatorsFor(key);
    onChange({
      field: key,
      operator: allowed.includes(condition.operator) ? condition.operator : allowed[0],
      value: '',
      valueTo: '',
    });
  };

  const valueEditor = (value: string, onValue: (value: string) => void, fieldLabel: string) => {
    if (field?.kind === 'enum' && condition.operator !== 'in') {
      const enumKey = ENUM_KEY_OF.get(field.key);
      return (
        <Field label={fieldLabel}>
          <Select value={value} onChange={(_event, data) => onValue(data.value)}>
            <option value="">{text('choose')}</option>
            {(field.enumKeys ?? []).map((key) => (
              <option key={key} value={key}>
                {enumKey ? enumLabel(enumKey, key, locale) : key}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    if (field?.kind === 'boolean') {
      return (
        <Field label={fieldLabel}>
          <Select value={value} onChange={(_event, data) => onValue(data.value)}>
            <option value="">{text('choose')}</option>
            <option value="true">{text('yes')}</option>
            <option value="false">{text('no')}</option>
          </Select>
        </Field>
      );
    }
    // Money is typed in złote with a comma or a dot ("1 000,50"), which a number input refuses.
    const type =
      condition.operator === 'in' || field?.money
        ? 'text'
        : field?.kind === 'date'
          ? 'date'
          : field?.kind === 'number'
            ? 'number'
            : 'text';
    const hints = [
      field?.money ? text('moneyHint') : '',
      condition.operator === 'in' ? text('listHint') : '',
    ].filter(Boolean);
    return (
      <Field
        label={fieldLabel}
        hint={hints.length > 0 ? { children: hints.join(' '), className: styles.hint } : undefined}
      >
        <Input
          type={type}
          inputMode={field?.money ? 'decimal' : undefined}
          contentAfter={field?.money ? 'zł' : undefined}
          value={value}
          onChange={(_event, data) => onValue(data.value)}
        />
      </Field>
    );
  };

  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>{label}</legend>
      <Field label={text('field')} className={styles.field}>
        <Select value={condition.field} onChange={(_event, data) => changeField(data.value)}>
          <optgroup label={text('clientFieldsGroup')}>
            {fields
              .filter((candidate) => !candidate.derived)
              .map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {candidate.label[locale]}
                </option>
              ))}
          </optgroup>
          <optgroup label={text('computedFieldsGroup')}>
            {fields
              .filter((candidate) => candidate.derived)
              .map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {candidate.label[locale]}
                </option>
              ))}
          </optgroup>
        </Select>
      </Field>
      <Field label={text('operator')}>
        <Select
          value={condition.operator}
          onChange={(_event, data) => onChange({ ...condition, operator: data.value as SegmentOperator })}
        >
          {operators.map((operator) => (
            <option key={operator} value={operator}>
              {OPERATOR_TEXTS[operator][locale]}
            </option>
          ))}
        </Select>
      </Field>
      {!takesNoValue(condition.operator) &&
        valueEditor(condition.value, (value) => onChange({ ...condition, value }), text('value'))}
      {condition.operator === 'between' &&
        valueEditor(condition.valueTo, (valueTo) => onChange({ ...condition, valueTo }), text('valueTo'))}
      {onRemove && (
        <div className={styles.remove}>
          <Button
            size="small"
            appearance="subtle"
            onClick={onRemove}
            aria-label={`${text('removeCondition')} ${number}`}
          >
            {text('removeCondition')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

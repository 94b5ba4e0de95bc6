import { Dropdown, Field, Input, Option, Switch, Textarea } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { ColumnSchema } from '../../core/schema';
import { enumOptions, type EnumOption } from './enum-options';
import { sharedText } from './shared-texts';

export interface RecordFieldInputProps {
  locale: Locale;
  column: ColumnSchema;
  value: string | boolean;
  /** The field's problem in the user's language; shown under it. */
  error?: string;
  /** The choices offered instead of the column's whole list (or for a reference). */
  choices?: readonly EnumOption[];
  onChange: (value: string | boolean) => void;
  onBlur?: () => void;
}

const INPUT_MODES: Partial<Record<string, 'email' | 'tel' | 'url' | 'numeric'>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
  nip: 'numeric',
  regon: 'numeric',
  krs: 'numeric',
  pesel: 'numeric',
};

/**
 * One field of a record, drawn from its column: a text box, a date, a list of choices with the
 * labels in the user's language, or a yes/no switch.
 */
export function RecordFieldInput({
  locale,
  column,
  value,
  error,
  choices,
  onChange,
  onBlur,
}: RecordFieldInputProps) {
  const fieldProps = {
    label: column.header[locale],
    required: column.required,
    validationState: error ? ('error' as const) : ('none' as const),
    validationMessage: error,
  };
  if (column.type === 'boolean') {
    return (
      <Field {...fieldProps}>
        <Switch
          checked={value === true}
          label={sharedText(locale, value === true ? 'yes' : 'no')}
          onChange={(_e, data) => onChange(data.checked)}
          onBlur={onBlur}
        />
      </Field>
    );
  }
  const options =
    choices ?? (column.type === 'enum' && column.enumKey ? enumOptions(column.enumKey, locale) : null);
  if (options) {
    const selected = options.find((o) => o.key === value);
    return (
      <Field {...fieldProps}>
        <Dropdown
          name={column.key}
          value={selected?.label ?? ''}
          selectedOptions={selected ? [selected.key] : []}
          placeholder={sharedText(locale, 'chooseValue')}
          onOptionSelect={(_e, data) => onChange(data.optionValue ?? '')}
          onBlur={onBlur}
        >
          {!column.required && (
            <Option value="" text={sharedText(locale, 'noValue')}>
              {sharedText(locale, 'noValue')}
            </Option>
          )}
          {options.map((option) => (
            <Option key={option.key} value={option.key}>
              {option.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const onText = (next: string) => onChange(next);
  if ((column.maxLength ?? 0) > 1000) {
    return (
      <Field {...fieldProps}>
        <Textarea
          name={column.key}
          value={text}
          resize="vertical"
          onChange={(_e, d) => onText(d.value)}
          onBlur={onBlur}
        />
      </Field>
    );
  }
  return (
    <Field {...fieldProps}>
      <Input
        name={column.key}
        type={column.type === 'date' ? 'date' : 'text'}
        value={text}
        inputMode={column.check ? INPUT_MODES[column.check] : undefined}
        onChange={(_e, d) => onText(d.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { CLIENTS_TABLE } from './client-form-fields';
import { FILTER_FIELDS, type ClientFilterField, type ClientListFilters } from './client-list-query';
import { clientText } from './client-texts';

/** The values a filter offers, with the label shown for each. */
export type FilterChoices = Record<ClientFilterField, readonly { key: string; label: string }[]>;

export interface ClientListFiltersProps {
  locale: Locale;
  filters: ClientListFilters;
  choices: FilterChoices;
  onChange: (filters: ClientListFilters) => void;
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  dropdown: { minWidth: 0, width: '100%' },
});

const ANY = '';

/** One drop-down per filterable column; "All" takes the filter off. */
export function ClientListFilterFields({ locale, filters, choices, onChange }: ClientListFiltersProps) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      {FILTER_FIELDS.map((field) => {
        const label = CLIENTS_TABLE.columns.find((c) => c.key === field)?.header[locale] ?? field;
        const chosen = filters[field];
        const chosenLabel = choices[field].find((c) => c.key === chosen)?.label ?? chosen;
        return (
          <Field key={field} label={label} size="small">
            <Dropdown
              size="small"
              className={styles.dropdown}
              value={chosen ? chosenLabel : clientText(locale, 'anyValue')}
              selectedOptions={[chosen ?? ANY]}
              onOptionSelect={(_e, data) => {
                const next = { ...filters };
                if (!data.optionValue) delete next[field];
                else next[field] = data.optionValue;
                onChange(next);
              }}
            >
              <Option value={ANY}>{clientText(locale, 'anyValue')}</Option>
              {choices[field].map((choice) => (
                <Option key={choice.key} value={choice.key}>
                  {choice.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}

import {
  Badge,
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type ImportFieldId,
  type MappingSuggestion,
} from '../../core/import';
import type { Bilingual, Locale } from '../../core/i18n';
import { dataRowsOf, headersOf, type ImportSource } from './import-source';
import { IMPORT_WIZARD_COUNTS, importWizardText } from './import-wizard-texts';

export interface MappingStepProps {
  locale: Locale;
  source: ImportSource;
  suggestion: MappingSuggestion | null;
  mapping: ColumnMapping;
  problems: readonly Bilingual[];
  onColumn: (column: number, field: ImportFieldId | null) => void;
}

const useStyles = makeStyles({
  columns: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const CLIENT_FIELDS = IMPORT_FIELDS.filter((field) => field.table === 'clients');
const PERSON_FIELDS = IMPORT_FIELDS.filter((field) => field.table === 'people');

/** The first filled cell of a column, to show what the column holds. */
function exampleOf(rows: readonly (readonly string[])[], column: number): string | undefined {
  for (const row of rows.slice(0, 50)) {
    const value = row[column]?.trim();
    if (value) return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  }
  return undefined;
}

/** One drop-down per source column, preset with the core's suggestion. */
export function MappingStep({ locale, source, suggestion, mapping, problems, onColumn }: MappingStepProps) {
  const styles = useStyles();
  const headers = headersOf(source);
  const rows = dataRowsOf(source);
  return (
    <>
      <Body1>{importWizardText(locale, 'mappingHint')}</Body1>
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{importWizardText(locale, 'problemsTitle')}</MessageBarTitle>
            <ul className={styles.problems}>
              {problems.map((problem, index) => (
                <li key={index}>{problem[locale]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.columns}>
        {headers.map((header, column) => {
          const suggested = suggestion?.columns[column];
          const example = exampleOf(rows, column);
          const isSuggestion = suggested?.field != null && suggested.field === mapping[column];
          return (
            <Field
              key={column}
              label={{
                children: (
                  <span className={styles.label}>
                    {header.trim() || `#${column + 1}`}
                    {isSuggestion && (
                      <Badge size="small" appearance="tint" color="informative">
                        {importWizardText(locale, 'suggested')}
                      </Badge>
                    )}
                  </span>
                ),
              }}
              hint={example ? `${importWizardText(locale, 'example')} ${example}` : undefined}
            >
              <Select
                value={mapping[column] ?? ''}
                onChange={(_event, data) =>
                  onColumn(column, data.value === '' ? null : (data.value as ImportFieldId))
                }
              >
                <option value="">{importWizardText(locale, 'notImported')}</option>
                <optgroup label={importWizardText(locale, 'clientFields')}>
                  {CLIENT_FIELDS.map((field) => (
                    <option key={field.id} value={field.id}>
                      {field.header[locale]}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={importWizardText(locale, 'personFields')}>
                  {PERSON_FIELDS.map((field) => (
                    <option key={field.id} value={field.id}>
                      {`${field.header[locale]} (${importWizardText(locale, 'personFields').toLowerCase()})`}
                    </option>
                  ))}
                </optgroup>
              </Select>
            </Field>
          );
        })}
      </div>
      <Body1>{IMPORT_WIZARD_COUNTS.fileSummary(locale, source.fileName, rows.length, headers.length)}</Body1>
    </>
  );
}

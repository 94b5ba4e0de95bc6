import { Body1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { CSV_DELIMITERS, type CsvDelimiter, type TextEncodingName } from '../../core/import';
import type { Locale } from '../../core/i18n';
import { dataRowsOf, headersOf, type ImportSource } from './import-source';
import { IMPORT_WIZARD_COUNTS, importWizardText, type ImportWizardTextKey } from './import-wizard-texts';
import { SampleTable } from './SampleTable';

export interface FormatStepProps {
  locale: Locale;
  source: ImportSource;
  onChange: (choice: { encoding?: TextEncodingName; delimiter?: CsvDelimiter }) => void;
}

const ENCODINGS: readonly { value: TextEncodingName; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1250', label: 'Windows-1250' },
  { value: 'iso-8859-2', label: 'ISO-8859-2' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
];

const DELIMITER_TEXTS: Record<CsvDelimiter, ImportWizardTextKey> = {
  ';': 'delimiterSemicolon',
  ',': 'delimiterComma',
  '\t': 'delimiterTab',
};

const SAMPLE_ROWS = 5;

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    alignItems: 'start',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

/** The encoding and delimiter found in the file, each changeable, with the first rows as read. */
export function FormatStep({ locale, source, onChange }: FormatStepProps) {
  const styles = useStyles();
  return (
    <>
      <Body1>
        {IMPORT_WIZARD_COUNTS.fileSummary(
          locale,
          source.fileName,
          dataRowsOf(source).length,
          headersOf(source).length,
        )}
      </Body1>
      <div className={styles.fields}>
        <Field label={importWizardText(locale, 'encoding')} hint={importWizardText(locale, 'encodingHint')}>
          <Select
            value={source.encoding ?? 'utf-8'}
            onChange={(_event, data) => onChange({ encoding: data.value as TextEncodingName })}
          >
            {ENCODINGS.map((encoding) => (
              <option key={encoding.value} value={encoding.value}>
                {encoding.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={importWizardText(locale, 'delimiter')}>
          <Select
            value={source.delimiter ?? ';'}
            onChange={(_event, data) => onChange({ delimiter: data.value as CsvDelimiter })}
          >
            {CSV_DELIMITERS.map((delimiter) => (
              <option key={delimiter} value={delimiter}>
                {importWizardText(locale, DELIMITER_TEXTS[delimiter])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <SampleTable
        caption={importWizardText(locale, 'sampleCaption')}
        rows={source.table.slice(0, SAMPLE_ROWS + 1)}
      />
    </>
  );
}

import { Checkbox, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { RecordFieldInput } from '../shared/RecordFieldInput';
import { documentItems, documentsText } from './opportunity-draft';
import { columnOf } from './sales-columns';
import { salesText } from './sales-texts';

/** The tender's fields the form edits, in the order a bid is prepared. */
export const TENDER_FIELDS = [
  'noticeSource',
  'noticeUrl',
  'noticeNumber',
  'questionsDeadline',
  'submissionDeadline',
  'openingDate',
  'bidBondAmount',
  'bidBondForm',
  'bidBondValidUntil',
  'bidBondReturnedOn',
  'goNoGo',
] as const;

export interface TenderFieldsProps {
  locale: Locale;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
}

const useStyles = makeStyles({
  section: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    // Fields shrink to their column: at 400 px a control's own minimum width pushed it past the edge.
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Select, & .fui-Combobox': { minWidth: 0, width: '100%' },
  },
  wide: { gridColumn: '1 / -1' },
  heading: { margin: 0, gridColumn: '1 / -1' },
  checklist: { display: 'flex', flexDirection: 'column', gridColumn: '1 / -1' },
});

/** A tender's notice, deadlines, bid bond and documents checklist. */
export function TenderFields({ locale, values, errors, onChange }: TenderFieldsProps) {
  const styles = useStyles();
  const documents = documentItems(values.documents ?? '');
  return (
    <section className={styles.section} aria-labelledby="opportunity-tender-title">
      <Subtitle2 as="h3" id="opportunity-tender-title" className={styles.heading}>
        {salesText(locale, 'tender')}
      </Subtitle2>
      {TENDER_FIELDS.map((key) => (
        <div key={key} className={key === 'goNoGo' || key === 'noticeUrl' ? styles.wide : undefined}>
          <RecordFieldInput
            locale={locale}
            column={columnOf('tenders', key)}
            value={values[key] ?? ''}
            error={errors[key]}
            onChange={(value) => onChange(key, String(value))}
          />
        </div>
      ))}
      <div className={styles.wide}>
        <RecordFieldInput
          locale={locale}
          column={{ ...columnOf('tenders', 'documents'), maxLength: 500 }}
          value={values.documents ?? ''}
          error={errors.documents ?? undefined}
          onChange={(value) => onChange('documents', String(value))}
        />
        <span>{salesText(locale, 'documentsHint')}</span>
      </div>
      {documents.length > 0 && (
        <div
          className={styles.checklist}
          role="group"
          aria-label={columnOf('tenders', 'documents').header[locale]}
        >
          {documents.map((item, index) => (
            <Checkbox
              key={`${item.name}/${index}`}
              label={item.name}
              checked={item.ready}
              onChange={(_e, data) =>
                onChange(
                  'documents',
                  documentsText(
                    documents.map((d, i) => (i === index ? { ...d, ready: data.checked === true } : d)),
                  ),
                )
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}

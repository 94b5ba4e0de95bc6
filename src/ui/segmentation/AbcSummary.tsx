import { makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { ABC_CLASSES, type AbcResult } from '../../core/segmentation';
import { segmentationViewText } from './segmentation-view-texts';

export interface AbcSummaryProps {
  locale: Locale;
  abc: AbcResult;
}

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, minWidth: '60%' },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: 'end' },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground3 },
});

const percent = (share: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);

/** How many clients each ABC class holds and its share of the won value. */
export function AbcSummary({ locale, abc }: AbcSummaryProps) {
  const styles = useStyles();
  const text = (key: Parameters<typeof segmentationViewText>[1]) => segmentationViewText(locale, key);
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{text('abcSummaryCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            {text('classColumn')}
          </th>
          <th scope="col" className={`${styles.cell} ${styles.number}`}>
            {text('clientsColumn')}
          </th>
          <th scope="col" className={`${styles.cell} ${styles.number}`}>
            {text('valueShareColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {ABC_CLASSES.map((abcClass) => (
          <tr key={abcClass}>
            <th scope="row" className={styles.cell}>
              {abcClass}
            </th>
            <td className={`${styles.cell} ${styles.number}`}>{abc.classes[abcClass].clients}</td>
            <td className={`${styles.cell} ${styles.number}`}>
              {percent(abc.classes[abcClass].valueShare, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

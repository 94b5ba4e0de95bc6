import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { ForecastMonth } from '../../core/sales/board';
import { shownMoney } from '../shared/format';
import { monthLabel, salesText } from './sales-texts';

export interface ForecastTableProps {
  locale: Locale;
  forecast: readonly ForecastMonth[];
  /** The stages' figures, for the total row. */
  columns: readonly { count: number; sum: number; weighted: number }[];
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '640px' },
  heading: { margin: 0 },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
});

/** What the open opportunities of the board should bring, by the month they are expected to close. */
export function ForecastTable({ locale, forecast, columns }: ForecastTableProps) {
  const styles = useStyles();
  const total = columns.reduce(
    (sum, c) => ({ count: sum.count + c.count, sum: sum.sum + c.sum, weighted: sum.weighted + c.weighted }),
    { count: 0, sum: 0, weighted: 0 },
  );
  return (
    <section className={styles.section} aria-labelledby="board-forecast-title">
      <Subtitle2 as="h3" id="board-forecast-title" className={styles.heading}>
        {salesText(locale, 'forecastTitle')}
      </Subtitle2>
      <Table size="small" aria-labelledby="board-forecast-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{salesText(locale, 'month')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{salesText(locale, 'count')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{salesText(locale, 'sum')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{salesText(locale, 'weighted')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {forecast.map((row) => (
            <TableRow key={row.month}>
              <TableCell>{monthLabel(locale, row.month || 'none')}</TableCell>
              <TableCell className={styles.number}>{row.count}</TableCell>
              <TableCell className={styles.number}>{shownMoney(row.sum, locale)}</TableCell>
              <TableCell className={styles.number}>{shownMoney(row.weighted, locale)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <strong>{salesText(locale, 'total')}</strong>
            </TableCell>
            <TableCell className={styles.number}>{total.count}</TableCell>
            <TableCell className={styles.number}>{shownMoney(total.sum, locale)}</TableCell>
            <TableCell className={styles.number}>{shownMoney(total.weighted, locale)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </section>
  );
}

import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { isRelacjeError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { CURRENT_SCHEMA } from '../../core/schema';
import { uiText } from '../i18n/ui-texts';
import type { WorkbookOverview, WorkbookOverviewService } from './workbook-overview-service';

export interface WorkbookOverviewPanelProps {
  locale: Locale;
  service: WorkbookOverviewService;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'loaded'; overview: WorkbookOverview | null }
  | { kind: 'failed'; error: unknown };

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  count: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  countHeader: { '& > *': { justifyContent: 'flex-end' } },
  tableName: { color: tokens.colorNeutralForeground3, marginInlineStart: tokens.spacingHorizontalS },
});

/** The sheet name people know the table by, in their language; user-made tables have only their name. */
function sheetLabel(tableName: string, locale: Locale): string | undefined {
  return CURRENT_SCHEMA.tables.find((table) => table.tableName === tableName)?.sheet[locale];
}

function failureText(error: unknown, locale: Locale): string {
  if (isRelacjeError(error)) return error.messageIn(locale);
  return error instanceof Error ? error.message : String(error);
}

/** The workbook the pane works on: its name and each table with its number of rows. */
export function WorkbookOverviewPanel({ locale, service }: WorkbookOverviewPanelProps) {
  const styles = useStyles();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  const load = useCallback(() => {
    let current = true;
    setState({ kind: 'loading' });
    service.loadOverview().then(
      (overview) => current && setState({ kind: 'loaded', overview }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [service]);

  useEffect(load, [load]);

  if (state.kind === 'loading') return <Spinner size="small" label={uiText(locale, 'loading')} />;
  if (state.kind === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {uiText(locale, 'loadFailed')} {failureText(state.error, locale)}{' '}
          <Button size="small" onClick={load}>
            {uiText(locale, 'retry')}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { overview } = state;
  if (!overview) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{uiText(locale, 'noWorkbook')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className={styles.panel} aria-labelledby="workbook-name">
      <div>
        <Caption1>{uiText(locale, 'workbook')}</Caption1>
        <Subtitle2 as="h2" block id="workbook-name">
          {overview.workbookName}
        </Subtitle2>
      </div>
      <Table size="small" aria-label={uiText(locale, 'tablesCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{uiText(locale, 'tableColumn')}</TableHeaderCell>
            <TableHeaderCell className={styles.countHeader}>
              {uiText(locale, 'rowCountColumn')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.tables.map((table) => (
            <TableRow key={table.name}>
              <TableCell>
                {sheetLabel(table.name, locale) ?? table.name}
                {sheetLabel(table.name, locale) && (
                  <Caption1 className={styles.tableName}>{table.name}</Caption1>
                )}
              </TableCell>
              <TableCell className={styles.count}>{table.rowCount.toLocaleString(locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

import {
  Badge,
  Body1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ColumnMapping, ImportRowsResult } from '../../core/import';
import type { Locale } from '../../core/i18n';
import { IMPORT_WIZARD_COUNTS, importWizardText } from './import-wizard-texts';
import { ReportDownloadLink } from './ReportDownloadLink';

export interface PreviewStepProps {
  locale: Locale;
  headers: readonly string[];
  mapping: ColumnMapping;
  rows: ImportRowsResult;
}

/** Rows listed at once; more would make the pane slow without telling the user more. */
const SHOWN_ROWS = 100;

interface PreviewLine {
  rowNumber: number;
  name: string;
  reasons: string[] | null;
  /** What the import read differently from the file (a synonym, a KRS's dropped zeros). */
  notes: string[];
}

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  line: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rejectedLine: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  title: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  reasons: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorPaletteRedForeground1,
  },
  notes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

/** Every row's check result: valid rows by name, rejected ones with the core's reasons. */
export function PreviewStep({ locale, headers, mapping, rows }: PreviewStepProps) {
  const styles = useStyles();
  const [onlyProblems, setOnlyProblems] = useState(rows.rejected.length > 0);
  const nameColumn = mapping.indexOf('clients.name');
  const lines = useMemo(() => {
    const all: PreviewLine[] = [
      ...rows.valid.map((row): PreviewLine => ({
        rowNumber: row.rowNumber,
        name: String(row.client.name ?? ''),
        reasons: null,
        notes: row.notes.map((note) => note[locale]),
      })),
      ...rows.rejected.map((row): PreviewLine => ({
        rowNumber: row.rowNumber,
        name: nameColumn >= 0 ? (row.cells[nameColumn] ?? '') : '',
        reasons: row.reasons.map((reason) => reason[locale]),
        notes: [],
      })),
    ];
    return all.sort((a, b) => a.rowNumber - b.rowNumber);
  }, [rows, nameColumn, locale]);
  // A row the import read differently from the file is worth a look too.
  const shown = onlyProblems ? lines.filter((line) => line.reasons || line.notes.length > 0) : lines;

  return (
    <>
      <Body1>
        {IMPORT_WIZARD_COUNTS.checkSummary(locale, rows.valid.length, rows.rejected.length, rows.blankRows)}
      </Body1>
      {rows.valid.length === 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{importWizardText(locale, 'noValidRows')}</MessageBarBody>
        </MessageBar>
      )}
      {rows.rejected.length > 0 && (
        <ReportDownloadLink locale={locale} headers={headers} rejected={rows.rejected} />
      )}
      <Checkbox
        checked={onlyProblems}
        onChange={(_event, data) => setOnlyProblems(data.checked === true)}
        label={importWizardText(locale, 'onlyProblems')}
      />
      <ul className={styles.list} aria-label={importWizardText(locale, 'rowsCaption')}>
        {shown.slice(0, SHOWN_ROWS).map((line) => (
          <li key={line.rowNumber} className={`${styles.line} ${line.reasons ? styles.rejectedLine : ''}`}>
            <div className={styles.title}>
              <span className={styles.name}>
                {importWizardText(locale, 'rowColumn')} {line.rowNumber}
                {line.name ? ` · ${line.name}` : ''}
              </span>
              <Badge appearance="tint" color={line.reasons ? 'danger' : 'success'} size="small">
                {importWizardText(locale, line.reasons ? 'rowRejected' : 'rowValid')}
              </Badge>
            </div>
            {line.notes.length > 0 && (
              <ul className={styles.notes}>
                {line.notes.map((note, index) => (
                  <li key={index}>{note}</li>
                ))}
              </ul>
            )}
            {line.reasons && (
              <ul className={styles.reasons}>
                {line.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {shown.length > SHOWN_ROWS && (
        <Body1>{IMPORT_WIZARD_COUNTS.moreRows(locale, shown.length - SHOWN_ROWS)}</Body1>
      )}
    </>
  );
}

import { Link } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import { rejectedRowsReport, type RejectedRow } from '../../core/import';
import type { Locale } from '../../core/i18n';
import { importWizardText } from './import-wizard-texts';

export interface ReportDownloadLinkProps {
  locale: Locale;
  headers: readonly string[];
  rejected: readonly RejectedRow[];
}

/** The rejected rows with their reasons as a CSV the user downloads, fixes and imports again. */
export function ReportDownloadLink({ locale, headers, rejected }: ReportDownloadLinkProps) {
  const url = useMemo(() => {
    const bytes = rejectedRowsReport(headers, rejected, locale);
    return URL.createObjectURL(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv;charset=utf-8' }),
    );
  }, [headers, rejected, locale]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Link href={url} download={importWizardText(locale, 'reportFileName')}>
      {importWizardText(locale, 'downloadReport')}
    </Link>
  );
}

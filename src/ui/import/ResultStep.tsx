import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RejectedRow } from '../../core/import';
import type { Locale } from '../../core/i18n';
import { IMPORT_WIZARD_COUNTS, importWizardText } from './import-wizard-texts';
import { ReportDownloadLink } from './ReportDownloadLink';
import type { ImportResult } from './use-import-wizard';

export interface ResultStepProps {
  locale: Locale;
  result: ImportResult;
  headers: readonly string[];
  rejected: readonly RejectedRow[];
  onStartOver: () => void;
}

/** What the import wrote, and the report of the rows it could not take. */
export function ResultStep({ locale, result, headers, rejected, onStartOver }: ResultStepProps) {
  return (
    <>
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{importWizardText(locale, 'resultTitle')}</MessageBarTitle>
          {IMPORT_WIZARD_COUNTS.result(locale, result.outcome, result.skipped, rejected.length)}
        </MessageBarBody>
      </MessageBar>
      {rejected.length > 0 && <ReportDownloadLink locale={locale} headers={headers} rejected={rejected} />}
      <div>
        <Button onClick={onStartOver}>{importWizardText(locale, 'startOver')}</Button>
      </div>
    </>
  );
}

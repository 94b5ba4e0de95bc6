import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Locale } from '../../core/i18n';
import { importWizardText } from './import-wizard-texts';

export interface FileStepProps {
  locale: Locale;
  busy: boolean;
  onFile: (file: File) => void;
}

const useStyles = makeStyles({
  chooser: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

const ACCEPTED =
  '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Choosing the file: a real file input behind a labelled button. */
export function FileStep({ locale, busy, onFile }: FileStepProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Body1>{importWizardText(locale, 'intro')}</Body1>
      <div className={styles.chooser}>
        <input
          ref={input}
          type="file"
          accept={ACCEPTED}
          hidden
          aria-label={importWizardText(locale, 'fileInputLabel')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) is noticed.
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          {importWizardText(locale, 'chooseFile')}
        </Button>
        <Caption1 className={styles.hint}>{importWizardText(locale, 'chooseFileHint')}</Caption1>
      </div>
    </>
  );
}

import { MessageBar, MessageBarBody, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { FileStep } from './FileStep';
import { FormatStep } from './FormatStep';
import { headersOf } from './import-source';
import { IMPORT_WIZARD_COUNTS, importWizardText, type ImportWizardTextKey } from './import-wizard-texts';
import { MappingStep } from './MappingStep';
import { MatchesStep } from './MatchesStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import type { XlsxRowsReader } from './spreadsheet-rows';
import { StepFrame } from './StepFrame';
import { ImportFileProblem, useImportWizard, type ImportStep } from './use-import-wizard';
import { WorkInProgress } from '../shared/WorkInProgress';

export interface ImportWizardProps {
  locale: Locale;
  service: CrmService;
  /** Reads .xlsx files; without it the wizard takes CSV only. Hosts pass one that loads ExcelJS lazily. */
  readXlsxRows?: XlsxRowsReader;
}

const STEP_TEXTS: Record<ImportStep, ImportWizardTextKey> = {
  file: 'stepFile',
  format: 'stepFormat',
  mapping: 'stepMapping',
  preview: 'stepPreview',
  matches: 'stepMatches',
  result: 'stepResult',
};

const CSV_STEPS: readonly ImportStep[] = ['file', 'format', 'mapping', 'preview', 'matches', 'result'];
const XLSX_STEPS: readonly ImportStep[] = ['file', 'mapping', 'preview', 'matches', 'result'];

const useStyles = makeStyles({
  wizard: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  title: { margin: 0 },
  // A native select is as wide as its longest option; in a narrow pane it must shrink instead.
  narrow: {
    '& .fui-Field, & .fui-Select, & .fui-Input': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0 },
  },
});

/**
 * The import of clients from a CSV or .xlsx file: file → encoding and delimiter → columns → row
 * check → clients already in the base → one all-or-nothing write → counts and the rejected-rows report.
 */
export function ImportWizard({ locale, service, readXlsxRows }: ImportWizardProps) {
  const styles = useStyles();
  const wizard = useImportWizard(service, readXlsxRows);
  const { state, work } = wizard;
  const steps = state.source?.kind === 'xlsx' ? XLSX_STEPS : CSV_STEPS;
  const heading = IMPORT_WIZARD_COUNTS.step(
    locale,
    steps.indexOf(state.step) + 1,
    steps.length,
    importWizardText(locale, STEP_TEXTS[state.step]),
  );
  const text = (key: ImportWizardTextKey) => importWizardText(locale, key);
  const busy = work !== null;
  const headers = state.source ? headersOf(state.source) : [];

  const renderStep = () => {
    const source = state.source;
    switch (state.step) {
      case 'file':
        return (
          <StepFrame heading={heading}>
            <FileStep locale={locale} busy={busy} onFile={(file) => void wizard.chooseFile(file)} />
          </StepFrame>
        );
      case 'format':
        return source ? (
          <StepFrame
            heading={heading}
            backLabel={text('back')}
            onBack={() => wizard.goTo('file')}
            nextLabel={text('next')}
            onNext={() => wizard.goTo('mapping')}
          >
            <FormatStep locale={locale} source={source} onChange={wizard.changeFormat} />
          </StepFrame>
        ) : null;
      case 'mapping':
        return source ? (
          <StepFrame
            heading={heading}
            backLabel={text('back')}
            onBack={() => wizard.goTo(source.kind === 'csv' ? 'format' : 'file')}
            nextLabel={text('next')}
            onNext={() => void wizard.checkRows()}
            nextDisabled={busy || wizard.problems.length > 0}
          >
            <MappingStep
              locale={locale}
              source={source}
              suggestion={state.suggestion}
              mapping={state.mapping}
              problems={wizard.problems}
              onColumn={wizard.setColumn}
            />
          </StepFrame>
        ) : null;
      case 'preview':
        return state.rows ? (
          <StepFrame
            heading={heading}
            backLabel={text('back')}
            onBack={() => wizard.goTo('mapping')}
            nextLabel={text('next')}
            onNext={() => wizard.goTo('matches')}
            nextDisabled={state.rows.valid.length === 0}
          >
            <PreviewStep locale={locale} headers={headers} mapping={state.mapping} rows={state.rows} />
          </StepFrame>
        ) : null;
      case 'matches':
        return state.rows && wizard.plan ? (
          <StepFrame
            heading={heading}
            backLabel={text('back')}
            onBack={() => wizard.goTo('preview')}
            nextLabel={IMPORT_WIZARD_COUNTS.importButton(
              locale,
              wizard.plan.create.length + wizard.plan.update.length,
            )}
            onNext={() => void wizard.importPlan()}
            nextDisabled={busy}
          >
            <MatchesStep
              locale={locale}
              valid={state.rows.valid}
              matches={state.matches}
              decisions={state.decisions}
              plan={wizard.plan}
              skipped={wizard.skipped}
              onDecide={wizard.decide}
            />
          </StepFrame>
        ) : null;
      case 'result':
        return state.result ? (
          <StepFrame heading={heading}>
            <ResultStep
              locale={locale}
              result={state.result}
              headers={headers}
              rejected={state.rows?.rejected ?? []}
              onStartOver={wizard.startOver}
            />
          </StepFrame>
        ) : null;
    }
  };

  return (
    <section className={`${styles.wizard} ${styles.narrow}`} aria-labelledby="import-wizard-title">
      <Title3 as="h2" id="import-wizard-title" className={styles.title}>
        {text('title')}
      </Title3>
      {renderStep()}
      {work && (
        <WorkInProgress
          label={text(work.label)}
          value={work.value}
          cancelLabel={text('cancel')}
          onCancel={work.cancellable ? wizard.cancelWork : undefined}
        />
      )}
      {state.cancelled && !work && (
        <MessageBar intent="info">
          <MessageBarBody>{text('cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {state.error !== null &&
        (state.error instanceof ImportFileProblem ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{text(state.error.text)}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorMessageBar
            locale={locale}
            error={state.error}
            title={text(state.step === 'matches' ? 'importFailed' : 'readFailed')}
            onRetry={state.step === 'matches' ? () => void wizard.recheck() : undefined}
          />
        ))}
    </section>
  );
}

import {
  Body1,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import {
  changedFields,
  type ClientMatch,
  type ImportDecision,
  type ImportPlan,
  type ImportRow,
} from '../../core/import';
import type { Locale } from '../../core/i18n';
import { CURRENT_SCHEMA, tableByKey } from '../../core/schema';
import { IMPORT_WIZARD_COUNTS, importWizardText, type ImportWizardTextKey } from './import-wizard-texts';

export interface MatchesStepProps {
  locale: Locale;
  valid: readonly ImportRow[];
  matches: ReadonlyMap<number, ClientMatch>;
  decisions: ReadonlyMap<number, ImportDecision>;
  plan: ImportPlan;
  skipped: number;
  onDecide: (rowNumbers: readonly number[], decision: ImportDecision) => void;
}

type DecisionKey = 'fill' | 'overwrite' | 'skip' | 'addNew';

const DECISIONS: Record<DecisionKey, { decision: ImportDecision; text: ImportWizardTextKey }> = {
  fill: { decision: { action: 'update', mode: 'fill' }, text: 'decisionFill' },
  overwrite: { decision: { action: 'update', mode: 'overwrite' }, text: 'decisionOverwrite' },
  skip: { decision: { action: 'skip' }, text: 'decisionSkip' },
  addNew: { decision: { action: 'addNew' }, text: 'decisionAddNew' },
};

const keyOf = (decision: ImportDecision | undefined): DecisionKey =>
  !decision || decision.action === 'update' ? (decision?.mode ?? 'fill') : decision.action;

/** Matches listed one by one; the rest follow the "for all" choice. */
const SHOWN_MATCHES = 100;

const CLIENT_COLUMNS = new Map(
  tableByKey(CURRENT_SCHEMA, 'clients').columns.map((column) => [column.key, column]),
);

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  match: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

function DecisionSelect({
  locale,
  value,
  onChange,
  placeholder,
}: {
  locale: Locale;
  value: DecisionKey | '';
  onChange: (key: DecisionKey) => void;
  placeholder?: string;
}) {
  return (
    <Select value={value} onChange={(_event, data) => data.value && onChange(data.value as DecisionKey)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {(Object.keys(DECISIONS) as DecisionKey[]).map((key) => (
        <option key={key} value={key}>
          {importWizardText(locale, DECISIONS[key].text)}
        </option>
      ))}
    </Select>
  );
}

/** The rows that match clients in the base, each with the user's choice of what to do. */
export function MatchesStep({
  locale,
  valid,
  matches,
  decisions,
  plan,
  skipped,
  onDecide,
}: MatchesStepProps) {
  const styles = useStyles();
  const matched = useMemo(() => valid.filter((row) => matches.has(row.rowNumber)), [valid, matches]);
  const allKeys = new Set(matched.map((row) => keyOf(decisions.get(row.rowNumber))));
  const commonKey = allKeys.size === 1 ? [...allKeys][0] : '';

  const changesText = (row: ImportRow, match: ClientMatch, key: DecisionKey): string | null => {
    if (key !== 'fill' && key !== 'overwrite') return null;
    const fields = Object.keys(changedFields(match.client, row, key));
    if (fields.length === 0) return importWizardText(locale, 'noChanges');
    return IMPORT_WIZARD_COUNTS.changes(
      locale,
      fields.map((field) => CLIENT_COLUMNS.get(field)?.header[locale] ?? field),
    );
  };

  return (
    <>
      <Body1>{importWizardText(locale, matched.length === 0 ? 'noMatches' : 'matchesHint')}</Body1>
      {matched.length > 1 && (
        <Field label={importWizardText(locale, 'allMatches')}>
          <DecisionSelect
            locale={locale}
            value={commonKey}
            placeholder={commonKey === '' ? '—' : undefined}
            onChange={(key) =>
              onDecide(
                matched.map((row) => row.rowNumber),
                DECISIONS[key].decision,
              )
            }
          />
        </Field>
      )}
      {matched.length > 0 && (
        <ul className={styles.list}>
          {matched.slice(0, SHOWN_MATCHES).map((row) => {
            const match = matches.get(row.rowNumber) as ClientMatch;
            const key = keyOf(decisions.get(row.rowNumber));
            const changes = changesText(row, match, key);
            return (
              <li key={row.rowNumber} className={styles.match}>
                <span className={styles.name}>
                  {importWizardText(locale, 'rowColumn')} {row.rowNumber} · {String(row.client.name ?? '')}
                </span>
                <Caption1 className={styles.detail}>
                  {IMPORT_WIZARD_COUNTS.matchedBy(locale, match.by, String(match.client.name ?? ''))}
                </Caption1>
                {changes && <Caption1 className={styles.detail}>{changes}</Caption1>}
                <Field
                  label={`${importWizardText(locale, 'decisionLabel')} (${importWizardText(locale, 'rowColumn').toLowerCase()} ${row.rowNumber})`}
                >
                  <DecisionSelect
                    locale={locale}
                    value={key}
                    onChange={(next) => onDecide([row.rowNumber], DECISIONS[next].decision)}
                  />
                </Field>
              </li>
            );
          })}
        </ul>
      )}
      <Body1>
        {IMPORT_WIZARD_COUNTS.planSummary(
          locale,
          plan.create.length,
          plan.update.length,
          skipped,
          plan.people.length,
        )}
      </Body1>
      {plan.create.length + plan.update.length + plan.people.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{importWizardText(locale, 'nothingToWrite')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

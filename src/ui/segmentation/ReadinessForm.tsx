import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { foldText } from '../../core/import/text-folding';
import type { Bilingual, Locale } from '../../core/i18n';
import {
  assessKeyAccountReadiness,
  IMPORTANCE_CRITERION,
  planSegmentChanges,
  READINESS_FACTORS,
  type ReadinessProposal,
} from '../../core/segmentation';
import type { WorkbookSnapshot } from '../../store/port';
import { clientValueText } from './segment-values';
import { clientsOf } from './segmentation-facts';
import { segmentationViewText } from './segmentation-view-texts';
import type { SegmentChanges } from './use-segment-changes';

export interface ReadinessFormProps {
  locale: Locale;
  snapshot: WorkbookSnapshot;
  changes: SegmentChanges;
}

/** Clients offered in the picker at once; the search narrows the rest. */
const SHOWN_CLIENTS = 50;
const CRITERIA = [...READINESS_FACTORS, IMPORTANCE_CRITERION];
const SCORES = ['1', '2', '3', '4', '5'];

const useStyles = makeStyles({
  criteria: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  issues: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  radios: { flexWrap: 'wrap' },
});

/** The key-account readiness questionnaire for one client, proposing the cooperation variant. */
export function ReadinessForm({ locale, snapshot, changes }: ReadinessFormProps) {
  const styles = useStyles();
  const text = (key: Parameters<typeof segmentationViewText>[1]) => segmentationViewText(locale, key);
  const clients = clientsOf(snapshot);
  const [search, setSearch] = useState('');
  const [clientId, setClientId] = useState('');
  const [scores, setScores] = useState<Record<string, number>>({});
  const [issues, setIssues] = useState<Bilingual[]>([]);
  const [proposal, setProposal] = useState<ReadinessProposal | null>(null);
  const [clientMissing, setClientMissing] = useState(false);

  const offered = useMemo(() => {
    const wanted = foldText(search);
    const found = clients.filter((client) => !wanted || foldText(String(client.name ?? '')).includes(wanted));
    return found.slice(0, SHOWN_CLIENTS);
  }, [clients, search]);
  const client = clients.find((candidate) => candidate.id === clientId);

  const assess = () => {
    setClientMissing(!client);
    const assessment = assessKeyAccountReadiness(scores);
    setIssues(assessment.ok ? [] : assessment.issues.map((issue) => issue.message));
    setProposal(assessment.ok ? assessment.proposal : null);
    if (!client || !assessment.ok) return;
    const { keyAccount, cooperationVariant } = assessment.proposal;
    void changes.compute(() =>
      planSegmentChanges(
        [client],
        new Map([[client.id, { keyAccount, cooperationVariant }]]),
        new Date().toISOString(),
      ),
    );
  };

  return (
    <>
      <Field label={text('findClient')}>
        <Input type="search" value={search} onChange={(_event, data) => setSearch(data.value)} />
      </Field>
      <Field
        label={text('chosenClient')}
        required
        validationState={clientMissing ? 'error' : 'none'}
        validationMessage={clientMissing ? text('clientMissing') : undefined}
      >
        <Select value={clientId} onChange={(_event, data) => setClientId(data.value)}>
          <option value="">{text('chooseClient')}</option>
          {client && !offered.includes(client) && (
            <option value={client.id}>{String(client.name ?? client.id)}</option>
          )}
          {offered.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {String(candidate.name ?? candidate.id)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.criteria}>
        {CRITERIA.map((criterion) => (
          <Field
            key={criterion.key}
            label={criterion.label[locale]}
            hint={criterion.question[locale]}
            required
          >
            <RadioGroup
              layout="horizontal"
              className={styles.radios}
              value={scores[criterion.key] ? String(scores[criterion.key]) : ''}
              onChange={(_event, data) => setScores({ ...scores, [criterion.key]: Number(data.value) })}
            >
              {SCORES.map((score) => (
                <Radio key={score} value={score} label={score} />
              ))}
            </RadioGroup>
          </Field>
        ))}
      </div>
      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <ul className={styles.issues}>
              {issues.map((issue, index) => (
                <li key={index}>{issue[locale]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" disabled={changes.work !== null} onClick={assess}>
          {text('assess')}
        </Button>
      </div>
      {proposal && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {`${text('proposal')}: ${
                proposal.cooperationVariant
                  ? clientValueText('cooperationVariant', proposal.cooperationVariant, locale)
                  : text('noVariant')
              }`}
            </MessageBarTitle>
            <Body1 block>{text(proposal.keyAccount ? 'keyAccountYes' : 'keyAccountNo')}</Body1>
            <Body1 block>{proposal.reason[locale]}</Body1>
            {proposal.holdingBack.length > 0 && (
              <Body1 block>
                {`${text('holdingBack')} ${proposal.holdingBack
                  .map((key) => READINESS_FACTORS.find((factor) => factor.key === key)?.label[locale] ?? key)
                  .join(', ')}`}
              </Body1>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

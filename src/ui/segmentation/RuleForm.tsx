import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Bilingual, Locale } from '../../core/i18n';
import {
  assignRuleSegments,
  checkSegmentRule,
  classifyAbc,
  planSegmentChanges,
  segmentationAssignments,
  segmentFields,
  type DateWindow,
} from '../../core/segmentation';
import type { WorkbookSnapshot } from '../../store/port';
import { ConditionRow } from './ConditionRow';
import { operatorsFor, ruleOfDraft, type ConditionDraft, type RuleDraft } from './rule-drafts';
import { clientsOf, factsOf, isWindow } from './segmentation-facts';
import { SEGMENTATION_VIEW_COUNTS, segmentationViewText } from './segmentation-view-texts';
import type { SegmentChanges } from './use-segment-changes';

export interface RuleFormProps {
  locale: Locale;
  snapshot: WorkbookSnapshot;
  period: DateWindow;
  today: string;
  changes: SegmentChanges;
}

const useStyles = makeStyles({
  conditions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  issues: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const FIELDS = segmentFields();
const FIELDS_BY_KEY = new Map(FIELDS.map((field) => [field.key, field]));

const newCondition = (): ConditionDraft => ({
  field: 'city',
  operator: operatorsFor('city')[0],
  value: '',
  valueTo: '',
});

/** The rule segment builder: field / operator / value rows joined by "and" or "or". */
export function RuleForm({ locale, snapshot, period, today, changes }: RuleFormProps) {
  const styles = useStyles();
  const text = (key: Parameters<typeof segmentationViewText>[1]) => segmentationViewText(locale, key);
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<RuleDraft>({ combinator: 'and', conditions: [newCondition()] });
  const [issues, setIssues] = useState<Bilingual[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const rule = useMemo(() => ruleOfDraft(draft, FIELDS_BY_KEY), [draft]);

  const setCondition = (index: number, condition: ConditionDraft | null) =>
    setDraft((previous) => ({
      ...previous,
      conditions: condition
        ? previous.conditions.map((current, i) => (i === index ? condition : current))
        : previous.conditions.filter((_current, i) => i !== index),
    }));

  const compute = () => {
    const segment = name.trim();
    setNameMissing(segment === '');
    const checked = checkSegmentRule(rule);
    setIssues(checked.ok ? [] : checked.issues.map((issue) => issue.message));
    if (segment === '' || !checked.ok) return;
    void changes.compute(() => {
      const facts = factsOf(snapshot, period, today);
      const segments = assignRuleSegments([{ name: segment, rule: checked.rule }], {
        facts,
        abc: classifyAbc(facts),
      });
      setSelected(segments.filter((name) => name !== undefined).length);
      return planSegmentChanges(
        clientsOf(snapshot),
        segmentationAssignments({ segments }),
        new Date().toISOString(),
      );
    });
  };

  return (
    <>
      <Field
        label={text('segmentName')}
        required
        validationState={nameMissing ? 'error' : 'none'}
        validationMessage={nameMissing ? text('segmentNameMissing') : undefined}
      >
        <Input value={name} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <Field label={text('combinator')}>
        <Select
          value={draft.combinator}
          onChange={(_event, data) => setDraft({ ...draft, combinator: data.value === 'or' ? 'or' : 'and' })}
        >
          <option value="and">{text('combinatorAnd')}</option>
          <option value="or">{text('combinatorOr')}</option>
        </Select>
      </Field>
      <div className={styles.conditions}>
        {draft.conditions.map((condition, index) => (
          <ConditionRow
            key={index}
            locale={locale}
            number={index + 1}
            condition={condition}
            fields={FIELDS}
            onChange={(next) => setCondition(index, next)}
            onRemove={draft.conditions.length > 1 ? () => setCondition(index, null) : undefined}
          />
        ))}
      </div>
      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text('ruleProblems')}</MessageBarTitle>
            <ul className={styles.issues}>
              {issues.map((issue, index) => (
                <li key={index}>{issue[locale]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={() => setDraft({ ...draft, conditions: [...draft.conditions, newCondition()] })}>
          {text('addCondition')}
        </Button>
        <Button appearance="primary" disabled={!isWindow(period) || changes.work !== null} onClick={compute}>
          {text('compute')}
        </Button>
      </div>
      {selected !== null && changes.plan && (
        <Body1>{SEGMENTATION_VIEW_COUNTS.selected(locale, selected, name.trim())}</Body1>
      )}
    </>
  );
}

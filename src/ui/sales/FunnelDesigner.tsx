import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { TableRows } from '../../core/clients/client-rows';
import type { Locale } from '../../core/i18n';
import { pipelineNames, stagesOf } from '../../core/sales/pipeline-reading';
import { READY_FUNNELS } from '../../core/sales/ready-funnels';
import { enumOptions } from '../shared/enum-options';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { useUnsavedChanges } from '../shared/unsaved-changes';
import { useCrmSnapshot } from '../shared/use-crm';
import {
  EMPTY_STAGE,
  EMPTY_TASK,
  funnelDraftOf,
  funnelProblems,
  pipelineDesignOf,
  type FunnelDraft,
  type StageDraft,
} from './funnel-draft';
import { requirableFields } from './sales-columns';
import type { SalesService } from './sales-service';
import { salesCount, salesText, type SalesTextKey } from './sales-texts';

export interface FunnelDesignerProps {
  locale: Locale;
  service: SalesService;
  /** The pipeline being designed; '' for a new one; null for the list. */
  pipeline: string | null;
  onOpen: (pipeline: string) => void;
  onBack: () => void;
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  title: { margin: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    listStyleType: 'none',
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
  stage: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  checks: { display: 'flex', flexWrap: 'wrap', gridColumn: '1 / -1' },
  task: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
    gridColumn: '1 / -1',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** The funnel designer: the pipelines, the ready funnels to add, one pipeline's settings, stages and tasks. */
export function FunnelDesigner(props: FunnelDesignerProps) {
  const { locale, service, pipeline } = props;
  const snapshot = useCrmSnapshot(service);
  if (!snapshot) return <Caption1>{salesText(locale, 'noWorkbook')}</Caption1>;
  const tables = snapshot.tables as TableRows;
  if (pipeline === null) return <FunnelList {...props} tables={tables} />;
  return (
    <FunnelEditor
      key={pipeline}
      {...props}
      tables={tables}
      pipeline={pipeline}
      workbookLocale={snapshot.meta.locale}
    />
  );
}

function FunnelList({ locale, service, tables, onOpen }: FunnelDesignerProps & { tables: TableRows }) {
  const styles = useStyles();
  const names = pipelineNames(tables);
  const [ready, setReady] = useState<string>(READY_FUNNELS[0].key);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await service.addReadyFunnel(ready, name.trim() || undefined);
      setName('');
      setNotice(salesText(locale, 'readyAdded'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.view} aria-labelledby="funnels-title">
      <Title3 as="h2" id="funnels-title" className={styles.title}>
        {salesText(locale, 'funnelsTitle')}
      </Title3>
      <ul className={styles.list}>
        {names.map((n) => (
          <li key={n} className={styles.item}>
            <span>
              <strong>{n}</strong> · {salesCount(locale, stagesOf(tables, n).length, 'stages')}
            </span>
            <Button size="small" aria-label={`${salesText(locale, 'edit')}: ${n}`} onClick={() => onOpen(n)}>
              {salesText(locale, 'edit')}
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button onClick={() => onOpen('')}>{salesText(locale, 'newPipeline')}</Button>
      </div>
      <section aria-labelledby="ready-funnel-title" className={styles.grid}>
        <Subtitle2 as="h3" id="ready-funnel-title" className={styles.wide}>
          {salesText(locale, 'addReady')}
        </Subtitle2>
        <Field label={salesText(locale, 'readyFunnel')}>
          <Select value={ready} onChange={(_e, d) => setReady(d.value)}>
            {READY_FUNNELS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.name[locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={salesText(locale, 'readyName')}>
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Caption1 className={styles.wide}>
          {READY_FUNNELS.find((f) => f.key === ready)?.description[locale]}
        </Caption1>
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => void add()}>
            {salesText(locale, 'add')}
          </Button>
        </div>
      </section>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && (
        <ErrorMessageBar locale={locale} error={failure} onDismiss={() => setFailure(null)} />
      )}
    </section>
  );
}

function FunnelEditor(
  props: FunnelDesignerProps & { tables: TableRows; pipeline: string; workbookLocale: Locale },
) {
  const { locale, service, tables, pipeline, workbookLocale, onBack, onOpen } = props;
  const styles = useStyles();
  const initial = useMemo(() => funnelDraftOf(tables, pipeline || null), [tables, pipeline]);
  const [draft, setDraft] = useState<FunnelDraft>(initial);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChanges(dirty && !busy);
  const otherNames = pipelineNames(tables).filter((n) => n !== draft.previousName);
  const problems = funnelProblems(draft, otherNames);
  const problem = (path: string) => {
    const key: SalesTextKey | undefined = tried ? problems[path] : undefined;
    return key ? { validationState: 'error' as const, validationMessage: salesText(locale, key) } : {};
  };
  const fields = requirableFields(locale);
  const clientTypes = enumOptions('clientType', locale);
  const priorities = enumOptions('taskPriority', locale);
  const setStage = (index: number, next: Partial<StageDraft>) =>
    setDraft((d) => ({ ...d, stages: d.stages.map((s, i) => (i === index ? { ...s, ...next } : s)) }));
  const moveStage = (index: number, step: -1 | 1) =>
    setDraft((d) => {
      const stages = [...d.stages];
      const [stage] = stages.splice(index, 1);
      stages.splice(index + step, 0, stage);
      return { ...d, stages };
    });

  const save = async () => {
    setTried(true);
    setNotice(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await service.savePipeline(pipelineDesignOf(draft, workbookLocale));
      const name = draft.name.trim();
      // The saved rows (with their new ids) are the form's new start: nothing is left unsaved.
      if (service.snapshot) setDraft(funnelDraftOf(service.snapshot.tables as TableRows, name));
      setNotice(salesText(locale, 'pipelineSaved', { name }));
      setTried(false);
      if (name !== pipeline) onOpen(name);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.view} aria-labelledby="funnel-title">
      <div className={styles.row}>
        <Button size="small" appearance="subtle" onClick={onBack}>
          {salesText(locale, 'backToFunnels')}
        </Button>
      </div>
      <Title3 as="h2" id="funnel-title" className={styles.title}>
        {pipeline || salesText(locale, 'newPipeline')}
      </Title3>
      <form
        className={styles.view}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className={styles.grid} style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend>
            <Subtitle2>{salesText(locale, 'settings')}</Subtitle2>
          </legend>
          <Field
            label={salesText(locale, 'pipelineName')}
            required
            className={styles.wide}
            {...problem('name')}
          >
            <Input value={draft.name} onChange={(_e, d) => setDraft({ ...draft, name: d.value })} />
          </Field>
          <Field label={salesText(locale, 'description')} className={styles.wide}>
            <Textarea
              value={draft.description}
              onChange={(_e, d) => setDraft({ ...draft, description: d.value })}
            />
          </Field>
          <Field label={salesText(locale, 'clientType')}>
            <Select
              value={draft.clientType}
              onChange={(_e, d) => setDraft({ ...draft, clientType: d.value })}
            >
              <option value="">—</option>
              {clientTypes.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={salesText(locale, 'productOfPipeline')}>
            <Input value={draft.product} onChange={(_e, d) => setDraft({ ...draft, product: d.value })} />
          </Field>
          <Field label={salesText(locale, 'saleForm')}>
            <Input value={draft.saleForm} onChange={(_e, d) => setDraft({ ...draft, saleForm: d.value })} />
          </Field>
          <Field
            label={salesText(locale, 'lostReasons')}
            hint={salesText(locale, 'lostReasonsHint')}
            className={styles.wide}
          >
            <Textarea
              value={draft.lostReasons}
              onChange={(_e, d) => setDraft({ ...draft, lostReasons: d.value })}
            />
          </Field>
        </fieldset>

        <Subtitle2 as="h3">{salesText(locale, 'stages')}</Subtitle2>
        {tried && problems.stages && <Caption1 role="alert">{salesText(locale, problems.stages)}</Caption1>}
        {draft.stages.map((stage, i) => {
          const label = stage.stage.trim() || salesText(locale, 'stageNo', { no: i + 1 });
          return (
            <fieldset key={stage.id ?? `new-${i}`} className={styles.stage}>
              <legend>{salesText(locale, 'stageNo', { no: i + 1 })}</legend>
              <Field
                label={salesText(locale, 'stageName')}
                required
                className={styles.wide}
                {...problem(`stages.${i}.stage`)}
              >
                <Input value={stage.stage} onChange={(_e, d) => setStage(i, { stage: d.value })} />
              </Field>
              <Field label={salesText(locale, 'probability')} {...problem(`stages.${i}.probability`)}>
                <Input
                  inputMode="decimal"
                  value={stage.probability}
                  onChange={(_e, d) => setStage(i, { probability: d.value })}
                />
              </Field>
              <Field label={salesText(locale, 'expectedDays')} {...problem(`stages.${i}.expectedDays`)}>
                <Input
                  inputMode="numeric"
                  value={stage.expectedDays}
                  onChange={(_e, d) => setStage(i, { expectedDays: d.value })}
                />
              </Field>
              <Field label={salesText(locale, 'goal')} className={styles.wide}>
                <Input value={stage.goal} onChange={(_e, d) => setStage(i, { goal: d.value })} />
              </Field>
              <div
                className={styles.checks}
                role="group"
                aria-label={`${salesText(locale, 'requiredFields')}: ${label}`}
              >
                <Caption1 className={styles.wide}>{salesText(locale, 'requiredFields')}</Caption1>
                {fields.map((f) => (
                  <Checkbox
                    key={f.key}
                    label={f.label}
                    checked={stage.requiredFields.includes(f.key)}
                    onChange={(_e, data) =>
                      setStage(i, {
                        requiredFields: data.checked
                          ? [...stage.requiredFields, f.key]
                          : stage.requiredFields.filter((k) => k !== f.key),
                      })
                    }
                  />
                ))}
              </div>
              <Caption1 className={styles.wide}>{salesText(locale, 'tasks')}</Caption1>
              {stage.tasks.map((task, j) => {
                const setTask = (next: Partial<typeof task>) =>
                  setStage(i, { tasks: stage.tasks.map((t, k) => (k === j ? { ...t, ...next } : t)) });
                return (
                  <div
                    key={task.id ?? `new-${j}`}
                    className={styles.task}
                    role="group"
                    aria-label={task.title || salesText(locale, 'taskTitle')}
                  >
                    <Field
                      label={salesText(locale, 'taskTitle')}
                      required
                      className={styles.wide}
                      {...problem(`stages.${i}.tasks.${j}.title`)}
                    >
                      <Input value={task.title} onChange={(_e, d) => setTask({ title: d.value })} />
                    </Field>
                    <Field label={salesText(locale, 'ownerRole')}>
                      <Input value={task.ownerRole} onChange={(_e, d) => setTask({ ownerRole: d.value })} />
                    </Field>
                    <Field label={salesText(locale, 'priority')}>
                      <Select value={task.priority} onChange={(_e, d) => setTask({ priority: d.value })}>
                        {priorities.map((p) => (
                          <option key={p.key} value={p.key}>
                            {p.label}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field
                      label={salesText(locale, 'dueInDays')}
                      {...problem(`stages.${i}.tasks.${j}.dueInDays`)}
                    >
                      <Input
                        inputMode="numeric"
                        value={task.dueInDays}
                        onChange={(_e, d) => setTask({ dueInDays: d.value })}
                      />
                    </Field>
                    <Button
                      size="small"
                      onClick={() => setStage(i, { tasks: stage.tasks.filter((_t, k) => k !== j) })}
                    >
                      {salesText(locale, 'removeTask', { task: task.title || String(j + 1) })}
                    </Button>
                  </div>
                );
              })}
              <div className={`${styles.row} ${styles.wide}`}>
                <Button
                  size="small"
                  onClick={() => setStage(i, { tasks: [...stage.tasks, { ...EMPTY_TASK }] })}
                >
                  {salesText(locale, 'addTask')}
                </Button>
                <Button size="small" disabled={i === 0} onClick={() => moveStage(i, -1)}>
                  {salesText(locale, 'stageUp', { stage: label })}
                </Button>
                <Button size="small" disabled={i === draft.stages.length - 1} onClick={() => moveStage(i, 1)}>
                  {salesText(locale, 'stageDown', { stage: label })}
                </Button>
                <Button
                  size="small"
                  onClick={() => setDraft((d) => ({ ...d, stages: d.stages.filter((_s, k) => k !== i) }))}
                >
                  {salesText(locale, 'removeStage', { stage: label })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div className={styles.row}>
          <Button
            onClick={() => setDraft((d) => ({ ...d, stages: [...d.stages, { ...EMPTY_STAGE, tasks: [] }] }))}
          >
            {salesText(locale, 'addStage')}
          </Button>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? salesText(locale, 'saving') : salesText(locale, 'savePipeline')}
          </Button>
          {tried && Object.keys(problems).length > 0 && (
            <Caption1 role="alert">{salesText(locale, 'fixFields')}</Caption1>
          )}
        </div>
        {notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {failure !== null && (
          <ErrorMessageBar
            locale={locale}
            error={failure}
            title={salesText(locale, 'saveFailed')}
            onDismiss={() => setFailure(null)}
          />
        )}
      </form>
    </section>
  );
}

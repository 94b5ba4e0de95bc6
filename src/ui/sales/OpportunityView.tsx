import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { isStale } from '../../core/sales/board';
import { isTenderPipeline } from '../../core/sales/board-view';
import { lostReasonsOf, pipelineNames, stagesOf } from '../../core/sales/pipeline-reading';
import { warsawDay } from '../../core/tasks/calendar-days';
import type { StoredRecord } from '../../store/port';
import { enumLabel } from '../shared/enum-options';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { focusFirstField } from '../shared/focus-and-scroll';
import { shownDate, shownMoney } from '../shared/format';
import { RecordFieldInput } from '../shared/RecordFieldInput';
import { inputValueOf } from '../shared/record-inputs';
import { useUnsavedChanges } from '../shared/unsaved-changes';
import { useCrmSnapshot } from '../shared/use-crm';
import { ClientPicker } from './ClientPicker';
import { LoseDialog, WinDialog } from './CloseDialogs';
import { LinesEditor } from './LinesEditor';
import {
  lineInputsOf,
  opportunityFields,
  opportunityInputsOf,
  parseLine,
  type LineInputs,
  type OpportunityInputs,
} from './opportunity-draft';
import { PendingMoveDialog } from './RequiredFieldsDialog';
import { columnOf } from './sales-columns';
import type { SalesService } from './sales-service';
import { NameOptions } from './SalesDialog';
import { salesText } from './sales-texts';
import { TENDER_FIELDS, TenderFields } from './TenderFields';
import { useOpportunityMove } from './use-opportunity-move';

export interface OpportunityViewProps {
  locale: Locale;
  service: SalesService;
  /** The opportunity shown and edited; absent for a new one. */
  opportunityId?: string;
  /** A new opportunity: in which pipeline, for which client. */
  newIn?: { pipeline: string; clientId?: string };
  onBack: () => void;
  onCreated: (opportunityId: string) => void;
}

const NO_ROWS: readonly StoredRecord[] = [];
const NO_TABLES: Record<string, StoredRecord[]> = {};
const TENDER_KEYS = [...TENDER_FIELDS, 'documents'];

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  title: { margin: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    // Fields shrink to their column: at 400 px a control's own minimum width pushed it past the edge.
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Select, & .fui-Combobox': { minWidth: 0, width: '100%' },
  },
  wide: { gridColumn: '1 / -1' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground2 },
});

function tenderInputsOf(tender: StoredRecord | undefined, locale: Locale): Record<string, string> {
  return Object.fromEntries(
    TENDER_KEYS.map((key) => [
      key,
      tender ? String(inputValueOf(columnOf('tenders', key), tender[key], locale)) : '',
    ]),
  );
}

/**
 * An opportunity: add and edit its fields, lines and tender data; move it to the next or any stage
 * of its pipeline (the stage's tasks shown), close it as won or lost, reopen it; its history.
 */
export function OpportunityView(props: OpportunityViewProps) {
  const { locale, service, opportunityId, newIn, onBack, onCreated } = props;
  const styles = useStyles();
  const snapshot = useCrmSnapshot(service);
  const tables: Record<string, StoredRecord[]> = snapshot?.tables ?? NO_TABLES;
  const opportunity = opportunityId ? tables.opportunities?.find((o) => o.id === opportunityId) : undefined;
  const today = warsawDay(new Date());
  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const storedLines = useMemo(
    () =>
      (tables.opportunityLines ?? NO_ROWS)
        .filter((l) => opportunityId && l.opportunityId === opportunityId)
        .sort((a, b) => Number(a.lineNo ?? 0) - Number(b.lineNo ?? 0)),
    [tables.opportunityLines, opportunityId],
  );
  const tender = opportunityId ? tables.tenders?.find((t) => t.opportunityId === opportunityId) : undefined;

  const initial = useMemo<OpportunityInputs>(
    () =>
      opportunity
        ? opportunityInputsOf(opportunity, locale)
        : { clientId: newIn?.clientId ?? '', currency: 'PLN', owner: service.user },
    // The form starts from the record as it was opened; a later save starts it afresh (key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [opportunity?.version, opportunity?.id],
  );
  const [inputs, setInputs] = useState<OpportunityInputs>(initial);
  const initialLines = useMemo(() => storedLines.map((l) => lineInputsOf(l, locale)), [storedLines, locale]);
  const [lines, setLines] = useState<LineInputs[]>(initialLines);
  const initialTender = useMemo(() => tenderInputsOf(tender, locale), [tender, locale]);
  const [tenderInputs, setTenderInputs] = useState(initialTender);
  const pipelines = pipelineNames(tables);
  const [pipeline, setPipeline] = useState(
    String(opportunity?.pipeline ?? (newIn?.pipeline || pipelines[0] || '')),
  );
  const stages = stagesOf(tables, pipeline);
  const [newStage, setNewStage] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [closing, setClosing] = useState<'win' | 'lose' | null>(null);
  const [moveTarget, setMoveTarget] = useState('');
  const move = useOpportunityMove(service, locale);

  // A record changed by a move or a close comes back with a new version: an untouched form follows
  // it; one holding the user's typing keeps it (nothing typed is lost), and Save sends it.
  const typed = useRef(false);
  useEffect(() => {
    if (typed.current) return;
    setInputs(initial);
    setLines(initialLines);
    setTenderInputs(initialTender);
  }, [initial, initialLines, initialTender]);
  useEffect(() => {
    if (opportunity) headingRef.current?.focus();
    else focusFirstField(rootRef.current);
    // Only when the view opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const linesChanged = JSON.stringify(lines) !== JSON.stringify(initialLines);
  const tenderChanged = JSON.stringify(tenderInputs) !== JSON.stringify(initialTender);
  const fieldsChanged = JSON.stringify(inputs) !== JSON.stringify(initial);
  const dirty = fieldsChanged || linesChanged || tenderChanged;
  typed.current = dirty;
  useUnsavedChanges(dirty);

  if (!snapshot) return <Caption1>{salesText(locale, 'noWorkbook')}</Caption1>;
  if (opportunityId && !opportunity) {
    return (
      <section className={styles.view}>
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{salesText(locale, 'notFound')}</MessageBarBody>
        </MessageBar>
        <Button onClick={onBack}>{salesText(locale, 'backToBoard')}</Button>
      </section>
    );
  }

  const clients = tables.clients ?? NO_ROWS;
  const people = (tables.people ?? NO_ROWS).filter((p) => p.clientId === inputs.clientId);
  const products = (tables.products ?? NO_ROWS).filter((p) => p.active !== false);
  const tenderPipeline = isTenderPipeline(tables, pipeline) || tender !== undefined;
  const stageName = String(opportunity?.stage ?? (newStage || stages[0]?.stage || ''));
  const stageRow = stages.find((s) => s.stage === stageName);
  const status = String(opportunity?.status ?? 'open');
  const set = (key: string, value: string) => setInputs((current) => ({ ...current, [key]: value }));
  const parsedLines = lines.map(parseLine);
  const missingClient = tried && !inputs.clientId;
  const missingName = tried && !(inputs.name ?? '').trim();

  const save = async () => {
    setTried(true);
    setNotice(null);
    if (!inputs.clientId || !(inputs.name ?? '').trim() || parsedLines.some((p) => !p.line)) return;
    const lineDrafts = parsedLines.map((p) => p.line!);
    const tenderFields = Object.fromEntries(
      TENDER_KEYS.map((key) => [key, tenderInputs[key]?.trim() ? tenderInputs[key].trim() : null]),
    );
    setBusy(true);
    setFailure(null);
    try {
      if (!opportunity) {
        const entry = await service.createOpportunity({
          fields: { ...opportunityFields(inputs), pipeline, stage: stageName },
          lines: lineDrafts,
          ...(tenderPipeline && Object.values(tenderFields).some((v) => v !== null)
            ? { tender: tenderFields }
            : {}),
        });
        onCreated(entry.opportunity.id);
        return;
      }
      const changes = Object.fromEntries(
        Object.entries(opportunityFields(inputs)).filter(
          ([key]) => (inputs[key] ?? '') !== (initial[key] ?? ''),
        ),
      );
      if (Object.keys(changes).length > 0 || linesChanged) {
        await service.updateOpportunity(
          opportunity.id,
          opportunity.version,
          changes,
          linesChanged ? lineDrafts : undefined,
        );
      }
      if (tenderChanged) {
        const tenderChanges = Object.fromEntries(
          Object.entries(tenderFields).filter(
            ([key]) => (tenderInputs[key] ?? '') !== (initialTender[key] ?? ''),
          ),
        );
        if (tender) await service.update('tenders', tender.id, tender.version, tenderChanges);
        else await service.create('tenders', { ...tenderFields, opportunityId: opportunity.id });
      }
      setNotice(salesText(locale, 'saved'));
      // What was saved is the form's new start (the version's change came while it held typing).
      const saved = service.snapshot?.tables;
      const fresh = saved?.opportunities?.find((o) => o.id === opportunity.id);
      if (fresh) {
        setInputs(opportunityInputsOf(fresh, locale));
        setLines(
          (saved?.opportunityLines ?? [])
            .filter((l) => l.opportunityId === opportunity.id)
            .sort((a, b) => Number(a.lineNo ?? 0) - Number(b.lineNo ?? 0))
            .map((l) => lineInputsOf(l, locale)),
        );
        setTenderInputs(
          tenderInputsOf(
            saved?.tenders?.find((t) => t.opportunityId === opportunity.id),
            locale,
          ),
        );
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const closeWith = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      setClosing(null);
      setNotice(done);
      // The button that opened the dialog is gone (won, lost, reopened): the focus goes to the
      // opportunity's heading, where the notice is read, not to the page body.
      requestAnimationFrame(() => headingRef.current?.focus());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const stageTasks = opportunity
    ? (tables.tasks ?? NO_ROWS).filter((t) => t.opportunityId === opportunity.id && t.stage === stageName)
    : [];
  const history = opportunity
    ? (tables.activities ?? NO_ROWS)
        .filter((a) => a.opportunityId === opportunity.id)
        .sort((a, b) => String(b.occurredAt ?? '').localeCompare(String(a.occurredAt ?? '')))
    : [];
  const stageIndex = stages.findIndex((s) => s.stage === stageName);
  const nextStage = stageIndex >= 0 ? stages[stageIndex + 1] : undefined;
  const stale =
    opportunity && stageRow ? isStale(opportunity, stageRow.expectedDays as number | null, today) : false;
  const probabilityHint =
    typeof stageRow?.probability === 'number'
      ? salesText(locale, 'probabilityHint', { stage: stageRow.probability })
      : '';

  return (
    <section className={styles.view} ref={rootRef} aria-labelledby="opportunity-title">
      <div className={styles.row}>
        <Button size="small" appearance="subtle" onClick={onBack}>
          {salesText(locale, 'backToBoard')}
        </Button>
      </div>
      <h2 id="opportunity-title" className={styles.title} ref={headingRef} tabIndex={-1}>
        <Title3>{opportunity ? String(opportunity.name ?? '') : salesText(locale, 'newOpportunity')}</Title3>
      </h2>
      {opportunity && (
        <div className={styles.row}>
          <Badge
            appearance="tint"
            color={status === 'won' ? 'success' : status === 'lost' ? 'danger' : 'brand'}
          >
            {enumLabel('opportunityStatus', status, locale)}
          </Badge>
          <Caption1>
            {String(opportunity.pipeline ?? '')} · {stageName}
          </Caption1>
          {stale && (
            <Badge appearance="tint" color="warning">
              {salesText(locale, 'stale')}
            </Badge>
          )}
        </div>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {opportunity && renderStagePanel(opportunity)}

      <form
        className={styles.grid}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className={styles.wide}>
          <ClientPicker
            label={salesText(locale, 'client')}
            clients={clients}
            clientId={inputs.clientId ?? ''}
            error={missingClient ? salesText(locale, 'clientMissing') : undefined}
            onChange={(id) => setInputs((current) => ({ ...current, clientId: id, personId: '' }))}
          />
        </div>
        <Field label={salesText(locale, 'person')}>
          <Select value={inputs.personId ?? ''} onChange={(_e, d) => set('personId', d.value)}>
            <option value="">—</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {`${String(p.firstName ?? '')} ${String(p.lastName ?? '')}`.trim()}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.wide}>
          <RecordFieldInput
            locale={locale}
            column={{
              ...columnOf('opportunities', 'name'),
              header: { pl: salesText('pl', 'name'), en: salesText('en', 'name') },
            }}
            value={inputs.name ?? ''}
            error={missingName ? salesText(locale, 'nameMissing') : undefined}
            onChange={(v) => set('name', String(v))}
          />
        </div>
        {!opportunity && (
          <>
            <Field label={salesText(locale, 'pipeline')}>
              <Select
                value={pipeline}
                onChange={(_e, d) => {
                  setPipeline(d.value);
                  setNewStage('');
                }}
              >
                <NameOptions names={pipelines} />
              </Select>
            </Field>
            <Field label={salesText(locale, 'stage')}>
              <Select value={stageName} onChange={(_e, d) => setNewStage(d.value)}>
                <NameOptions names={stages.map((s) => String(s.stage))} />
              </Select>
            </Field>
          </>
        )}
        <div>
          <RecordFieldInput
            locale={locale}
            column={{
              ...columnOf('opportunities', 'value'),
              header: { pl: salesText('pl', 'value'), en: salesText('en', 'value') },
            }}
            value={inputs.value ?? ''}
            onChange={(v) => set('value', String(v))}
          />
          <Caption1 className={styles.hint}>{salesText(locale, 'moneyHint')}</Caption1>
        </div>
        <RecordFieldInput
          locale={locale}
          column={columnOf('opportunities', 'currency')}
          value={inputs.currency ?? ''}
          onChange={(v) => set('currency', String(v))}
        />
        <div>
          <RecordFieldInput
            locale={locale}
            column={columnOf('opportunities', 'probability')}
            value={inputs.probability ?? ''}
            onChange={(v) => set('probability', String(v))}
          />
          {probabilityHint && <Caption1 className={styles.hint}>{probabilityHint}</Caption1>}
        </div>
        <RecordFieldInput
          locale={locale}
          column={columnOf('opportunities', 'expectedClose')}
          value={inputs.expectedClose ?? ''}
          onChange={(v) => set('expectedClose', String(v))}
        />
        <RecordFieldInput
          locale={locale}
          column={columnOf('opportunities', 'owner')}
          value={inputs.owner ?? ''}
          onChange={(v) => set('owner', String(v))}
        />
        <div className={styles.wide}>
          <LinesEditor
            locale={locale}
            lines={lines}
            products={products}
            showProblems={tried}
            onChange={setLines}
            onUseTotal={(grosze) =>
              set('value', String(inputValueOf(columnOf('opportunities', 'value'), grosze, locale)))
            }
          />
        </div>
        {tenderPipeline && (
          <div className={styles.wide}>
            <TenderFields
              locale={locale}
              values={tenderInputs}
              errors={{}}
              onChange={(key, value) => setTenderInputs((current) => ({ ...current, [key]: value }))}
            />
          </div>
        )}
        <div className={`${styles.wide} ${styles.row}`}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? salesText(locale, 'saving') : salesText(locale, 'save')}
          </Button>
          {tried && (missingClient || missingName || parsedLines.some((p) => !p.line)) && (
            <Caption1 role="alert">{salesText(locale, 'fixFields')}</Caption1>
          )}
        </div>
        {failure !== null && closing === null && (
          <div className={styles.wide}>
            <ErrorMessageBar
              locale={locale}
              error={failure}
              title={salesText(locale, 'saveFailed')}
              onDismiss={() => setFailure(null)}
            />
          </div>
        )}
      </form>

      {opportunity && (
        <section className={styles.panel} aria-labelledby="opportunity-history-title">
          <Subtitle2 as="h3" id="opportunity-history-title">
            {salesText(locale, 'history')}
          </Subtitle2>
          {history.length === 0 ? (
            <Caption1>{salesText(locale, 'noHistory')}</Caption1>
          ) : (
            <ul className={styles.list}>
              {history.map((entry) => (
                <li key={entry.id}>
                  <Caption1>
                    {shownDate(entry.occurredAt, locale)}
                    {entry.owner ? ` · ${String(entry.owner)}` : ''}
                  </Caption1>
                  <div>{String(entry.subject ?? '')}</div>
                  {entry.details ? (
                    <Caption1 className={styles.hint}>{String(entry.details)}</Caption1>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {opportunity && (
        <WinDialog
          open={closing === 'win'}
          locale={locale}
          name={String(opportunity.name ?? '')}
          user={service.user}
          busy={busy}
          error={failure}
          onCancel={() => {
            setClosing(null);
            setFailure(null);
          }}
          onWin={(options) =>
            void closeWith(
              () => service.winOpportunity(opportunity.id, opportunity.version, options),
              salesText(locale, 'won'),
            )
          }
        />
      )}
      {opportunity && (
        <LoseDialog
          open={closing === 'lose'}
          locale={locale}
          name={String(opportunity.name ?? '')}
          reasons={lostReasonsOf(tables, String(opportunity.pipeline ?? ''))}
          busy={busy}
          error={failure}
          onCancel={() => {
            setClosing(null);
            setFailure(null);
          }}
          onLose={(reason, note) =>
            void closeWith(
              () => service.loseOpportunity(opportunity.id, opportunity.version, reason, note || undefined),
              salesText(locale, 'lost'),
            )
          }
        />
      )}
      <PendingMoveDialog locale={locale} move={move} />
    </section>
  );

  function renderStagePanel(o: StoredRecord) {
    const open = status === 'open';
    return (
      <section className={styles.panel} aria-labelledby="opportunity-stage-title">
        <Subtitle2 as="h3" id="opportunity-stage-title">
          {salesText(locale, 'stage')}: {stageName}
        </Subtitle2>
        {stageRow?.goal ? (
          <Caption1>
            {salesText(locale, 'stageGoal')}: {String(stageRow.goal)}
          </Caption1>
        ) : null}
        {o.stageEnteredOn ? (
          <Caption1 className={styles.hint}>
            {salesText(locale, 'inStageSince', { date: shownDate(o.stageEnteredOn, locale) })}
          </Caption1>
        ) : null}
        <Subtitle2 as="h4">{salesText(locale, 'stageTasks')}</Subtitle2>
        {stageTasks.length === 0 ? (
          <Caption1>{salesText(locale, 'noStageTasks')}</Caption1>
        ) : (
          <ul className={styles.list} aria-label={salesText(locale, 'stageTasks')}>
            {stageTasks.map((t) => (
              <li key={t.id}>
                {String(t.title ?? '')}{' '}
                <Caption1 className={styles.hint}>
                  {[
                    enumLabel('taskStatus', String(t.status ?? ''), locale),
                    enumLabel('taskPriority', String(t.priority ?? ''), locale),
                    t.owner ? String(t.owner) : '',
                    t.dueDate ? salesText(locale, 'due', { date: shownDate(t.dueDate, locale) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
        {open && (
          <div className={styles.row}>
            {nextStage && (
              <Button
                appearance="primary"
                disabled={move.busy}
                onClick={() => move.request(o.id, String(nextStage.stage))}
              >
                {salesText(locale, 'moveNext', { stage: String(nextStage.stage) })}
              </Button>
            )}
            <Field label={salesText(locale, 'moveAny')}>
              <Select value={moveTarget} onChange={(_e, d) => setMoveTarget(d.value)}>
                <option value="">—</option>
                <NameOptions names={stages.map((s) => String(s.stage)).filter((s) => s !== stageName)} />
              </Select>
            </Field>
            <Button
              disabled={!moveTarget || move.busy}
              onClick={() => {
                move.request(o.id, moveTarget);
                setMoveTarget('');
              }}
            >
              {salesText(locale, 'moveConfirm')}
            </Button>
          </div>
        )}
        <div className={styles.row}>
          {open ? (
            <>
              <Button onClick={() => setClosing('win')}>{salesText(locale, 'win')}</Button>
              <Button onClick={() => setClosing('lose')}>{salesText(locale, 'lose')}</Button>
            </>
          ) : (
            <Button
              disabled={busy}
              onClick={() =>
                void closeWith(
                  () => service.reopenOpportunity(o.id, o.version),
                  salesText(locale, 'reopened'),
                )
              }
            >
              {salesText(locale, 'reopen')}
            </Button>
          )}
        </div>
        {o.status === 'lost' && o.lostReason ? (
          <Caption1>
            {salesText(locale, 'lostReason')}: {String(o.lostReason)}
            {o.lostNote ? ` — ${String(o.lostNote)}` : ''}
          </Caption1>
        ) : null}
        {typeof o.value === 'number' && (
          <Caption1 className={styles.hint}>{shownMoney(o.value, locale, o.currency)}</Caption1>
        )}
        {move.error !== null && !move.pending && (
          <ErrorMessageBar
            locale={locale}
            error={move.error}
            title={salesText(locale, 'moveFailed')}
            onDismiss={move.clearError}
          />
        )}
        <div role="status" aria-live="polite">
          {move.announcement}
        </div>
      </section>
    );
  }
}

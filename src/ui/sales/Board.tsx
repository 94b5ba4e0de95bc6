import {
  Button,
  Caption1,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  Select,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { WorkbookSnapshot } from '../../store/port';
import type { TableRows } from '../../core/clients/client-rows';
import type { BoardFilters } from '../../core/sales/board';
import { boardView, neighbourStage } from '../../core/sales/board-view';
import { pipelineNames } from '../../core/sales/pipeline-reading';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { warsawDay } from '../../core/tasks/calendar-days';
import { BoardColumnView } from './BoardColumnView';
import { ForecastTable } from './ForecastTable';
import { PendingMoveDialog } from './RequiredFieldsDialog';
import type { SalesService } from './sales-service';
import { NameOptions } from './SalesDialog';
import { monthLabel, salesText } from './sales-texts';
import { useOpportunityMove } from './use-opportunity-move';

export interface BoardProps {
  locale: Locale;
  service: SalesService;
  /** The workbook as the service holds it (the view above subscribes to it). */
  snapshot: WorkbookSnapshot;
  /** The pipeline shown; the first one when empty or unknown. */
  pipeline: string;
  filter: BoardFilters;
  onPipelineChange: (pipeline: string) => void;
  onFilterChange: (filter: BoardFilters) => void;
  onOpen: (opportunityId: string) => void;
  onNew: (pipeline: string) => void;
  /** The Warsaw day the stale marks are counted to; today by default. */
  today?: string;
}

/** The close-month filter's choice for opportunities without a date (the core's ''). */
const NO_DATE = 'none';

const useStyles = makeStyles({
  board: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { minWidth: '150px', flex: '1 1 150px', maxWidth: '260px' },
  columns: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    overflowX: 'auto',
    scrollSnapType: 'x proximity',
    paddingBottom: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
});

/**
 * The kanban of one pipeline: a column per stage with its count, sum and weighted sum, the forecast
 * by close month, filters by owner, segment and close month. Cards move by drag, by their
 * "Move to…" menu or by Alt+arrow; a stage's required fields are asked for before it is entered.
 */
export function Board(props: BoardProps) {
  const { locale, service, snapshot, filter, onFilterChange, onOpen } = props;
  const styles = useStyles();
  const tables = snapshot.tables as TableRows;
  const names = useMemo(() => pipelineNames(tables), [tables]);
  const pipeline = names.includes(props.pipeline) ? props.pipeline : (names[0] ?? '');
  const today = props.today ?? warsawDay(new Date());
  const model = useMemo(
    () => (pipeline ? boardView(tables, pipeline, filter, today) : null),
    [tables, pipeline, filter, today],
  );
  const move = useOpportunityMove(service, locale);
  const stageNames = useMemo(() => model?.columns.map((c) => c.stage) ?? [], [model]);
  const boardRef = useRef<HTMLDivElement>(null);
  const refocus = useRef<string | null>(null);
  // One "Move to…" menu for the whole board, opened at the card's button: a menu per card would
  // cost each of thousands of cards its own popover machinery.
  const [menuFor, setMenuFor] = useState<{ id: string; button: HTMLElement } | null>(null);
  const onMoveMenu = useCallback((id: string, button: HTMLElement) => setMenuFor({ id, button }), []);
  const menuStage = menuFor
    ? String(snapshot.tables.opportunities?.find((o) => o.id === menuFor.id)?.stage ?? '')
    : '';

  const onMove = useCallback(
    (id: string, stage: string) => {
      refocus.current = id;
      move.request(id, stage);
    },
    [move],
  );
  const onStep = useCallback(
    (id: string, step: -1 | 1) => {
      const row = snapshot.tables.opportunities?.find((o) => o.id === id);
      const stage = String(row?.stage ?? '');
      if (!row || !model) return;
      const target = neighbourStage(model.columns, stage, step);
      if (!target) {
        move.announce(salesText(locale, 'noFurtherStage', { name: String(row.name ?? '') }));
        return;
      }
      onMove(id, target);
    },
    [model, move, locale, onMove, snapshot],
  );
  // The moved card is drawn anew in its new column: the focus follows it there.
  useEffect(() => {
    const id = refocus.current;
    if (!id || move.busy || move.pending) return;
    const button = boardRef.current?.querySelector<HTMLElement>(`[data-opportunity="${id}"] button`);
    if (button && document.activeElement !== button) button.focus();
    refocus.current = null;
  }, [model, move.busy, move.pending]);

  const setFilter = (key: keyof BoardFilters, value: string) =>
    onFilterChange({ ...filter, [key]: value === '' ? undefined : value === NO_DATE ? '' : value });
  const shownFilter = (key: keyof BoardFilters) =>
    filter[key] === undefined ? '' : filter[key] === '' ? NO_DATE : filter[key];

  return (
    <div className={styles.board} ref={boardRef}>
      <Title3 as="h2" className={styles.title}>
        {salesText(locale, 'boardTitle')}
      </Title3>
      {names.length === 0 ? (
        <Caption1>{salesText(locale, 'noPipelines')}</Caption1>
      ) : (
        <>
          <div className={styles.bar}>
            <Field label={salesText(locale, 'pipeline')} className={styles.field}>
              <Select value={pipeline} onChange={(_e, data) => props.onPipelineChange(data.value)}>
                <NameOptions names={names} />
              </Select>
            </Field>
            <Button appearance="primary" onClick={() => props.onNew(pipeline)}>
              {salesText(locale, 'addOpportunity')}
            </Button>
          </div>
          <fieldset className={styles.bar} style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend className={styles.live}>{salesText(locale, 'filters')}</legend>
            <Field label={salesText(locale, 'owner')} className={styles.field}>
              <Select value={shownFilter('owner')} onChange={(_e, data) => setFilter('owner', data.value)}>
                <option value="">{salesText(locale, 'everyone')}</option>
                {model?.choices.owners.map((owner) => (
                  <option key={owner} value={owner}>
                    {owner}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={salesText(locale, 'segment')} className={styles.field}>
              <Select
                value={shownFilter('segment')}
                onChange={(_e, data) => setFilter('segment', data.value)}
              >
                <option value="">{salesText(locale, 'every')}</option>
                {model?.choices.segments.map((segment) => (
                  <option key={segment} value={segment}>
                    {segment}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={salesText(locale, 'closeMonth')} className={styles.field}>
              <Select
                value={shownFilter('closeMonth')}
                onChange={(_e, data) => setFilter('closeMonth', data.value)}
              >
                <option value="">{salesText(locale, 'every')}</option>
                {model?.choices.months.map((month) => (
                  <option key={month} value={month || NO_DATE}>
                    {monthLabel(locale, month || 'none')}
                  </option>
                ))}
              </Select>
            </Field>
            {(filter.owner !== undefined ||
              filter.segment !== undefined ||
              filter.closeMonth !== undefined) && (
              <Button onClick={() => onFilterChange({})}>{salesText(locale, 'clearFilters')}</Button>
            )}
          </fieldset>
          {move.error !== null && !move.pending && (
            <ErrorMessageBar
              locale={locale}
              error={move.error}
              title={salesText(locale, 'moveFailed')}
              onDismiss={move.clearError}
            />
          )}
          <Caption1 className={styles.hint}>{salesText(locale, 'keyboardHint')}</Caption1>
          {model && (
            <div className={styles.columns}>
              {model.columns.map((column) => (
                <BoardColumnView
                  key={`${pipeline}/${column.stage}`}
                  locale={locale}
                  stage={column.stage}
                  count={column.count}
                  sum={column.sum}
                  weighted={column.weighted}
                  expectedDays={column.expectedDays}
                  rows={column.rows}
                  cardOf={model.card}
                  onOpen={onOpen}
                  onMove={onMove}
                  onMoveMenu={onMoveMenu}
                  onStep={onStep}
                />
              ))}
              {model.unplaced.length > 0 && (
                <BoardColumnView
                  locale={locale}
                  stage={salesText(locale, 'unplaced')}
                  count={model.unplaced.length}
                  sum={null}
                  weighted={null}
                  expectedDays={null}
                  rows={model.unplaced}
                  cardOf={model.card}
                  noDrop
                  onOpen={onOpen}
                  onMove={onMove}
                  onMoveMenu={onMoveMenu}
                  onStep={onStep}
                />
              )}
            </div>
          )}
          {model && <ForecastTable locale={locale} forecast={model.board.forecast} columns={model.columns} />}
        </>
      )}
      <Menu
        open={menuFor !== null}
        positioning={{ target: menuFor?.button ?? null, position: 'below', align: 'start' }}
        onOpenChange={(_event, data) => {
          if (data.open) return;
          const button = menuFor?.button;
          setMenuFor(null);
          // The menu has no trigger of its own: the focus goes back to the card's button.
          if (button?.isConnected) button.focus();
        }}
      >
        <MenuPopover>
          <MenuList>
            {stageNames
              .filter((s) => s !== menuStage)
              .map((s) => (
                <MenuItem
                  key={s}
                  onClick={() => {
                    if (menuFor) onMove(menuFor.id, s);
                  }}
                >
                  {s}
                </MenuItem>
              ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <div role="status" aria-live="polite" className={styles.live}>
        {move.announcement}
      </div>
      <PendingMoveDialog locale={locale} move={move} />
    </div>
  );
}

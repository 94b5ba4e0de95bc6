import {
  Button,
  Caption1,
  CounterBadge,
  Dropdown,
  Field,
  Option,
  SearchBox,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Locale } from '../../core/i18n';
import type { StoredRecord } from '../../store/port';
import { EnumBadge } from './EnumBadge';
import { ClientListFilterFields, type FilterChoices } from './ClientListFilters';
import { SORT_KEYS, type ClientListQuery, type ClientSortKey } from './client-list-query';
import { clientText, type ClientTextKey } from './client-texts';
import { useVirtualWindow } from './use-virtual-window';

export interface ClientListProps {
  locale: Locale;
  query: ClientListQuery;
  onQueryChange: (query: ClientListQuery) => void;
  /** The clients matching the query, in its order. */
  rows: readonly StoredRecord[];
  /** How many clients the base holds in all. */
  totalCount: number;
  choices: FilterChoices;
  /** True while the shown rows are still those of an earlier keystroke. */
  stale?: boolean;
  /** The client opened last: chosen, scrolled to and focused when the list comes back. */
  returningTo?: string;
  onOpen: (clientId: string) => void;
  onAdd: () => void;
}

const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 32;

const SORT_LABELS: Record<ClientSortKey, ClientTextKey> = {
  name: 'sortName',
  city: 'sortCity',
  status: 'sortStatus',
  updatedAt: 'sortUpdated',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  // Wrapped by its basis, not its content: the search box's clear button (shown while focused) would
  // otherwise wrap "Add client" below it, and its blur on a click would move the list under the pointer.
  search: { flexGrow: 1, flexShrink: 1, flexBasis: '160px', minWidth: '160px' },
  searchBox: { width: '100%', maxWidth: 'none', minWidth: 0 },
  searchInput: { minWidth: 0, width: '100%' },
  line: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
  },
  sort: { minWidth: '130px' },
  sortDropdown: { minWidth: '130px' },
  count: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  grid: {
    position: 'relative',
    flexGrow: 1,
    minHeight: '240px',
    overflowY: 'auto',
    overflowX: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    height: `${HEADER_HEIGHT}px`,
    alignItems: 'center',
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    boxSizing: 'border-box',
  },
  nameColumn: { flexGrow: 1, minWidth: 0 },
  statusColumn: { flexShrink: 0, width: '96px', textAlign: 'end' },
  body: { position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    height: `${ROW_HEIGHT}px`,
    paddingInline: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  activeRow: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
  },
  name: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  details: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  hint: { color: tokens.colorNeutralForeground3 },
  stale: { opacity: 0.7 },
});

function detailsLine(client: StoredRecord): string {
  return [client.city, client.nip, client.email].filter((v) => v !== null && v !== '').join(' · ');
}

/**
 * The client base as a grid: search as you type, filters, sort, and virtualised rows so that a
 * base of 50,000 clients scrolls and filters smoothly. Arrow keys move, Enter opens the card.
 */
export function ClientList(props: ClientListProps) {
  const { locale, query, onQueryChange, rows, totalCount, choices, stale, returningTo, onOpen, onAdd } =
    props;
  const styles = useStyles();
  const gridRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const [active, setActive] = useState(0);
  const [filtersOpen, setFiltersOpen] = useState(Object.keys(query.filters).length > 0);
  const virtual = useVirtualWindow(gridRef, {
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
  });

  useEffect(() => setActive((current) => Math.min(current, Math.max(rows.length - 1, 0))), [rows.length]);

  const { reveal } = virtual;
  useLayoutEffect(() => {
    if (!returningTo) return;
    const index = rows.findIndex((client) => client.id === returningTo);
    if (index < 0) return;
    setActive(index);
    reveal(index);
    gridRef.current?.focus();
    // Only when the list comes back, not on every change of the rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtual.reveal(next);
  };

  const pageRows = () =>
    Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const moves: Record<string, () => number> = {
      ArrowDown: () => active + 1,
      ArrowUp: () => active - 1,
      PageDown: () => active + pageRows(),
      PageUp: () => active - pageRows(),
      Home: () => 0,
      End: () => rows.length - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const client = rows[active];
      if (client) onOpen(client.id);
    }
  };

  const filterCount = Object.keys(query.filters).length;
  const rowId = (index: number) => `${ids}-row-${index}`;
  const visible = [];
  for (let index = virtual.start; index < virtual.end; index++) {
    const client = rows[index];
    visible.push(
      <div
        key={client.id}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={index === active}
        className={mergeClasses(styles.row, index === active && styles.activeRow)}
        style={{ top: `${index * ROW_HEIGHT}px` }}
        onClick={() => {
          setActive(index);
          onOpen(client.id);
        }}
      >
        <div role="gridcell" id={rowId(index)} className={styles.nameColumn}>
          <Text weight="semibold" className={styles.name}>
            {String(client.name ?? '')}
          </Text>
          <Caption1 className={styles.details}>{detailsLine(client)}</Caption1>
        </div>
        <div role="gridcell" className={styles.statusColumn}>
          <EnumBadge locale={locale} enumKey="clientStatus" value={client.status} />
        </div>
      </div>,
    );
  }

  const countLabel =
    rows.length === totalCount
      ? totalCount.toLocaleString(locale)
      : `${rows.length.toLocaleString(locale)} / ${totalCount.toLocaleString(locale)}`;

  return (
    <section className={styles.root} aria-label={clientText(locale, 'listLabel')}>
      <div className={styles.toolbar}>
        <Field label={clientText(locale, 'searchLabel')} className={styles.search}>
          <SearchBox
            className={styles.searchBox}
            input={{ className: styles.searchInput }}
            value={query.text}
            placeholder={clientText(locale, 'searchPlaceholder')}
            onChange={(_e, data) => onQueryChange({ ...query, text: data.value })}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' && rows.length > 0) {
                event.preventDefault();
                gridRef.current?.focus();
              }
            }}
          />
        </Field>
        <Button appearance="primary" onClick={onAdd}>
          {clientText(locale, 'addClient')}
        </Button>
      </div>
      <div className={styles.line}>
        <ToggleButton
          size="small"
          checked={filtersOpen}
          aria-expanded={filtersOpen}
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {clientText(locale, 'filters')}
          {filterCount > 0 && <CounterBadge count={filterCount} size="small" appearance="filled" />}
        </ToggleButton>
        {filterCount > 0 && (
          <Button size="small" appearance="subtle" onClick={() => onQueryChange({ ...query, filters: {} })}>
            {clientText(locale, 'clearFilters')}
          </Button>
        )}
        <Dropdown
          size="small"
          className={styles.sortDropdown}
          aria-label={clientText(locale, 'sortBy')}
          value={`${clientText(locale, 'sortBy')}: ${clientText(locale, SORT_LABELS[query.sort])}`}
          selectedOptions={[query.sort]}
          onOptionSelect={(_e, data) => onQueryChange({ ...query, sort: data.optionValue as ClientSortKey })}
        >
          {SORT_KEYS.map((key) => (
            <Option key={key} value={key}>
              {clientText(locale, SORT_LABELS[key])}
            </Option>
          ))}
        </Dropdown>
      </div>
      {filtersOpen && (
        <ClientListFilterFields
          locale={locale}
          filters={query.filters}
          choices={choices}
          onChange={(filters) => onQueryChange({ ...query, filters })}
        />
      )}
      <div className={styles.line}>
        <Caption1 className={styles.count} aria-live="polite">
          {countLabel}
        </Caption1>
        <Caption1 className={styles.hint}>{clientText(locale, 'listHint')}</Caption1>
      </div>
      <div
        ref={gridRef}
        role="grid"
        tabIndex={0}
        aria-label={clientText(locale, 'listLabel')}
        aria-rowcount={Math.max(rows.length, 1) + 1}
        aria-colcount={2}
        aria-activedescendant={rows.length > 0 ? rowId(active) : undefined}
        className={mergeClasses(styles.grid, stale && styles.stale)}
        onScroll={virtual.onScroll}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={styles.header}>
            <div role="columnheader" className={styles.nameColumn}>
              {clientText(locale, 'columnClient')}
            </div>
            <div role="columnheader" className={styles.statusColumn}>
              {clientText(locale, 'columnStatus')}
            </div>
          </div>
        </div>
        {rows.length === 0 ? (
          <div role="rowgroup">
            <div role="row" aria-rowindex={2}>
              <div role="gridcell" aria-colspan={2} className={styles.empty}>
                {clientText(locale, totalCount === 0 ? 'noClients' : 'noMatches')}
              </div>
            </div>
          </div>
        ) : (
          <div role="rowgroup" className={styles.body} style={{ height: `${virtual.totalHeight}px` }}>
            {visible}
          </div>
        )}
      </div>
    </section>
  );
}

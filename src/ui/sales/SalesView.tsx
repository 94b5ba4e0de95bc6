import { Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { BoardFilters } from '../../core/sales/board';
import type { CrmService } from '../../services/crm-service';
import { scrollToTop } from '../shared/focus-and-scroll';
import { useDiscardGuard } from '../shared/unsaved-changes';
import { useCrmSnapshot } from '../shared/use-crm';
import { useViewHistory } from '../shared/view-history';
import { Board } from './Board';
import { FunnelDesigner } from './FunnelDesigner';
import { OpportunityView } from './OpportunityView';
import { SALES_VIEW, salesScreenFrom, type SalesScreen } from './sales-screens';
import { salesText } from './sales-texts';

export interface SalesViewProps {
  locale: Locale;
  service: CrmService;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

/**
 * The sales process: the board of a pipeline, an opportunity's view and form, the funnel designer.
 * Each screen is an entry of the pane's history, so Back returns to the board.
 */
export function SalesView({ locale, service }: SalesViewProps) {
  const styles = useStyles();
  const history = useViewHistory();
  const guard = useDiscardGuard();
  const rootRef = useRef<HTMLDivElement>(null);
  const [screen, setScreenState] = useState<SalesScreen>(() => {
    const here = history.current();
    return here?.view === SALES_VIEW ? salesScreenFrom(here.screen) : { kind: 'board' };
  });
  const [pipeline, setPipeline] = useState('');
  const [filter, setFilter] = useState<BoardFilters>({});
  const snapshot = useCrmSnapshot(service);
  const show = useCallback(
    (next: SalesScreen) => {
      setScreenState(next);
      history.push({ view: SALES_VIEW, screen: next });
    },
    [history],
  );
  useEffect(
    () =>
      history.subscribe((location) => {
        if (location && location.view !== SALES_VIEW) return;
        setScreenState(salesScreenFrom(location?.screen));
      }),
    [history],
  );
  useLayoutEffect(() => scrollToTop(rootRef.current), [screen]);

  const area = screen.kind === 'funnels' || screen.kind === 'funnel' ? 'funnels' : 'board';
  const toBoard = () => show({ kind: 'board' });

  return (
    <div className={styles.root} ref={rootRef}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={area}
        aria-label={salesText(locale, 'funnelsTitle')}
        onTabSelect={(_event, data) =>
          guard(() => show(data.value === 'funnels' ? { kind: 'funnels' } : { kind: 'board' }))
        }
      >
        <Tab value="board">{salesText(locale, 'boardTitle')}</Tab>
        <Tab value="funnels">{salesText(locale, 'funnelsTitle')}</Tab>
      </TabList>
      {renderScreen()}
    </div>
  );

  function renderScreen() {
    switch (screen.kind) {
      case 'opportunity':
        return (
          <OpportunityView
            key={screen.opportunityId}
            locale={locale}
            service={service}
            opportunityId={screen.opportunityId}
            onBack={() => guard(toBoard)}
            onCreated={(id) => show({ kind: 'opportunity', opportunityId: id })}
          />
        );
      case 'new':
        return (
          <OpportunityView
            key={`new/${screen.pipeline}/${screen.clientId ?? ''}`}
            locale={locale}
            service={service}
            newIn={{ pipeline: screen.pipeline, clientId: screen.clientId }}
            onBack={() => guard(toBoard)}
            onCreated={(id) => {
              setScreenState({ kind: 'opportunity', opportunityId: id });
              history.replace({ view: SALES_VIEW, screen: { kind: 'opportunity', opportunityId: id } });
            }}
          />
        );
      case 'funnels':
      case 'funnel':
        return (
          <FunnelDesigner
            locale={locale}
            service={service}
            pipeline={screen.kind === 'funnel' ? screen.pipeline : null}
            onOpen={(name) => show({ kind: 'funnel', pipeline: name })}
            onBack={() => guard(() => show({ kind: 'funnels' }))}
          />
        );
      default:
        if (!snapshot) return <Caption1>{salesText(locale, 'noWorkbook')}</Caption1>;
        return (
          <Board
            snapshot={snapshot}
            locale={locale}
            service={service}
            pipeline={pipeline}
            filter={filter}
            onPipelineChange={(next) => {
              setPipeline(next);
              setFilter({});
            }}
            onFilterChange={setFilter}
            onOpen={(id) => show({ kind: 'opportunity', opportunityId: id })}
            onNew={(name) => show({ kind: 'new', pipeline: name })}
          />
        );
    }
  }
}

import {
  Button,
  Caption1,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import { ClientsView } from '../clients/ClientsView';
import { uiText } from '../i18n/ui-texts';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { WorkInProgress } from '../shared/WorkInProgress';
import { WorkProgress } from '../shared/WorkProgress';
import { createPaneGuard } from '../shared/unsaved-changes';
import {
  guardedViewHistory,
  memoryViewHistory,
  type PaneLocation,
  type ViewHistory,
} from '../shared/view-history';
import type { WorkbookOverviewService } from '../workbook-overview/workbook-overview-service';
import type { XlsxRowsReader } from '../import/spreadsheet-rows';
import { appText } from './app-texts';
import { LoadCancelledBar } from './LoadCancelledBar';
import { PaneProviders } from './PaneProviders';
import { useWorkbookLoad } from './use-workbook-load';

/** The services the panes call; hosts build them over the store they chose. */
export interface RelacjeServices {
  /** The client base and everything linked to it. */
  crm: CrmService;
  /** When given, a "Workbook" tab lists the workbook's tables. */
  workbookOverview?: WorkbookOverviewService;
  /** When given, the import takes .xlsx files as well as CSV. */
  readXlsxRows?: XlsxRowsReader;
}

/**
 * The whole pane. Hosts render it with the user's language and the services; it loads the
 * workbook through `services.crm` itself (unless its snapshot is already there).
 */
export interface RelacjeAppProps {
  initialLocale: Locale;
  services: RelacjeServices;
  /** Told about every language change, so the host can remember it. */
  onLocaleChange?: (locale: Locale) => void;
  /** The Fluent theme, e.g. one matching Office's; the web light theme by default. */
  theme?: Theme;
  /** Who the audit records, where the host lets it be changed (the standalone mode; Office knows). */
  user?: { name: string; change: () => void };
  /** Where the views go in the host's history (the browser's, standalone); in memory by default. */
  viewHistory?: ViewHistory<PaneLocation>;
}

// The views other than the client list load when first opened, so the pane's first render is small.
const ImportWizard = lazy(() =>
  import(/* webpackChunkName: "import-view" */ '../import/ImportWizard').then((m) => ({
    default: m.ImportWizard,
  })),
);
const SegmentationPanel = lazy(() =>
  import(/* webpackChunkName: "segmentation-view" */ '../segmentation/SegmentationPanel').then((m) => ({
    default: m.SegmentationPanel,
  })),
);
const SalesView = lazy(() =>
  import(/* webpackChunkName: "sales-view" */ '../sales/SalesView').then((m) => ({ default: m.SalesView })),
);
const WorkbookOverviewPanel = lazy(() =>
  import(/* webpackChunkName: "workbook-view" */ '../workbook-overview/WorkbookOverviewPanel').then((m) => ({
    default: m.WorkbookOverviewPanel,
  })),
);

const TasksView = lazy(() =>
  import(/* webpackChunkName: "tasks-view" */ '../tasks/TasksView').then((m) => ({ default: m.TasksView })),
);
const ProductsView = lazy(() =>
  import(/* webpackChunkName: "products-view" */ '../products/ProductsView').then((m) => ({
    default: m.ProductsView,
  })),
);

type View = 'clients' | 'sales' | 'import' | 'segmentation' | 'tasks' | 'products' | 'workbook';
const VIEWS: readonly string[] = [
  'clients',
  'sales',
  'import',
  'segmentation',
  'tasks',
  'products',
  'workbook',
] satisfies View[];

/** The tab a history entry names; the client list for anything else. */
function viewOf(location: PaneLocation | null): View {
  return location && VIEWS.includes(location.view) ? (location.view as View) : 'clients';
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    boxSizing: 'border-box',
    minWidth: '300px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  headerActions: { display: 'flex', alignItems: 'center', minWidth: 0 },
  user: {
    maxWidth: '140px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    display: 'block',
  },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingInline: tokens.spacingHorizontalXS,
    overflowX: 'auto',
    flexShrink: 0,
  },
  content: {
    flexGrow: 1,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    gap: tokens.spacingVerticalM,
    overflowY: 'auto',
  },
  title: { margin: 0 },
  tagline: { color: tokens.colorNeutralForeground3 },
});

export function RelacjeApp({
  initialLocale,
  services,
  onLocaleChange,
  theme,
  user,
  viewHistory,
}: RelacjeAppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const paneGuard = useMemo(createPaneGuard, []);
  const history = useMemo(
    () => guardedViewHistory(viewHistory ?? memoryViewHistory<PaneLocation>(), paneGuard),
    [viewHistory, paneGuard],
  );
  const [view, setViewState] = useState<View>(() => viewOf(history.current()));
  // A tab is an entry of the history too; leaving a half-filled form asks first.
  const setView = (next: View) =>
    paneGuard.guard(() => {
      setViewState(next);
      history.push({ view: next });
    });
  useEffect(() => {
    if (!history.current()) history.replace({ view: viewOf(null) });
    return history.subscribe((location) => setViewState(viewOf(location)));
  }, [history]);
  const { state, retry, cancel } = useWorkbookLoad(services.crm);
  // The card's "Open" on an opportunity: the sales view at that opportunity (the card guarded it).
  const openOpportunity = (opportunityId: string) => {
    setViewState('sales');
    history.push({ view: 'sales', screen: { kind: 'opportunity', opportunityId } });
  };

  // The card's "Add opportunity": the sales view's new opportunity for that client.
  const newOpportunity = (clientId: string) => {
    setViewState('sales');
    history.push({ view: 'sales', screen: { kind: 'new', pipeline: '', clientId } });
  };

  // A task's client: the client list at that client's card.
  const openClient = (clientId: string) => {
    setViewState('clients');
    history.push({ view: 'clients', screen: { kind: 'card', clientId } });
  };

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = uiText(locale, 'productName');
  }, [locale]);

  const switchLocale = () => {
    const next: Locale = locale === 'pl' ? 'en' : 'pl';
    setLocale(next);
    onLocaleChange?.(next);
  };

  const renderView = () => {
    if (view === 'workbook' && services.workbookOverview) {
      return <WorkbookOverviewPanel locale={locale} service={services.workbookOverview} />;
    }
    if (state.kind === 'loading') {
      return (
        <WorkInProgress
          label={appText(locale, 'loadingWorkbook')}
          value={state.progress}
          onCancel={cancel}
          cancelLabel={appText(locale, 'cancelLoading')}
        />
      );
    }
    if (state.kind === 'cancelled') return <LoadCancelledBar locale={locale} onLoadAgain={retry} />;
    if (state.kind === 'failed') {
      return (
        <ErrorMessageBar
          locale={locale}
          error={state.error}
          title={appText(locale, 'loadFailed')}
          onRetry={retry}
        />
      );
    }
    if (view === 'import')
      return <ImportWizard locale={locale} service={services.crm} readXlsxRows={services.readXlsxRows} />;
    if (view === 'segmentation') return <SegmentationPanel locale={locale} service={services.crm} />;
    if (view === 'tasks')
      return <TasksView locale={locale} service={services.crm} onOpenClient={openClient} />;
    if (view === 'products')
      return <ProductsView locale={locale} service={services.crm} readXlsxRows={services.readXlsxRows} />;
    if (view === 'sales') return <SalesView locale={locale} service={services.crm} />;
    return (
      <ClientsView
        locale={locale}
        service={services.crm}
        onOpenOpportunity={openOpportunity}
        onNewOpportunity={newOpportunity}
      />
    );
  };

  return (
    <PaneProviders locale={locale} theme={theme} guard={paneGuard} history={history}>
      <div className={styles.page}>
        <header className={styles.header}>
          <div>
            <Title3 as="h1" block className={styles.title}>
              {uiText(locale, 'productName')}
            </Title3>
            <Caption1 className={styles.tagline}>{uiText(locale, 'productTagline')}</Caption1>
          </div>
          <div className={styles.headerActions}>
            {user && (
              <Button
                size="small"
                appearance="subtle"
                className={styles.user}
                title={appText(locale, 'changeUser')}
                aria-label={`${user.name} — ${appText(locale, 'changeUser')}`}
                onClick={user.change}
              >
                {user.name}
              </Button>
            )}
            <Button
              size="small"
              appearance="subtle"
              lang={locale === 'pl' ? 'en' : 'pl'}
              title={uiText(locale, 'switchLanguageLabel')}
              onClick={switchLocale}
            >
              {uiText(locale, 'switchLanguage')}
            </Button>
          </div>
        </header>
        <nav className={styles.nav} aria-label={appText(locale, 'navigation')}>
          <TabList
            size="small"
            selectedValue={view}
            onTabSelect={(_event, data) => setView(data.value as View)}
          >
            <Tab value="clients">{appText(locale, 'clientsTab')}</Tab>
            <Tab value="sales">{appText(locale, 'salesTab')}</Tab>
            <Tab value="import">{appText(locale, 'importTab')}</Tab>
            <Tab value="tasks">{appText(locale, 'tasksTab')}</Tab>
            <Tab value="products">{appText(locale, 'productsTab')}</Tab>
            <Tab value="segmentation">{appText(locale, 'segmentationTab')}</Tab>
            {services.workbookOverview && <Tab value="workbook">{appText(locale, 'workbookTab')}</Tab>}
          </TabList>
        </nav>
        <main className={styles.content}>
          <Suspense fallback={<WorkProgress label={appText(locale, 'openingView')} />}>
            {renderView()}
          </Suspense>
        </main>
      </div>
    </PaneProviders>
  );
}

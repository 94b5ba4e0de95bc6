import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord, WorkbookSnapshot } from '../../store/port';
import { scrollToTop } from '../shared/focus-and-scroll';
import { useDiscardGuard } from '../shared/unsaved-changes';
import { useCrmSnapshot } from '../shared/use-crm';
import { useViewHistory } from '../shared/view-history';
import { ClientCard } from './ClientCard';
import { ClientForm } from './ClientForm';
import { ClientList } from './ClientList';
import { MergeTargetPicker } from './MergeTargetPicker';
import { MergeView } from './MergeView';
import { EMPTY_QUERY, type ClientListQuery } from './client-list-query';
import { clientText } from './client-texts';
import { useClientCard } from './use-client-card';
import { useClientSearch } from './use-client-search';
import { useDuplicateCheck } from './use-duplicate-check';

export interface ClientsViewProps {
  locale: Locale;
  service: CrmService;
  /** Opens an opportunity in its own view, where the pane has one (the card offers "Open"). */
  onOpenOpportunity?: (opportunityId: string) => void;
  /** A new opportunity for a client, in the sales view. */
  onNewOpportunity?: (clientId: string) => void;
}

type Screen =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'edit'; clientId: string }
  | { kind: 'card'; clientId: string }
  | { kind: 'pickSurvivor'; mergedId: string }
  | { kind: 'merge'; survivorId: string; mergedId: string };

const NO_CLIENTS: StoredRecord[] = [];
const VIEW = 'clients';
const TRANSIENT = new Set<Screen['kind']>(['new', 'edit', 'pickSurvivor', 'merge']);

/** A screen read back from the history, checked: a state another version wrote opens the list. */
function screenFrom(value: unknown): Screen {
  if (!value || typeof value !== 'object') return { kind: 'list' };
  const s = value as Record<string, unknown>;
  const text = (key: string) => (typeof s[key] === 'string' ? (s[key] as string) : null);
  switch (s.kind) {
    case 'new':
      return { kind: 'new' };
    case 'edit':
    case 'card': {
      const clientId = text('clientId');
      return clientId ? { kind: s.kind, clientId } : { kind: 'list' };
    }
    case 'pickSurvivor': {
      const mergedId = text('mergedId');
      return mergedId ? { kind: 'pickSurvivor', mergedId } : { kind: 'list' };
    }
    case 'merge': {
      const survivorId = text('survivorId');
      const mergedId = text('mergedId');
      return survivorId && mergedId ? { kind: 'merge', survivorId, mergedId } : { kind: 'list' };
    }
    default:
      return { kind: 'list' };
  }
}

/** The client base: the list, the card, the form and the merge, one at a time (a pane is narrow). */
export function ClientsView({ locale, service, onOpenOpportunity, onNewOpportunity }: ClientsViewProps) {
  const snapshot = useCrmSnapshot(service);
  const clients = snapshot?.tables.clients ?? NO_CLIENTS;
  const history = useViewHistory();
  const guard = useDiscardGuard();
  const rootRef = useRef<HTMLDivElement>(null);
  const [screen, setScreenState] = useState<Screen>(() => {
    const here = history.current();
    return here?.view === VIEW ? screenFrom(here.screen) : { kind: 'list' };
  });
  const [query, setQuery] = useState<ClientListQuery>(EMPTY_QUERY);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastOpened, setLastOpened] = useState<string | undefined>(undefined);
  const search = useClientSearch(clients, query, locale);
  const duplicatesOf = useDuplicateCheck(clients);

  // Each screen is an entry of the history, so the browser's Back returns to the one before.
  // A form or a merge, once left, is not a place to go back to: its entry gives way to what follows.
  const current = useRef(screen);
  current.current = screen;
  const setScreen = useCallback(
    (next: Screen) => {
      setScreenState(next);
      const location = { view: VIEW, screen: next };
      if (TRANSIENT.has(current.current.kind)) history.replace(location);
      else history.push(location);
    },
    [history],
  );
  const show = useCallback(
    (next: Screen) => {
      setNotice(null);
      setScreen(next);
    },
    [setScreen],
  );
  useEffect(
    () =>
      history.subscribe((location) => {
        if (location && location.view !== VIEW) return;
        setNotice(null);
        setScreenState(screenFrom(location?.screen));
      }),
    [history],
  );
  // A new screen opens at its top (with its notice), not where the one before was scrolled to.
  useLayoutEffect(() => scrollToTop(rootRef.current), [screen]);
  const openCard = useCallback(
    (clientId: string) => {
      setLastOpened(clientId);
      show({ kind: 'card', clientId });
    },
    [show],
  );
  const card = useClientCard(snapshot, screen.kind === 'card' ? screen.clientId : null);
  const found = (id: string) => clients.find((c) => c.id === id);
  const noticeBar = notice && (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{notice}</MessageBarBody>
    </MessageBar>
  );

  if (!snapshot) return null;
  return (
    <div ref={rootRef} style={{ display: 'contents' }}>
      {renderScreen(snapshot)}
    </div>
  );

  function renderScreen(snapshot: WorkbookSnapshot) {
    switch (screen.kind) {
      case 'new':
      case 'edit': {
        const client = screen.kind === 'edit' ? found(screen.clientId) : undefined;
        return (
          <ClientForm
            key={screen.kind === 'edit' ? screen.clientId : 'new'}
            locale={locale}
            service={service}
            client={client}
            duplicatesOf={duplicatesOf}
            onSaved={(saved) => {
              setScreen({ kind: 'card', clientId: saved.id });
              setNotice(clientText(locale, 'saved'));
            }}
            onCancel={() => show(client ? { kind: 'card', clientId: client.id } : { kind: 'list' })}
            onOpenClient={openCard}
            onMerge={(survivorId, mergedId) => show({ kind: 'merge', survivorId, mergedId })}
          />
        );
      }
      case 'card':
        if (!card) {
          return (
            <MessageBar intent="warning">
              <MessageBarBody>{clientText(locale, 'clientNotFound')}</MessageBarBody>
            </MessageBar>
          );
        }
        return (
          <>
            {noticeBar}
            <ClientCard
              locale={locale}
              service={service}
              data={card}
              stages={snapshot.tables.stages ?? []}
              surveys={snapshot.tables.surveys ?? []}
              onBack={() => guard(() => show({ kind: 'list' }))}
              onEdit={() => guard(() => show({ kind: 'edit', clientId: screen.clientId }))}
              onMerge={() => guard(() => show({ kind: 'pickSurvivor', mergedId: screen.clientId }))}
              onOpenOpportunity={onOpenOpportunity}
              onNewOpportunity={onNewOpportunity}
            />
          </>
        );
      case 'pickSurvivor':
        return (
          <MergeTargetPicker
            locale={locale}
            clients={clients}
            mergedId={screen.mergedId}
            onPick={(survivorId) => show({ kind: 'merge', survivorId, mergedId: screen.mergedId })}
            onCancel={() => show({ kind: 'card', clientId: screen.mergedId })}
          />
        );
      case 'merge':
        return (
          <MergeView
            locale={locale}
            service={service}
            snapshot={snapshot}
            survivorId={screen.survivorId}
            mergedId={screen.mergedId}
            onSwap={() => show({ kind: 'merge', survivorId: screen.mergedId, mergedId: screen.survivorId })}
            onDone={(survivorId) => {
              setScreen({ kind: 'card', clientId: survivorId });
              setNotice(clientText(locale, 'mergeDone'));
            }}
            onCancel={() => show({ kind: 'card', clientId: screen.mergedId })}
          />
        );
      case 'list':
        return (
          <ClientList
            locale={locale}
            query={query}
            onQueryChange={setQuery}
            rows={search.rows}
            totalCount={clients.length}
            choices={search.choices}
            stale={search.stale}
            returningTo={lastOpened}
            onOpen={openCard}
            onAdd={() => show({ kind: 'new' })}
          />
        );
    }
  }
}

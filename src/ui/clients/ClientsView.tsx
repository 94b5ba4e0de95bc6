import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import { useCrmSnapshot } from '../shared/use-crm';
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
}

type Screen =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'edit'; clientId: string }
  | { kind: 'card'; clientId: string }
  | { kind: 'pickSurvivor'; mergedId: string }
  | { kind: 'merge'; survivorId: string; mergedId: string };

const NO_CLIENTS: StoredRecord[] = [];

/** The client base: the list, the card, the form and the merge, one at a time (a pane is narrow). */
export function ClientsView({ locale, service }: ClientsViewProps) {
  const snapshot = useCrmSnapshot(service);
  const clients = snapshot?.tables.clients ?? NO_CLIENTS;
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [query, setQuery] = useState<ClientListQuery>(EMPTY_QUERY);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastOpened, setLastOpened] = useState<string | undefined>(undefined);
  const search = useClientSearch(clients, query, locale);
  const duplicatesOf = useDuplicateCheck(clients);

  const show = useCallback((next: Screen) => {
    setNotice(null);
    setScreen(next);
  }, []);
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
    <MessageBar intent="success">
      <MessageBarBody>{notice}</MessageBarBody>
    </MessageBar>
  );

  if (!snapshot) return null;

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
            onBack={() => show({ kind: 'list' })}
            onEdit={() => show({ kind: 'edit', clientId: screen.clientId })}
            onMerge={() => show({ kind: 'pickSurvivor', mergedId: screen.clientId })}
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

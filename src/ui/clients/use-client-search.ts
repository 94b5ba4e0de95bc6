import { useDeferredValue, useMemo } from 'react';
import {
  buildClientSearchIndex,
  filterOptions,
  searchClients,
  type ClientSort,
} from '../../core/clients/client-search';
import type { Locale } from '../../core/i18n';
import type { StoredRecord } from '../../store/port';
import { enumOptions } from '../shared/enum-options';
import type { FilterChoices } from './ClientListFilters';
import type { ClientListQuery, ClientSortKey } from './client-list-query';

/** The newest change first; every other order is alphabetical. */
const SORTS: Record<ClientSortKey, ClientSort> = {
  name: { field: 'name', direction: 'asc' },
  city: { field: 'city', direction: 'asc' },
  status: { field: 'status', direction: 'asc' },
  updatedAt: { field: 'updatedAt', direction: 'desc' },
};

export interface ClientSearchResult {
  rows: StoredRecord[];
  choices: FilterChoices;
  /** True while the rows shown are those of an earlier keystroke (React renders the new ones next). */
  stale: boolean;
}

/**
 * The list's rows from the core's search index. The index is built once per workbook snapshot;
 * the query is deferred so typing stays responsive while a large base is scanned.
 */
export function useClientSearch(
  clients: readonly StoredRecord[],
  query: ClientListQuery,
  locale: Locale,
): ClientSearchResult {
  const index = useMemo(() => buildClientSearchIndex(clients), [clients]);
  const deferred = useDeferredValue(query);
  const rows = useMemo(
    () => searchClients(index, { text: deferred.text, ...deferred.filters }, SORTS[deferred.sort]),
    [index, deferred],
  );
  const choices = useMemo<FilterChoices>(() => {
    const options = filterOptions(clients);
    const plain = (values: string[]) => values.map((value) => ({ key: value, label: value }));
    return {
      status: enumOptions('clientStatus', locale),
      source: enumOptions('clientSource', locale),
      segment: plain(options.segments),
      owner: plain(options.owners),
      industry: plain(options.industries),
    };
  }, [clients, locale]);
  return { rows, choices, stale: deferred !== query };
}

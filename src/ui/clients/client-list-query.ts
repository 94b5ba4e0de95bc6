/** What the user asked the list for: the search text, the filters chosen and the order. */
export interface ClientListQuery {
  text: string;
  filters: ClientListFilters;
  sort: ClientSortKey;
}

export type ClientFilterField = 'status' | 'segment' | 'owner' | 'industry' | 'source';

/** A chosen value per filter; an absent field is not filtered on. */
export type ClientListFilters = Partial<Record<ClientFilterField, string>>;

export type ClientSortKey = 'name' | 'city' | 'status' | 'updatedAt';

export const FILTER_FIELDS: readonly ClientFilterField[] = [
  'status',
  'segment',
  'owner',
  'industry',
  'source',
];
export const SORT_KEYS: readonly ClientSortKey[] = ['name', 'city', 'status', 'updatedAt'];

export const EMPTY_QUERY: ClientListQuery = { text: '', filters: {}, sort: 'name' };

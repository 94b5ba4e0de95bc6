/** Where the sales view is: the board, an opportunity, a new one, the funnels, one funnel's design. */
export type SalesScreen =
  | { kind: 'board' }
  | { kind: 'opportunity'; opportunityId: string }
  | { kind: 'new'; pipeline: string; clientId?: string }
  | { kind: 'funnels' }
  | { kind: 'funnel'; pipeline: string };

/** The name under which the sales view's entries go into the pane's history. */
export const SALES_VIEW = 'sales';

/** A history entry's screen read back and checked; the board for anything else. */
export function salesScreenFrom(value: unknown): SalesScreen {
  if (!value || typeof value !== 'object') return { kind: 'board' };
  const s = value as Record<string, unknown>;
  const text = (key: string) => (typeof s[key] === 'string' ? (s[key] as string) : null);
  switch (s.kind) {
    case 'opportunity': {
      const opportunityId = text('opportunityId');
      return opportunityId ? { kind: 'opportunity', opportunityId } : { kind: 'board' };
    }
    case 'new': {
      const clientId = text('clientId');
      return { kind: 'new', pipeline: text('pipeline') ?? '', ...(clientId ? { clientId } : {}) };
    }
    case 'funnels':
      return { kind: 'funnels' };
    case 'funnel':
      return { kind: 'funnel', pipeline: text('pipeline') ?? '' };
    default:
      return { kind: 'board' };
  }
}

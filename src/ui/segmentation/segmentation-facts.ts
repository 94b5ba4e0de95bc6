import {
  computeClientFacts,
  type ClientFacts,
  type DateWindow,
  type SegmentationClient,
} from '../../core/segmentation';
import type { WorkbookSnapshot } from '../../store/port';

/** Today as `yyyy-mm-dd` (UTC), the day recency is counted to. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The twelve months up to today, the period segmentation starts with. */
export function lastTwelveMonths(today: string): DateWindow {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to: today };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isWindow = (period: DateWindow): boolean =>
  DAY.test(period.from) && DAY.test(period.to) && period.from <= period.to;

export const clientsOf = (snapshot: WorkbookSnapshot): SegmentationClient[] => snapshot.tables.clients ?? [];

/** The per-client figures of the snapshot's tables for the period. */
export function factsOf(snapshot: WorkbookSnapshot, period: DateWindow, today: string): ClientFacts {
  return computeClientFacts({
    clients: clientsOf(snapshot),
    opportunities: snapshot.tables.opportunities ?? [],
    offers: snapshot.tables.offers ?? [],
    activities: snapshot.tables.activities ?? [],
    window: period,
    today,
  });
}

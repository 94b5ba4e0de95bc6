import { dayNumber, dayText, isDayText, NO_DAY, sortsByEndOf } from './timestamp-days';
import {
  numberField,
  textField,
  type DateWindow,
  type SegmentationClient,
  type SegmentationRow,
} from './segmentation-input';

/** What segmentation needs to know about a client base, read once from its tables. */
export interface ClientFactsInput {
  clients: readonly SegmentationClient[];
  opportunities: readonly SegmentationRow[];
  /** Accepted offers count only when they belong to no opportunity (see `computeClientFacts`). */
  offers?: readonly SegmentationRow[];
  activities: readonly SegmentationRow[];
  window: DateWindow;
  /** The day recency is counted to, `yyyy-mm-dd`; injected so results do not depend on the clock. */
  today: string;
}

/**
 * Per-client figures, as columns indexed like `clients` (arrays, not one object per client, so
 * 100,000 clients cost a few flat arrays).
 */
export interface ClientFacts {
  readonly clients: readonly SegmentationClient[];
  readonly window: DateWindow;
  readonly today: string;
  /** Client id → index into the columns below; a repeated id keeps its first row. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Each client's id, by index: read once here, so later steps need not visit the client rows for it. */
  readonly ids: readonly string[];
  /** The index of every distinct client, ascending (a repeated id's later rows left out). */
  readonly clientIndices: readonly number[];
  /** Won value in the window, grosze. */
  readonly wonValue: Float64Array;
  /** Won deals in the window. */
  readonly wonDeals: Uint32Array;
  /** Activities in the window. */
  readonly activityCount: Uint32Array;
  /** Latest activity day on or before `today` (any time before the window too), or null. */
  readonly lastActivityOn: readonly (string | null)[];
  /** Latest won deal day on or before `today`, or null. */
  readonly lastWonOn: readonly (string | null)[];
  /** Won deals left out of the won value because they are not in PLN. */
  readonly foreignCurrencyDeals: number;
}

/**
 * A bound just after `day` in string order: an ISO timestamp of that day continues with `T`,
 * which sorts before `~` (and `~` keeps the bound a one-byte string, compared fastest).
 */
const endOfDay = (day: string) => `${day}~`;

/** The won value is PLN grosze; deals in other currencies cannot be added to it. */
const isPln = (row: SegmentationRow) => {
  const currency = textField(row, 'currency');
  return currency === null || currency.toUpperCase() === 'PLN';
};

const later = (current: string | null, candidate: string) =>
  current === null || candidate > current ? candidate : current;

/**
 * Reads opportunities, offers and activities once (linear in all rows) into per-client facts.
 *
 * A won deal is an opportunity with status `won`, dated by `closedOn`, worth its `value`; or an
 * accepted offer that belongs to no opportunity, dated by `issuedOn`, worth its `netTotal`. An
 * offer with an `opportunityId` is never counted: its opportunity carries the deal, so a won
 * opportunity and its accepted offer are not counted twice. Values are net, like offer net totals.
 * Rows of unknown clients are ignored.
 */
export function computeClientFacts(input: ClientFactsInput): ClientFacts {
  const { clients, window, today } = input;
  const count = clients.length;
  const ids = clients.map((client) => client.id);
  // Filled from the end so that a repeated id ends up with its first row, in one map operation per client.
  const indexOf = new Map<string, number>();
  for (let index = count - 1; index >= 0; index--) indexOf.set(ids[index], index);
  const clientIndices: number[] = [];
  for (let index = 0; index < count; index++) clientIndices.push(index);
  const distinctIndices =
    indexOf.size === count
      ? clientIndices
      : clientIndices.filter((index) => indexOf.get(ids[index]) === index);
  const wonValue = new Float64Array(count);
  const wonDeals = new Uint32Array(count);
  const activityCount = new Uint32Array(count);
  const lastWonOn: (string | null)[] = new Array<string | null>(count).fill(null);
  let foreignCurrencyDeals = 0;

  const addDeal = (clientId: string | null, day: string | null, value: number, row: SegmentationRow) => {
    const index = clientId === null ? undefined : indexOf.get(clientId);
    if (index === undefined || day === null) return;
    if (!isPln(row)) {
      foreignCurrencyDeals += 1;
      return;
    }
    if (day <= today) lastWonOn[index] = later(lastWonOn[index], day);
    if (day >= window.from && day <= window.to) {
      wonValue[index] += value;
      wonDeals[index] += 1;
    }
  };

  for (const opportunity of input.opportunities) {
    if (opportunity.status !== 'won') continue;
    const value = numberField(opportunity, 'value') ?? 0;
    addDeal(textField(opportunity, 'clientId'), textField(opportunity, 'closedOn'), value, opportunity);
  }
  for (const offer of input.offers ?? []) {
    if (offer.status !== 'accepted' || textField(offer, 'opportunityId') !== null) continue;
    const value = numberField(offer, 'netTotal') ?? 0;
    addDeal(textField(offer, 'clientId'), textField(offer, 'issuedOn'), value, offer);
  }

  // Timestamps are placed by the number of the day they start with, in the same order as
  // comparing them as text against the day bounds; one that does not start with a day (or a
  // window not made of days) is compared as text.
  const byDay = isDayText(window.from) && isDayText(window.to) && isDayText(today);
  const fromDay = dayNumber(window.from);
  const toDay = dayNumber(window.to);
  const todayDay = dayNumber(today);
  const windowStart = window.from;
  const windowEnd = endOfDay(window.to);
  const todayEnd = endOfDay(today);
  const lastDay = new Int32Array(count).fill(NO_DAY);
  const lastOtherAt = new Map<number, string>();
  // Activities often come grouped by client, in client order: the previous client or the next
  // one in `ids` is tried before the map (only without repeated ids, where a row may not be the first).
  const mayFollowClients = indexOf.size === count;
  let previousClientId: unknown = null;
  let previousIndex: number | undefined;
  for (const activity of input.activities) {
    const clientId = activity.clientId;
    const occurredAt = activity.occurredAt;
    if (typeof clientId !== 'string' || typeof occurredAt !== 'string') continue;
    if (clientId !== previousClientId) {
      previousClientId = clientId;
      const next = previousIndex === undefined ? 0 : previousIndex + 1;
      previousIndex = mayFollowClients && ids[next] === clientId ? next : indexOf.get(clientId);
    }
    const index = previousIndex;
    if (index === undefined) continue;
    const day = byDay ? dayNumber(occurredAt) : NO_DAY;
    if (day !== NO_DAY) {
      if (day >= fromDay && sortsByEndOf(occurredAt, day, toDay)) activityCount[index] += 1;
      if (sortsByEndOf(occurredAt, day, todayDay) && day > lastDay[index]) lastDay[index] = day;
    } else {
      if (occurredAt >= windowStart && occurredAt < windowEnd) activityCount[index] += 1;
      if (occurredAt < todayEnd) lastOtherAt.set(index, later(lastOtherAt.get(index) ?? null, occurredAt));
    }
  }
  // The latest timestamp's day. Against one that starts with no day, the day alone decides as the
  // whole timestamp would: the two differ within the first ten characters.
  const dayTexts = new Map<number, string>();
  const lastActivityOn: (string | null)[] = [];
  for (let index = 0; index < count; index++) {
    let at: string | null = null;
    if (lastDay[index] !== NO_DAY) {
      at = dayTexts.get(lastDay[index]) ?? null;
      if (at === null) dayTexts.set(lastDay[index], (at = dayText(lastDay[index])));
    }
    const other = lastOtherAt.size > 0 ? lastOtherAt.get(index) : undefined;
    if (other !== undefined) at = later(at, other).slice(0, 10);
    lastActivityOn.push(at);
  }

  return {
    clients,
    window,
    today,
    indexOf,
    ids,
    clientIndices: distinctIndices,
    wonValue,
    wonDeals,
    activityCount,
    lastActivityOn,
    lastWonOn,
    foreignCurrencyDeals,
  };
}

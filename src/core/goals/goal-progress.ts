import type { StoredRow, TableRows } from '../clients/client-rows';
import { addDays, daysBetween, warsawDay, type DayRange } from '../tasks/calendar-days';

export type GoalMetric = 'wonValue' | 'wonCount' | 'offersSent' | 'meetings' | 'newClients';

/** Where a goal stands on `today`, computed from the workbook's data. */
export interface GoalProgress {
  goal: StoredRow;
  metric: GoalMetric;
  period: DayRange;
  /** The target as written (won value in złote, the rest counts). */
  target: number;
  /** What the data holds for the period up to today (the whole period once it ended), in the target's unit. */
  actual: number;
  /** Days of the period gone by, today included, ÷ its days: 0 before it starts, 1 once it ended. */
  elapsedShare: number;
  /** The target pro-rated to the share elapsed: what should be reached by today. */
  dueByNow: number;
  /** actual ÷ target (may pass 1); null for a target of 0. */
  share: number | null;
  /** Whether the actual is at or above what is due by now. */
  onTrack: boolean;
  state: 'upcoming' | 'running' | 'ended';
  /** The period of the same length just before, and its actual: shown beside the target. */
  previousPeriod: DayRange;
  previousActual: number;
}

const METRICS = new Set<string>(['wonValue', 'wonCount', 'offersSent', 'meetings', 'newClients']);

/** Whether a goal's metric is one this module computes. */
export function isGoalMetric(metric: unknown): metric is GoalMetric {
  return typeof metric === 'string' && METRICS.has(metric);
}

/**
 * The progress of one goal on `today` (Europe/Warsaw): the actual from the data — won value and
 * count from opportunities closed won in the period, new clients by `createdAt`, offers sent
 * (offers sent, accepted or rejected issued in it, and `offerSent` history entries of other days),
 * meetings from the history — for the goal's owner (everyone when empty) and what it is linked to
 * (pipeline, the client's segment, a product on the lines); against the target pro-rated to the
 * share of the period elapsed, and the previous period's actual.
 */
export function goalProgress(tables: TableRows, goal: StoredRow, today: string): GoalProgress {
  const metric = isGoalMetric(goal.metric) ? goal.metric : 'wonCount';
  const period = { from: String(goal.periodStart), to: String(goal.periodEnd) };
  const length = daysBetween(period.from, period.to) + 1;
  const previousPeriod = { from: addDays(period.from, -length), to: addDays(period.from, -1) };
  const elapsedDays = Math.min(Math.max(daysBetween(period.from, today) + 1, 0), length);
  const elapsedShare = length > 0 ? elapsedDays / length : 1;
  const state = elapsedDays === 0 ? 'upcoming' : elapsedDays >= length ? 'ended' : 'running';
  const measure = goalMeasure(tables, goal, metric);
  const soFar = { from: period.from, to: today < period.to ? today : period.to };
  const actual = elapsedDays === 0 ? 0 : measure(soFar);
  const target = typeof goal.target === 'number' ? goal.target : 0;
  const dueByNow = target * elapsedShare;
  return {
    goal,
    metric,
    period,
    target,
    actual,
    elapsedShare,
    dueByNow,
    share: target > 0 ? actual / target : null,
    onTrack: actual >= dueByNow,
    state,
    previousPeriod,
    previousActual: measure(previousPeriod),
  };
}

type Measure = (range: DayRange) => number;

function goalMeasure(tables: TableRows, goal: StoredRow, metric: GoalMetric): Measure {
  const owner = typeof goal.owner === 'string' && goal.owner.trim() ? goal.owner : null;
  const pipeline = typeof goal.pipeline === 'string' && goal.pipeline.trim() ? goal.pipeline : null;
  const segment = typeof goal.segment === 'string' && goal.segment.trim() ? goal.segment : null;
  const productId = typeof goal.productId === 'string' && goal.productId ? goal.productId : null;
  const clients = new Map((tables.clients ?? []).map((c) => [c.id, c]));
  const opportunities = new Map((tables.opportunities ?? []).map((o) => [o.id, o]));
  const inSegment = (clientId: unknown) =>
    segment === null || clients.get(String(clientId))?.segment === segment;
  const ownedBy = (row: StoredRow) => owner === null || row.owner === owner;
  const withProduct = (lineTable: string, parentKey: string) => {
    if (productId === null) return () => true;
    const parents = new Set(
      (tables[lineTable] ?? []).filter((l) => l.productId === productId).map((l) => String(l[parentKey])),
    );
    return (id: string) => parents.has(id);
  };
  const inPipeline = (opportunityId: unknown) =>
    pipeline === null || opportunities.get(String(opportunityId))?.pipeline === pipeline;

  if (metric === 'wonValue' || metric === 'wonCount') {
    const sold = withProduct('opportunityLines', 'opportunityId');
    const won = (tables.opportunities ?? []).filter(
      (o) => o.status === 'won' && ownedBy(o) && inPipeline(o.id) && inSegment(o.clientId) && sold(o.id),
    );
    return (range) => {
      let total = 0;
      for (const o of won) {
        if (!dayIn(o.closedOn, range)) continue;
        // Opportunity values are grosze; a won-value target is written in złote.
        total += metric === 'wonCount' ? 1 : (typeof o.value === 'number' ? o.value : 0) / 100;
      }
      return total;
    };
  }
  if (metric === 'newClients') {
    const candidates = (tables.clients ?? []).filter((c) => ownedBy(c) && inSegment(c.id));
    return (range) => candidates.filter((c) => timestampIn(c.createdAt, range)).length;
  }
  if (metric === 'meetings') {
    const meetings = (tables.activities ?? []).filter(
      (a) =>
        a.type === 'meeting' &&
        ownedBy(a) &&
        inSegment(a.clientId) &&
        (pipeline === null || inPipeline(a.opportunityId)),
    );
    return (range) => meetings.filter((a) => timestampIn(a.occurredAt, range)).length;
  }
  const offered = withProduct('offerLines', 'offerId');
  const offers = (tables.offers ?? []).filter(
    (o) =>
      (o.status === 'sent' || o.status === 'accepted' || o.status === 'rejected') &&
      ownedBy(o) &&
      inSegment(o.clientId) &&
      (pipeline === null || inPipeline(o.opportunityId)) &&
      offered(o.id),
  );
  // An `offerSent` entry on a day an offer of the same client was issued is that offer's record.
  const entries =
    productId !== null
      ? []
      : (tables.activities ?? []).filter(
          (a) =>
            a.type === 'offerSent' &&
            ownedBy(a) &&
            inSegment(a.clientId) &&
            (pipeline === null || inPipeline(a.opportunityId)),
        );
  return (range) => {
    const counted = new Set<string>();
    for (const o of offers)
      if (dayIn(o.issuedOn, range)) counted.add(`${String(o.clientId)} ${String(o.issuedOn)}`);
    let total = 0;
    for (const o of offers) if (dayIn(o.issuedOn, range)) total++;
    for (const a of entries) {
      if (!timestampIn(a.occurredAt, range)) continue;
      if (!counted.has(`${String(a.clientId)} ${warsawDay(new Date(String(a.occurredAt)))}`)) total++;
    }
    return total;
  };
}

function dayIn(day: unknown, range: DayRange): boolean {
  return typeof day === 'string' && day.slice(0, 10) >= range.from && day.slice(0, 10) <= range.to;
}

/** A timestamp's Warsaw day within the range (the zone only worked out near the ends). */
function timestampIn(stamp: unknown, range: DayRange): boolean {
  if (typeof stamp !== 'string' || stamp.length < 10) return false;
  const utcDay = stamp.slice(0, 10);
  if (utcDay < addDays(range.from, -1) || utcDay > addDays(range.to, 1)) return false;
  const day = stamp.length === 10 ? stamp : warsawDay(new Date(stamp));
  return day >= range.from && day <= range.to;
}

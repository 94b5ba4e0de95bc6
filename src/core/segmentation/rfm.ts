import type { ClientFacts } from './client-facts';
import type { DateWindow } from './segmentation-input';

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export interface RfmRow {
  clientId: string;
  /** Days from the last activity or won deal (whichever is later) to `today`; null when neither happened by then. */
  recencyDays: number | null;
  /** Activities in the window. */
  frequency: number;
  /** Won value in the window, grosze. */
  monetary: number;
  /** Null for every score when the client has no data at all. */
  r: RfmScore | null;
  f: RfmScore | null;
  m: RfmScore | null;
  /** `"545"`: R, F and M digits, as kept in the client's `rfmScore` column; null without data. */
  score: string | null;
}

export interface RfmResult {
  today: string;
  window: DateWindow;
  /** Clients that have data and so got scores. */
  scoredClients: number;
  /** Every client, in the order of the facts' clients. */
  rows: RfmRow[];
  /** The row of each client by its index in the facts' clients (undefined for a repeated id). */
  byIndex: readonly (RfmRow | undefined)[];
  /** The row of one client, by id. */
  rowOf(clientId: string): RfmRow | undefined;
}

const DAY_MS = 86_400_000;

// A date-only ISO string parses as UTC midnight, so the difference is whole days.
const daysBetween = (from: string, toMs: number) => Math.round((toMs - Date.parse(from)) / DAY_MS);

/** `daysBetween` for many days: a base of 100,000 clients has only a few thousand distinct last days. */
function daysCounter(toMs: number): (from: string) => number {
  const known = new Map<string, number>();
  return (from) => {
    let days = known.get(from);
    if (days === undefined) known.set(from, (days = daysBetween(from, toMs)));
    return days;
  };
}

/**
 * RFM scores 1–5 of every client.
 *
 * Recency counts days since the last contact of either kind (an activity or a won deal), because
 * in a B2B base most clients buy rarely and a recent meeting says as much about the relation as a
 * recent invoice. Frequency counts activities in the window; monetary is the won value in the window.
 * Only clients with data — any activity or won deal, in the window or before `today` — are scored,
 * by quintiles among themselves: a value's score is 1 + ⌊5 × its mid-rank ÷ n⌋, where the mid-rank
 * counts the clients with a worse value plus half of those with the same value. So equal values get
 * equal scores, a base where everyone is equal scores 3, and five distinct values score 1 to 5.
 * Clients without data get null scores and no `rfmScore`, rather than a 1-1-1 that would rank them
 * with clients who do have (poor) data.
 */
export function scoreRfm(facts: ClientFacts): RfmResult {
  const { clients, ids, today } = facts;
  const daysTo = daysCounter(Date.parse(today));
  const scored: number[] = [];
  const recency: (number | null)[] = new Array<number | null>(clients.length).fill(null);
  for (const index of facts.clientIndices) {
    const lastActivity = facts.lastActivityOn[index];
    const lastWon = facts.lastWonOn[index];
    const last =
      lastActivity === null ? lastWon : lastWon === null || lastActivity > lastWon ? lastActivity : lastWon;
    if (last !== null) recency[index] = daysTo(last);
    if (last !== null || facts.activityCount[index] > 0 || facts.wonDeals[index] > 0) scored.push(index);
  }
  // Higher is better for every measure, so recency enters as minus days; no date at all is worst.
  const recencyKeys = new Float64Array(scored.length);
  const frequencyKeys = new Float64Array(scored.length);
  const monetaryKeys = new Float64Array(scored.length);
  scored.forEach((index, i) => {
    const days = recency[index];
    recencyKeys[i] = days === null ? -Infinity : -days;
    frequencyKeys[i] = facts.activityCount[index];
    monetaryKeys[i] = facts.wonValue[index];
  });
  const r = quintileScores(clients.length, scored, recencyKeys);
  const f = quintileScores(clients.length, scored, frequencyKeys);
  const m = quintileScores(clients.length, scored, monetaryKeys);

  const rows: RfmRow[] = [];
  const byIndex = new Array<RfmRow | undefined>(clients.length).fill(undefined);
  for (const index of facts.clientIndices) {
    const rScore = scoreAt(r, index);
    const fScore = scoreAt(f, index);
    const mScore = scoreAt(m, index);
    const row: RfmRow = {
      clientId: ids[index],
      recencyDays: recency[index],
      frequency: facts.activityCount[index],
      monetary: facts.wonValue[index],
      r: rScore,
      f: fScore,
      m: mScore,
      score: rScore === null || fScore === null || mScore === null ? null : scoreText(rScore, fScore, mScore),
    };
    rows.push(row);
    byIndex[index] = row;
  }
  return {
    today,
    window: facts.window,
    scoredClients: scored.length,
    rows,
    byIndex,
    rowOf: (clientId) => {
      const index = facts.indexOf.get(clientId);
      return index === undefined ? undefined : byIndex[index];
    },
  };
}

// The 125 possible texts made once: 100,000 clients then share them instead of each making its own.
const SCORE_TEXTS = Array.from(
  { length: 125 },
  (_, i) => `${1 + Math.floor(i / 25)}${1 + (Math.floor(i / 5) % 5)}${1 + (i % 5)}`,
);
const scoreText = (r: RfmScore, f: RfmScore, m: RfmScore) =>
  SCORE_TEXTS[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];

const scoreAt = (scores: Uint8Array, index: number) =>
  scores[index] === 0 ? null : (scores[index] as RfmScore);

/**
 * Scores 1–5 (0: not scored) by client index, by mid-rank quintile among `indices`, where `keys[i]`
 * is how good client `indices[i]` is on the measure (higher is better).
 */
function quintileScores(clientCount: number, indices: readonly number[], keys: Float64Array): Uint8Array {
  const n = indices.length;
  const lowest = lowestOfEachScore(keys);
  const scores = new Uint8Array(clientCount);
  for (let i = 0; i < n; i++) {
    let score = 1;
    while (score < 5 && keys[i] >= lowest[score]) score += 1;
    scores[indices[i]] = score;
  }
  return scores;
}

/**
 * `lowest[s]`: the lowest key whose score is above `s` (1–4), Infinity when none is. A score grows
 * with its key, since a higher key has all lower ones below it, so these four bounds place every key.
 * A NaN key is never below nor equal to another, so it scores 1 and counts only in `n`.
 */
function lowestOfEachScore(keys: Float64Array): Float64Array {
  const n = keys.length;
  // Counted rather than sorted: a base has far fewer distinct values (days, activity counts) than
  // clients. A Map keeps -0 and 0 one value, as the comparisons of the scores do.
  const counts = new Map<number, number>();
  for (const key of keys) if (!Number.isNaN(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const values = Float64Array.from(counts.keys()).sort();
  const lowest = new Float64Array(5).fill(Infinity);
  let below = 0;
  for (const value of values) {
    const equal = counts.get(value) ?? 0;
    const score = 1 + Math.floor((5 * (2 * below + equal)) / (2 * n));
    for (let s = 1; s < score; s++) if (lowest[s] === Infinity) lowest[s] = value;
    below += equal;
  }
  return lowest;
}

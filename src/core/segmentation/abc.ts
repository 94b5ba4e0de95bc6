import type { ClientFacts } from './client-facts';
import { textField, type DateWindow } from './segmentation-input';

export type AbcClass = 'A' | 'B' | 'C';

export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

/** Cumulative shares of won value, in whole percent, where classes A and B end. */
export interface AbcThresholds {
  a: number;
  b: number;
}

export const DEFAULT_ABC_THRESHOLDS: AbcThresholds = { a: 80, b: 95 };

export interface AbcRow {
  clientId: string;
  name: string;
  /** 1 for the client with the highest won value; every client has its own rank. */
  rank: number;
  /** Won value in the window, grosze. */
  value: number;
  /** This client's share of the total won value, 0–1 (0 when the total is 0). */
  share: number;
  /** Share of the total held by the clients ranked before this one, 0–1. */
  cumulativeShareBefore: number;
  /** Share of the total held by this client and those before it, 0–1. */
  cumulativeShare: number;
  abcClass: AbcClass;
}

export interface AbcClassSummary {
  clients: number;
  value: number;
  /** Share of the total won value, 0–1. */
  valueShare: number;
  /** Share of all clients, 0–1. */
  clientShare: number;
}

export interface AbcResult {
  window: DateWindow;
  thresholds: AbcThresholds;
  totalValue: number;
  /** Every client, in rank order. */
  rows: AbcRow[];
  /** The row of each client by its index in the facts' clients (undefined for a repeated id). */
  byIndex: readonly (AbcRow | undefined)[];
  /** The row of one client, by id. */
  rowOf(clientId: string): AbcRow | undefined;
  classes: Record<AbcClass, AbcClassSummary>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * ABC (Pareto) classes by won value in the facts' window.
 *
 * Clients are ranked by won value, highest first; equal values by name, then id, in plain
 * code-unit order (fast and the same on every machine); clients without won value follow in
 * the order they are given (workbook order). A client is A when the clients ranked
 * before it hold less than `a`% of the total (so the client that crosses 80% is still A), B when
 * they hold less than `b`%, otherwise C. Clients with equal values always share a class: a tie
 * takes the class its first member gets, so a tie straddling a boundary does not split by name.
 * A client with no won value is C; when nobody has won value, every client is C.
 */
export function classifyAbc(
  facts: ClientFacts,
  thresholds: AbcThresholds = DEFAULT_ABC_THRESHOLDS,
): AbcResult {
  const { clients, ids, wonValue } = facts;
  const names = clients.map((client) => textField(client, 'name') ?? '');
  // Only clients with won value are sorted by name: the rest are C whatever their order, and
  // sorting tens of thousands of them by name would cost more than all the other steps together.
  const ranked: number[] = [];
  const withoutValue: number[] = [];
  for (const index of facts.clientIndices) (wonValue[index] !== 0 ? ranked : withoutValue).push(index);
  ranked.sort((x, y) => wonValue[y] - wonValue[x] || byText(names[x], names[y]) || byText(ids[x], ids[y]));
  const firstNegative = ranked.findIndex((index) => wonValue[index] < 0);
  const order =
    firstNegative < 0
      ? ranked.concat(withoutValue)
      : [...ranked.slice(0, firstNegative), ...withoutValue, ...ranked.slice(firstNegative)];
  let totalValue = 0;
  // A negative won value (a correction) cannot hold a share of the revenue; it only lowers its own
  // client. Clients without won value add nothing, so only the ranked ones are summed.
  for (const index of ranked) totalValue += Math.max(wonValue[index], 0);

  const rows: AbcRow[] = [];
  // Rows by client index rather than a map by id: a second 100,000-entry map costs more than the ranking.
  const byIndex = new Array<AbcRow | undefined>(clients.length).fill(undefined);
  const classes = emptyClasses();
  let before = 0;
  let tieClass: AbcClass = 'C';
  let tieSummary = classes.C;
  let tieValue = NaN;
  for (const index of order) {
    const value = wonValue[index];
    if (value !== tieValue) {
      tieValue = value;
      tieClass = classBefore(before, value, totalValue, thresholds);
      tieSummary = classes[tieClass];
    }
    tieSummary.clients += 1;
    tieSummary.value += Math.max(value, 0);
    const row: AbcRow = {
      clientId: ids[index],
      name: names[index],
      rank: rows.length + 1,
      value,
      share: shareOf(Math.max(value, 0), totalValue),
      cumulativeShareBefore: shareOf(before, totalValue),
      cumulativeShare: shareOf(before + Math.max(value, 0), totalValue),
      abcClass: tieClass,
    };
    before += Math.max(value, 0);
    rows.push(row);
    byIndex[index] = row;
  }
  return {
    window: facts.window,
    thresholds,
    totalValue,
    rows,
    byIndex,
    rowOf: (clientId) => {
      const index = facts.indexOf.get(clientId);
      return index === undefined ? undefined : byIndex[index];
    },
    classes: withShares(classes, totalValue, rows.length),
  };
}

function classBefore(before: number, value: number, total: number, thresholds: AbcThresholds): AbcClass {
  if (value <= 0 || total <= 0) return 'C';
  // Compared as `before / total < a / 100` without dividing: grosze stay exact integers.
  if (before * 100 < thresholds.a * total) return 'A';
  if (before * 100 < thresholds.b * total) return 'B';
  return 'C';
}

const shareOf = (part: number, total: number) => (total > 0 ? part / total : 0);

function emptyClasses(): Record<AbcClass, AbcClassSummary> {
  const classes = {} as Record<AbcClass, AbcClassSummary>;
  for (const abcClass of ABC_CLASSES) {
    classes[abcClass] = { clients: 0, value: 0, valueShare: 0, clientShare: 0 };
  }
  return classes;
}

function withShares(
  classes: Record<AbcClass, AbcClassSummary>,
  totalValue: number,
  clientCount: number,
): Record<AbcClass, AbcClassSummary> {
  for (const abcClass of ABC_CLASSES) {
    const summary = classes[abcClass];
    summary.valueShare = shareOf(summary.value, totalValue);
    summary.clientShare = clientCount > 0 ? summary.clients / clientCount : 0;
  }
  return classes;
}

import type { StoredRow, TableRows } from '../clients/client-rows';
import { daysBetween, warsawDay } from '../tasks/calendar-days';
import { stagesOf } from './pipeline-reading';

/** What the board shows: one owner's, one segment's (the client's), one expected-close month's. */
export interface BoardFilters {
  owner?: string;
  segment?: string;
  /** `yyyy-mm`: open opportunities expected to close then, closed ones closed then. */
  closeMonth?: string;
}

/** One column of the board: a stage with its open opportunities and their sums (grosze). */
export interface StageColumn {
  stage: string;
  probability: number | null;
  expectedDays: number | null;
  count: number;
  sum: number;
  weighted: number;
  /** How many of them stay longer than the stage's expected days. */
  stale: number;
  opportunities: StoredRow[];
}

export interface ForecastMonth {
  /** `yyyy-mm` of the expected close; '' for open opportunities without one. */
  month: string;
  count: number;
  sum: number;
  weighted: number;
}

export interface Board {
  pipeline: string;
  columns: StageColumn[];
  /** Open opportunities of the pipeline in a stage it does not have (renamed or deleted stages). */
  unplaced: StoredRow[];
  /** Open opportunities by expected-close month, months in order, those without a date last. */
  forecast: ForecastMonth[];
  won: { count: number; sum: number };
  lost: { count: number; sum: number };
  /** Won ÷ (won + lost), null when none is closed. */
  winRate: number | null;
  /** Opportunities in another currency than PLN: counted, not added to the sums. */
  notSummed: number;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Value × probability, in grosze (rounded); nothing when either is empty. */
export function weightedValue(opportunity: StoredRow): number {
  return Math.round((num(opportunity.value) * num(opportunity.probability)) / 100);
}

/**
 * The Warsaw day of a stored timestamp. Warsaw is a whole number of hours off UTC, so the day of a
 * UTC timestamp depends on its hour only: memoised by `yyyy-mm-ddThh`, one time-zone conversion
 * per hour seen rather than per opportunity.
 */
const dayByUtcHour = new Map<string, string>();
function warsawDayOfTimestamp(timestamp: string): string | null {
  if (timestamp.length < 10) return null;
  if (!timestamp.endsWith('Z')) {
    const ms = Date.parse(timestamp);
    return Number.isNaN(ms) ? null : warsawDay(new Date(ms));
  }
  const hour = timestamp.slice(0, 13);
  let day = dayByUtcHour.get(hour);
  if (day === undefined) {
    const ms = Date.parse(`${hour}:00:00Z`);
    if (Number.isNaN(ms)) return null;
    day = warsawDay(new Date(ms));
    dayByUtcHour.set(hour, day);
  }
  return day;
}

/** The day the opportunity entered its stage: `stageEnteredOn`, or the day it was last changed. */
export function stageEntryDay(opportunity: StoredRow): string | null {
  const entered = str(opportunity.stageEnteredOn);
  if (entered.length >= 10) return entered.slice(0, 10);
  return warsawDayOfTimestamp(str(opportunity.updatedAt));
}

/** Whole calendar days the opportunity has been in its stage on `today`, null when unknown. */
export function daysInStage(opportunity: StoredRow, today: string): number | null {
  const entered = stageEntryDay(opportunity);
  return entered ? daysBetween(entered, today) : null;
}

/** Longer in its stage than the stage's expected days (an open opportunity only). */
export function isStale(
  opportunity: StoredRow,
  expectedDays: number | null | undefined,
  today: string,
): boolean {
  if (str(opportunity.status) !== 'open' || typeof expectedDays !== 'number') return false;
  return staleOn(opportunity, expectedDays, epochDay(today));
}

/** `isStale` for the board's loop: today as a day number, the entry day read without making strings. */
function staleOn(opportunity: StoredRow, expectedDays: number, today: number): boolean {
  const entered = str(opportunity.stageEnteredOn);
  let day = entered.length >= 10 ? epochDay(entered) : NaN;
  if (Number.isNaN(day)) {
    const fallback = stageEntryDay(opportunity);
    day = fallback ? epochDay(fallback) : NaN;
  }
  return !Number.isNaN(day) && today - day > expectedDays;
}

const NO_MONTH = -1;

/** `yyyy-mm…` as year × 12 + month − 1; NO_MONTH for anything else (an empty date). */
function monthNumber(text: string): number {
  const value = digits(text, 0, 4) * 12 + digits(text, 5, 7) - 1;
  return text.length >= 7 && text.charCodeAt(4) === 0x2d && !Number.isNaN(value) ? value : NO_MONTH;
}

function monthText(month: number): string {
  if (month === NO_MONTH) return '';
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

const ZERO = 0x30;
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a text starting `yyyy-mm-dd`, NaN otherwise: integer arithmetic on the
 * civil calendar (H. Hinnant's days_from_civil), no Date per opportunity.
 */
function epochDay(text: string): number {
  let y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (Number.isNaN(y + m + d)) return NaN;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function isSummed(opportunity: StoredRow): boolean {
  const currency = str(opportunity.currency);
  return currency === '' || currency === 'PLN';
}

/**
 * The board of one pipeline: its stages in order with their open opportunities, count, sum,
 * weighted sum and stale count, the forecast by expected-close month and the win rate, over
 * the opportunities the filters keep. One pass over the opportunities.
 */
export function buildBoard(
  tables: TableRows,
  pipeline: string,
  options: { today: string; filters?: BoardFilters },
): Board {
  const filters = options.filters ?? {};
  const stages = stagesOf(tables, pipeline);
  const columns: StageColumn[] = stages.map((s) => ({
    stage: str(s.stage),
    probability: typeof s.probability === 'number' ? s.probability : null,
    expectedDays: typeof s.expectedDays === 'number' ? s.expectedDays : null,
    count: 0,
    sum: 0,
    weighted: 0,
    stale: 0,
    opportunities: [],
  }));
  const columnOf = new Map(columns.map((c) => [c.stage, c]));
  const segmentOf = filters.segment !== undefined ? clientSegments(tables) : undefined;
  const board: Board = {
    pipeline,
    columns,
    unplaced: [],
    forecast: [],
    won: { count: 0, sum: 0 },
    lost: { count: 0, sum: 0 },
    winRate: null,
    notSummed: 0,
  };
  // Months as numbers (year × 12 + month − 1): no string made per opportunity.
  const months = new Map<number, ForecastMonth>();
  const closeMonth = filters.closeMonth !== undefined ? monthNumber(filters.closeMonth) : undefined;
  const today = epochDay(options.today);
  for (const o of opportunitiesOf(tables, pipeline)) {
    if (filters.owner !== undefined && o.owner !== filters.owner) continue;
    if (segmentOf && segmentOf.get(str(o.clientId)) !== filters.segment) continue;
    const status = o.status;
    const month = monthNumber(str(status === 'open' ? o.expectedClose : o.closedOn));
    if (closeMonth !== undefined && month !== closeMonth) continue;
    const summed = isSummed(o);
    if (!summed) board.notSummed++;
    const value = summed ? num(o.value) : 0;
    if (status === 'won' || status === 'lost') {
      const closed = status === 'won' ? board.won : board.lost;
      closed.count++;
      closed.sum += value;
      continue;
    }
    if (status !== 'open') continue;
    const column = columnOf.get(str(o.stage));
    if (!column) {
      board.unplaced.push(o);
      continue;
    }
    const weighted = summed ? weightedValue(o) : 0;
    column.opportunities.push(o);
    column.count++;
    column.sum += value;
    column.weighted += weighted;
    if (column.expectedDays !== null && staleOn(o, column.expectedDays, today)) column.stale++;
    let forecast = months.get(month);
    if (!forecast) months.set(month, (forecast = { month: monthText(month), count: 0, sum: 0, weighted: 0 }));
    forecast.count++;
    forecast.sum += value;
    forecast.weighted += weighted;
  }
  board.forecast = [...months.values()].sort((a, b) =>
    a.month === b.month ? 0 : a.month === '' ? 1 : b.month === '' ? -1 : a.month < b.month ? -1 : 1,
  );
  const closed = board.won.count + board.lost.count;
  board.winRate = closed > 0 ? board.won.count / closed : null;
  return board;
}

/**
 * The opportunities of each pipeline, kept per opportunities array (a snapshot replaces the array
 * when any opportunity changes): a filter change or another pipeline's board then reads only that
 * pipeline's rows, and a write costs one pass to sort them again.
 */
const byPipelineOf = new WeakMap<readonly StoredRow[], Map<unknown, StoredRow[]>>();
function opportunitiesOf(tables: TableRows, pipeline: string): readonly StoredRow[] {
  const all = tables.opportunities ?? [];
  let byPipeline = byPipelineOf.get(all);
  if (!byPipeline) {
    byPipeline = new Map();
    for (const o of all) {
      const rows = byPipeline.get(o.pipeline);
      if (rows) rows.push(o);
      else byPipeline.set(o.pipeline, [o]);
    }
    byPipelineOf.set(all, byPipeline);
  }
  return byPipeline.get(pipeline) ?? [];
}

/** Each client's segment by id, kept per clients array: a snapshot replaces the array when clients change. */
const segmentsByClients = new WeakMap<readonly StoredRow[], Map<string, string>>();
function clientSegments(tables: TableRows): Map<string, string> {
  const clients = tables.clients ?? [];
  let segments = segmentsByClients.get(clients);
  if (!segments) {
    segments = new Map();
    for (const c of clients) segments.set(c.id, str(c.segment));
    segmentsByClients.set(clients, segments);
  }
  return segments;
}

/** The values the board's filters offer for a pipeline: owners and close months, sorted. */
export function boardFilterOptions(
  tables: TableRows,
  pipeline: string,
): { owners: string[]; months: string[] } {
  const owners = new Set<string>();
  const months = new Set<string>();
  for (const o of tables.opportunities ?? []) {
    if (o.pipeline !== pipeline) continue;
    const owner = str(o.owner);
    if (owner) owners.add(owner);
    const month = str(o.status === 'open' ? o.expectedClose : o.closedOn).slice(0, 7);
    if (month) months.add(month);
  }
  return { owners: [...owners].sort((a, b) => a.localeCompare(b, 'pl')), months: [...months].sort() };
}

import type { RecordFields } from '../records';
import type { StoredRow, TableRows } from '../clients/client-rows';
import { buildBoard, daysInStage, isStale, weightedValue, type Board, type BoardFilters } from './board';
import { pipelineSettings, requiredFieldsOf, stagesOf } from './pipeline-reading';

/**
 * What the Board screen draws over the core's board (`board.ts`): each card with its client's name,
 * its days in the stage and its stale mark, in the order a salesperson works them, and the choices
 * of the filters. Pure: the workbook's tables in, plain records out.
 */

export interface BoardCard {
  id: string;
  version: number;
  name: string;
  clientId: string;
  clientName: string;
  /** Grosze, 0 when the opportunity has no value. */
  value: number;
  currency: string;
  /** Value × probability, in grosze (the core's `weightedValue`). */
  weighted: number;
  owner: string;
  expectedClose: string | null;
  daysInStage: number | null;
  stale: boolean;
}

export interface BoardViewColumn {
  stage: string;
  expectedDays: number | null;
  count: number;
  sum: number;
  weighted: number;
  /** The keys of the fields the stage requires on entry (unknown names are left to the service). */
  requiredFields: string[];
  /** The stage's open opportunities, the nearest expected close first (none last), then by name. */
  rows: StoredRow[];
}

export interface BoardView {
  board: Board;
  columns: BoardViewColumn[];
  /** Open opportunities in a stage the pipeline does not have, in the same order. */
  unplaced: StoredRow[];
  /**
   * One row as its card (client's name, days in the stage, stale mark): made for the cards drawn
   * only, so a column of thousands costs its first screenful.
   */
  card: (row: StoredRow, expectedDays: number | null) => BoardCard;
  choices: { owners: string[]; segments: string[]; months: string[] };
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

const names = new Intl.Collator('pl');
const NO_DATE = '\uffff';

/** The nearest expected close first (none last), then by name: the order a salesperson works them. */
function sortedByClose(rows: readonly StoredRow[]): StoredRow[] {
  const keyed = rows.map((row) => ({ row, close: str(row.expectedClose) || NO_DATE }));
  keyed.sort((a, b) =>
    a.close < b.close ? -1 : a.close > b.close ? 1 : names.compare(str(a.row.name), str(b.row.name)),
  );
  return keyed.map((k) => k.row);
}

/**
 * Each client by id, built once per clients table: the snapshot keeps the same array until a
 * client changes, so every move, filter or re-render of the board reuses it.
 */
const clientIndexes = new WeakMap<readonly StoredRow[], Map<string, StoredRow>>();
function clientIndex(clients: readonly StoredRow[]): Map<string, StoredRow> {
  let index = clientIndexes.get(clients);
  if (!index) {
    index = new Map(clients.map((c) => [c.id, c]));
    clientIndexes.set(clients, index);
  }
  return index;
}

function requiredKeys(stage: StoredRow | undefined): string[] {
  if (!stage) return [];
  try {
    return requiredFieldsOf(stage).map((c) => c.key);
  } catch {
    // A name that is no field: the service's move names it to the user; the board draws on.
    return [];
  }
}

/** The board of `pipeline` on `today` (Warsaw day) as the screen draws it, narrowed by `filters`. */
export function boardView(
  tables: TableRows,
  pipeline: string,
  filters: BoardFilters,
  today: string,
): BoardView {
  const board = buildBoard(tables, pipeline, { today, filters });
  const clients = clientIndex(tables.clients ?? []);
  const stageRows = new Map(stagesOf(tables, pipeline).map((s) => [str(s.stage), s]));
  const card = (o: StoredRow, expectedDays: number | null): BoardCard => ({
    id: o.id,
    version: num(o.version),
    name: str(o.name),
    clientId: str(o.clientId),
    clientName: str(clients.get(str(o.clientId))?.name),
    value: num(o.value),
    currency: str(o.currency) || 'PLN',
    weighted: weightedValue(o),
    owner: str(o.owner),
    expectedClose: str(o.expectedClose) || null,
    daysInStage: daysInStage(o, today),
    stale: isStale(o, expectedDays, today),
  });
  const columns = board.columns.map((column) => ({
    stage: column.stage,
    expectedDays: column.expectedDays,
    count: column.count,
    sum: column.sum,
    weighted: column.weighted,
    requiredFields: requiredKeys(stageRows.get(column.stage)),
    rows: sortedByClose(column.opportunities),
  }));

  const owners = new Set<string>();
  const segments = new Set<string>();
  const months = new Set<string>();
  for (const o of tables.opportunities ?? []) {
    if (o.pipeline !== pipeline || o.status !== 'open') continue;
    if (str(o.owner)) owners.add(str(o.owner));
    const segment = str(clients.get(str(o.clientId))?.segment);
    if (segment) segments.add(segment);
    months.add(str(o.expectedClose).slice(0, 7));
  }
  const monthOrder = (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b));
  return {
    board,
    columns,
    unplaced: sortedByClose(board.unplaced),
    card,
    choices: {
      owners: [...owners].sort(names.compare),
      segments: [...segments].sort(names.compare),
      months: [...months].sort(monthOrder),
    },
  };
}

/** The stage `step` places before (-1) or after (+1) `stage`; null past either end. */
export function neighbourStage(
  columns: readonly { stage: string }[],
  stage: string,
  step: -1 | 1,
): string | null {
  const index = columns.findIndex((c) => c.stage === stage);
  if (index < 0) return null;
  return columns[index + step]?.stage ?? null;
}

/**
 * A pipeline whose opportunities carry tender data: its form of sale or name says tender (as the
 * ready tender funnel's and the demo's do), or one of its opportunities already has a tender row.
 */
export function isTenderPipeline(tables: TableRows, pipeline: string): boolean {
  const settings: RecordFields | undefined = pipelineSettings(tables, pipeline);
  if (/przetarg|tender|zamówie/i.test(`${str(settings?.saleForm)} ${pipeline}`)) return true;
  const tendered = new Set((tables.tenders ?? []).map((t) => str(t.opportunityId)));
  return (tables.opportunities ?? []).some((o) => o.pipeline === pipeline && tendered.has(o.id));
}

import { literal, type SheetValue, type SheetWrite } from '../table-rows';

/** From this many rows on, a write suspends Excel's recalculation until its sync. */
export const LARGE_WRITE_ROWS = 100;

/** A write to one data row of a table: new cells (`null` keeps a cell), or, without values, its deletion. */
export interface RowWrite {
  index: number;
  values?: SheetWrite[];
  /** Whether the row, as the write found it, is the one the caller meant. */
  expected(before: readonly SheetValue[]): boolean;
}

export interface RowWriteResult {
  before: SheetValue[];
  matched: boolean;
}

/** The rows a batch writes to one table: changes to rows it has, and new rows added at its end. */
export interface TableRowWrites {
  tableName: string;
  writes: readonly RowWrite[];
  /** New rows (every cell a value, `""` for an empty one), added after the writes. */
  appends?: {
    rows: readonly SheetValue[][];
    /** The id column and the new rows' ids, to find them again should the batch be undone. */
    idColumn: number;
    ids: readonly string[];
  };
}

/**
 * Writes rows of several tables in one request, each row read in that same request just before
 * it is written (deletes from the bottom up, so that they do not move each other), new rows
 * added last. When any row was not the expected one, every write is undone: cells written over
 * get their values back, deleted rows come back in their places (one more request), and new
 * rows are found by id and deleted (two more, only when the batch added rows).
 */
export async function guardedRowWrites(
  context: Excel.RequestContext,
  groups: readonly TableRowWrites[],
): Promise<RowWriteResult[][]> {
  const rows = groups.reduce((n, g) => n + g.writes.length + (g.appends?.rows.length ?? 0), 0);
  if (rows === 0) return groups.map(() => []);
  if (rows >= LARGE_WRITE_ROWS) context.application.suspendApiCalculationUntilNextSync();
  const reads = groups.map(({ tableName, writes, appends }) => {
    const table = context.workbook.tables.getItem(tableName);
    const body = table.getDataBodyRange();
    const befores = writes.map((write) => body.getRow(write.index).load('values'));
    for (const write of writes) if (write.values) body.getRow(write.index).values = [write.values];
    const deletes = writes.filter((write) => !write.values).sort((a, b) => b.index - a.index);
    for (const write of deletes) table.rows.getItemAt(write.index).delete();
    if (appends && appends.rows.length > 0) table.rows.add(undefined, appends.rows as SheetValue[][]);
    return befores;
  });
  await context.sync();
  const results = groups.map(({ writes }, g) =>
    writes.map((write, i) => {
      const before = (reads[g][i].values as SheetValue[][])[0];
      return { before, matched: write.expected(before) };
    }),
  );
  if (results.every((group) => group.every((r) => r.matched))) return results;
  groups.forEach(({ tableName, writes }, g) => {
    const table = context.workbook.tables.getItem(tableName);
    const undo = writes.map((write, i) => ({ write, before: results[g][i].before }));
    // Deleted rows first, back in their places, so that every other row is at its index again.
    const deleted = undo.filter(({ write }) => !write.values).sort((a, b) => a.write.index - b.write.index);
    for (const { write, before } of deleted)
      table.rows.add(write.index, [before.map((v) => literal(v) ?? '')]);
    const body = table.getDataBodyRange();
    for (const { write, before } of undo) {
      // Only the cells we wrote go back: the user's own columns (formulas) were never touched.
      if (write.values)
        body.getRow(write.index).values = [
          write.values.map((v, j) => (v === null ? null : literal(before[j]))),
        ];
    }
  });
  await context.sync();
  await removeAppended(context, groups);
  return results;
}

/** Deletes the rows a batch added, found by their ids (from the bottom up). */
async function removeAppended(
  context: Excel.RequestContext,
  groups: readonly TableRowWrites[],
): Promise<void> {
  const added = groups.filter((g) => g.appends && g.appends.ids.length > 0);
  if (added.length === 0) return;
  const columns = added.map((g) =>
    context.workbook.tables
      .getItem(g.tableName)
      .getDataBodyRange()
      .getColumn(g.appends!.idColumn)
      .load('values'),
  );
  await context.sync();
  added.forEach((g, i) => {
    const ids = new Set(g.appends!.ids);
    const table = context.workbook.tables.getItem(g.tableName);
    const values = columns[i].values as SheetValue[][];
    for (let index = values.length - 1; index >= 0; index -= 1)
      if (ids.delete(String(values[index][0]))) table.rows.getItemAt(index).delete();
  });
  await context.sync();
}

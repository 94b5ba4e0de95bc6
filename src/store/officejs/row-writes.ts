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

/**
 * Writes rows of several tables in one request, each row read in that same request just before
 * it is written (deletes from the bottom up, so that they do not move each other). When any row
 * was not the expected one, every write is undone in one more request: cells written over get
 * their values back, deleted rows come back in their places.
 */
export async function guardedRowWrites(
  context: Excel.RequestContext,
  groups: readonly { tableName: string; writes: readonly RowWrite[] }[],
): Promise<RowWriteResult[][]> {
  const rows = groups.reduce((n, g) => n + g.writes.length, 0);
  if (rows >= LARGE_WRITE_ROWS) context.application.suspendApiCalculationUntilNextSync();
  const reads = groups.map(({ tableName, writes }) => {
    const table = context.workbook.tables.getItem(tableName);
    const body = table.getDataBodyRange();
    const befores = writes.map((write) => body.getRow(write.index).load('values'));
    for (const write of writes) if (write.values) body.getRow(write.index).values = [write.values];
    const deletes = writes.filter((write) => !write.values).sort((a, b) => b.index - a.index);
    for (const write of deletes) table.rows.getItemAt(write.index).delete();
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
    const body = table.getDataBodyRange();
    const undo = writes.map((write, i) => ({ write, before: results[g][i].before }));
    for (const { write, before } of undo) {
      // Only the cells we wrote go back: the user's own columns (formulas) were never touched.
      if (write.values)
        body.getRow(write.index).values = [
          write.values.map((v, j) => (v === null ? null : literal(before[j]))),
        ];
    }
    const deleted = undo.filter(({ write }) => !write.values).sort((a, b) => a.write.index - b.write.index);
    for (const { write, before } of deleted)
      table.rows.add(write.index, [before.map((v) => literal(v) ?? '')]);
  });
  await context.sync();
  return results;
}

import type { EngineTable } from '../../store/xlsx/engine/engine-table';
import { graphValueOf, type GraphValue } from './graph-values';

/**
 * One Excel table (ListObject) as Graph shows it, over the engine's table: rows are inserted and
 * deleted within the table's columns, as Excel does it (the engine keeps those rules).
 */
export class TableArea {
  constructor(private readonly table: EngineTable) {}

  get name(): string {
    return this.table.name;
  }

  get sheet(): { name: string } {
    return { name: this.table.sheetName };
  }

  get model(): { totalsRow: boolean } {
    return { totalsRow: this.table.totalsRowCount > 0 };
  }

  /** The table's cells, header and totals rows included, 1-based. */
  get bounds() {
    const { top, left, bottom, right } = this.table;
    return { top, left, bottom, right };
  }

  get width(): number {
    return this.table.width;
  }

  get rowCount(): number {
    return this.table.rowCount;
  }

  headers(): string[] {
    return this.table.headers.map((header, j) => header || this.table.info.columns[j]?.name || '');
  }

  /** Data rows `skip` … `skip + take - 1`, as Graph's `values`. */
  rows(skip: number, take: number): GraphValue[][] {
    const end = Math.min(this.rowCount, skip + take);
    const out: GraphValue[][] = [];
    for (let i = skip; i < end; i += 1) out.push(this.rowValues(i));
    return out;
  }

  rowValues(index: number): GraphValue[] {
    const values = this.table.rows[index].values;
    const out = new Array<GraphValue>(values.length);
    for (let j = 0; j < values.length; j += 1) out[j] = graphValueOf(values[j]);
    return out;
  }
}

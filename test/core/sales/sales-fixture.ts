import type { StoredRow } from '../../../src/core/clients/client-rows';
import { READY_FUNNELS, readyFunnelRows, type ReadyFunnelKey } from '../../../src/core/sales/ready-funnels';
import type { SalesContext } from '../../../src/core/sales/opportunity-transitions';
import type { Locale } from '../../../src/core/i18n';
import type { RecordFields } from '../../../src/core/records';

export type Tables = Record<string, StoredRow[]>;

/** Rows as a store returns them: version 1, the tracking timestamps of `at`. */
export const stored = (row: RecordFields & { id: string }, at = '2026-12-01T09:00:00.000Z'): StoredRow => ({
  ...row,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

/** A workbook holding the ready funnels named (Polish unless told), one client of each variant. */
export function funnelTables(keys: readonly ReadyFunnelKey[], locale: Locale = 'pl'): Tables {
  let n = 0;
  const tables: Tables = {
    pipelines: [],
    stages: [],
    stageTasks: [],
    opportunities: [],
    tasks: [],
    offers: [],
  };
  for (const key of keys) {
    const funnel = READY_FUNNELS.find((f) => f.key === key)!;
    const rows = readyFunnelRows(funnel, { locale, newId: () => `${key}-${++n}` });
    for (const table of ['pipelines', 'stages', 'stageTasks'] as const)
      tables[table].push(...rows[table].map((r) => stored(r)));
  }
  tables.clients = [
    stored({ id: 'c1', name: 'Budimex-Pol', type: 'company', status: 'active', segment: 'Budownictwo' }),
    stored({
      id: 'c2',
      name: 'Gmina Zawiercie',
      type: 'institution',
      status: 'active',
      segment: 'Sektor publiczny',
      cooperationVariant: 'integration',
    }),
    stored({
      id: 'c3',
      name: 'Browar Tychy',
      type: 'company',
      status: 'active',
      cooperationVariant: 'cooperation',
    }),
    stored({
      id: 'c4',
      name: 'Hurtownia Lis',
      type: 'company',
      status: 'active',
      cooperationVariant: 'negotiation',
    }),
  ];
  return tables;
}

/** A context with counted ids, 4 December 2026 in Warsaw. */
export function salesContext(locale: Locale = 'pl', today = '2026-12-04'): SalesContext {
  let n = 0;
  return { today, at: `${today}T10:00:00.000Z`, user: 'Anna Wiśniewska', newId: () => `n${++n}`, locale };
}

/** The tables after a plan: appends stored, updates applied, removes dropped (what a store does). */
export function applied(
  tables: Tables,
  writes: Record<
    string,
    {
      updates: { id: string; changes: RecordFields }[];
      appends: (RecordFields & { id: string })[];
      removes: { id: string }[];
    }
  >,
): Tables {
  const next: Tables = { ...tables };
  for (const [table, w] of Object.entries(writes)) {
    const gone = new Set(w.removes.map((r) => r.id));
    const rows = (next[table] ?? [])
      .filter((r) => !gone.has(r.id))
      .map((r) => {
        const u = w.updates.find((x) => x.id === r.id);
        return u ? { ...r, ...u.changes, version: r.version + 1 } : r;
      });
    next[table] = [...rows, ...w.appends.map((r) => stored(r))];
  }
  return next;
}

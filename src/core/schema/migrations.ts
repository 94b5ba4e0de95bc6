import type { Bilingual } from '../i18n';
import { COLUMNS_ADDED_IN_V3, TABLES_ADDED_IN_V3 } from './tables';
import type { WorkbookSchema } from './types';

/** A field value as migrations see it (the record shape of `cells.ts`). */
type Value = string | number | boolean | null;

/**
 * One change between two schema versions. Steps name tables and columns by key; the
 * definitions themselves are those of the schema being migrated to.
 */
export type MigrationStep =
  | { kind: 'addTable'; table: string }
  | { kind: 'addColumn'; table: string; column: string; fill?: Value }
  | { kind: 'renameHeader'; table: string; column: string; previous: Bilingual }
  | {
      kind: 'transformValues';
      table: string;
      column: string;
      transform: (value: Value, record: Readonly<Record<string, Value>>) => Value;
    };

export interface Migration {
  from: number;
  to: number;
  description: string;
  steps: readonly MigrationStep[];
}

/** Every migration, oldest first. A new schema version adds its migration here. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description: 'Segmentation: the segments table and RFM columns on clients',
    steps: [
      { kind: 'addTable', table: 'segments' },
      { kind: 'addColumn', table: 'clients', column: 'rfmScore' },
      { kind: 'addColumn', table: 'clients', column: 'segmentedAt' },
    ],
  },
  {
    from: 2,
    to: 3,
    description: 'The sales process: pipeline settings, stage tasks, opportunity lines, tenders',
    steps: [
      ...TABLES_ADDED_IN_V3.map((t): MigrationStep => ({ kind: 'addTable', table: t.key })),
      ...Object.entries(COLUMNS_ADDED_IN_V3).flatMap(([table, columns]) =>
        columns.map((c): MigrationStep => ({ kind: 'addColumn', table, column: c.key })),
      ),
    ],
  },
];

/** What loading a workbook of an older version must do, gathered from every migration on the way. */
export interface MigrationPlan {
  from: number;
  to: number;
  /** Tables that may be absent: they are created empty. */
  newTables: Set<string>;
  /** table → column → value for existing rows; these columns may be absent and are added. */
  newColumns: Map<string, Map<string, Value>>;
  /** table → column → earlier headers the column may still carry. */
  headerAliases: Map<string, Map<string, string[]>>;
  transforms: Extract<MigrationStep, { kind: 'transformValues' }>[];
}

/** Plans the upgrade from `fromVersion` to `schema.version`; throws if no chain of migrations leads there. */
export function planMigration(
  fromVersion: number,
  schema: WorkbookSchema,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationPlan {
  const plan: MigrationPlan = {
    from: fromVersion,
    to: schema.version,
    newTables: new Set(),
    newColumns: new Map(),
    headerAliases: new Map(),
    transforms: [],
  };
  for (let version = fromVersion; version < schema.version;) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`No migration from schema version ${version}`);
    step.steps.forEach((s) => addStep(plan, s));
    version = step.to;
  }
  return plan;
}

function addStep(plan: MigrationPlan, step: MigrationStep): void {
  switch (step.kind) {
    case 'addTable':
      plan.newTables.add(step.table);
      return;
    case 'addColumn':
      entry(plan.newColumns, step.table).set(step.column, step.fill ?? null);
      return;
    case 'renameHeader': {
      const aliases = entry(plan.headerAliases, step.table);
      aliases.set(step.column, [...(aliases.get(step.column) ?? []), step.previous.pl, step.previous.en]);
      return;
    }
    case 'transformValues':
      plan.transforms.push(step);
      return;
  }
}

function entry<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

/** Applies the plan's value transforms for one table to one record, in migration order. */
export function transformRecord<R extends Record<string, Value>>(
  plan: MigrationPlan,
  table: string,
  record: R,
): R {
  let result = record;
  for (const t of plan.transforms) {
    if (t.table === table) result = { ...result, [t.column]: t.transform(result[t.column] ?? null, result) };
  }
  return result;
}

import type { StoredRow, TableRows } from '../clients/client-rows';
import { isEmptyValue } from '../clients/client-rows';
import { RelacjeError } from '../errors';
import { CURRENT_SCHEMA, enumByKey, tableByKey } from '../schema';
import type { ColumnSchema } from '../schema/types';

/** A task to create when an opportunity enters a stage. */
export interface StageTaskSpec {
  title: string;
  ownerRole: string | null;
  priority: string;
  /** Days after the entry the task is due; null: by the stage's expected days, or no date. */
  dueInDays: number | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const fold = (value: string) => value.trim().toLocaleLowerCase('pl');

/** Items of a semicolon-separated cell, trimmed, blanks left out. */
export function semicolonList(value: unknown): string[] {
  return text(value)
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The pipelines of the workbook: those of `pipelines` in order, then any named only by stages. */
export function pipelineNames(tables: TableRows): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    if (name && !seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  };
  for (const row of tables.pipelines ?? []) add(text(row.name));
  for (const row of tables.stages ?? []) add(text(row.pipeline));
  return names;
}

/** The settings row of a pipeline, when the workbook has one. */
export function pipelineSettings(tables: TableRows, pipeline: string): StoredRow | undefined {
  return (tables.pipelines ?? []).find((row) => text(row.name) === pipeline);
}

/** The stages of one pipeline by their order (rows of equal order keep the workbook's order). */
export function stagesOf(tables: TableRows, pipeline: string): StoredRow[] {
  const order = (row: StoredRow) => (typeof row.order === 'number' ? row.order : Number.MAX_SAFE_INTEGER);
  return (tables.stages ?? [])
    .filter((row) => text(row.pipeline) === pipeline)
    .map((row, index) => ({ row, index }))
    .sort((a, b) => order(a.row) - order(b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/** The stage row, or an error naming the pipeline's stages. */
export function stageOf(tables: TableRows, pipeline: string, stage: string): StoredRow {
  const stages = stagesOf(tables, pipeline);
  if (stages.length === 0) throw new RelacjeError('unknownPipeline', { pipeline });
  const found = stages.find((row) => text(row.stage) === stage);
  if (!found) {
    throw new RelacjeError('unknownStage', { pipeline, stage, stages: stages.map((s) => text(s.stage)) });
  }
  return found;
}

/**
 * The tasks of a stage: its rows of `stageTasks`, then the titles of its older `entryTasks` cell
 * that are not among them (normal priority, due by the stage's expected days).
 */
export function stageTasksOf(tables: TableRows, pipeline: string, stage: string): StageTaskSpec[] {
  const specs: StageTaskSpec[] = [];
  const titles = new Set<string>();
  for (const row of tables.stageTasks ?? []) {
    if (text(row.pipeline) !== pipeline || text(row.stage) !== stage) continue;
    const title = text(row.title);
    if (!title || titles.has(fold(title))) continue;
    titles.add(fold(title));
    specs.push({
      title,
      ownerRole: text(row.ownerRole) || null,
      priority: text(row.priority) || 'normal',
      dueInDays: typeof row.dueInDays === 'number' ? row.dueInDays : null,
    });
  }
  const stageRow = (tables.stages ?? []).find(
    (row) => text(row.pipeline) === pipeline && text(row.stage) === stage,
  );
  for (const title of semicolonList(stageRow?.entryTasks)) {
    if (titles.has(fold(title))) continue;
    titles.add(fold(title));
    specs.push({ title, ownerRole: null, priority: 'normal', dueInDays: null });
  }
  return specs;
}

const OPPORTUNITY_TABLE = tableByKey(CURRENT_SCHEMA, 'opportunities');
const NOT_REQUIRABLE = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** Each opportunity column by its key and its headers in both languages, folded. */
const FIELD_BY_NAME: ReadonlyMap<string, ColumnSchema> = new Map(
  OPPORTUNITY_TABLE.columns
    .filter((c) => !NOT_REQUIRABLE.has(c.key))
    .flatMap((c) => [fold(c.key), fold(c.header.pl), fold(c.header.en)].map((name) => [name, c] as const)),
);

/**
 * The columns a stage requires to enter it, read from its `requiredFields` cell: field keys or
 * headers in either language, semicolon-separated; a name that is no field is an error naming it.
 */
export function requiredFieldsOf(stage: StoredRow): ColumnSchema[] {
  const columns: ColumnSchema[] = [];
  for (const name of semicolonList(stage.requiredFields)) {
    const column = FIELD_BY_NAME.get(fold(name));
    if (!column) {
      throw new RelacjeError('unknownRequiredField', {
        pipeline: text(stage.pipeline),
        stage: text(stage.stage),
        name,
      });
    }
    if (!columns.includes(column)) columns.push(column);
  }
  return columns;
}

/** The required columns that `opportunity` leaves empty. */
export function missingRequiredFields(
  stage: StoredRow,
  opportunity: Readonly<Record<string, unknown>>,
): ColumnSchema[] {
  return requiredFieldsOf(stage).filter((c) => isEmptyValue(opportunity[c.key] as never));
}

/** The reasons for a loss the pipeline lists (empty: any reason typed is taken). */
export function lostReasonsOf(tables: TableRows, pipeline: string): string[] {
  return semicolonList(pipelineSettings(tables, pipeline)?.lostReasons);
}

const VARIANTS = enumByKey(CURRENT_SCHEMA, 'cooperationVariant').values;

/**
 * The cooperation variant a stage task is for, when its title starts with the variant's name in
 * brackets, in either language ("[Kooperacja] …", "[Integration] …"); null: a task for every client.
 */
export function variantOfStageTask(title: string): string | null {
  const match = /^\s*\[([^\]]+)\]/.exec(title);
  if (!match) return null;
  const name = fold(match[1]);
  const variant = VARIANTS.find(
    (v) => fold(v.key) === name || fold(v.label.pl) === name || fold(v.label.en) === name,
  );
  return variant?.key ?? null;
}

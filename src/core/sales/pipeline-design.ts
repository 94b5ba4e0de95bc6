import { auditRow } from '../clients/audit-rows';
import type { TableWrites } from '../clients/client-merge';
import type { NewRow, StoredRow, TableRows } from '../clients/client-rows';
import { RelacjeError } from '../errors';
import type { Locale } from '../i18n';
import type { FieldValue, RecordFields } from '../records';
import { pipelineNames, pipelineSettings, stagesOf } from './pipeline-reading';
import { readyFunnelByKey, readyFunnelRows, READY_FUNNELS } from './ready-funnels';

/** A pipeline as the funnel designer edits it (rows as read, with their `id` and `version`, or new). */
export interface PipelineDraft {
  /** The pipeline's name before this edit, when it is renamed: its opportunities follow. */
  previousName?: string;
  settings: RecordFields;
  stages: readonly { fields: RecordFields; tasks: readonly RecordFields[] }[];
}

export interface DesignContext {
  at: string;
  user: string;
  newId: () => string;
  locale: Locale;
}

const TRACKING = new Set(['id', 'version', 'createdAt', 'updatedAt']);
const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim() : '');

class DesignWrites {
  readonly writes: Record<string, TableWrites> = {};
  constructor(private readonly context: DesignContext) {}

  private of(table: string): TableWrites {
    return (this.writes[table] ??= { updates: [], appends: [], removes: [] });
  }

  private audit(action: 'create' | 'update' | 'delete', table: string, recordId: string, details: unknown) {
    const { newId, at, user } = this.context;
    this.of('audit').appends.push(auditRow({ id: newId(), at, user, action, table, recordId, details }));
  }

  append(table: string, row: NewRow): void {
    this.of(table).appends.push(row);
    this.audit('create', table, row.id, { fields: row });
  }

  /** Only the fields that differ from the row; nothing when none does. */
  update(table: string, row: StoredRow, fields: RecordFields, expectedVersion?: FieldValue): void {
    const changes: RecordFields = {};
    for (const [key, value] of Object.entries(fields)) {
      if (!TRACKING.has(key) && value !== undefined && (row[key] ?? null) !== value) changes[key] = value;
    }
    if (Object.keys(changes).length === 0) return;
    const version = typeof expectedVersion === 'number' ? expectedVersion : row.version;
    this.of(table).updates.push({ id: row.id, expectedVersion: version, changes });
    this.audit('update', table, row.id, { changes });
  }

  remove(table: string, row: StoredRow): void {
    this.of(table).removes.push({ id: row.id, expectedVersion: row.version });
    this.audit('delete', table, row.id, { record: { ...row } });
  }
}

/** The fields of a draft row without its id and tracking fields. */
function own(fields: RecordFields): RecordFields {
  const rest: RecordFields = {};
  for (const [key, value] of Object.entries(fields)) if (!TRACKING.has(key)) rest[key] = value;
  return rest;
}

/**
 * The writes that make the workbook hold the pipeline as designed, only what changed: its settings
 * row, its stages in the order given (matched by id, else by name), their tasks (by id, else by
 * title); stages and tasks left out are deleted (a stage only when no open opportunity stands in
 * it); a renamed pipeline or stage takes its opportunities, their tasks and its goals along.
 */
export function planPipelineSave(
  tables: TableRows,
  draft: PipelineDraft,
  context: DesignContext,
): Record<string, TableWrites> {
  const name = text(draft.settings.name);
  if (!name) throw new RelacjeError('unknownPipeline', { pipeline: '' });
  const before = draft.previousName?.trim() || name;
  const known = pipelineNames(tables);
  if (before !== name && known.includes(name)) throw new RelacjeError('pipelineExists', { pipeline: name });
  const w = new DesignWrites(context);
  const settingsRow = pipelineSettings(tables, before);
  const settings = { ...own(draft.settings), name };
  if (settingsRow) w.update('pipelines', settingsRow, settings, draft.settings.version);
  else w.append('pipelines', { id: text(draft.settings.id) || context.newId(), active: true, ...settings });

  const opportunities = (tables.opportunities ?? []).filter((o) => text(o.pipeline) === before);
  const stageRenames = new Map<string, string>();
  const existingStages = stagesOf(tables, before);
  const keptStages = new Set<string>();
  draft.stages.forEach(({ fields, tasks }, index) => {
    const stageName = text(fields.stage);
    const row =
      existingStages.find((s) => fields.id && s.id === fields.id) ??
      existingStages.find((s) => !keptStages.has(s.id) && text(s.stage) === stageName);
    const values = { ...own(fields), pipeline: name, stage: stageName, order: index + 1 };
    if (row) {
      keptStages.add(row.id);
      if (text(row.stage) !== stageName) stageRenames.set(text(row.stage), stageName);
      w.update('stages', row, values, fields.version);
    } else {
      w.append('stages', { id: text(fields.id) || context.newId(), ...values });
    }
    const oldStage = row ? text(row.stage) : stageName;
    const existingTasks = (tables.stageTasks ?? []).filter(
      (t) => text(t.pipeline) === before && text(t.stage) === oldStage,
    );
    const keptTasks = new Set<string>();
    for (const taskFields of tasks) {
      const title = text(taskFields.title);
      const taskRow =
        existingTasks.find((t) => taskFields.id && t.id === taskFields.id) ??
        existingTasks.find((t) => !keptTasks.has(t.id) && text(t.title) === title);
      const taskValues = { ...own(taskFields), pipeline: name, stage: stageName, title };
      if (taskRow) {
        keptTasks.add(taskRow.id);
        w.update('stageTasks', taskRow, taskValues, taskFields.version);
      } else {
        w.append('stageTasks', { id: text(taskFields.id) || context.newId(), ...taskValues });
      }
    }
    for (const t of existingTasks) if (!keptTasks.has(t.id)) w.remove('stageTasks', t);
  });
  for (const stage of existingStages) {
    if (keptStages.has(stage.id)) continue;
    const standing = opportunities.filter((o) => o.status === 'open' && text(o.stage) === text(stage.stage));
    if (standing.length > 0) {
      throw new RelacjeError('stageInUse', {
        pipeline: before,
        stage: text(stage.stage),
        count: standing.length,
      });
    }
    w.remove('stages', stage);
    for (const t of tables.stageTasks ?? []) {
      if (text(t.pipeline) === before && text(t.stage) === text(stage.stage)) w.remove('stageTasks', t);
    }
  }
  for (const o of opportunities) {
    const stage = stageRenames.get(text(o.stage));
    const changes: RecordFields = {};
    if (before !== name) changes.pipeline = name;
    if (stage !== undefined) changes.stage = stage;
    if (Object.keys(changes).length > 0) w.update('opportunities', o, changes);
  }
  // Their tasks keep the stage's name, so that entering a renamed stage again creates none twice.
  if (stageRenames.size > 0) {
    const ids = new Set(opportunities.map((o) => o.id));
    for (const t of tables.tasks ?? []) {
      const stage = stageRenames.get(text(t.stage));
      if (stage !== undefined && ids.has(String(t.opportunityId))) w.update('tasks', t, { stage });
    }
  }
  if (before !== name) {
    for (const g of tables.goals ?? [])
      if (text(g.pipeline) === before) w.update('goals', g, { pipeline: name });
  }
  return w.writes;
}

/** The writes that add a ready funnel under its name in the workbook's language, or `name`. */
export function planReadyFunnel(
  tables: TableRows,
  key: string,
  name: string | undefined,
  context: DesignContext,
): Record<string, TableWrites> {
  const funnel = readyFunnelByKey(key);
  if (!funnel) throw new RelacjeError('unknownReadyFunnel', { key, keys: READY_FUNNELS.map((f) => f.key) });
  const rows = readyFunnelRows(funnel, { locale: context.locale, newId: context.newId, name });
  const pipeline = text(rows.pipelines[0].name);
  if (pipelineNames(tables).includes(pipeline)) throw new RelacjeError('pipelineExists', { pipeline });
  const w = new DesignWrites(context);
  for (const table of ['pipelines', 'stages', 'stageTasks'] as const) {
    for (const row of rows[table]) w.append(table, row);
  }
  return w.writes;
}

import type { TableRows } from '../../core/clients/client-rows';
import { parseTypedNumber } from '../../core/cells';
import type { Locale } from '../../core/i18n';
import {
  pipelineSettings,
  requiredFieldsOf,
  semicolonList,
  stagesOf,
} from '../../core/sales/pipeline-reading';
import type { RecordFields } from '../../core/records';
import type { PipelineDesign } from '../../services/sales-process';
import { opportunityFieldLabel } from './sales-columns';
import type { SalesTextKey } from './sales-texts';

/** A stage task as the designer edits it (numbers as typed). */
export interface TaskDraft {
  id?: string;
  version?: number;
  title: string;
  ownerRole: string;
  priority: string;
  dueInDays: string;
}

export interface StageDraft {
  id?: string;
  version?: number;
  stage: string;
  probability: string;
  goal: string;
  expectedDays: string;
  /** Keys of the opportunity fields required on entry. */
  requiredFields: string[];
  tasks: TaskDraft[];
}

export interface FunnelDraft {
  previousName?: string;
  settingsId?: string;
  settingsVersion?: number;
  name: string;
  description: string;
  clientType: string;
  product: string;
  saleForm: string;
  /** One reason a line. */
  lostReasons: string;
  stages: StageDraft[];
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const versionOf = (value: unknown) => (typeof value === 'number' ? value : undefined);

export const EMPTY_STAGE: StageDraft = {
  stage: '',
  probability: '',
  goal: '',
  expectedDays: '',
  requiredFields: [],
  tasks: [],
};

export const EMPTY_TASK: TaskDraft = { title: '', ownerRole: '', priority: 'normal', dueInDays: '' };

function requiredKeysOf(stage: Parameters<typeof requiredFieldsOf>[0]): string[] {
  try {
    return requiredFieldsOf(stage).map((c) => c.key);
  } catch {
    // A name that is no field is dropped from the checkboxes; saving writes the fields ticked.
    return [];
  }
}

/** A pipeline of the workbook as the designer's draft; an empty draft for a new one. */
export function funnelDraftOf(tables: TableRows, pipeline: string | null): FunnelDraft {
  if (!pipeline)
    return {
      name: '',
      description: '',
      clientType: '',
      product: '',
      saleForm: '',
      lostReasons: '',
      stages: [{ ...EMPTY_STAGE }],
    };
  const settings = pipelineSettings(tables, pipeline);
  return {
    previousName: pipeline,
    settingsId: settings?.id,
    settingsVersion: versionOf(settings?.version),
    name: pipeline,
    description: text(settings?.description),
    clientType: text(settings?.clientType),
    product: text(settings?.product),
    saleForm: text(settings?.saleForm),
    lostReasons: semicolonList(settings?.lostReasons).join('\n'),
    stages: stagesOf(tables, pipeline).map((s) => ({
      id: s.id,
      version: versionOf(s.version),
      stage: text(s.stage),
      probability: text(s.probability),
      goal: text(s.goal),
      expectedDays: text(s.expectedDays),
      requiredFields: requiredKeysOf(s),
      tasks: (tables.stageTasks ?? [])
        .filter((t) => t.pipeline === pipeline && t.stage === s.stage)
        .map((t) => ({
          id: t.id,
          version: versionOf(t.version),
          title: text(t.title),
          ownerRole: text(t.ownerRole),
          priority: text(t.priority) || 'normal',
          dueInDays: text(t.dueInDays),
        })),
    })),
  };
}

/** What is wrong with a draft, by a path such as `name`, `stages.1.stage`, `stages.0.tasks.2.title`. */
export type FunnelProblems = Record<string, SalesTextKey>;

const wholeDays = (value: string) => {
  if (value.trim() === '') return { ok: true as const, value: null };
  const n = parseTypedNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0
    ? { ok: true as const, value: n }
    : { ok: false as const, value: null };
};
const percent = (value: string) => {
  if (value.trim() === '') return { ok: true as const, value: null };
  const n = parseTypedNumber(value);
  return n !== undefined && n >= 0 && n <= 100
    ? { ok: true as const, value: n }
    : { ok: false as const, value: null };
};

/** Checks a draft before it is saved: names given and distinct, numbers that are numbers. */
export function funnelProblems(draft: FunnelDraft, otherNames: readonly string[]): FunnelProblems {
  const problems: FunnelProblems = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'pipelineNameMissing';
  else if (otherNames.includes(name)) problems.name = 'pipelineNameTaken';
  if (draft.stages.length === 0) problems.stages = 'noStages';
  const seen = new Set<string>();
  draft.stages.forEach((s, i) => {
    const stage = s.stage.trim();
    if (!stage) problems[`stages.${i}.stage`] = 'stageNameMissing';
    else if (seen.has(stage.toLocaleLowerCase('pl'))) problems[`stages.${i}.stage`] = 'stageNameTwice';
    seen.add(stage.toLocaleLowerCase('pl'));
    if (!percent(s.probability).ok) problems[`stages.${i}.probability`] = 'badPercent';
    if (!wholeDays(s.expectedDays).ok) problems[`stages.${i}.expectedDays`] = 'badDays';
    s.tasks.forEach((t, j) => {
      if (!t.title.trim()) problems[`stages.${i}.tasks.${j}.title`] = 'taskTitleMissing';
      if (!wholeDays(t.dueInDays).ok) problems[`stages.${i}.tasks.${j}.dueInDays`] = 'badDays';
    });
  });
  return problems;
}

const withId = (id: string | undefined, version: number | undefined): RecordFields =>
  id ? { id, ...(version !== undefined ? { version } : {}) } : {};

/**
 * A checked draft as the service saves it; required fields go in by their headers in the
 * workbook's language, as the ready funnels write them (readable in Excel).
 */
export function pipelineDesignOf(draft: FunnelDraft, workbookLocale: Locale): PipelineDesign {
  const name = draft.name.trim();
  return {
    ...(draft.previousName ? { previousName: draft.previousName } : {}),
    settings: {
      ...withId(draft.settingsId, draft.settingsVersion),
      name,
      description: draft.description.trim() || null,
      clientType: draft.clientType || null,
      product: draft.product.trim() || null,
      saleForm: draft.saleForm.trim() || null,
      lostReasons:
        draft.lostReasons
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean)
          .join('; ') || null,
    },
    stages: draft.stages.map((s) => ({
      fields: {
        ...withId(s.id, s.version),
        pipeline: name,
        stage: s.stage.trim(),
        probability: percent(s.probability).value ?? null,
        goal: s.goal.trim() || null,
        expectedDays: wholeDays(s.expectedDays).value ?? null,
        requiredFields:
          s.requiredFields.map((key) => opportunityFieldLabel(key, workbookLocale)).join('; ') || null,
      },
      tasks: s.tasks.map((t) => ({
        ...withId(t.id, t.version),
        pipeline: name,
        stage: s.stage.trim(),
        title: t.title.trim(),
        ownerRole: t.ownerRole.trim() || null,
        priority: t.priority || 'normal',
        dueInDays: wholeDays(t.dueInDays).value ?? null,
      })),
    })),
  };
}

import type { RecordFields } from '../core/records';
import type { LineInput } from '../core/sales/opportunity-transitions';
import type { PipelineDraft } from '../core/sales/pipeline-design';
import type { StoredRecord } from '../store/port';

/** A product or service line of an opportunity as the user edits it (money in grosze, discount in %). */
export type OpportunityLineDraft = LineInput;

/**
 * A new opportunity: client (and person), name, pipeline and its first stage unless another is
 * named; probability from the stage unless given; owner the user unless given; PLN unless given.
 */
export interface OpportunityDraft {
  fields: RecordFields;
  lines?: readonly OpportunityLineDraft[];
  /** The tender's notice, deadlines, bid bond and documents, for a tender opportunity. */
  tender?: RecordFields;
}

/** What moving an opportunity into a stage wrote: the opportunity, the tasks the stage created. */
export interface StageEntry {
  opportunity: StoredRecord;
  createdTasks: StoredRecord[];
}

/** How an opportunity is closed as won: optionally with the project card of what was sold. */
export interface WinOptions {
  project?: { name: string; manager?: string | null; startDate?: string | null };
}

/**
 * A pipeline as the funnel designer edits it: its settings, its ordered stages, their tasks (rows
 * as read, with `id` and `version`, or new ones); `previousName` when it is renamed.
 */
export type PipelineDesign = PipelineDraft;

/**
 * The salesperson's day, as the panes call it (`CrmService` extends it). Every method validates
 * with the core (`core/sales`), writes in one `store.write` batch with its audit rows and the
 * client's history entries, version-checks what it changes, and refuses with a `RelacjeError`
 * people can read, leaving the workbook as it was.
 */
export interface SalesProcess {
  /** Creates the opportunity, its lines, its tender data and the tasks of the stage it starts in. */
  createOpportunity(draft: OpportunityDraft): Promise<StageEntry>;
  /** Changes an opportunity's fields and, when given, replaces its lines. */
  updateOpportunity(
    id: string,
    expectedVersion: number,
    changes: RecordFields,
    lines?: readonly OpportunityLineDraft[],
  ): Promise<StoredRecord>;
  /**
   * Moves an open opportunity into a stage of its pipeline: the stage's required fields are
   * checked (`changes` may fill them in the same step), its tasks are created once (entering it
   * again creates none), its probability applies unless the user set one, a history entry says so.
   * Into the stage it already stands in: only `changes` are written (nothing without them), no tasks.
   */
  moveOpportunity(
    id: string,
    expectedVersion: number,
    stage: string,
    changes?: RecordFields,
  ): Promise<StageEntry>;
  /**
   * Closes as won: only when its offers are closed (one accepted, the rest rejected or expired); an
   * opportunity with no offers at all may be won (a sale on an order or contract without a numbered
   * offer). `options.project` adds the project card, linked to the accepted offer.
   */
  winOpportunity(id: string, expectedVersion: number, options?: WinOptions): Promise<StoredRecord>;
  /** Closes as lost: the reason is required (from the pipeline's list), the note optional. */
  loseOpportunity(id: string, expectedVersion: number, reason: string, note?: string): Promise<StoredRecord>;
  /** Opens a won or lost opportunity again, in the stage it was closed in. */
  reopenOpportunity(id: string, expectedVersion: number): Promise<StoredRecord>;
  /** Adds one of the ready funnels (`core/sales/ready-funnels`) under its name or `name`. */
  addReadyFunnel(key: string, name?: string): Promise<void>;
  /** Writes a pipeline as designed: settings, stages and stage tasks, what changed only. */
  savePipeline(design: PipelineDesign): Promise<void>;
}

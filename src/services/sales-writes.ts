import type { TableWrites } from '../core/clients/client-merge';
import type { ValidationMode } from '../core/records';
import { planPipelineSave, planReadyFunnel, type DesignContext } from '../core/sales/pipeline-design';
import {
  planOpportunityCreation,
  planOpportunityLoss,
  planOpportunityMove,
  planOpportunityReopen,
  planOpportunityUpdate,
  planOpportunityWin,
  type SalesContext,
  type SalesPlan,
} from '../core/sales/opportunity-transitions';
import { warsawDay } from '../core/tasks/calendar-days';
import type {
  BatchResult,
  NewRecord,
  RecordFields,
  StoredRecord,
  TableChanges,
  WorkbookSnapshot,
} from '../store/port';
import { tableChangesOf } from './record-removal';
import type {
  OpportunityDraft,
  OpportunityLineDraft,
  PipelineDesign,
  SalesProcess,
  StageEntry,
  WinOptions,
} from './sales-process';

/** The store-facing part of the service the sales process needs. */
export interface SalesWriter {
  user: string;
  now: () => Date;
  newId: () => string;
  /** The workbook as loaded (read first when nothing was). */
  snapshot(): Promise<WorkbookSnapshot>;
  /** The records checked against their table, normalised; any issue refuses the whole batch. */
  validated(table: string, records: readonly RecordFields[], mode: ValidationMode): RecordFields[];
  /** The changes and their audit rows in one store call. */
  writeAudited(changes: readonly TableChanges[], audit: readonly NewRecord[]): Promise<BatchResult[]>;
}

/**
 * The sales process over the store: each method reads the loaded workbook, asks the core for the
 * plan (`core/sales`), validates every record the plan writes, and writes it with its audit rows
 * and history entry in one `store.write` batch, all or nothing.
 */
export class SalesWrites implements SalesProcess {
  constructor(private readonly writer: SalesWriter) {}

  async createOpportunity(draft: OpportunityDraft): Promise<StageEntry> {
    const { tables, context } = await this.begin();
    const plan = planOpportunityCreation(tables, draft, context);
    return this.stageEntry(plan, await this.write(plan.writes));
  }

  async updateOpportunity(
    id: string,
    expectedVersion: number,
    changes: RecordFields,
    lines?: readonly OpportunityLineDraft[],
  ): Promise<StoredRecord> {
    const { tables, context } = await this.begin();
    const plan = planOpportunityUpdate(tables, id, expectedVersion, changes, lines, context);
    return this.stageEntry(plan, await this.write(plan.writes)).opportunity;
  }

  async moveOpportunity(
    id: string,
    expectedVersion: number,
    stage: string,
    changes: RecordFields = {},
  ): Promise<StageEntry> {
    const { tables, context } = await this.begin();
    const plan = planOpportunityMove(tables, id, expectedVersion, stage, changes, context);
    if (!plan) {
      const opportunity = tables.opportunities.find((o) => o.id === id) as StoredRecord;
      return { opportunity, createdTasks: [] };
    }
    return this.stageEntry(plan, await this.write(plan.writes));
  }

  async winOpportunity(id: string, expectedVersion: number, options: WinOptions = {}): Promise<StoredRecord> {
    const { tables, context } = await this.begin();
    const plan = planOpportunityWin(tables, id, expectedVersion, options, context);
    return this.stageEntry(plan, await this.write(plan.writes)).opportunity;
  }

  async loseOpportunity(
    id: string,
    expectedVersion: number,
    reason: string,
    note?: string,
  ): Promise<StoredRecord> {
    const { tables, context } = await this.begin();
    const plan = planOpportunityLoss(tables, id, expectedVersion, reason, note, context);
    return this.stageEntry(plan, await this.write(plan.writes)).opportunity;
  }

  async reopenOpportunity(id: string, expectedVersion: number): Promise<StoredRecord> {
    const { tables, context } = await this.begin();
    const plan = planOpportunityReopen(tables, id, expectedVersion, context);
    return this.stageEntry(plan, await this.write(plan.writes)).opportunity;
  }

  async addReadyFunnel(key: string, name?: string): Promise<void> {
    const { tables, context } = await this.begin();
    await this.write(planReadyFunnel(tables, key, name, context));
  }

  async savePipeline(design: PipelineDesign): Promise<void> {
    const { tables, context } = await this.begin();
    const writes = planPipelineSave(tables, design, context);
    if (Object.keys(writes).length > 0) await this.write(writes);
  }

  private async begin(): Promise<{
    tables: WorkbookSnapshot['tables'];
    context: SalesContext & DesignContext;
  }> {
    const snapshot = await this.writer.snapshot();
    const now = this.writer.now();
    return {
      tables: snapshot.tables,
      context: {
        today: warsawDay(now),
        at: now.toISOString(),
        user: this.writer.user,
        newId: this.writer.newId,
        locale: snapshot.meta.locale,
      },
    };
  }

  /** Every record of the plan validated (normalised as the store keeps it), then one write. */
  private write(writes: Record<string, TableWrites>): Promise<BatchResult[]> {
    const { audit, ...others } = writes;
    const checked: Record<string, TableWrites> = {};
    for (const [table, w] of Object.entries(others)) {
      const appends = this.writer.validated(table, w.appends, 'create') as NewRecord[];
      const changes = this.writer.validated(
        table,
        w.updates.map((u) => u.changes),
        'update',
      );
      checked[table] = {
        appends,
        updates: w.updates.map((u, i) => ({ ...u, changes: changes[i] })),
        removes: w.removes,
      };
    }
    return this.writer.writeAudited(tableChangesOf(checked, 'opportunities'), audit?.appends ?? []);
  }

  private stageEntry(plan: SalesPlan, results: readonly BatchResult[]): StageEntry {
    const of = (table: string) => results.find((r) => r.table === table);
    const rows = of('opportunities');
    const opportunity = [...(rows?.appended ?? []), ...(rows?.updated ?? [])].find(
      (r) => r.id === plan.opportunityId,
    ) as StoredRecord;
    const tasks = new Map((of('tasks')?.appended ?? []).map((t) => [t.id, t]));
    const createdTasks = plan.createdTaskIds.flatMap((id) => tasks.get(id) ?? []);
    return { opportunity, createdTasks };
  }
}

import { auditRow, type AuditAction } from '../clients/audit-rows';
import type { TableWrites } from '../clients/client-merge';
import { isEmptyValue, type NewRow, type StoredRow, type TableRows } from '../clients/client-rows';
import { RelacjeError } from '../errors';
import type { Bilingual, Locale } from '../i18n';
import { countOf, type CountForms } from '../plural';
import type { FieldValue, RecordFields } from '../records';
import { CURRENT_SCHEMA, enumByKey, tableByKey } from '../schema';
import { addDays } from '../tasks/calendar-days';
import {
  lostReasonsOf,
  missingRequiredFields,
  stageOf,
  stagesOf,
  stageTasksOf,
  variantOfStageTask,
} from './pipeline-reading';

/** What every transition needs besides the rows: the day and moment, who, ids, the workbook's language. */
export interface SalesContext {
  /** The calendar day in Europe/Warsaw (`warsawDay`): entry days, due dates, closing days. */
  today: string;
  /** ISO timestamp of the change: the history entry's and the audit's. */
  at: string;
  user: string;
  newId: () => string;
  /** The workbook's language (`snapshot.meta.locale`): the history entry is written in it. */
  locale: Locale;
}

/** The writes of one transition, by table key, with what the caller reports back. */
export interface SalesPlan {
  writes: Record<string, TableWrites>;
  opportunityId: string;
  /** Ids of the tasks the plan appends, in order. */
  createdTaskIds: string[];
  historyEntry: NewRow;
}

/** A product or service line as the user gave it (money in grosze, discount in %). */
export interface LineInput {
  productId?: string | null;
  description: string;
  quantity: number;
  unit: string;
  netPrice: number;
  discount?: number | null;
  vatRate: string;
}

const TASK_FORMS: CountForms = { pl: ['zadanie', 'zadania', 'zadań'], en: ['task', 'tasks'] };
const OPPORTUNITY_COLUMNS = tableByKey(CURRENT_SCHEMA, 'opportunities').columns;
const STATUS_LABELS = enumByKey(CURRENT_SCHEMA, 'opportunityStatus').values;
const CLOSED_OFFER = new Set(['accepted', 'rejected', 'expired']);
/** Fields only the transitions change: editing them would skip the stage's checks and tasks. */
const TRANSITION_FIELDS = ['pipeline', 'stage', 'status', 'closedOn', 'stageEnteredOn', 'lostReason'];

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim() : '');
const fold = (value: string) => value.trim().toLocaleLowerCase('pl');
const quoted = (value: string, locale: Locale) => (locale === 'pl' ? `„${value}”` : `"${value}"`);

/** Collects a plan's writes table by table, with an audit row for every record it touches. */
class PlanBuilder {
  readonly writes: Record<string, TableWrites> = {};
  readonly createdTaskIds: string[] = [];

  constructor(private readonly context: SalesContext) {}

  private of(table: string): TableWrites {
    return (this.writes[table] ??= { updates: [], appends: [], removes: [] });
  }

  private audit(action: AuditAction, table: string, recordId: string, details: unknown): void {
    const { newId, at, user } = this.context;
    this.of('audit').appends.push(auditRow({ id: newId(), at, user, action, table, recordId, details }));
  }

  append(table: string, row: NewRow, details: Record<string, unknown> = {}): NewRow {
    this.of(table).appends.push(row);
    this.audit('create', table, row.id, { ...details, fields: row });
    return row;
  }

  update(table: string, row: StoredRow, changes: RecordFields, details: Record<string, unknown> = {}): void {
    this.of(table).updates.push({ id: row.id, expectedVersion: row.version, changes });
    this.audit('update', table, row.id, { ...details, changes });
  }

  remove(table: string, row: StoredRow, details: Record<string, unknown> = {}): void {
    this.of(table).removes.push({ id: row.id, expectedVersion: row.version });
    this.audit('delete', table, row.id, details);
  }

  /** The client's history entry (type `opportunity`); not audited: it is itself the record of the change. */
  history(opportunity: RecordFields & { id: string }, subject: string, details: string | null): NewRow {
    const entry: NewRow = {
      id: this.context.newId(),
      clientId: opportunity.clientId ?? null,
      personId: opportunity.personId ?? null,
      opportunityId: opportunity.id,
      type: 'opportunity',
      occurredAt: this.context.at,
      subject,
      details,
      owner: this.context.user,
    };
    this.of('activities').appends.push(entry);
    return entry;
  }

  plan(opportunityId: string, historyEntry: NewRow): SalesPlan {
    return { writes: this.writes, opportunityId, createdTaskIds: this.createdTaskIds, historyEntry };
  }
}

function opportunityOf(tables: TableRows, id: string, expectedVersion: number): StoredRow {
  const row = (tables.opportunities ?? []).find((o) => o.id === id);
  if (!row) throw new RelacjeError('recordNotFound', { table: 'opportunities', id });
  if (row.version !== expectedVersion) {
    throw new RelacjeError('conflict', {
      table: 'opportunities',
      id,
      expectedVersion,
      actualVersion: row.version,
    });
  }
  return row;
}

function statusLabel(status: string): Bilingual {
  return STATUS_LABELS.find((v) => v.key === status)?.label ?? { pl: status, en: status };
}

function requireOpen(opportunity: StoredRow): void {
  const status = text(opportunity.status);
  if (status !== 'open') {
    throw new RelacjeError('opportunityClosed', {
      opportunity: text(opportunity.name),
      status: statusLabel(status),
    });
  }
}

function checkRequiredFields(stage: StoredRow, opportunity: RecordFields): void {
  const missing = missingRequiredFields(stage, opportunity);
  if (missing.length > 0) {
    throw new RelacjeError('missingStageFields', {
      opportunity: text(opportunity.name),
      stage: text(stage.stage),
      fields: missing.map((c) => c.header),
    });
  }
}

const probabilityOf = (stage: StoredRow): number | null =>
  typeof stage.probability === 'number' ? stage.probability : null;

/**
 * The stage's tasks the opportunity has not got yet (same opportunity, stage and title): due the
 * entry day plus their days (or the stage's expected days), owned by the opportunity's owner.
 * A task for a cooperation variant ("[Kooperacja] …") only when the client has that variant.
 */
function enterStage(
  plan: PlanBuilder,
  tables: TableRows,
  opportunity: RecordFields & { id: string },
  stage: StoredRow,
  context: SalesContext,
): string[] {
  const pipeline = text(opportunity.pipeline);
  const stageName = text(stage.stage);
  const existing = new Set(
    (tables.tasks ?? [])
      .filter((t) => t.opportunityId === opportunity.id && text(t.stage) === stageName)
      .map((t) => fold(text(t.title))),
  );
  const variant = text((tables.clients ?? []).find((c) => c.id === opportunity.clientId)?.cooperationVariant);
  const owner = text(opportunity.owner) || context.user;
  const expectedDays = typeof stage.expectedDays === 'number' ? stage.expectedDays : null;
  const created: string[] = [];
  for (const spec of stageTasksOf(tables, pipeline, stageName)) {
    if (existing.has(fold(spec.title))) continue;
    const forVariant = variantOfStageTask(spec.title);
    if (forVariant !== null && forVariant !== variant) continue;
    const days = spec.dueInDays ?? expectedDays;
    const task = plan.append(
      'tasks',
      {
        id: context.newId(),
        title: spec.title,
        owner,
        priority: spec.priority,
        dueDate: days === null ? null : addDays(context.today, days),
        status: 'todo',
        completedOn: null,
        clientId: opportunity.clientId ?? null,
        opportunityId: opportunity.id,
        stage: stageName,
        notes: spec.ownerRole
          ? context.locale === 'pl'
            ? `Rola wykonawcy: ${spec.ownerRole}`
            : `Owner role: ${spec.ownerRole}`
          : null,
      },
      { stageEntry: stageName },
    );
    plan.createdTaskIds.push(task.id);
    created.push(spec.title);
  }
  return created;
}

function tasksDetails(titles: readonly string[], locale: Locale): string | null {
  if (titles.length === 0) return null;
  const count = countOf(locale, titles.length, TASK_FORMS);
  return `${locale === 'pl' ? 'Utworzono' : 'Created'} ${count}: ${titles.join('; ')}`;
}

/** A line's net amount after its discount, in grosze. */
export function lineNet(line: Pick<LineInput, 'quantity' | 'netPrice' | 'discount'>): number {
  const discount = typeof line.discount === 'number' ? line.discount : 0;
  return Math.round((line.quantity * line.netPrice * (100 - discount)) / 100);
}

function lineRows(opportunityId: string, lines: readonly LineInput[], newId: () => string): NewRow[] {
  return lines.map((line, index) => ({
    id: newId(),
    opportunityId,
    lineNo: index + 1,
    productId: line.productId ?? null,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    netPrice: line.netPrice,
    discount: line.discount ?? null,
    vatRate: line.vatRate,
  }));
}

/** A tender's deadlines still ahead, as tasks: questions, submission, opening, the bid bond's end. */
const TENDER_DEADLINES: readonly { field: string; title: Bilingual; priority: string }[] = [
  {
    field: 'questionsDeadline',
    title: { pl: 'Termin pytań do zamawiającego', en: 'Deadline for questions to the buyer' },
    priority: 'high',
  },
  {
    field: 'submissionDeadline',
    title: { pl: 'Termin składania ofert', en: 'Bid submission deadline' },
    priority: 'urgent',
  },
  { field: 'openingDate', title: { pl: 'Otwarcie ofert', en: 'Opening of bids' }, priority: 'normal' },
  {
    field: 'bidBondValidUntil',
    title: {
      pl: 'Koniec ważności wadium — zwrot lub przedłużenie',
      en: 'Bid bond expires: return or extend',
    },
    priority: 'normal',
  },
];

export interface OpportunityCreation {
  fields: RecordFields;
  lines?: readonly LineInput[];
  tender?: RecordFields;
}

/**
 * A new opportunity: in its pipeline's first stage unless one is named, with the stage's
 * probability unless given, the user as owner and PLN unless given, its value summed from its
 * lines when not given; the start stage's required fields checked and its tasks created, the
 * tender's data with its deadlines ahead as tasks, one history entry.
 */
export function planOpportunityCreation(
  tables: TableRows,
  input: OpportunityCreation,
  context: SalesContext,
): SalesPlan {
  const { fields } = input;
  const pipeline = text(fields.pipeline);
  if (!pipeline) throw new RelacjeError('unknownPipeline', { pipeline: '' });
  const stages = stagesOf(tables, pipeline);
  if (stages.length === 0) throw new RelacjeError('unknownPipeline', { pipeline });
  const stage = text(fields.stage) ? stageOf(tables, pipeline, text(fields.stage)) : stages[0];
  const lines = input.lines ?? [];
  const id = text(fields.id) || context.newId();
  const opportunity: RecordFields & { id: string } = {
    ...fields,
    id,
    pipeline,
    stage: text(stage.stage),
    status: 'open',
    currency: text(fields.currency) || 'PLN',
    owner: text(fields.owner) || context.user,
    probability: typeof fields.probability === 'number' ? fields.probability : probabilityOf(stage),
    value:
      isEmptyValue(fields.value) && lines.length > 0
        ? lines.reduce((sum, line) => sum + lineNet(line), 0)
        : (fields.value ?? null),
    stageEnteredOn: context.today,
    closedOn: null,
  };
  checkRequiredFields(stage, opportunity);
  const plan = new PlanBuilder(context);
  plan.append('opportunities', opportunity);
  for (const line of lineRows(id, lines, context.newId)) plan.append('opportunityLines', line);
  const created = enterStage(plan, tables, opportunity, stage, context);
  if (input.tender) {
    const tender = plan.append('tenders', { ...input.tender, id: context.newId(), opportunityId: id });
    for (const deadline of TENDER_DEADLINES) {
      const day = text(tender[deadline.field]);
      if (!day || day < context.today) continue;
      const task = plan.append('tasks', {
        id: context.newId(),
        title: deadline.title[context.locale],
        owner: opportunity.owner,
        priority: deadline.priority,
        dueDate: day,
        status: 'todo',
        completedOn: null,
        clientId: opportunity.clientId ?? null,
        opportunityId: id,
        stage: null,
        notes: null,
      });
      plan.createdTaskIds.push(task.id);
      created.push(String(task.title));
    }
  }
  const { locale } = context;
  const subject =
    locale === 'pl'
      ? `Nowa szansa ${quoted(text(opportunity.name), locale)} w etapie ${quoted(text(stage.stage), locale)}`
      : `New opportunity ${quoted(text(opportunity.name), locale)} in the stage ${quoted(text(stage.stage), locale)}`;
  return plan.plan(id, plan.history(opportunity, subject, tasksDetails(created, locale)));
}

/**
 * Moves an open opportunity into a stage of its own pipeline: `changes` applied first, the
 * stage's required fields checked, its tasks created once, its probability applied unless the
 * user had set one (a probability other than the current stage's), `stageEnteredOn` today.
 * Into the stage it stands in: an edit of `changes`, or null (nothing to write) when there are none.
 */
export function planOpportunityMove(
  tables: TableRows,
  id: string,
  expectedVersion: number,
  stageName: string,
  changes: RecordFields,
  context: SalesContext,
): SalesPlan | null {
  const current = opportunityOf(tables, id, expectedVersion);
  requireOpen(current);
  const pipeline = text(current.pipeline);
  const target = stageOf(tables, pipeline, stageName);
  const from = text(current.stage);
  // Dropped on its own stage: no entry (its days in the stage go on), only the changes, if any.
  if (text(target.stage) === from) {
    const edits = withoutTransitionFields(changes);
    return Object.keys(edits).length > 0
      ? planOpportunityUpdate(tables, id, expectedVersion, edits, undefined, context)
      : null;
  }
  const fromStage = stagesOf(tables, pipeline).find((s) => text(s.stage) === from);
  const ownProbability =
    typeof current.probability === 'number' &&
    (!fromStage || current.probability !== probabilityOf(fromStage));
  const probability =
    changes.probability !== undefined
      ? changes.probability
      : ownProbability
        ? current.probability
        : (probabilityOf(target) ?? current.probability ?? null);
  const update: RecordFields = {
    ...withoutTransitionFields(changes),
    stage: text(target.stage),
    probability,
    stageEnteredOn: context.today,
  };
  const moved = { ...current, ...update };
  checkRequiredFields(target, moved);
  const plan = new PlanBuilder(context);
  plan.update('opportunities', current, update, { move: { from, to: text(target.stage) } });
  const created = enterStage(plan, tables, moved, target, context);
  const { locale } = context;
  const name = quoted(text(current.name), locale);
  const subject =
    locale === 'pl'
      ? `Szansa ${name}: etap ${quoted(from, locale)} → ${quoted(text(target.stage), locale)}`
      : `Opportunity ${name}: stage ${quoted(from, locale)} → ${quoted(text(target.stage), locale)}`;
  return plan.plan(id, plan.history(moved, subject, tasksDetails(created, locale)));
}

function withoutTransitionFields(changes: RecordFields): RecordFields {
  const rest: RecordFields = { ...changes };
  for (const field of TRANSITION_FIELDS) delete rest[field];
  delete rest.id;
  return rest;
}

export interface WinInput {
  project?: { name?: string | null; manager?: string | null; startDate?: string | null };
}

/**
 * Closes an open opportunity as won. Its offers must be closed: at least one accepted, the others
 * rejected or expired. An opportunity with no offers at all may be won too: a sale closed on an
 * order or a signed contract with no numbered offer in the workbook (a phone order, a tender
 * whose offer lives on the platform) must not need a made-up offer. Optionally the project card,
 * linked to the accepted offer.
 */
export function planOpportunityWin(
  tables: TableRows,
  id: string,
  expectedVersion: number,
  input: WinInput,
  context: SalesContext,
): SalesPlan {
  const current = opportunityOf(tables, id, expectedVersion);
  requireOpen(current);
  const offers = (tables.offers ?? []).filter((o) => o.opportunityId === id);
  const numberOf = (o: StoredRow) => text(o.number) || o.id;
  const open = offers.filter((o) => !CLOSED_OFFER.has(text(o.status)));
  if (open.length > 0) {
    throw new RelacjeError('offersNotClosed', { opportunity: text(current.name), open: open.map(numberOf) });
  }
  const accepted = offers.filter((o) => text(o.status) === 'accepted');
  if (offers.length > 0 && accepted.length === 0) {
    throw new RelacjeError('noAcceptedOffer', {
      opportunity: text(current.name),
      offers: offers.map(numberOf),
    });
  }
  const changes: RecordFields = {
    status: 'won',
    probability: 100,
    closedOn: context.today,
    lostReason: null,
    lostNote: null,
  };
  const plan = new PlanBuilder(context);
  plan.update('opportunities', current, changes, { won: true });
  const { locale } = context;
  const name = quoted(text(current.name), locale);
  let subject = locale === 'pl' ? `Szansa ${name} wygrana` : `Opportunity ${name} won`;
  if (input.project) {
    const projectName = text(input.project.name) || text(current.name);
    plan.append('projects', {
      id: context.newId(),
      name: projectName,
      clientId: current.clientId ?? null,
      offerId: accepted[0]?.id ?? null,
      manager: text(input.project.manager) || null,
      startDate: text(input.project.startDate) || null,
      status: 'planned',
    });
    subject +=
      locale === 'pl'
        ? `; karta projektu ${quoted(projectName, locale)}`
        : `; project card ${quoted(projectName, locale)}`;
  }
  return plan.plan(id, plan.history({ ...current, ...changes }, subject, null));
}

/**
 * Closes an open opportunity as lost: a reason is required, one of the pipeline's list (matched
 * without regard to case, written as listed) or any text when the list is empty; a note optional.
 */
export function planOpportunityLoss(
  tables: TableRows,
  id: string,
  expectedVersion: number,
  reason: string,
  note: string | null | undefined,
  context: SalesContext,
): SalesPlan {
  const current = opportunityOf(tables, id, expectedVersion);
  requireOpen(current);
  const reasons = lostReasonsOf(tables, text(current.pipeline));
  const given = reason.trim();
  if (!given) throw new RelacjeError('lostReasonRequired', { opportunity: text(current.name), reasons });
  const listed = reasons.find((r) => fold(r) === fold(given));
  if (reasons.length > 0 && !listed) throw new RelacjeError('unknownLostReason', { reason: given, reasons });
  const lostReason = listed ?? given;
  const lostNote = note?.trim() || null;
  const changes: RecordFields = {
    status: 'lost',
    probability: 0,
    closedOn: context.today,
    lostReason,
    lostNote,
  };
  const plan = new PlanBuilder(context);
  plan.update('opportunities', current, changes, { lost: true });
  const { locale } = context;
  const name = quoted(text(current.name), locale);
  const subject =
    locale === 'pl' ? `Szansa ${name} przegrana: ${lostReason}` : `Opportunity ${name} lost: ${lostReason}`;
  return plan.plan(id, plan.history({ ...current, ...changes }, subject, lostNote));
}

/** Opens a won or lost opportunity again in the stage it was closed in, with that stage's probability. */
export function planOpportunityReopen(
  tables: TableRows,
  id: string,
  expectedVersion: number,
  context: SalesContext,
): SalesPlan {
  const current = opportunityOf(tables, id, expectedVersion);
  if (text(current.status) === 'open') {
    throw new RelacjeError('opportunityNotClosed', { opportunity: text(current.name) });
  }
  const pipeline = text(current.pipeline);
  const stage = stagesOf(tables, pipeline).find((s) => text(s.stage) === text(current.stage));
  const changes: RecordFields = {
    status: 'open',
    closedOn: null,
    lostReason: null,
    lostNote: null,
    probability: (stage && probabilityOf(stage)) ?? null,
    stageEnteredOn: context.today,
  };
  const plan = new PlanBuilder(context);
  plan.update('opportunities', current, changes, { reopened: true });
  const { locale } = context;
  const name = quoted(text(current.name), locale);
  const stageText = quoted(text(current.stage), locale);
  const subject =
    locale === 'pl'
      ? `Szansa ${name} otwarta ponownie w etapie ${stageText}`
      : `Opportunity ${name} reopened in the stage ${stageText}`;
  return plan.plan(id, plan.history({ ...current, ...changes }, subject, null));
}

/**
 * An edit of an opportunity's own fields (not its stage or status: those change through the
 * transitions above) and, when given, its lines replaced; the value follows the new lines unless
 * given. One history entry naming the fields changed by their headers.
 */
export function planOpportunityUpdate(
  tables: TableRows,
  id: string,
  expectedVersion: number,
  changes: RecordFields,
  lines: readonly LineInput[] | undefined,
  context: SalesContext,
): SalesPlan {
  const current = opportunityOf(tables, id, expectedVersion);
  const refused = TRANSITION_FIELDS.filter(
    (field) => changes[field] !== undefined && changes[field] !== current[field],
  );
  if (refused.length > 0) {
    throw new Error(`Opportunity fields changed only by its transitions: ${refused.join(', ')}`);
  }
  const update: RecordFields = withoutTransitionFields(changes);
  const plan = new PlanBuilder(context);
  if (lines) {
    for (const old of (tables.opportunityLines ?? []).filter((l) => l.opportunityId === id)) {
      plan.remove('opportunityLines', old, { replacedWith: 'new lines' });
    }
    for (const line of lineRows(id, lines, context.newId)) plan.append('opportunityLines', line);
    if (update.value === undefined) update.value = lines.reduce((sum, line) => sum + lineNet(line), 0);
  }
  plan.update('opportunities', current, update);
  const { locale } = context;
  const headers = Object.keys(update)
    .filter((key) => update[key] !== current[key])
    .map((key) => OPPORTUNITY_COLUMNS.find((c) => c.key === key)?.header[locale] ?? key);
  if (lines) headers.push(locale === 'pl' ? 'Pozycje' : 'Lines');
  const name = quoted(text(current.name), locale);
  const subject = locale === 'pl' ? `Zmieniono szansę ${name}` : `Opportunity ${name} changed`;
  const details = headers.length > 0 ? headers.join('; ') : null;
  return plan.plan(id, plan.history({ ...current, ...update }, subject, details));
}

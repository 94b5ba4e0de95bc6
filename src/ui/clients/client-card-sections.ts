import type { ClientCard } from '../../core/clients/client-card';
import type { CardRecordTable } from '../../core/clients/record-titles';
import type { Locale } from '../../core/i18n';
import type { RecordFields } from '../../core/records';
import type { TableKey } from '../../core/schema';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import { enumLabel, enumOptions } from '../shared/enum-options';
import { shownDate, shownMoney, shownText, todayIso } from '../shared/format';
import type { CardItemProps } from './CardItem';
import type { CardFormField } from './CardRecordForm';
import { CLIENT_TEXTS, clientText, type ClientTextKey } from './client-texts';

/** The quick "add" of a card section: which table, which fields the user fills, what is fixed. */
export interface QuickAddSpec {
  table: TableKey;
  label: ClientTextKey;
  fields: CardFormField[];
  initial: RecordFields;
  fixedAtSave?: () => RecordFields;
  /** How the record is written, when not by the service's generic `create`. */
  save?: (service: CrmService, fields: RecordFields) => Promise<StoredRecord>;
}

/** A one-click change of a record shown beside it (a task done, reopened). */
export interface QuickChange {
  label: ClientTextKey;
  /** Writes the change of the record as the user sees it (its version), in their language. */
  apply: (service: CrmService, row: StoredRecord, locale: Locale) => Promise<unknown>;
}

/** One list on the client card: its records, how each is shown (badges apart), and its quick add. */
export interface CardSectionSpec {
  key: CardRecordTable;
  title: ClientTextKey;
  rows: readonly StoredRecord[];
  item: (row: StoredRecord) => Omit<CardItemProps, 'badges'>;
  /** Closed-list fields shown as badges, with the list each takes its label from. */
  badges?: readonly { field: string; enumKey: string; outline?: boolean }[];
  add?: QuickAddSpec;
  /** The fields the user edits on a record of the list. */
  edit: CardFormField[];
  /** One-click changes offered on a record, when it is in the state they change. */
  quickChanges?: (row: StoredRecord) => QuickChange[];
  /** Where a record opens in a view of its own (an opportunity's), when the pane has one. */
  opensElsewhere?: boolean;
}

interface SectionContext {
  locale: Locale;
  card: ClientCard<StoredRecord>;
  stages: readonly StoredRecord[];
  surveys: readonly StoredRecord[];
  today: string;
  /** Who is working: the author of history entries, the owner of new tasks and opportunities. */
  user: string;
}

/** The activity kinds a person records by hand (the others are written by Relacje itself). */
const HAND_WRITTEN_ACTIVITIES = ['note', 'call', 'meeting', 'emailOut', 'emailIn'];

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

/** How long a new offer is valid by default. */
const OFFER_VALID_DAYS = 30;

function daysAfter(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return todayIso(new Date(year, month - 1, day + days));
}

function asChoices(values: readonly string[]) {
  return values.length > 0 ? values.map((v) => ({ key: v, label: v })) : undefined;
}

/** The sections of the card below its data: history first, as a salesperson reads it. */
export function cardSections({
  locale,
  card,
  stages,
  surveys,
  today,
  user,
}: SectionContext): CardSectionSpec[] {
  const clientId = card.client.id;
  const due = (value: StoredRecord[string]) =>
    value ? `${clientText(locale, 'due')}: ${shownDate(value, locale)}` : '';
  const pipelines = distinct(stages.map((s) => shownText(s.pipeline)));
  const stageNames = distinct(
    [...stages].sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0)).map((s) => shownText(s.stage)),
  );
  return [
    {
      key: 'activities',
      title: 'history',
      rows: card.history,
      item: (a) => ({
        title: shownText(a.subject),
        details: [
          enumLabel('activityType', shownText(a.type), locale),
          shownDate(a.occurredAt, locale),
          shownText(a.owner),
        ],
        body: shownText(a.details),
      }),
      add: {
        table: 'activities',
        label: 'addActivity',
        fields: [
          {
            key: 'type',
            choices: enumOptions('activityType', locale).filter((o) =>
              HAND_WRITTEN_ACTIVITIES.includes(o.key),
            ),
          },
          { key: 'subject' },
          { key: 'details' },
        ],
        initial: { clientId, type: 'note', owner: user },
        fixedAtSave: () => ({ occurredAt: new Date().toISOString() }),
      },
      edit: [
        { key: 'type', choices: enumOptions('activityType', locale) },
        { key: 'subject' },
        { key: 'details' },
        { key: 'owner' },
      ],
    },
    {
      key: 'people',
      title: 'people',
      rows: card.people.map((p) => p.person),
      item: (p) => ({
        title: `${shownText(p.firstName)} ${shownText(p.lastName)}`.trim(),
        details: [shownText(p.role), shownText(p.email), shownText(p.phone)],
      }),
      add: {
        table: 'people',
        label: 'addPerson',
        fields: ['firstName', 'lastName', 'role', 'email', 'phone', 'legalBasis', 'consentDate'].map(
          (key) => ({
            key,
          }),
        ),
        initial: { clientId },
      },
      edit: [
        'firstName',
        'lastName',
        'role',
        'email',
        'phone',
        'legalBasis',
        'consentDate',
        'consentSource',
        'consentScope',
        'consentWithdrawnOn',
        'retentionUntil',
      ].map((key) => ({ key })),
      quickChanges: (p) =>
        p.legalBasis === 'consent' && !p.consentWithdrawnOn
          ? [
              {
                label: 'withdrawConsent',
                apply: (service, row) =>
                  service.update('people', row.id, row.version, { consentWithdrawnOn: today }),
              },
            ]
          : [],
    },
    {
      key: 'tasks',
      title: 'tasks',
      rows: card.tasks,
      item: (t) => ({ title: shownText(t.title), details: [due(t.dueDate), shownText(t.owner)] }),
      badges: [
        { field: 'priority', enumKey: 'taskPriority', outline: true },
        { field: 'status', enumKey: 'taskStatus' },
      ],
      add: {
        table: 'tasks',
        label: 'addTask',
        fields: [{ key: 'title' }, { key: 'dueDate' }, { key: 'priority' }, { key: 'owner' }],
        initial: { clientId, status: 'todo', priority: 'normal', owner: user },
      },
      edit: ['title', 'dueDate', 'priority', 'status', 'owner', 'notes'].map((key) => ({ key })),
      quickChanges: (t) =>
        t.status === 'done' || t.status === 'cancelled'
          ? [
              {
                label: 'reopenTask',
                apply: (service, row, locale) => service.reopenTask(row.id, row.version, { locale }),
              },
            ]
          : [
              {
                label: 'completeTask',
                apply: (service, row, locale) => service.completeTask(row.id, row.version, { locale }),
              },
            ],
    },
    {
      key: 'opportunities',
      title: 'opportunities',
      rows: card.opportunities,
      item: (o) => ({
        title: shownText(o.name),
        details: [
          `${shownText(o.pipeline)}: ${shownText(o.stage)}`,
          shownMoney(o.value, locale, o.currency),
          typeof o.probability === 'number' ? `${clientText(locale, 'probability')} ${o.probability}%` : '',
        ],
      }),
      badges: [{ field: 'status', enumKey: 'opportunityStatus' }],
      add: {
        table: 'opportunities',
        label: 'addOpportunity',
        fields: [
          { key: 'name' },
          { key: 'value' },
          { key: 'pipeline', choices: asChoices(pipelines) },
          { key: 'stage', choices: asChoices(stageNames) },
          { key: 'expectedClose' },
          { key: 'owner' },
        ],
        initial: {
          clientId,
          status: 'open',
          pipeline: pipelines[0] ?? '',
          stage: stageNames[0] ?? '',
          owner: user,
        },
      },
      // Stages, won and lost are the opportunity view's; the card edits the plain fields.
      edit: ['name', 'value', 'expectedClose', 'owner'].map((key) => ({ key })),
      opensElsewhere: true,
    },
    {
      key: 'offers',
      title: 'offers',
      rows: card.offers,
      item: (o) => ({
        title: shownText(o.number),
        details: [
          shownDate(o.issuedOn, locale),
          typeof o.grossTotal === 'number'
            ? shownMoney(o.grossTotal, locale, o.currency)
            : typeof o.netTotal === 'number'
              ? `${shownMoney(o.netTotal, locale, o.currency)} ${clientText(locale, 'netShort')}`
              : '',
          o.validUntil ? `${clientText(locale, 'validUntilShort')} ${shownDate(o.validUntil, locale)}` : '',
        ],
      }),
      badges: [{ field: 'status', enumKey: 'offerStatus' }],
      add: {
        // The number, the status and the date of issue are the service's: the number from the counter.
        table: 'offers',
        label: 'addOffer',
        fields: [
          ...(card.opportunities.length > 0
            ? [
                {
                  key: 'opportunityId',
                  header: CLIENT_TEXTS.offerOpportunity,
                  choices: card.opportunities.map((o) => ({ key: o.id, label: shownText(o.name) })),
                },
              ]
            : []),
          { key: 'validUntil' },
          { key: 'netTotal' },
          { key: 'template' },
        ],
        initial: { clientId, validUntil: daysAfter(today, OFFER_VALID_DAYS) },
        save: (service, fields) => service.createOffer(fields),
      },
      edit: ['status', 'validUntil', 'netTotal', 'template'].map((key) => ({ key })),
    },
    {
      key: 'projects',
      title: 'projects',
      rows: card.projects,
      item: (p) => ({
        title: shownText(p.name),
        details: [
          enumLabel('projectStatus', shownText(p.status), locale),
          [shownDate(p.startDate, locale), shownDate(p.endDate, locale)].filter(Boolean).join(' – '),
          shownText(p.manager),
        ],
      }),
      add: {
        table: 'projects',
        label: 'addProject',
        fields: [{ key: 'name' }, { key: 'manager' }, { key: 'startDate' }],
        initial: { clientId, status: 'planned', startDate: today },
      },
      edit: [
        'name',
        'manager',
        'status',
        'startDate',
        'endDate',
        'acceptedOn',
        'acceptanceRemarks',
        'warrantyUntil',
        'referenceObtained',
      ].map((key) => ({ key })),
    },
    {
      key: 'surveyAnswers',
      title: 'surveyAnswers',
      rows: card.surveyAnswers,
      item: (a) => ({
        title: shownText(a.question),
        details: [
          shownText(surveys.find((s) => s.id === a.surveyId)?.name),
          typeof a.score === 'number' ? String(a.score) : '',
          shownDate(a.answeredOn, locale),
        ],
        body: shownText(a.comment),
      }),
      add:
        surveys.length === 0
          ? undefined
          : {
              table: 'surveyAnswers',
              label: 'addSurveyAnswer',
              fields: [
                { key: 'surveyId', choices: surveys.map((s) => ({ key: s.id, label: shownText(s.name) })) },
                { key: 'question' },
                { key: 'score' },
                { key: 'comment' },
              ],
              initial: { clientId, surveyId: surveys[surveys.length - 1].id, answeredOn: today },
            },
      edit: ['question', 'score', 'comment', 'answeredOn'].map((key) => ({ key })),
    },
    {
      key: 'complaints',
      title: 'complaints',
      rows: card.complaints,
      item: (c) => ({
        title: shownText(c.subject),
        details: [shownDate(c.receivedOn, locale), due(c.dueDate)],
        body: shownText(c.resolution),
      }),
      badges: [{ field: 'status', enumKey: 'complaintStatus' }],
      add: {
        table: 'complaints',
        label: 'addComplaint',
        fields: [{ key: 'subject' }, { key: 'receivedOn' }, { key: 'dueDate' }],
        initial: { clientId, status: 'received', receivedOn: today, owner: user },
      },
      edit: ['subject', 'status', 'dueDate', 'resolvedOn', 'resolution', 'owner'].map((key) => ({ key })),
    },
  ];
}

import type { ColumnSchema, ColumnType, TableSchema, TextCheck } from './types';

interface ColumnExtras {
  enumKey?: string;
  refTable?: string;
  check?: TextCheck;
  maxLength?: number;
}

/** A column whose key is known to the compiler, so that a table's field keys make a type. */
export type KeyedColumn<F extends string> = ColumnSchema & { readonly key: F };

function column<F extends string>(
  key: F,
  type: ColumnType,
  required: boolean,
  pl: string,
  en: string,
  extras: ColumnExtras = {},
): KeyedColumn<F> {
  return { key, type, required, header: { pl, en }, ...extras };
}

const required = true;
const optional = false;

const text = <F extends string>(key: F, pl: string, en: string, extras?: ColumnExtras) =>
  column(key, 'text', optional, pl, en, extras);
const choice = <F extends string>(key: F, enumKey: string, isRequired: boolean, pl: string, en: string) =>
  column(key, 'enum', isRequired, pl, en, { enumKey });
const ref = <F extends string>(key: F, refTable: string, isRequired: boolean, pl: string, en: string) =>
  column(key, 'ref', isRequired, pl, en, { refTable });

/** Every record has an id it was given by its creator and the fields of optimistic concurrency. */
export const ID_COLUMN = column('id', 'id', required, 'ID', 'ID');
export const TRACKING_COLUMNS: readonly ColumnSchema[] = [
  column('version', 'integer', required, 'Wersja', 'Version'),
  column('createdAt', 'datetime', required, 'Utworzono', 'Created at'),
  column('updatedAt', 'datetime', required, 'Zmieniono', 'Updated at'),
];

/** The fields every record has: its id and those of optimistic concurrency. */
export type TrackingKey = 'id' | 'version' | 'createdAt' | 'updatedAt';

/**
 * A table whose key and field keys are known to the compiler, so that the keys of the schema make
 * types (`TableKey`, `FieldKey`): a mistyped table or field name does not compile.
 */
export type KeyedTable<K extends string, F extends string = string> = TableSchema & {
  readonly key: K;
  readonly columns: readonly KeyedColumn<F | TrackingKey>[];
};

function table<K extends string, F extends string>(
  key: K,
  tableName: string,
  sheetPl: string,
  sheetEn: string,
  columns: readonly KeyedColumn<F>[],
): KeyedTable<K, F> {
  return {
    key,
    tableName,
    sheet: { pl: sheetPl, en: sheetEn },
    columns: [ID_COLUMN, ...columns, ...(TRACKING_COLUMNS as readonly KeyedColumn<TrackingKey>[])],
  };
}

/** A line of products or services (of an offer, of an opportunity), after the reference to its parent. */
function lineColumns() {
  return [
    column('lineNo', 'integer', required, 'Lp.', 'No.'),
    ref('productId', 'products', optional, 'ID produktu', 'Product ID'),
    column('description', 'text', required, 'Opis', 'Description'),
    column('quantity', 'number', required, 'Ilość', 'Quantity'),
    column('unit', 'text', required, 'Jednostka', 'Unit'),
    column('netPrice', 'money', required, 'Cena netto', 'Net price'),
  ];
}

/** The tables of schema version 1, in the order their sheets appear. */
export const TABLES_V1 = [
  table('clients', 'tClients', 'Klienci', 'Clients', [
    column('name', 'text', required, 'Nazwa', 'Name', { maxLength: 300 }),
    choice('type', 'clientType', required, 'Rodzaj', 'Type'),
    text('nip', 'NIP', 'NIP', { check: 'nip' }),
    text('regon', 'REGON', 'REGON', { check: 'regon' }),
    text('krs', 'KRS', 'KRS', { check: 'krs' }),
    text('industry', 'Branża', 'Industry'),
    text('city', 'Miejscowość', 'City'),
    text('street', 'Ulica i numer', 'Street address'),
    text('postalCode', 'Kod pocztowy', 'Postal code', { check: 'postalCode' }),
    text('country', 'Kraj', 'Country'),
    text('email', 'E-mail', 'E-mail', { check: 'email' }),
    text('phone', 'Telefon', 'Phone', { check: 'phone' }),
    text('website', 'Strona WWW', 'Website', { check: 'url' }),
    choice('source', 'clientSource', optional, 'Źródło', 'Source'),
    text('sourceDetail', 'Kampania / szczegóły źródła', 'Campaign / source detail'),
    text('owner', 'Opiekun', 'Owner'),
    choice('status', 'clientStatus', required, 'Status', 'Status'),
    text('segment', 'Segment', 'Segment'),
    choice('abcClass', 'abcClass', optional, 'Klasa ABC', 'ABC class'),
    column('keyAccount', 'boolean', optional, 'Klient kluczowy', 'Key account'),
    choice('cooperationVariant', 'cooperationVariant', optional, 'Wariant współpracy', 'Cooperation variant'),
    text('notes', 'Uwagi', 'Notes', { maxLength: 32000 }),
  ]),
  table('people', 'tPeople', 'Osoby', 'People', [
    ref('clientId', 'clients', required, 'ID klienta', 'Client ID'),
    column('firstName', 'text', required, 'Imię', 'First name'),
    column('lastName', 'text', required, 'Nazwisko', 'Last name'),
    text('role', 'Stanowisko', 'Role'),
    text('email', 'E-mail', 'E-mail', { check: 'email' }),
    text('phone', 'Telefon', 'Phone', { check: 'phone' }),
    text('pesel', 'PESEL', 'PESEL', { check: 'pesel' }),
    choice('legalBasis', 'gdprLegalBasis', optional, 'Podstawa prawna (RODO)', 'Legal basis (GDPR)'),
    column('consentDate', 'date', optional, 'Data zgody', 'Consent date'),
    text('consentSource', 'Źródło zgody', 'Consent source'),
    text('consentScope', 'Zakres zgody', 'Consent scope'),
    column('retentionUntil', 'date', optional, 'Przechowywać do', 'Retain until'),
  ]),
  table('activities', 'tActivities', 'Historia', 'Activities', [
    ref('clientId', 'clients', required, 'ID klienta', 'Client ID'),
    ref('personId', 'people', optional, 'ID osoby', 'Person ID'),
    ref('opportunityId', 'opportunities', optional, 'ID szansy', 'Opportunity ID'),
    choice('type', 'activityType', required, 'Rodzaj', 'Type'),
    column('occurredAt', 'datetime', required, 'Kiedy', 'When'),
    column('subject', 'text', required, 'Temat', 'Subject', { maxLength: 1000 }),
    text('details', 'Szczegóły', 'Details', { maxLength: 32000 }),
    text('owner', 'Kto', 'Who'),
    text('internetMessageId', 'Identyfikator wiadomości', 'Internet message ID'),
  ]),
  table('opportunities', 'tOpportunities', 'Szanse', 'Opportunities', [
    ref('clientId', 'clients', required, 'ID klienta', 'Client ID'),
    column('name', 'text', required, 'Nazwa', 'Name'),
    column('pipeline', 'text', required, 'Lejek', 'Pipeline'),
    column('stage', 'text', required, 'Etap', 'Stage'),
    column('value', 'money', optional, 'Wartość', 'Value'),
    text('currency', 'Waluta', 'Currency', { check: 'currency' }),
    column('probability', 'percent', optional, 'Prawdopodobieństwo %', 'Probability %'),
    column('expectedClose', 'date', optional, 'Planowane zamknięcie', 'Expected close'),
    text('owner', 'Opiekun', 'Owner'),
    choice('status', 'opportunityStatus', required, 'Status', 'Status'),
    column('closedOn', 'date', optional, 'Data zamknięcia', 'Closed on'),
    text('lostReason', 'Powód przegranej', 'Lost reason'),
  ]),
  table('stages', 'tStages', 'Lejki', 'Pipelines', [
    column('pipeline', 'text', required, 'Lejek', 'Pipeline'),
    column('stage', 'text', required, 'Etap', 'Stage'),
    column('order', 'integer', required, 'Kolejność', 'Order'),
    column('probability', 'percent', optional, 'Prawdopodobieństwo %', 'Probability %'),
    text('goal', 'Cel etapu', 'Stage goal'),
    text('entryTasks', 'Zadania na wejściu (po średniku)', 'Tasks on entry (semicolon-separated)'),
    column('expectedDays', 'integer', optional, 'Oczekiwana liczba dni', 'Expected days'),
  ]),
  table('tasks', 'tTasks', 'Zadania', 'Tasks', [
    column('title', 'text', required, 'Zadanie', 'Task'),
    text('owner', 'Wykonawca', 'Owner'),
    choice('priority', 'taskPriority', required, 'Priorytet', 'Priority'),
    column('dueDate', 'date', optional, 'Termin', 'Due date'),
    choice('status', 'taskStatus', required, 'Status', 'Status'),
    column('completedOn', 'date', optional, 'Wykonano', 'Completed on'),
    ref('clientId', 'clients', optional, 'ID klienta', 'Client ID'),
    ref('opportunityId', 'opportunities', optional, 'ID szansy', 'Opportunity ID'),
    text('stage', 'Etap', 'Stage'),
    text('notes', 'Uwagi', 'Notes'),
  ]),
  table('products', 'tProducts', 'Produkty', 'Products', [
    column('code', 'text', required, 'Kod', 'Code'),
    column('name', 'text', required, 'Nazwa', 'Name'),
    column('unit', 'text', required, 'Jednostka', 'Unit'),
    column('netPrice', 'money', required, 'Cena netto', 'Net price'),
    choice('vatRate', 'vatRate', required, 'Stawka VAT', 'VAT rate'),
    column('active', 'boolean', optional, 'Aktywny', 'Active'),
  ]),
  table('offers', 'tOffers', 'Oferty', 'Offers', [
    column('number', 'text', required, 'Numer', 'Number'),
    ref('clientId', 'clients', required, 'ID klienta', 'Client ID'),
    ref('opportunityId', 'opportunities', optional, 'ID szansy', 'Opportunity ID'),
    column('issuedOn', 'date', required, 'Data', 'Date'),
    column('validUntil', 'date', optional, 'Ważna do', 'Valid until'),
    choice('status', 'offerStatus', required, 'Status', 'Status'),
    column('netTotal', 'money', optional, 'Netto', 'Net total'),
    column('vatTotal', 'money', optional, 'VAT', 'VAT'),
    column('grossTotal', 'money', optional, 'Brutto', 'Gross total'),
    text('currency', 'Waluta', 'Currency', { check: 'currency' }),
    text('template', 'Szablon', 'Template'),
    text('documentUrl', 'Dokument', 'Document'),
    text('owner', 'Opiekun', 'Owner'),
  ]),
  table('offerLines', 'tOfferLines', 'Pozycje ofert', 'Offer lines', [
    ref('offerId', 'offers', required, 'ID oferty', 'Offer ID'),
    ...lineColumns(),
    choice('vatRate', 'vatRate', required, 'Stawka VAT', 'VAT rate'),
  ]),
  table('projects', 'tProjects', 'Projekty', 'Projects', [
    column('name', 'text', required, 'Nazwa', 'Name'),
    ref('clientId', 'clients', required, 'ID klienta', 'Client ID'),
    ref('offerId', 'offers', optional, 'ID oferty', 'Offer ID'),
    text('manager', 'Kierownik', 'Manager'),
    column('startDate', 'date', optional, 'Początek', 'Start'),
    column('endDate', 'date', optional, 'Koniec', 'End'),
    choice('status', 'projectStatus', required, 'Status', 'Status'),
    column('acceptedOn', 'date', optional, 'Odbiór', 'Accepted on'),
    text('acceptanceRemarks', 'Uwagi z protokołu odbioru', 'Acceptance remarks'),
    column('warrantyUntil', 'date', optional, 'Gwarancja do', 'Warranty until'),
    column('referenceObtained', 'boolean', optional, 'Referencje uzyskane', 'Reference obtained'),
    text('lessonsLearned', 'Wnioski', 'Lessons learned'),
  ]),
  table('surveys', 'tSurveys', 'Ankiety', 'Surveys', [
    column('name', 'text', required, 'Nazwa', 'Name'),
    column('year', 'integer', optional, 'Rok', 'Year'),
    choice('status', 'surveyStatus', required, 'Status', 'Status'),
    column('deadline', 'date', optional, 'Termin', 'Deadline'),
    text('issues', 'Katalog zagadnień (po średniku)', 'Issue catalogue (semicolon-separated)'),
    column('threshold', 'number', optional, 'Próg działań korygujących', 'Corrective-action threshold'),
    text('conclusions', 'Wnioski', 'Conclusions'),
  ]),
  table('surveyAnswers', 'tSurveyAnswers', 'Odpowiedzi', 'Survey answers', [
    ref('surveyId', 'surveys', required, 'ID ankiety', 'Survey ID'),
    ref('clientId', 'clients', optional, 'ID klienta', 'Client ID'),
    ref('projectId', 'projects', optional, 'ID projektu', 'Project ID'),
    column('question', 'text', required, 'Zagadnienie', 'Question'),
    column('score', 'number', optional, 'Ocena', 'Score'),
    text('comment', 'Komentarz', 'Comment'),
    column('answeredOn', 'date', optional, 'Data odpowiedzi', 'Answered on'),
  ]),
  table('complaints', 'tComplaints', 'Reklamacje', 'Complaints', [
    ref('clientId', 'clients', required, 'ID klienta', 'Client ID'),
    ref('projectId', 'projects', optional, 'ID projektu', 'Project ID'),
    column('receivedOn', 'date', required, 'Data zgłoszenia', 'Received on'),
    column('subject', 'text', required, 'Przedmiot', 'Subject'),
    choice('status', 'complaintStatus', required, 'Status', 'Status'),
    column('dueDate', 'date', optional, 'Termin odpowiedzi', 'Response due'),
    column('resolvedOn', 'date', optional, 'Data rozpatrzenia', 'Resolved on'),
    text('resolution', 'Rozstrzygnięcie', 'Resolution'),
    text('owner', 'Odpowiedzialny', 'Owner'),
  ]),
  table('goals', 'tGoals', 'Cele', 'Goals', [
    text('owner', 'Opiekun', 'Owner'),
    column('description', 'text', required, 'Cel (SMART)', 'Goal (SMART)'),
    choice('metric', 'goalMetric', required, 'Miara', 'Measure'),
    column('target', 'number', required, 'Wartość docelowa', 'Target'),
    column('periodStart', 'date', required, 'Od', 'From'),
    column('periodEnd', 'date', required, 'Do', 'To'),
  ]),
  table('audit', 'tAudit', 'Dziennik zmian', 'Audit', [
    column('at', 'datetime', required, 'Kiedy', 'When'),
    text('user', 'Kto', 'Who'),
    choice('action', 'auditAction', required, 'Działanie', 'Action'),
    column('table', 'text', required, 'Tabela', 'Table'),
    column('recordId', 'text', required, 'ID rekordu', 'Record ID'),
    text('details', 'Szczegóły', 'Details', { maxLength: 32000 }),
  ]),
] as const;

/** A table of an earlier version with columns added before the tracking columns. */
function withColumns<T extends TableSchema>(base: T, added: readonly ColumnSchema[]): T {
  const own = base.columns.filter((c) => c !== ID_COLUMN && !TRACKING_COLUMNS.includes(c));
  return { ...base, columns: [ID_COLUMN, ...own, ...added, ...TRACKING_COLUMNS] };
}

/** Columns schema version 2 adds to `tClients` for segmentation. */
export const CLIENT_COLUMNS_ADDED_IN_V2 = [
  text('rfmScore', 'Wynik RFM', 'RFM score'),
  column('segmentedAt', 'datetime', optional, 'Data segmentacji', 'Segmented at'),
] as const;

/** Saved segment definitions; `rule` holds the rule as JSON text. */
export const SEGMENTS_TABLE_V2 = table('segments', 'tSegments', 'Segmenty', 'Segments', [
  column('name', 'text', required, 'Nazwa', 'Name'),
  column('rule', 'text', required, 'Reguła (JSON)', 'Rule (JSON)', { maxLength: 32000 }),
  text('description', 'Opis', 'Description'),
  text('color', 'Kolor', 'Colour'),
]);

/** Schema version 2: version 1 plus segmentation (the `segments` table, RFM columns on clients). */
export const TABLES_V2 = [
  ...TABLES_V1.map((t) => (t.key === 'clients' ? withColumns(t, CLIENT_COLUMNS_ADDED_IN_V2) : t)),
  SEGMENTS_TABLE_V2,
];

/** Columns schema version 3 adds, by table: the sales process (issue 13). */
export const COLUMNS_ADDED_IN_V3 = {
  people: [column('consentWithdrawnOn', 'date', optional, 'Wycofanie zgody', 'Consent withdrawn on')],
  opportunities: [
    ref('personId', 'people', optional, 'ID osoby', 'Person ID'),
    column('stageEnteredOn', 'date', optional, 'W etapie od', 'In stage since'),
    text('lostNote', 'Notatka o przegranej', 'Lost note', { maxLength: 32000 }),
  ],
  stages: [
    text(
      'requiredFields',
      'Pola wymagane na wejściu (po średniku)',
      'Fields required on entry (semicolon-separated)',
    ),
  ],
  goals: [
    text('pipeline', 'Lejek', 'Pipeline'),
    text('segment', 'Segment', 'Segment'),
    ref('productId', 'products', optional, 'ID produktu', 'Product ID'),
  ],
} satisfies Record<string, readonly ColumnSchema[]>;

/** A sales funnel: what it is for (client type, product, form of sale) and its reasons for a loss. */
export const PIPELINES_TABLE_V3 = table('pipelines', 'tPipelines', 'Opis lejków', 'Pipeline settings', [
  column('name', 'text', required, 'Lejek', 'Pipeline'),
  text('description', 'Opis', 'Description', { maxLength: 32000 }),
  choice('clientType', 'clientType', optional, 'Rodzaj klienta', 'Client type'),
  text('product', 'Produkt / usługa', 'Product / service'),
  text('saleForm', 'Forma sprzedaży', 'Form of sale'),
  text('lostReasons', 'Powody przegranej (po średniku)', 'Lost reasons (semicolon-separated)', {
    maxLength: 32000,
  }),
  column('active', 'boolean', optional, 'Aktywny', 'Active'),
]);

/** The tasks an opportunity gets when it enters a stage. */
export const STAGE_TASKS_TABLE_V3 = table('stageTasks', 'tStageTasks', 'Zadania etapów', 'Stage tasks', [
  column('pipeline', 'text', required, 'Lejek', 'Pipeline'),
  column('stage', 'text', required, 'Etap', 'Stage'),
  column('title', 'text', required, 'Zadanie', 'Task', { maxLength: 1000 }),
  text('ownerRole', 'Rola wykonawcy', 'Owner role'),
  choice('priority', 'taskPriority', optional, 'Priorytet', 'Priority'),
  column('dueInDays', 'integer', optional, 'Termin (dni od wejścia)', 'Due (days after entry)'),
]);

/** Products and services of an opportunity, with quantities: what its value is made of. */
export const OPPORTUNITY_LINES_TABLE_V3 = table(
  'opportunityLines',
  'tOpportunityLines',
  'Pozycje szans',
  'Opportunity lines',
  [
    ref('opportunityId', 'opportunities', required, 'ID szansy', 'Opportunity ID'),
    ...lineColumns(),
    column('discount', 'percent', optional, 'Rabat %', 'Discount %'),
    choice('vatRate', 'vatRate', required, 'Stawka VAT', 'VAT rate'),
  ],
);

/** What a tender opportunity carries: the notice, its deadlines, the bid bond and the documents. */
export const TENDERS_TABLE_V3 = table('tenders', 'tTenders', 'Przetargi', 'Tenders', [
  ref('opportunityId', 'opportunities', required, 'ID szansy', 'Opportunity ID'),
  text('noticeSource', 'Źródło ogłoszenia', 'Notice source'),
  text('noticeUrl', 'Link do ogłoszenia', 'Notice link', { check: 'url' }),
  text('noticeNumber', 'Numer ogłoszenia', 'Notice number'),
  column('questionsDeadline', 'date', optional, 'Termin pytań', 'Questions deadline'),
  column('submissionDeadline', 'date', optional, 'Termin składania ofert', 'Submission deadline'),
  column('openingDate', 'date', optional, 'Otwarcie ofert', 'Opening of bids'),
  column('bidBondAmount', 'money', optional, 'Wadium', 'Bid bond'),
  choice('bidBondForm', 'bidBondForm', optional, 'Forma wadium', 'Bid bond form'),
  column('bidBondValidUntil', 'date', optional, 'Wadium ważne do', 'Bid bond valid until'),
  column('bidBondReturnedOn', 'date', optional, 'Zwrot wadium', 'Bid bond returned on'),
  text('goNoGo', 'Ocena go/no-go', 'Go/no-go assessment', { maxLength: 32000 }),
  text(
    'documents',
    'Lista dokumentów (po średniku, ✓ = gotowe)',
    'Documents (semicolon-separated, ✓ = ready)',
    {
      maxLength: 32000,
    },
  ),
]);

export const TABLES_ADDED_IN_V3 = [
  PIPELINES_TABLE_V3,
  STAGE_TASKS_TABLE_V3,
  OPPORTUNITY_LINES_TABLE_V3,
  TENDERS_TABLE_V3,
] as const;

/** Schema version 3: version 2 plus the sales process (pipelines, stage tasks, lines, tenders). */
export const TABLES_V3 = [
  ...TABLES_V2.map((t) => {
    const added = (COLUMNS_ADDED_IN_V3 as Record<string, readonly ColumnSchema[]>)[t.key];
    return added ? withColumns(t, added) : t;
  }),
  ...TABLES_ADDED_IN_V3,
];

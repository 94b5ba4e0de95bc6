import { readyFunnelRows } from '../core/sales/ready-funnels';
import {
  DEMO_PIPELINES,
  DEMO_PRODUCTS,
  vatAmount,
  type DemoPipeline,
  type DemoProduct,
} from './demo-catalogue';
import { DEMO_FIRMS, type DemoFirm } from './demo-firms';
import { DEMO_OFFERS, DEMO_OPPORTUNITIES } from './demo-sales-plan';
import { addDays, dayFromReference, referenceTime, timestampFromReference } from './fixed-calendar';
import {
  generateKrs,
  generateNip,
  generatePesel,
  generateRegon14,
  generateRegon9,
} from './polish-identifiers';
import {
  asciiSlug,
  CITIES,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  ROLES,
  SALES_TEAM,
  STREETS,
  SURNAMES,
} from './polish-vocabulary';
import { SeededRandom } from './seeded-random';
import { generateUlid } from './seeded-ulid';
import type { NewRecord } from '../store/port';

/** Records to append, by table key. */
export type DemoDataset = Record<string, NewRecord[]>;

const DEMO_SEED = 2025;
const PLN = 'PLN';

/** Everything the builders share: the random stream, id source and what was built so far. */
class DemoBuilder {
  readonly rng = new SeededRandom(DEMO_SEED);
  readonly data: DemoDataset = {};
  private idCount = 0;

  id(): string {
    // Ids in creation order, a second apart, starting a year before the reference day.
    return generateUlid(this.rng, referenceTime(-365) + 1000 * this.idCount++);
  }

  add(table: string, fields: Omit<NewRecord, 'id'>): NewRecord {
    const record: NewRecord = { id: this.id(), ...fields };
    (this.data[table] ??= []).push(record);
    return record;
  }

  /** A row that already has its id (from `id()`). */
  push(table: string, record: NewRecord): void {
    (this.data[table] ??= []).push(record);
  }

  rows(table: string): NewRecord[] {
    return this.data[table] ?? [];
  }
}

function cityOf(name: string) {
  const city = CITIES.find((c) => c.name === name);
  if (!city) throw new Error(`Demo city missing from the vocabulary: ${name}`);
  return city;
}

function mobilePhone(rng: SeededRandom): string {
  return `+48 ${rng.pick(['501', '602', '693', '504', '785', '881'])} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

function addClients(b: DemoBuilder): void {
  DEMO_FIRMS.forEach((firm, index) => {
    const city = cityOf(firm.city);
    const isPerson = firm.type === 'person';
    b.add('clients', {
      name: firm.name,
      type: firm.type,
      nip: isPerson ? null : generateNip(b.rng),
      regon: isPerson ? null : firm.localUnit ? generateRegon14(b.rng) : generateRegon9(b.rng),
      krs: firm.inKrs ? generateKrs(b.rng) : null,
      industry: firm.industry,
      city: city.name,
      street: `${b.rng.pick(STREETS)} ${b.rng.int(1, 120)}${b.rng.chance(0.3) ? `/${b.rng.int(1, 40)}` : ''}`,
      postalCode: `${city.postalPrefix}-${String(b.rng.int(1, 999)).padStart(3, '0')}`,
      country: 'Polska',
      email: isPerson ? 'jan.wisniewski@poczta.onet.pl' : `biuro@${firm.domain}`,
      phone: isPerson
        ? mobilePhone(b.rng)
        : `+48 ${city.areaCode} ${b.rng.int(200, 899)} ${b.rng.int(10, 99)} ${b.rng.int(10, 99)}`,
      website: isPerson ? null : `https://www.${firm.domain}`,
      source: firm.source,
      sourceDetail: firm.sourceDetail ?? null,
      owner: SALES_TEAM[index % SALES_TEAM.length],
      status: firm.status,
      segment: firm.segment,
      abcClass: firm.abcClass,
      keyAccount: firm.keyAccount ?? false,
      cooperationVariant: firm.cooperationVariant ?? null,
      notes: firm.notes ?? null,
    });
  });
}

const CONSENT_SOURCES = ['formularz na stronie WWW', 'karta zgłoszenia (F3)', 'targi — formularz papierowy'];
const CONSENT_SCOPES = [
  'informacje handlowe e-mailem',
  'newsletter i zaproszenia na szkolenia',
  'kontakt telefoniczny',
];

function addPeople(b: DemoBuilder): void {
  b.rows('clients').forEach((client, index) => {
    const firm = DEMO_FIRMS[index];
    if (firm.type === 'person') {
      const consentDate = dayFromReference(-200);
      b.add('people', {
        clientId: client.id,
        firstName: 'Jan',
        lastName: 'Wiśniewski',
        role: 'Uczestnik kursu',
        email: 'jan.wisniewski@poczta.onet.pl',
        phone: client.phone,
        pesel: generatePesel(b.rng, '1988-04-17'),
        legalBasis: 'contract',
        consentDate,
        consentSource: 'umowa szkoleniowa',
        consentScope: 'realizacja umowy i wystawienie zaświadczenia',
        retentionUntil: addDays(consentDate, 5 * 365),
      });
      return;
    }
    const count = firm.abcClass === 'A' ? 3 : firm.abcClass === 'B' ? 2 : 1;
    for (let n = 0; n < count; n++) addContactPerson(b, client, firm, n);
  });
}

function addContactPerson(b: DemoBuilder, client: NewRecord, firm: DemoFirm, n: number): void {
  const female = b.rng.chance(0.5);
  const firstName = b.rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const surname = b.rng.pick(SURNAMES);
  const lastName = female ? surname[1] : surname[0];
  const firstBasis = firm.type === 'institution' ? 'legalObligation' : 'contract';
  const basis = n === 0 ? firstBasis : b.rng.pick(['consent', 'legitimateInterest', 'consent']);
  const consentDate = basis === 'consent' ? dayFromReference(-b.rng.int(20, 700)) : null;
  b.add('people', {
    clientId: client.id,
    firstName,
    lastName,
    role: n === 0 && firm.type === 'institution' ? 'Naczelnik wydziału' : b.rng.pick(ROLES),
    email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${firm.domain}`,
    phone: mobilePhone(b.rng),
    pesel: null,
    legalBasis: basis,
    consentDate,
    consentSource: consentDate ? b.rng.pick(CONSENT_SOURCES) : null,
    consentScope: consentDate ? b.rng.pick(CONSENT_SCOPES) : null,
    retentionUntil: consentDate ? addDays(consentDate, 3 * 365) : dayFromReference(3 * 365),
  });
}

/** The ready funnels as the workbook holds them: settings, stages with required fields, stage tasks. */
function addStages(b: DemoBuilder): void {
  for (const pipeline of DEMO_PIPELINES) {
    const rows = readyFunnelRows(pipeline.funnel, { locale: 'pl', newId: () => b.id() });
    for (const table of ['pipelines', 'stages', 'stageTasks'] as const) {
      for (const row of rows[table]) b.push(table, row);
    }
  }
}

function addOpportunities(b: DemoBuilder): void {
  const clients = b.rows('clients');
  for (const plan of DEMO_OPPORTUNITIES) {
    const pipeline = DEMO_PIPELINES[plan.pipeline];
    const stage = pipeline.stages[plan.stage];
    const open = plan.status === 'open';
    b.add('opportunities', {
      clientId: clients[plan.client].id,
      name: plan.name,
      pipeline: pipeline.name,
      stage: stage.stage,
      value: plan.value * 100,
      currency: PLN,
      probability: open ? stage.probability : plan.status === 'won' ? 100 : 0,
      expectedClose: dayFromReference(plan.day),
      owner: clients[plan.client].owner,
      status: plan.status,
      closedOn: open ? null : dayFromReference(plan.day),
      lostReason: plan.lostReason ?? null,
      // The contact person: the training funnel's contract step requires one.
      personId: b.rows('people').find((p) => p.clientId === clients[plan.client].id)?.id ?? null,
      stageEnteredOn: open ? dayFromReference(Math.min(plan.day, 0) - 3 - (plan.stage % 4) * 9) : null,
      lostNote: plan.status === 'lost' ? 'Klient wybrał ofertę tańszą o kilkanaście procent.' : null,
    });
  }
}

function addProducts(b: DemoBuilder): void {
  for (const product of DEMO_PRODUCTS) b.add('products', { ...product });
}

function addOffers(b: DemoBuilder): void {
  const opportunities = b.rows('opportunities');
  const products = b.rows('products');
  const perYear = new Map<string, number>();
  DEMO_OFFERS.forEach((plan) => {
    const opportunity = opportunities[plan.opportunity];
    const closed = opportunity.closedOn as string | null;
    const issuedOn = addDays(closed ?? (opportunity.expectedClose as string), closed ? -25 : -40);
    const year = issuedOn.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    let netTotal = 0;
    let vatTotal = 0;
    for (const [product, quantity] of plan.lines) {
      const spec: DemoProduct = DEMO_PRODUCTS[product];
      const net = spec.netPrice * quantity;
      netTotal += net;
      vatTotal += vatAmount(net, spec.vatRate);
    }
    const number = `OF/${year}/${String(sequence).padStart(3, '0')}`;
    const offer = b.add('offers', {
      number,
      clientId: opportunity.clientId,
      opportunityId: opportunity.id,
      issuedOn,
      validUntil: addDays(issuedOn, 30),
      status: plan.status,
      netTotal,
      vatTotal,
      grossTotal: netTotal + vatTotal,
      currency: PLN,
      template: plan.lines.some(([p]) => p <= 2) ? 'Oferta szkoleniowa' : 'Oferta standardowa',
      documentUrl:
        plan.status === 'draft'
          ? null
          : `https://firma.sharepoint.com/sites/crm/Oferty/${number.replace(/\//g, '-')}.docx`,
      owner: opportunity.owner,
    });
    plan.lines.forEach(([product, quantity], index) => {
      const spec = DEMO_PRODUCTS[product];
      b.add('offerLines', {
        offerId: offer.id,
        lineNo: index + 1,
        productId: products[product].id,
        description: spec.name,
        quantity,
        unit: spec.unit,
        netPrice: spec.netPrice,
        vatRate: spec.vatRate,
      });
    });
  });
}

function addProjects(b: DemoBuilder): void {
  const accepted = b.rows('offers').filter((o) => o.status === 'accepted');
  const plans = [
    { status: 'inProgress', manager: 'Paweł Zając', start: -140, end: 60 },
    { status: 'completed', manager: 'Joanna Baran', start: -110, end: -20, reference: true },
    { status: 'completed', manager: 'Magdalena Lis', start: -80, end: -50, reference: false },
    { status: 'planned', manager: 'Tomasz Kaczmarek', start: 20, end: 80 },
    { status: 'completed', manager: 'Paweł Zając', start: -390, end: -340, reference: true },
  ] as const;
  accepted.forEach((offer, index) => {
    const plan = plans[index % plans.length];
    const completed = plan.status === 'completed';
    const endDate = dayFromReference(plan.end);
    b.add('projects', {
      name: b.rows('opportunities').find((o) => o.id === offer.opportunityId)?.name ?? String(offer.number),
      clientId: offer.clientId,
      offerId: offer.id,
      manager: plan.manager,
      startDate: dayFromReference(plan.start),
      endDate,
      status: plan.status,
      acceptedOn: completed ? endDate : null,
      acceptanceRemarks: completed
        ? 'Odbiór bez zastrzeżeń; drobne uwagi do dokumentacji powykonawczej.'
        : null,
      // The oldest project's warranty ends within a month: the kind of date the firm must watch.
      warrantyUntil: completed ? addDays(endDate, plan.end < -300 ? 365 : 2 * 365) : null,
      referenceObtained: completed ? plan.reference : false,
      lessonsLearned: completed
        ? 'Wcześniej ustalać harmonogram z klientem; potwierdzać listę uczestników.'
        : null,
    });
  });
  b.add('projects', {
    name: 'Szkolenie kadry — projekt wstrzymany',
    clientId: b.rows('clients')[19].id,
    offerId: null,
    manager: 'Anna Wiśniewska',
    startDate: dayFromReference(-500),
    endDate: dayFromReference(-470),
    status: 'cancelled',
    acceptedOn: null,
    acceptanceRemarks: null,
    warrantyUntil: null,
    referenceObtained: false,
    lessonsLearned: 'Projekt anulowany przez klienta z powodu zmian organizacyjnych.',
  });
}

const SURVEY_ISSUES = [
  'Jakość obsługi',
  'Terminowość',
  'Komunikacja',
  'Stosunek jakości do ceny',
  'Kompetencje zespołu',
];

function addSurveys(b: DemoBuilder): void {
  const lastYear = b.add('surveys', {
    name: 'Badanie satysfakcji klientów 2024',
    year: 2024,
    status: 'closed',
    deadline: '2024-12-15',
    issues: SURVEY_ISSUES.join('; '),
    threshold: 3.5,
    conclusions:
      'Terminowość poniżej progu — przeprowadzono audyt wewnętrzny i wdrożono działania korygujące.',
  });
  const thisYear = b.add('surveys', {
    name: 'Badanie satysfakcji klientów 2025',
    year: 2025,
    status: 'open',
    deadline: dayFromReference(45),
    issues: SURVEY_ISSUES.join('; '),
    threshold: 3.5,
    conclusions: null,
  });
  const projects = b.rows('projects');
  const answering = b
    .rows('clients')
    .filter((c) => c.status === 'active')
    .slice(0, 8);
  answering.forEach((client, index) => {
    const survey = index < 5 ? lastYear : thisYear;
    const project = projects.find((p) => p.clientId === client.id);
    const answeredOn =
      survey === lastYear ? `2024-11-${String(10 + index).padStart(2, '0')}` : dayFromReference(-index - 1);
    for (const question of SURVEY_ISSUES) {
      const score = b.rng.int(question === 'Terminowość' ? 2 : 3, 5);
      b.add('surveyAnswers', {
        surveyId: survey.id,
        clientId: client.id,
        projectId: project?.id ?? null,
        question,
        score,
        comment: score <= 2 ? 'Opóźnienia w przekazaniu materiałów.' : null,
        answeredOn,
      });
    }
  });
}

function addComplaints(b: DemoBuilder): void {
  const projects = b.rows('projects');
  const clients = b.rows('clients');
  const plans = [
    { status: 'received', client: 0, days: -3, subject: 'Usterka instalacji oświetlenia w części biurowej' },
    { status: 'inReview', client: 7, days: -12, subject: 'Błędy w raportach po aktualizacji systemu' },
    { status: 'accepted', client: 15, days: -40, subject: 'Zbyt mała liczba materiałów szkoleniowych' },
    { status: 'rejected', client: 10, days: -70, subject: 'Reklamacja terminu szkolenia' },
    { status: 'closed', client: 4, days: -300, subject: 'Korozja łączników konstrukcji' },
  ] as const;
  for (const plan of plans) {
    const client = clients[plan.client];
    const resolved = plan.status === 'accepted' || plan.status === 'rejected' || plan.status === 'closed';
    const receivedOn = dayFromReference(plan.days);
    b.add('complaints', {
      clientId: client.id,
      projectId: projects.find((p) => p.clientId === client.id)?.id ?? null,
      receivedOn,
      subject: plan.subject,
      status: plan.status,
      dueDate: addDays(receivedOn, 14),
      resolvedOn: resolved ? addDays(receivedOn, 10) : null,
      resolution: resolved
        ? plan.status === 'rejected'
          ? 'Termin uzgodniony pisemnie w karcie zgłoszenia; reklamacja nieuzasadniona.'
          : 'Uznano; dostarczono brakujące elementy i przeprowadzono naprawę gwarancyjną.'
        : null,
      owner: String(client.owner),
    });
  }
}

/** Each client's history: contacts of every kind, with the offer, survey and complaint events. */
function addActivities(b: DemoBuilder): void {
  const people = b.rows('people');
  const opportunities = b.rows('opportunities');
  const kinds = ['call', 'meeting', 'emailOut', 'emailIn', 'note'] as const;
  const subjects: Record<(typeof kinds)[number], string[]> = {
    call: [
      'Rozmowa o potrzebach szkoleniowych',
      'Telefon w sprawie terminu spotkania',
      'Ustalenie warunków płatności',
    ],
    meeting: [
      'Spotkanie diagnostyczne w siedzibie klienta',
      'Prezentacja oferty',
      'Spotkanie przeglądowe z klientem kluczowym',
    ],
    emailOut: [
      'Przesłanie materiałów informacyjnych',
      'Potwierdzenie ustaleń ze spotkania',
      'Zaproszenie na konferencję',
    ],
    emailIn: ['Zapytanie ofertowe', 'Pytanie o dostępne terminy', 'Uwagi do wzoru umowy'],
    note: [
      'Notatka z analizy potrzeb',
      'Klient planuje inwestycję w przyszłym roku',
      'Zmiana osoby decyzyjnej',
    ],
  };
  b.rows('clients').forEach((client, index) => {
    const contacts = people.filter((p) => p.clientId === client.id);
    const opportunity = opportunities.find((o) => o.clientId === client.id);
    const count = 2 + (index % 3);
    for (let n = 0; n < count; n++) {
      const type = kinds[(index + n) % kinds.length];
      const day = -b.rng.int(1, 330);
      const domain = String(client.email).split('@')[1];
      b.add('activities', {
        clientId: client.id,
        personId: contacts.length > 0 ? contacts[n % contacts.length].id : null,
        opportunityId: opportunity && n === 0 ? opportunity.id : null,
        type,
        occurredAt: timestampFromReference(day, b.rng.int(7 * 60, 17 * 60)),
        subject: b.rng.pick(subjects[type]),
        details:
          type === 'note' || type === 'meeting'
            ? 'Ustalenia zapisane w notatce; kolejny krok w zadaniach.'
            : null,
        owner: String(client.owner),
        internetMessageId:
          type === 'emailIn' || type === 'emailOut'
            ? `<${dayFromReference(day).replace(/-/g, '')}.${b.rng.int(100000, 999999)}@${type === 'emailIn' ? domain : 'firma.pl'}>`
            : null,
      });
    }
  });
  for (const offer of b.rows('offers').filter((o) => o.status !== 'draft')) {
    b.add('activities', {
      clientId: offer.clientId,
      personId: people.find((p) => p.clientId === offer.clientId)?.id ?? null,
      opportunityId: offer.opportunityId,
      type: 'offerSent',
      occurredAt: timestampFromReference(daysFromReferenceOf(String(offer.issuedOn)), 10 * 60),
      subject: `Wysłano ofertę ${offer.number}`,
      details: null,
      owner: offer.owner,
      internetMessageId: null,
    });
  }
  for (const answer of b.rows('surveyAnswers').filter((a) => a.question === SURVEY_ISSUES[0])) {
    b.add('activities', {
      clientId: answer.clientId,
      personId: null,
      opportunityId: null,
      type: 'survey',
      occurredAt: timestampFromReference(daysFromReferenceOf(String(answer.answeredOn)), 12 * 60),
      subject: 'Klient wypełnił ankietę satysfakcji',
      details: null,
      owner: null,
      internetMessageId: null,
    });
  }
  for (const complaint of b.rows('complaints')) {
    b.add('activities', {
      clientId: complaint.clientId,
      personId: null,
      opportunityId: null,
      type: 'complaint',
      occurredAt: timestampFromReference(daysFromReferenceOf(String(complaint.receivedOn)), 9 * 60),
      subject: `Reklamacja: ${complaint.subject}`,
      details: null,
      owner: complaint.owner,
      internetMessageId: null,
    });
  }
  b.add('activities', {
    clientId: b.rows('clients')[2].id,
    personId: null,
    opportunityId: null,
    type: 'merge',
    occurredAt: timestampFromReference(-15, 14 * 60),
    subject: 'Scalono z duplikatem „Drewbud Konstrukcje” (import z arkusza)',
    details: 'Przeniesiono 2 osoby kontaktowe i historię kontaktów.',
    owner: 'Anna Wiśniewska',
    internetMessageId: null,
  });
}

function daysFromReferenceOf(day: string): number {
  return Math.round((Date.parse(day + 'T00:00:00Z') - referenceTime(0)) / 86_400_000);
}

/** Tasks of the stages the open opportunities stand in, and follow-ups of service and warranty. */
function addTasks(b: DemoBuilder): void {
  const priorities = ['low', 'normal', 'high', 'urgent'] as const;
  const statuses = ['todo', 'inProgress', 'done', 'cancelled'] as const;
  let n = 0;
  for (const opportunity of b.rows('opportunities').filter((o) => o.status === 'open')) {
    const pipeline = DEMO_PIPELINES.find((p) => p.name === opportunity.pipeline) as DemoPipeline;
    const stage = pipeline.stages.find((s) => s.stage === opportunity.stage);
    for (const title of stage?.entryTasks ?? []) {
      const status = statuses[n % statuses.length];
      const dueDate = dayFromReference((n % 7) * 3 - 6);
      b.add('tasks', {
        title,
        owner: opportunity.owner,
        priority: priorities[n % priorities.length],
        dueDate,
        status,
        completedOn: status === 'done' ? addDays(dueDate, -1) : null,
        clientId: opportunity.clientId,
        opportunityId: opportunity.id,
        stage: opportunity.stage,
        notes: null,
      });
      n++;
    }
  }
  for (const project of b.rows('projects').filter((p) => p.warrantyUntil)) {
    b.add('tasks', {
      title: `Przegląd gwarancyjny: ${project.name}`,
      owner: project.manager,
      priority: 'high',
      dueDate: addDays(String(project.warrantyUntil), -30),
      status: 'todo',
      completedOn: null,
      clientId: project.clientId,
      opportunityId: null,
      stage: null,
      notes: 'Skontaktować się z klientem przed końcem gwarancji i zapytać o nowe potrzeby.',
    });
  }
}

function addGoals(b: DemoBuilder): void {
  const goals = [
    {
      owner: 'Anna Wiśniewska',
      metric: 'wonValue',
      target: 1500000,
      text: 'Wygrać szanse o łącznej wartości 1,5 mln zł netto w II półroczu 2025 w segmencie generalnych wykonawców',
    },
    {
      owner: 'Tomasz Kaczmarek',
      metric: 'wonCount',
      target: 12,
      text: 'Zamknąć 12 wygranych szans szkoleniowych do 31.12.2025',
    },
    {
      owner: 'Magdalena Lis',
      metric: 'offersSent',
      target: 40,
      text: 'Wysłać 40 ofert z numerem w II półroczu 2025, z co najmniej 50% przyjętych',
    },
    {
      owner: 'Paweł Zając',
      metric: 'meetings',
      target: 60,
      text: 'Odbyć 60 spotkań z klientami (min. 10 miesięcznie) do końca 2025',
    },
    {
      owner: 'Joanna Baran',
      metric: 'newClients',
      target: 15,
      text: 'Pozyskać 15 nowych aktywnych klientów z sektora IT do 31.12.2025',
    },
  ];
  for (const goal of goals) {
    b.add('goals', {
      owner: goal.owner,
      description: goal.text,
      metric: goal.metric,
      target: goal.target,
      periodStart: '2025-07-01',
      periodEnd: '2025-12-31',
    });
  }
}

function addAudit(b: DemoBuilder): void {
  const clients = b.rows('clients');
  const people = b.rows('people');
  const entries = [
    {
      action: 'create',
      table: 'clients',
      id: clients[9].id,
      user: 'Joanna Baran',
      details: 'Nowy klient z formularza WWW',
    },
    {
      action: 'update',
      table: 'opportunities',
      id: b.rows('opportunities')[12].id,
      user: 'Anna Wiśniewska',
      details: 'Etap: Oferta z kalkulacją → Negocjacje końcowe',
    },
    {
      action: 'merge',
      table: 'clients',
      id: clients[2].id,
      user: 'Anna Wiśniewska',
      details: 'Scalono z duplikatem z importu',
    },
    {
      action: 'export',
      table: 'people',
      id: people[0].id,
      user: 'Tomasz Kaczmarek',
      details: 'Wydanie danych osobowych na wniosek (art. 15 RODO)',
    },
    {
      action: 'delete',
      table: 'tasks',
      id: b.id(),
      user: 'Magdalena Lis',
      details: 'Zadanie utworzone omyłkowo',
    },
    {
      action: 'erase',
      table: 'people',
      id: people[people.length - 1].id,
      user: 'Tomasz Kaczmarek',
      details: 'Sprzeciw wobec przetwarzania — dane zanonimizowane',
    },
  ];
  entries.forEach((entry, index) => {
    b.add('audit', {
      at: timestampFromReference(-30 + index * 4, 11 * 60),
      user: entry.user,
      action: entry.action,
      table: entry.table,
      recordId: entry.id,
      details: entry.details,
    });
  });
}

/**
 * Saved rule segments. The rule's JSON shape is a placeholder until `core/segmentation` defines
 * it: all (or any) of a list of field–operator–value conditions.
 */
function addSegments(b: DemoBuilder): void {
  const segments = [
    {
      name: 'Budownictwo — klienci aktywni',
      color: '#C0504D',
      description: 'Kampania targowa Budma',
      match: 'all',
      conditions: [
        ['industry', 'equals', 'budownictwo'],
        ['status', 'equals', 'active'],
      ],
    },
    {
      name: 'Klienci kluczowi',
      color: '#4F81BD',
      description: 'Przegląd kwartalny z zarządem',
      match: 'all',
      conditions: [['keyAccount', 'equals', true]],
    },
    {
      name: 'Sektor publiczny i szkolenia',
      color: '#9BBB59',
      description: 'Oferta szkoleń dofinansowanych',
      match: 'any',
      conditions: [
        ['type', 'equals', 'institution'],
        ['industry', 'equals', 'szkolenia'],
      ],
    },
  ] as const;
  for (const segment of segments) {
    b.add('segments', {
      name: segment.name,
      rule: JSON.stringify({
        match: segment.match,
        conditions: segment.conditions.map(([field, operator, value]) => ({ field, operator, value })),
      }),
      description: segment.description,
      color: segment.color,
    });
  }
}

/** The demo data set of a Polish firm selling training, IT and construction services, the same on every run. */
export function buildDemoDataset(): DemoDataset {
  const b = new DemoBuilder();
  addClients(b);
  addPeople(b);
  addStages(b);
  addOpportunities(b);
  addProducts(b);
  addOffers(b);
  addProjects(b);
  addSurveys(b);
  addComplaints(b);
  addActivities(b);
  addTasks(b);
  addGoals(b);
  addAudit(b);
  addSegments(b);
  addSalesProcess(b);
  return b.data;
}

/** The opportunities' lines and their history entries, a tender's notice and bid bond, a deletion. */
function addSalesProcess(b: DemoBuilder): void {
  const tender = DEMO_PIPELINES[1].name;
  const opportunities = b.rows('opportunities');
  opportunities.forEach((opportunity, i) => {
    const product = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length];
    const quantity = 1 + (i % 3);
    b.add('opportunityLines', {
      opportunityId: opportunity.id,
      lineNo: 1,
      productId: b.rows('products').find((p) => p.code === product.code)?.id ?? null,
      description: product.name,
      quantity,
      unit: product.unit,
      netPrice: product.netPrice,
      discount: i % 4 === 0 ? 5 : null,
      vatRate: product.vatRate,
    });
    b.add('activities', {
      clientId: opportunity.clientId,
      personId: null,
      opportunityId: opportunity.id,
      type: 'opportunity',
      occurredAt: timestampFromReference(
        daysFromReferenceOf(String(opportunity.stageEnteredOn ?? opportunity.closedOn)),
        11 * 60,
      ),
      subject: `Szansa „${String(opportunity.name)}” w etapie „${String(opportunity.stage)}”`,
      details: null,
      owner: opportunity.owner,
      internetMessageId: null,
    });
  });
  const bid = opportunities.find((o) => o.pipeline === tender && o.status === 'open');
  if (bid) {
    b.add('tenders', {
      opportunityId: bid.id,
      noticeSource: 'e-Zamówienia',
      noticeUrl: 'https://ezamowienia.gov.pl/mp-client/search/list/ocds-148610-demo',
      noticeNumber: '2025/BZP 00123456/01',
      questionsDeadline: dayFromReference(6),
      submissionDeadline: dayFromReference(14),
      openingDate: dayFromReference(14),
      bidBondAmount: 1_500_000,
      bidBondForm: 'insuranceGuarantee',
      bidBondValidUntil: dayFromReference(44),
      bidBondReturnedOn: null,
      goNoGo:
        'Doświadczenie: 5/5; potencjał kadrowy: 4/5; marża: 3/5; ryzyko kar umownych: 3/5 — decyzja: go',
      documents: '✓ Formularz ofertowy; ✓ JEDZ; Gwarancja wadialna; Kosztorys ofertowy; Wykaz robót',
    });
  }
  b.add('activities', {
    clientId: b.rows('clients')[3].id,
    personId: null,
    opportunityId: null,
    type: 'deletion',
    occurredAt: timestampFromReference(-8, 16 * 60),
    subject: 'Usunięto zadanie „Zadzwonić do klienta” (dodane omyłkowo)',
    details: null,
    owner: 'Anna Wiśniewska',
    internetMessageId: null,
  });
}

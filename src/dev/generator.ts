import { DEMO_PIPELINES, DEMO_PRODUCTS, vatAmount } from './demo-catalogue';
import { referenceTime } from './fixed-calendar';
import { generateKrs, generateNip, generatePesel, generateRegon9 } from './polish-identifiers';
import {
  asciiSlug,
  CITIES,
  FEMALE_FIRST_NAMES,
  FIRM_NAME_STEMS,
  FIRM_NAME_SUFFIXES,
  INDUSTRIES,
  LEGAL_FORMS,
  MALE_FIRST_NAMES,
  ROLES,
  SALES_TEAM,
  STREETS,
  SURNAMES,
} from './polish-vocabulary';
import { SeededRandom } from './seeded-random';
import { generateUlid } from './seeded-ulid';
import { CURRENT_SCHEMA } from '../core/schema';
import { readyFunnelRows } from '../core/sales/ready-funnels';
import type { StoredRecord } from '../store/port';

export interface GeneratorOptions {
  seed: number;
  clients: number;
  /** Activities per client on average (may be fractional); the total is `round(clients × this)`. Default 10. */
  activitiesPerClient?: number;
  /** Share of clients with an opportunity (0–1). Default 0.4. */
  opportunityShare?: number;
}

/** Every table of the current schema by key, rows as the store keeps them. */
export type GeneratedTables = Record<string, StoredRecord[]>;

export const DEFAULT_ACTIVITIES_PER_CLIENT = 10;
export const MAX_GENERATED_CLIENTS = 100_000;
export const MAX_GENERATED_ACTIVITIES = 1_000_000;

const DAY_MS = 86_400_000;
/** Generated history spans three years up to the reference day. */
const HISTORY_DAYS = 3 * 365;
const START_MS = referenceTime(-HISTORY_DAYS);

const INSTITUTION_KINDS = [
  'Urząd Miasta',
  'Starostwo Powiatowe',
  'Powiatowy Urząd Pracy',
  'Szpital Miejski',
  'Zespół Szkół Zawodowych',
];
const CLIENT_STATUSES = ['lead', 'prospect', 'active', 'active', 'active', 'inactive'] as const;
const CLIENT_SOURCES = [
  'website',
  'socialMedia',
  'portal',
  'tender',
  'fair',
  'referral',
  'campaign',
  'phone',
] as const;
const ACTIVITY_TYPES = [
  'emailIn',
  'emailOut',
  'emailOut',
  'call',
  'call',
  'meeting',
  'note',
  'offerSent',
] as const;
const ACTIVITY_SUBJECTS: Record<(typeof ACTIVITY_TYPES)[number], string> = {
  emailIn: 'Zapytanie od klienta',
  emailOut: 'Odpowiedź na zapytanie',
  call: 'Rozmowa telefoniczna',
  meeting: 'Spotkanie handlowe',
  note: 'Notatka',
  offerSent: 'Wysłano ofertę',
};
const GDPR_BASES = ['contract', 'consent', 'legitimateInterest'] as const;
const TASK_PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'] as const;
const TASK_STATUSES = ['todo', 'todo', 'inProgress', 'done', 'cancelled'] as const;
const OFFER_OPEN_STATUSES = ['draft', 'sent', 'sent', 'expired'] as const;

let lastIsoMs = NaN;
let lastIso = '';

/** The ISO timestamp of `ms`; consecutive calls for one record share one string, which saves memory at 1M rows. */
function iso(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIsoMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function emptyTables(): GeneratedTables {
  const tables: GeneratedTables = {};
  for (const table of CURRENT_SCHEMA.tables) tables[table.key] = [];
  return tables;
}

function checkSize(options: GeneratorOptions): number {
  const { clients } = options;
  const perClient = options.activitiesPerClient ?? DEFAULT_ACTIVITIES_PER_CLIENT;
  const activities = Math.round(clients * perClient);
  if (!Number.isInteger(clients) || clients < 0 || clients > MAX_GENERATED_CLIENTS) {
    throw new RangeError(`clients must be a whole number from 0 to ${MAX_GENERATED_CLIENTS}, not ${clients}`);
  }
  if (!(perClient >= 0) || activities > MAX_GENERATED_ACTIVITIES) {
    throw new RangeError(`activities must total at most ${MAX_GENERATED_ACTIVITIES}, not ${activities}`);
  }
  return activities;
}

/**
 * A client base of any size up to 100,000 clients and 1,000,000 activities, the same for the
 * same options on every run. Each client's rows come from their own random stream, so the first
 * clients are the same whatever the total size.
 */
export function generateDataset(options: GeneratorOptions): GeneratedTables {
  const totalActivities = checkSize(options);
  const tables = emptyTables();
  const rng = new SeededRandom(options.seed);
  const stageRows = addCatalogue(rng, tables);
  const opportunityShare = options.opportunityShare ?? 0.4;
  const clientCount = options.clients;
  for (let index = 0; index < clientCount; index++) {
    rng.reseed(SeededRandom.streamSeed(options.seed, index));
    // Spread the activities evenly so the total is exact for any client count.
    const activities =
      Math.floor(((index + 1) * totalActivities) / clientCount) -
      Math.floor((index * totalActivities) / clientCount);
    addClient(rng, tables, stageRows, index, activities, opportunityShare);
  }
  return tables;
}

interface StageRef {
  pipeline: string;
  stage: string;
  probability: number;
  entryTask: string;
}

function addCatalogue(rng: SeededRandom, tables: GeneratedTables): StageRef[] {
  const stages: StageRef[] = [];
  let n = 0;
  const stamp = () => START_MS + n++ * 1000;
  for (const pipeline of DEMO_PIPELINES) {
    // The ready funnels' rows (settings, stages with required fields, stage tasks), each stored
    // at the time its id was made.
    const madeAt = new Map<string, number>();
    const rows = readyFunnelRows(pipeline.funnel, {
      locale: 'pl',
      newId: () => {
        const ms = stamp();
        const id = generateUlid(rng, ms);
        madeAt.set(id, ms);
        return id;
      },
    });
    for (const table of ['pipelines', 'stages', 'stageTasks'] as const) {
      for (const row of rows[table]) {
        const at = iso(madeAt.get(row.id) as number);
        tables[table].push({ ...row, version: 1, createdAt: at, updatedAt: at });
      }
    }
    pipeline.stages.forEach((stage) => {
      stages.push({
        pipeline: pipeline.name,
        stage: stage.stage,
        probability: stage.probability,
        entryTask: stage.entryTasks[0],
      });
    });
  }
  for (const product of DEMO_PRODUCTS) {
    const ms = START_MS + n++ * 1000;
    tables.products.push({
      id: generateUlid(rng, ms),
      ...product,
      version: 1,
      createdAt: iso(ms),
      updatedAt: iso(ms),
    });
  }
  return stages;
}

function mobilePhone(rng: SeededRandom): string {
  return `+48 ${rng.int(500, 889)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

function addClient(
  rng: SeededRandom,
  tables: GeneratedTables,
  stages: readonly StageRef[],
  index: number,
  activityCount: number,
  opportunityShare: number,
): void {
  // A creation day drawn from the client's own stream, so the first clients do not depend on the total.
  const createdMs = START_MS + rng.int(0, HISTORY_DAYS - 30) * DAY_MS + rng.int(7 * 60, 17 * 60) * 60_000;
  const roll = rng.next();
  const type = roll < 0.85 ? 'company' : roll < 0.95 ? 'institution' : 'person';
  const city = rng.pick(CITIES);
  const owner = rng.pick(SALES_TEAM);
  const stem = rng.pick(FIRM_NAME_STEMS);
  const domain = `${asciiSlug(stem)}${index}.pl`;
  const female = rng.chance(0.5);
  const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const surname = rng.pick(SURNAMES)[female ? 1 : 0];
  const name =
    type === 'person'
      ? `${firstName} ${surname}`
      : type === 'institution'
        ? `${rng.pick(INSTITUTION_KINDS)} — ${city.name}`
        : `${stem} ${rng.pick(FIRM_NAME_SUFFIXES)} ${rng.pick(LEGAL_FORMS)}`;
  const abc = rng.next();
  const client: StoredRecord = {
    id: generateUlid(rng, createdMs),
    name,
    type,
    nip: type === 'person' ? null : generateNip(rng),
    regon: type === 'person' ? null : generateRegon9(rng),
    krs: type === 'company' && rng.chance(0.6) ? generateKrs(rng) : null,
    industry: rng.pick(INDUSTRIES),
    city: city.name,
    street: `${rng.pick(STREETS)} ${rng.int(1, 150)}`,
    postalCode: `${city.postalPrefix}-${String(rng.int(1, 999)).padStart(3, '0')}`,
    country: 'Polska',
    email:
      type === 'person'
        ? `${asciiSlug(firstName)}.${asciiSlug(surname)}${index}@poczta.pl`
        : `biuro@${domain}`,
    phone: `+48 ${city.areaCode} ${rng.int(200, 899)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
    website: type === 'person' ? null : `https://www.${domain}`,
    source: rng.pick(CLIENT_SOURCES),
    sourceDetail: null,
    owner,
    status: rng.pick(CLIENT_STATUSES),
    segment: null,
    abcClass: abc < 0.2 ? 'A' : abc < 0.5 ? 'B' : 'C',
    keyAccount: abc < 0.05,
    cooperationVariant: abc < 0.05 ? 'cooperation' : null,
    notes: null,
    rfmScore: null,
    segmentedAt: null,
    version: 1,
    createdAt: iso(createdMs),
    updatedAt: iso(createdMs),
  };
  tables.clients.push(client);

  const peopleIds: string[] = [];
  const peopleCount = type === 'person' ? 1 : rng.int(1, 3);
  for (let p = 0; p < peopleCount; p++) {
    const ms = createdMs + (p + 1) * 60_000;
    const isSelf = type === 'person';
    const personFemale = isSelf ? female : rng.chance(0.5);
    const first = isSelf ? firstName : rng.pick(personFemale ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = isSelf ? surname : rng.pick(SURNAMES)[personFemale ? 1 : 0];
    const basis = isSelf ? 'contract' : rng.pick(GDPR_BASES);
    const consentDay = basis === 'consent' ? isoDay(ms) : null;
    const id = generateUlid(rng, ms);
    peopleIds.push(id);
    tables.people.push({
      id,
      clientId: client.id,
      firstName: first,
      lastName: last,
      role: isSelf ? null : rng.pick(ROLES),
      email: isSelf ? client.email : `${asciiSlug(first)}.${asciiSlug(last)}@${domain}`,
      phone: mobilePhone(rng),
      pesel: isSelf ? generatePesel(rng, `19${rng.int(50, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`) : null,
      legalBasis: basis,
      consentDate: consentDay,
      consentSource: consentDay ? 'formularz na stronie WWW' : null,
      consentScope: consentDay ? 'informacje handlowe e-mailem' : null,
      retentionUntil: isoDay(ms + 5 * 365 * DAY_MS),
      consentWithdrawnOn: null,
      version: 1,
      createdAt: iso(ms),
      updatedAt: iso(ms),
    });
  }

  const opportunityIds: string[] = [];
  if (rng.chance(opportunityShare)) {
    const count = rng.chance(0.25) ? 2 : 1;
    for (let o = 0; o < count; o++) {
      opportunityIds.push(addOpportunity(rng, tables, stages, client, createdMs + (10 + o) * DAY_MS));
    }
  }

  const span = referenceTime(0) - createdMs;
  for (let a = 0; a < activityCount; a++) {
    // Activities in time order after the client was created, at office hours.
    const dayMs = createdMs + Math.floor(((a + rng.next()) / Math.max(activityCount, 1)) * (span - DAY_MS));
    const ms = dayMs - (dayMs % DAY_MS) + (7 * 60 + rng.int(0, 10 * 60)) * 60_000;
    const activityType = rng.pick(ACTIVITY_TYPES);
    const id = generateUlid(rng, ms);
    const isEmail = activityType === 'emailIn' || activityType === 'emailOut';
    tables.activities.push({
      id,
      clientId: client.id,
      personId: peopleIds.length > 0 && rng.chance(0.8) ? rng.pick(peopleIds) : null,
      opportunityId: opportunityIds.length > 0 && rng.chance(0.3) ? rng.pick(opportunityIds) : null,
      type: activityType,
      occurredAt: iso(ms),
      subject: ACTIVITY_SUBJECTS[activityType],
      details: null,
      owner,
      internetMessageId: isEmail ? `<${id}@${activityType === 'emailIn' ? domain : 'firma.pl'}>` : null,
      version: 1,
      createdAt: iso(ms),
      updatedAt: iso(ms),
    });
  }

  if (rng.chance(0.2)) {
    const ms = referenceTime(-rng.int(0, 60));
    tables.tasks.push({
      id: generateUlid(rng, ms),
      title: 'Kontakt kontrolny z klientem',
      owner,
      priority: rng.pick(TASK_PRIORITIES),
      dueDate: isoDay(ms + 14 * DAY_MS),
      status: 'todo',
      completedOn: null,
      clientId: client.id,
      opportunityId: null,
      stage: null,
      notes: null,
      version: 1,
      createdAt: iso(ms),
      updatedAt: iso(ms),
    });
  }
}

function addOpportunity(
  rng: SeededRandom,
  tables: GeneratedTables,
  stages: readonly StageRef[],
  client: StoredRecord,
  ms: number,
): string {
  const stage = rng.pick(stages);
  const roll = rng.next();
  const status = roll < 0.6 ? 'open' : roll < 0.8 ? 'won' : 'lost';
  const value = rng.int(20, 5000) * 10_000;
  const closeMs = ms + rng.int(20, 120) * DAY_MS;
  const id = generateUlid(rng, ms);
  tables.opportunities.push({
    id,
    clientId: client.id,
    name: `Szansa ${client.industry} — ${stage.pipeline}`,
    pipeline: stage.pipeline,
    stage: stage.stage,
    value,
    currency: 'PLN',
    probability: status === 'open' ? stage.probability : status === 'won' ? 100 : 0,
    expectedClose: isoDay(closeMs),
    owner: client.owner,
    status,
    closedOn: status === 'open' ? null : isoDay(closeMs),
    lostReason: status === 'lost' ? 'Wybrano ofertę konkurencji' : null,
    personId: null,
    stageEnteredOn: status === 'open' ? isoDay(ms) : null,
    lostNote: null,
    version: 1,
    createdAt: iso(ms),
    updatedAt: iso(ms),
  });
  if (status === 'open') {
    const taskMs = ms + DAY_MS;
    const taskStatus = rng.pick(TASK_STATUSES);
    tables.tasks.push({
      id: generateUlid(rng, taskMs),
      title: stage.entryTask,
      owner: client.owner,
      priority: rng.pick(TASK_PRIORITIES),
      dueDate: isoDay(taskMs + 7 * DAY_MS),
      status: taskStatus,
      completedOn: taskStatus === 'done' ? isoDay(taskMs + 5 * DAY_MS) : null,
      clientId: client.id,
      opportunityId: id,
      stage: stage.stage,
      notes: null,
      version: 1,
      createdAt: iso(taskMs),
      updatedAt: iso(taskMs),
    });
  }
  if (status !== 'open' || rng.chance(0.5)) {
    addOffer(rng, tables, client, id, status, ms + 5 * DAY_MS);
  }
  return id;
}

function addOffer(
  rng: SeededRandom,
  tables: GeneratedTables,
  client: StoredRecord,
  opportunityId: string,
  opportunityStatus: string,
  ms: number,
): void {
  const id = generateUlid(rng, ms);
  const lineCount = rng.int(1, 3);
  let netTotal = 0;
  let vatTotal = 0;
  for (let l = 0; l < lineCount; l++) {
    const productIndex = rng.int(0, DEMO_PRODUCTS.length - 1);
    const product = DEMO_PRODUCTS[productIndex];
    const quantity = rng.int(1, 40);
    const net = product.netPrice * quantity;
    netTotal += net;
    vatTotal += vatAmount(net, product.vatRate);
    tables.offerLines.push({
      id: generateUlid(rng, ms),
      offerId: id,
      lineNo: l + 1,
      productId: tables.products[productIndex].id,
      description: product.name,
      quantity,
      unit: product.unit,
      netPrice: product.netPrice,
      vatRate: product.vatRate,
      version: 1,
      createdAt: iso(ms),
      updatedAt: iso(ms),
    });
  }
  const issuedOn = isoDay(ms);
  const status =
    opportunityStatus === 'won'
      ? 'accepted'
      : opportunityStatus === 'lost'
        ? 'rejected'
        : rng.pick(OFFER_OPEN_STATUSES);
  tables.offers.push({
    id,
    // Unique without a counter: the offer's own id stands in for the yearly sequence.
    number: `OF/${issuedOn.slice(0, 4)}/${id.slice(-8)}`,
    clientId: client.id,
    opportunityId,
    issuedOn,
    validUntil: isoDay(ms + 30 * DAY_MS),
    status,
    netTotal,
    vatTotal,
    grossTotal: netTotal + vatTotal,
    currency: 'PLN',
    template: 'Oferta standardowa',
    documentUrl: null,
    owner: client.owner,
    version: 1,
    createdAt: iso(ms),
    updatedAt: iso(ms),
  });
}

/** The demo's sales: opportunities in every stage of the three funnels, and the offers they got. */

export type OpportunityStatus = 'open' | 'won' | 'lost';
export type OfferStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';

export interface OpportunityPlan {
  /** Index into `DEMO_FIRMS`. */
  client: number;
  name: string;
  /** Index into `DEMO_PIPELINES` (training, tender, key account), and of the stage in it. */
  pipeline: number;
  stage: number;
  /** Value in złote. */
  value: number;
  status: OpportunityStatus;
  /** Days from the reference day: the expected close when open, the closing day otherwise. */
  day: number;
  lostReason?: string;
}

export interface OfferPlan {
  /** Index into `DEMO_OPPORTUNITIES`. */
  opportunity: number;
  status: OfferStatus;
  /** [index into `DEMO_PRODUCTS`, quantity] */
  lines: readonly (readonly [number, number])[];
}

type OpportunityRow = readonly [number, string, number, number, number, OpportunityStatus, number, string?];

// One row per opportunity: client, name, pipeline, stage, value (zł), status, day, lost reason.
const OPPORTUNITY_ROWS: readonly OpportunityRow[] = [
  [9, 'Integracja systemów magazynowych', 0, 0, 85000, 'open', 75],
  [21, 'Szkolenia dla pilotów wycieczek', 0, 0, 12000, 'open', 60],
  [6, 'Program rozwoju kompetencji miękkich', 0, 1, 36000, 'open', 45],
  [24, 'System monitoringu instalacji PV', 0, 1, 18000, 'open', 50],
  [8, 'Licencje CRM dla działu handlowego', 0, 2, 42000, 'open', 30],
  [25, 'Szkolenie „Excel w zarządzaniu” — 3 grupy', 0, 2, 14400, 'open', 21],
  [18, 'Wdrożenie CRM w biurze obsługi klienta', 0, 3, 64000, 'open', 14],
  [14, 'Szkolenie z obsługi pacjenta', 0, 4, 9500, 'open', 7],
  [16, 'Szkolenia dla doradców zawodowych', 1, 0, 28500, 'open', 40],
  [17, 'Szkolenia personelu rehabilitacji', 1, 1, 22000, 'open', 55],
  [22, 'Dostawa kruszywa na obwodnicę', 1, 2, 410000, 'open', 35],
  [13, 'Modernizacja rozdzielni SN', 1, 3, 1250000, 'open', 20],
  [0, 'Rozbudowa biurowca — instalacje', 1, 4, 860000, 'open', 10],
  [1, 'Hala magazynowa — konstrukcja stalowa', 1, 4, 2300000, 'won', -150],
  [7, 'Wdrożenie CRM — etap I', 0, 4, 98000, 'won', -120],
  [15, 'Szkolenia urzędników z obsługi klienta', 1, 4, 19000, 'won', -90],
  [29, 'Kurs kierownika budowy', 0, 4, 2400, 'won', -60],
  [4, 'Konstrukcja wiaty przemysłowej', 1, 4, 540000, 'won', -400],
  [10, 'Szkolenia handlowców', 0, 2, 24000, 'lost', -45, 'Cena wyższa niż u konkurencji'],
  [12, 'System śledzenia przesyłek', 0, 3, 150000, 'lost', -30, 'Klient wybrał rozwiązanie własne'],
  [19, 'Instalacja wentylacji w zakładzie', 1, 2, 320000, 'lost', -200, 'Oferta złożona po terminie'],
  // The later steps of the training procedure, after the offer.
  [5, 'Warsztaty dla nauczycieli — harmonogram', 0, 5, 16000, 'open', 25],
  [27, 'Kurs spawacza dla uczniów (80 godzin)', 0, 6, 42000, 'open', 18],
  [16, 'Szkolenia doradców zawodowych — moduł II', 0, 7, 21000, 'open', 12],
  [6, 'Trening negocjacji dla kadry kierowniczej', 0, 8, 13500, 'open', 9],
  [17, 'Szkolenie z komunikacji z pacjentem', 0, 9, 8800, 'open', 5],
  [26, 'Szkolenie z nowych przepisów VAT', 0, 10, 6400, 'open', 3],
  [15, 'Szkolenie z obsługi interesanta — grupa 2', 0, 11, 11000, 'open', 2],
  [25, 'Warsztaty z zarządzania projektem', 0, 12, 9900, 'open', 1],
  // The key accounts, one in each stage of the cooperation process.
  [0, 'Program współpracy na 2026 r.', 2, 0, 1500000, 'open', 180],
  [1, 'Wspólny plan zakupów konstrukcji', 2, 1, 2200000, 'open', 150],
  [7, 'Rozwój systemów sprzedaży Infonet', 2, 2, 640000, 'open', 120],
  [0, 'Plan strategiczny — obiekty magazynowe', 2, 3, 900000, 'open', 100],
  [4, 'Plan działań — dostawy stali 2026', 2, 4, 1800000, 'open', 80],
  [1, 'Wspólne wdrożenie — logistyka budów', 2, 5, 750000, 'open', 60],
  [7, 'Przegląd wyników współpracy', 2, 6, 300000, 'open', 45],
];

export const DEMO_OPPORTUNITIES: readonly OpportunityPlan[] = OPPORTUNITY_ROWS.map(
  ([client, name, pipeline, stage, value, status, day, lostReason]) => ({
    client,
    name,
    pipeline,
    stage,
    value,
    status,
    day,
    lostReason,
  }),
);

type OfferRow = readonly [number, OfferStatus, readonly (readonly [number, number])[]];

// One row per offer: opportunity, status, lines.
const OFFER_ROWS: readonly OfferRow[] = [
  [3, 'draft', [[4, 40]]],
  [
    4,
    'sent',
    [
      [3, 30],
      [4, 48],
    ],
  ],
  [5, 'sent', [[0, 3]]],
  [
    6,
    'sent',
    [
      [3, 20],
      [4, 160],
      [7, 20],
    ],
  ],
  [7, 'sent', [[1, 10]]],
  [11, 'sent', [[9, 6900]]],
  [
    12,
    'sent',
    [
      [9, 4800],
      [5, 600],
    ],
  ],
  [13, 'accepted', [[6, 200]]],
  [
    14,
    'accepted',
    [
      [3, 40],
      [4, 200],
    ],
  ],
  [15, 'accepted', [[1, 20]]],
  [
    16,
    'accepted',
    [
      [2, 1],
      [7, 1],
    ],
  ],
  [17, 'accepted', [[6, 47]]],
  [18, 'rejected', [[0, 5]]],
  [19, 'rejected', [[4, 600]]],
  [20, 'expired', [[9, 1700]]],
];

export const DEMO_OFFERS: readonly OfferPlan[] = OFFER_ROWS.map(([opportunity, status, lines]) => ({
  opportunity,
  status,
  lines,
}));

/** The demo firm's designed sales funnels and its products and services. */

export interface DemoStage {
  stage: string;
  probability: number;
  goal: string;
  entryTasks: readonly string[];
  expectedDays: number;
}

export interface DemoPipeline {
  name: string;
  description: string;
  product: string;
  saleForm: string;
  stages: readonly DemoStage[];
}

export const DEMO_PIPELINES: readonly DemoPipeline[] = [
  {
    name: 'Sprzedaż B2B',
    description: 'Szkolenia i usługi dla firm: od pierwszego kontaktu do umowy.',
    product: 'Szkolenia zamknięte i otwarte, doradztwo',
    saleForm: 'Sprzedaż bezpośrednia',
    stages: [
      {
        stage: 'Kontakt',
        probability: 10,
        goal: 'Nawiązać kontakt z osobą decyzyjną i potwierdzić zainteresowanie',
        entryTasks: ['Zadzwonić do klienta', 'Wysłać materiały informacyjne'],
        expectedDays: 7,
      },
      {
        stage: 'Diagnoza potrzeb',
        probability: 25,
        goal: 'Wypełnić formularz diagnozy potrzeb (F2) i sporządzić notatkę z analizy',
        entryTasks: ['Umówić spotkanie diagnostyczne', 'Sporządzić notatkę z analizy potrzeb'],
        expectedDays: 14,
      },
      {
        stage: 'Oferta',
        probability: 50,
        goal: 'Przygotować i wysłać ofertę z numerem identyfikacyjnym',
        entryTasks: ['Przygotować ofertę z szablonu', 'Wysłać ofertę i zarejestrować ją w historii klienta'],
        expectedDays: 10,
      },
      {
        stage: 'Negocjacje',
        probability: 75,
        goal: 'Uzgodnić termin, miejsce, uczestników i cenę; karta zgłoszenia (F3)',
        entryTasks: ['Przygotować protokół negocjacji'],
        expectedDays: 14,
      },
      {
        stage: 'Umowa',
        probability: 90,
        goal: 'Podpisać umowę wraz z dokumentami RODO',
        entryTasks: ['Przesłać projekt umowy', 'Zebrać zgody RODO uczestników'],
        expectedDays: 7,
      },
    ],
  },
  {
    name: 'Przetargi',
    description: 'Zamówienia publiczne i zapytania ofertowe: od ogłoszenia do rozstrzygnięcia.',
    product: 'Roboty budowlane i usługi IT',
    saleForm: 'Przetarg',
    stages: [
      {
        stage: 'Zapytanie ofertowe',
        probability: 10,
        goal: 'Ocenić zapytanie i zdecydować o udziale',
        entryTasks: ['Pobrać dokumentację przetargową'],
        expectedDays: 5,
      },
      {
        stage: 'Analiza dokumentacji',
        probability: 20,
        goal: 'Zadać pytania zamawiającemu i zgłosić uwagi do wzoru umowy',
        entryTasks: ['Przesłać pytania do zamawiającego', 'Skonsultować wzór umowy z działem prawnym'],
        expectedDays: 10,
      },
      {
        stage: 'Kalkulacja i oferta',
        probability: 40,
        goal: 'Sporządzić kalkulację z szablonu i złożyć ofertę w terminie',
        entryTasks: ['Sporządzić kalkulację kosztów', 'Uzyskać akceptację finansową'],
        expectedDays: 14,
      },
      {
        stage: 'Negocjacje końcowe',
        probability: 70,
        goal: 'Wyznaczyć kierownika projektu i uzgodnić kluczowe ustalenia',
        entryTasks: ['Wyznaczyć kierownika projektu'],
        expectedDays: 10,
      },
      {
        stage: 'Umowa',
        probability: 90,
        goal: 'Podpisać umowę i założyć kartę projektu',
        entryTasks: ['Założyć kartę projektu'],
        expectedDays: 7,
      },
    ],
  },
];

export interface DemoProduct {
  code: string;
  name: string;
  unit: string;
  /** Net price in grosze. */
  netPrice: number;
  vatRate: '23' | '8' | '5' | '0' | 'zw' | 'np';
  active: boolean;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    code: 'SZK-EXC-01',
    name: 'Szkolenie zamknięte „Excel w zarządzaniu” (1 dzień)',
    unit: 'dzień',
    netPrice: 480000,
    vatRate: '23',
    active: true,
  },
  {
    code: 'SZK-KOM-02',
    name: 'Szkolenie otwarte „Komunikacja z klientem” — dofinansowane',
    unit: 'os.',
    netPrice: 95000,
    vatRate: 'zw',
    active: true,
  },
  {
    code: 'SZK-KB-03',
    name: 'Kurs przygotowawczy do egzaminu na kierownika budowy',
    unit: 'os.',
    netPrice: 240000,
    vatRate: 'zw',
    active: true,
  },
  {
    code: 'CRM-LIC-01',
    name: 'Licencja roczna systemu CRM',
    unit: 'szt.',
    netPrice: 120000,
    vatRate: '23',
    active: true,
  },
  {
    code: 'IT-WDR-01',
    name: 'Wdrożenie i konfiguracja systemu',
    unit: 'godz.',
    netPrice: 25000,
    vatRate: '23',
    active: true,
  },
  {
    code: 'BUD-MON-01',
    name: 'Montaż instalacji w budownictwie mieszkaniowym',
    unit: 'm²',
    netPrice: 8500,
    vatRate: '8',
    active: true,
  },
  {
    code: 'BUD-KON-02',
    name: 'Konstrukcja stalowa hali (dostawa i montaż)',
    unit: 't',
    netPrice: 1150000,
    vatRate: '23',
    active: true,
  },
  {
    code: 'KS-PODR-01',
    name: 'Podręcznik „Sprzedaż w małej firmie”',
    unit: 'szt.',
    netPrice: 6900,
    vatRate: '5',
    active: true,
  },
  {
    code: 'DOR-EXP-01',
    name: 'Doradztwo dla klienta zagranicznego',
    unit: 'godz.',
    netPrice: 40000,
    vatRate: 'np',
    active: true,
  },
  {
    code: 'BUD-ELE-03',
    name: 'Roboty elektryczne i montażowe',
    unit: 'godz.',
    netPrice: 18000,
    vatRate: '23',
    active: true,
  },
  {
    code: 'EXP-KON-04',
    name: 'Konstrukcja stalowa — dostawa wewnątrzwspólnotowa',
    unit: 't',
    netPrice: 1150000,
    vatRate: '0',
    active: true,
  },
  {
    code: 'SZK-ARCH-99',
    name: 'Szkolenie „Windows XP dla zaawansowanych” (wycofane)',
    unit: 'dzień',
    netPrice: 150000,
    vatRate: '23',
    active: false,
  },
];

/** The VAT due on a net amount at a rate of the `vatRate` list, in grosze. */
export function vatAmount(net: number, rate: DemoProduct['vatRate']): number {
  const percent = rate === 'zw' || rate === 'np' ? 0 : Number(rate);
  return Math.round((net * percent) / 100);
}

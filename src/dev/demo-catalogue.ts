/** The demo firm's sales funnels (the three ready funnels, in Polish) and its products and services. */
import { READY_FUNNELS, type ReadyFunnel, type ReadyFunnelKey } from '../core/sales/ready-funnels';

export interface DemoStage {
  stage: string;
  probability: number;
  goal: string;
  entryTasks: readonly string[];
  expectedDays: number;
}

export interface DemoPipeline {
  funnel: ReadyFunnel;
  name: string;
  stages: readonly DemoStage[];
}

/** Training first and tender second, as the demo's sales plan numbers them, then the key account. */
const DEMO_FUNNEL_ORDER: readonly ReadyFunnelKey[] = ['training', 'tender', 'keyAccount'];

export const DEMO_PIPELINES: readonly DemoPipeline[] = DEMO_FUNNEL_ORDER.map((key) => {
  const funnel = READY_FUNNELS.find((f) => f.key === key) as ReadyFunnel;
  return {
    funnel,
    name: funnel.name.pl,
    stages: funnel.stages.map((stage) => ({
      stage: stage.name.pl,
      probability: stage.probability,
      goal: stage.goal.pl,
      entryTasks: stage.tasks.map((t) => t.title.pl),
      expectedDays: stage.expectedDays,
    })),
  };
});

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

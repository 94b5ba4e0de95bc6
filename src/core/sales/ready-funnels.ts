import type { Bilingual, Locale } from '../i18n';
import type { NewRow } from '../clients/client-rows';
import { CURRENT_SCHEMA, tableByKey } from '../schema';

/** A task an opportunity gets when it enters the stage. */
export interface ReadyStageTask {
  title: Bilingual;
  ownerRole: Bilingual;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  dueInDays: number;
}

export interface ReadyStage {
  name: Bilingual;
  probability: number;
  goal: Bilingual;
  /** Opportunity fields (keys) that must be filled to enter the stage. */
  requiredFields: readonly string[];
  expectedDays: number;
  tasks: readonly ReadyStageTask[];
}

export type ReadyFunnelKey = 'tender' | 'training' | 'keyAccount';

/** A funnel from the seeds, to pick and adapt: its settings, stages and stage tasks in both languages. */
export interface ReadyFunnel {
  key: ReadyFunnelKey;
  name: Bilingual;
  description: Bilingual;
  clientType: 'company' | 'institution' | 'person';
  product: Bilingual;
  saleForm: Bilingual;
  lostReasons: readonly Bilingual[];
  stages: readonly ReadyStage[];
}

const b = (pl: string, en: string): Bilingual => ({ pl, en });

function task(
  pl: string,
  en: string,
  ownerRole: Bilingual,
  priority: ReadyStageTask['priority'],
  dueInDays: number,
): ReadyStageTask {
  return { title: b(pl, en), ownerRole, priority, dueInDays };
}

const SALES = b('Pracownik sekcji handlowej', 'Sales representative');
const SALES_DIRECTOR = b('Dyrektor handlowy', 'Sales director');
const BU_DIRECTOR = b('Dyrektor BU', 'Business unit director');
const ESTIMATOR = b('Kosztorysant', 'Cost estimator');
const LEGAL = b('Dział prawny', 'Legal department');
const FINANCE = b('Dział finansowy', 'Finance department');
const TRAINING_COORDINATOR = b('Koordynator szkoleń', 'Training coordinator');
const TRAINER = b('Trener', 'Trainer');
const KAM = b('Menedżer ds. klientów kluczowych', 'Key account manager');
const ANALYST = b('Analityk', 'Analyst');

/** Tender / general contractor: the process card of the construction firm (seed 000), steps 5 and 6. */
const TENDER: ReadyFunnel = {
  key: 'tender',
  name: b('Przetarg / generalne wykonawstwo', 'Tender / general contractor'),
  description: b(
    'Zapytania ofertowe i przetargi (e-Zamówienia, BZP, TED): od ogłoszenia przez decyzję go/no-go, pytania do zamawiającego i ofertę z kalkulacją do negocjacji końcowych; wygrana zakłada kartę projektu z kierownikiem.',
    'Requests for quotation and tenders (e-Zamówienia, BZP, TED): from the notice through the go/no-go decision, questions to the buyer and the offer with its calculation to the final negotiations; a win opens a project card with its manager.',
  ),
  clientType: 'institution',
  product: b('Roboty budowlane i instalacyjne', 'Construction and installation works'),
  saleForm: b('Przetarg / zapytanie ofertowe', 'Tender / request for quotation'),
  lostReasons: [
    b('Cena wyższa od konkurencji', 'Price above the competition'),
    b('Niespełnione warunki udziału', 'Conditions of participation not met'),
    b('Oferta odrzucona z przyczyn formalnych', 'Offer rejected on formal grounds'),
    b('Unieważnienie postępowania', 'Procedure annulled'),
    b('Decyzja no-go', 'No-go decision'),
    b('Termin złożenia oferty minął', 'Submission deadline missed'),
  ],
  stages: [
    {
      name: b('Ogłoszenie', 'Notice'),
      probability: 10,
      goal: b(
        'Zarejestrować zapytanie ofertowe lub ogłoszenie (e-Zamówienia, BZP, TED) z linkiem i terminami',
        'Record the request for quotation or the tender notice (e-Zamówienia, BZP, TED) with its link and deadlines',
      ),
      requiredFields: [],
      expectedDays: 5,
      tasks: [
        task(
          'Zapisać ogłoszenie z linkiem (e-Zamówienia / BZP / TED) i terminami',
          'Record the notice with its link (e-Zamówienia / BZP / TED) and deadlines',
          SALES,
          'high',
          1,
        ),
        task(
          'Pobrać dokumentację przetargową i wzór umowy',
          'Download the tender documents and the contract template',
          SALES,
          'normal',
          2,
        ),
      ],
    },
    {
      name: b('Decyzja go/no-go', 'Go/no-go decision'),
      probability: 20,
      goal: b(
        'Ocenić udział według kryteriów ważonych (doświadczenie, potencjał kadrowy, marża, ryzyko kar) i zdecydować',
        'Score the bid on weighted criteria (experience, staff capacity, margin, risk of penalties) and decide',
      ),
      requiredFields: ['expectedClose'],
      expectedDays: 3,
      tasks: [
        task(
          'Ocenić kryteria go/no-go z wagami (doświadczenie, potencjał kadrowy, marża, ryzyko)',
          'Score the go/no-go criteria with their weights (experience, staff capacity, margin, risk)',
          SALES_DIRECTOR,
          'high',
          2,
        ),
        task(
          'Podjąć decyzję o udziale w postępowaniu',
          'Decide whether to take part in the procedure',
          BU_DIRECTOR,
          'high',
          3,
        ),
      ],
    },
    {
      name: b('Analiza i pytania do zamawiającego', 'Analysis and questions to the buyer'),
      probability: 30,
      goal: b(
        'Przeanalizować dokumentację, zadać pytania zamawiającemu i zgłosić uwagi do wzoru umowy',
        'Analyse the documents, ask the buyer questions and comment on the contract template',
      ),
      requiredFields: ['expectedClose'],
      expectedDays: 10,
      tasks: [
        task(
          'Przeanalizować dokumentację przetargową i przedmiar',
          'Analyse the tender documents and the bill of quantities',
          ESTIMATOR,
          'normal',
          3,
        ),
        task(
          'Przesłać pytania do zamawiającego przed terminem pytań',
          'Send the questions to the buyer before the questions deadline',
          SALES,
          'high',
          5,
        ),
        task(
          'Skonsultować wzór umowy z działem prawnym',
          'Review the contract template with the legal department',
          LEGAL,
          'normal',
          5,
        ),
      ],
    },
    {
      name: b('Oferta z kalkulacją', 'Offer with calculation'),
      probability: 50,
      goal: b(
        'Sporządzić kalkulację z szablonu, przygotować wadium i dokumenty, złożyć ofertę w terminie',
        'Prepare the calculation from the template, the bid bond and the documents, and submit the offer on time',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 14,
      tasks: [
        task(
          'Sporządzić kalkulację ofertową z szablonu',
          'Prepare the offer calculation from the template',
          ESTIMATOR,
          'high',
          5,
        ),
        task(
          'Uzyskać akceptację kalkulacji w dziale finansowym',
          'Get the calculation approved by the finance department',
          FINANCE,
          'normal',
          7,
        ),
        task(
          'Wnieść wadium i skompletować dokumenty z listy',
          'Provide the bid bond and complete the document checklist',
          SALES,
          'high',
          7,
        ),
        task('Złożyć ofertę w terminie', 'Submit the offer on time', SALES_DIRECTOR, 'urgent', 10),
      ],
    },
    {
      name: b('Negocjacje końcowe', 'Final negotiations'),
      probability: 75,
      goal: b(
        'Wyznaczyć kierownika projektu, wynegocjować warunki i spisać protokół z negocjacji',
        'Appoint the project manager, negotiate the terms and write the negotiation protocol',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 10,
      tasks: [
        task('Wyznaczyć kierownika projektu', 'Appoint the project manager', BU_DIRECTOR, 'high', 1),
        task(
          'Powołać zespół negocjacyjny (w razie potrzeby z działem prawnym)',
          'Form the negotiation team (with the legal department when needed)',
          SALES_DIRECTOR,
          'normal',
          2,
        ),
        task(
          'Spisać protokół z negocjacji z kluczowymi ustaleniami',
          'Write the negotiation protocol with the key arrangements',
          SALES,
          'high',
          7,
        ),
      ],
    },
  ],
};

/** Training service: the training firm's client procedure (seed 002), its 13 steps and forms F2–F7. */
const TRAINING: ReadyFunnel = {
  key: 'training',
  name: b('Usługa szkoleniowa', 'Training service'),
  description: b(
    'Warsztaty i szkolenia na zlecenie w 13 krokach procedury: od kontaktu i diagnozy potrzeb (F2) przez ofertę z numerem, kartę zgłoszenia (F3) i umowę po listę sprawdzającą (F4), ewaluację (F5), protokół (F6) i reklamacje (F7).',
    'Commissioned workshops and training in the 13 steps of the procedure: from the contact and the needs diagnosis (F2) through the numbered offer, the application card (F3) and the contract to the checklist (F4), the evaluation (F5), the protocol (F6) and complaints (F7).',
  ),
  clientType: 'institution',
  product: b('Szkolenia i warsztaty na zlecenie', 'Commissioned training and workshops'),
  saleForm: b('Oferta indywidualna', 'Individual offer'),
  lostReasons: [
    b('Cena', 'Price'),
    b('Termin niedostępny', 'Date not available'),
    b('Wybrano innego organizatora', 'Another provider chosen'),
    b('Brak dofinansowania', 'No funding'),
    b('Rezygnacja klienta', 'Client withdrew'),
  ],
  stages: [
    {
      name: b('Kontakt z klientem', 'Contact with the client'),
      probability: 10,
      goal: b(
        'Odpowiedzieć na prośbę lub zapytanie klienta i zapisać źródło kontaktu',
        "Answer the client's request or enquiry and record where the contact came from",
      ),
      requiredFields: [],
      expectedDays: 3,
      tasks: [
        task(
          'Odpowiedzieć na zapytanie i zapisać źródło kontaktu',
          'Answer the enquiry and record the source of the contact',
          TRAINING_COORDINATOR,
          'high',
          1,
        ),
      ],
    },
    {
      name: b('Diagnoza potrzeb (F2)', 'Needs diagnosis (F2)'),
      probability: 15,
      goal: b('Wysłać klientowi formularz diagnozy potrzeb', 'Send the client the needs diagnosis form'),
      requiredFields: [],
      expectedDays: 7,
      tasks: [
        task(
          'Wysłać formularz diagnozy potrzeb (F2)',
          'Send the needs diagnosis form (F2)',
          TRAINING_COORDINATOR,
          'high',
          1,
        ),
      ],
    },
    {
      name: b('Analiza potrzeb', 'Needs analysis'),
      probability: 20,
      goal: b(
        'Sporządzić notatkę z analizy: metoda, oczekiwania zamawiającego, poziom uczestników, pożądana zmiana',
        "Write the analysis note: method, the buyer's expectations, the participants' level, the desired change",
      ),
      requiredFields: [],
      expectedDays: 7,
      tasks: [
        task(
          'Sporządzić notatkę z analizy formularza F2',
          'Write the note analysing the F2 form',
          TRAINING_COORDINATOR,
          'normal',
          5,
        ),
      ],
    },
    {
      name: b('Oferta indywidualna', 'Individual offer'),
      probability: 30,
      goal: b(
        'Dobrać trenera, przygotować program z efektami uczenia się i wycenę; nadać ofercie numer',
        'Choose the trainer, prepare the programme with its learning outcomes and the price; number the offer',
      ),
      requiredFields: ['value'],
      expectedDays: 7,
      tasks: [
        task(
          'Dobrać trenera z bazy trenerów',
          'Choose a trainer from the trainer base',
          TRAINING_COORDINATOR,
          'normal',
          2,
        ),
        task(
          'Przygotować program z celami w języku efektów uczenia się i wycenę',
          'Prepare the programme with learning-outcome goals and the price',
          TRAINER,
          'high',
          5,
        ),
      ],
    },
    {
      name: b('Wysłanie oferty', 'Offer sent'),
      probability: 40,
      goal: b(
        'Przekazać ofertę z opisem usługi, informacją o trenerze, warunkami i wyceną',
        'Send the offer with the description, the trainer, the terms and the price',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 7,
      tasks: [
        task(
          'Wysłać ofertę i zapisać ją w historii klienta',
          "Send the offer and record it in the client's history",
          TRAINING_COORDINATOR,
          'high',
          1,
        ),
      ],
    },
    {
      name: b('Negocjacje i karta zgłoszenia (F3)', 'Negotiation and application card (F3)'),
      probability: 60,
      goal: b(
        'Uzgodnić termin, miejsce, liczbę uczestników i harmonogram',
        'Agree the date, place, number of participants and schedule',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 10,
      tasks: [
        task(
          'Uzgodnić termin, miejsce, liczbę uczestników i harmonogram',
          'Agree the date, place, number of participants and schedule',
          TRAINING_COORDINATOR,
          'normal',
          5,
        ),
        task(
          'Wysłać kartę zgłoszenia na szkolenie (F3)',
          'Send the training application card (F3)',
          TRAINING_COORDINATOR,
          'high',
          2,
        ),
      ],
    },
    {
      name: b('Akceptacja i umowa', 'Acceptance and contract'),
      probability: 80,
      goal: b(
        'Potwierdzenie oferty przez klienta; przy usłudze od 60 godzin umowa z każdym uczestnikiem lub zamawiającym, z dokumentami RODO',
        'The client confirms the offer; for a service of 60 hours or more, a contract with each participant or the buyer, with the GDPR documents',
      ),
      requiredFields: ['value', 'expectedClose', 'personId'],
      expectedDays: 10,
      tasks: [
        task(
          'Zawrzeć umowę o usługę od 60 godzin z każdym uczestnikiem lub zamawiającym',
          'Sign a contract for a service of 60 hours or more with each participant or the buyer',
          TRAINING_COORDINATOR,
          'high',
          5,
        ),
        task(
          'Wysłać umowę z dokumentami RODO i odebrać podpisaną',
          'Send the contract with the GDPR documents and receive it signed',
          TRAINING_COORDINATOR,
          'high',
          7,
        ),
      ],
    },
    {
      name: b('Organizacja usługi (F4)', 'Organising the service (F4)'),
      probability: 90,
      goal: b(
        'Przygotować materiały, certyfikaty i salę według listy sprawdzającej',
        'Prepare the materials, certificates and the room by the checklist',
      ),
      requiredFields: [],
      expectedDays: 14,
      tasks: [
        task(
          'Przygotować materiały szkoleniowe i zaświadczenia',
          'Prepare the training materials and certificates',
          TRAINER,
          'normal',
          7,
        ),
        task(
          'Sprawdzić salę według listy sprawdzającej (F4)',
          'Check the training room against the checklist (F4)',
          TRAINING_COORDINATOR,
          'normal',
          10,
        ),
      ],
    },
    {
      name: b('Kontakt przed warsztatem', 'Contact before the workshop'),
      probability: 90,
      goal: b(
        'Przekazać uczestnikom termin, miejsce, program i dane trenera; zebrać ich potrzeby',
        'Give the participants the date, place, programme and trainer; gather their needs',
      ),
      requiredFields: [],
      expectedDays: 7,
      tasks: [
        task(
          'Skontaktować się z uczestnikami i udokumentować kontakt (notatka 1.3)',
          'Contact the participants and document the contact (note 1.3)',
          TRAINER,
          'normal',
          3,
        ),
      ],
    },
    {
      name: b('Realizacja', 'Delivery'),
      probability: 95,
      goal: b('Przeprowadzić usługę i monitorować jej przebieg', 'Deliver the service and monitor it'),
      requiredFields: [],
      expectedDays: 30,
      tasks: [
        task(
          'Monitorować realizację usługi',
          'Monitor the delivery of the service',
          TRAINING_COORDINATOR,
          'normal',
          7,
        ),
      ],
    },
    {
      name: b('Ewaluacja (F5)', 'Evaluation (F5)'),
      probability: 95,
      goal: b(
        'Zbadać efekty uczenia się i opinie uczestników',
        'Assess the learning outcomes and the participants’ views',
      ),
      requiredFields: [],
      expectedDays: 7,
      tasks: [
        task(
          'Przeprowadzić ankietę ewaluacji szkolenia (F5)',
          'Run the training evaluation survey (F5)',
          TRAINER,
          'high',
          1,
        ),
      ],
    },
    {
      name: b('Przekazanie dokumentacji (F6)', 'Handing over the documents (F6)'),
      probability: 100,
      goal: b(
        'Przekazać protokół realizacji, zaświadczenia i informację zwrotną dla zamawiającego',
        'Hand over the service protocol, certificates and the feedback report',
      ),
      requiredFields: [],
      expectedDays: 7,
      tasks: [
        task(
          'Sporządzić protokół realizacji usługi (F6) i przekazać zaświadczenia',
          'Write the service protocol (F6) and hand over the certificates',
          TRAINING_COORDINATOR,
          'high',
          3,
        ),
      ],
    },
    {
      name: b('Reklamacje (F7)', 'Complaints (F7)'),
      probability: 100,
      goal: b(
        'Podać odbiorcom procedurę reklamacji i przyjąć ewentualne zgłoszenia',
        'Tell the clients the complaints procedure and take any complaints',
      ),
      requiredFields: [],
      expectedDays: 14,
      tasks: [
        task(
          'Przekazać formularz reklamacji usługi (F7) i procedurę reklamacji',
          'Send the service complaint form (F7) and the complaints procedure',
          TRAINING_COORDINATOR,
          'low',
          2,
        ),
      ],
    },
  ],
};

/**
 * Key account: the win-win cooperation process (seed 001). Tasks whose title starts with a
 * cooperation variant in brackets ("[Kooperacja] …") are created only for clients of that variant:
 * the variant decides at which stage the client joins (`variantOfStageTask`).
 */
const KEY_ACCOUNT: ReadyFunnel = {
  key: 'keyAccount',
  name: b('Klient kluczowy', 'Key account'),
  description: b(
    'Współpraca z klientem kluczowym według zasady wygrany-wygrany: strategia, gromadzenie i analiza danych, plan strategiczny, plan działań, wspólne wdrożenie i monitorowanie. Wariant współpracy klienta decyduje, na którym etapie klient dołącza: integracja — od gromadzenia danych, kooperacja — od planu strategicznego, negocjacja — klient pozostaje poza procesem.',
    "Cooperation with a key account on win-win terms: strategy, data gathering and analysis, the strategic plan, the action plan, joint implementation and monitoring. The client's cooperation variant decides at which stage the client joins: integration from data gathering, cooperation from the strategic plan, negotiation keeps the client outside the process.",
  ),
  clientType: 'company',
  product: b('Współpraca długoterminowa', 'Long-term cooperation'),
  saleForm: b('Opieka nad klientem kluczowym', 'Key account management'),
  lostReasons: [
    b('Klient nie spełnia warunków współpracy', 'The client does not meet the conditions for cooperation'),
    b('Brak zgody na wymianę danych', 'No agreement to share data'),
    b('Zmiana strategii klienta', "Change of the client's strategy"),
    b('Wybrano innego dostawcę', 'Another supplier chosen'),
    b('Brak oczekiwanych wyników', 'Expected results not reached'),
  ],
  stages: [
    {
      name: b('Strategia', 'Strategy'),
      probability: 10,
      goal: b(
        'Określić strategię współpracy zgodną ze strategią firmy; ocenić klienta i wybrać wariant współpracy',
        "Set the cooperation strategy in line with the firm's; assess the client and choose the cooperation variant",
      ),
      requiredFields: [],
      expectedDays: 30,
      tasks: [
        task(
          'Ocenić gotowość klienta (transfer wiedzy, zmiany, zespoły, inwestycje) i wybrać wariant współpracy',
          "Assess the client's readiness (knowledge transfer, change, teams, investment) and choose the cooperation variant",
          KAM,
          'high',
          14,
        ),
        task(
          'Dobrać interdyscyplinarny zespół z działów firmy',
          'Pick a cross-department team',
          KAM,
          'normal',
          21,
        ),
      ],
    },
    {
      name: b('Gromadzenie i klasyfikacja danych', 'Data gathering and classification'),
      probability: 20,
      goal: b(
        'Zebrać dane rynkowe, badania marketingowe, prognozy i plan roczny',
        'Gather market data, marketing research, forecasts and the annual plan',
      ),
      requiredFields: [],
      expectedDays: 30,
      tasks: [
        task(
          'Zebrać dane: rynkowe, badania marketingowe, prognozy, plan roczny',
          'Gather the data: market data, marketing research, forecasts, annual plan',
          ANALYST,
          'normal',
          14,
        ),
        task(
          '[Integracja] Włączyć klienta do wspólnego zespołu i zebrać jego dane: wyniki sprzedaży, zachowania konsumentów, planowane inwestycje, plan roczny',
          "[Integration] Bring the client into one joint team and gather the client's data: sales results, consumer behaviour, planned investments, annual plan",
          KAM,
          'high',
          7,
        ),
      ],
    },
    {
      name: b('Analiza i ocena', 'Analysis and evaluation'),
      probability: 30,
      goal: b(
        'Przetworzyć dane i informacje w użyteczną wiedzę',
        'Turn the data and information into useful knowledge',
      ),
      requiredFields: [],
      expectedDays: 21,
      tasks: [
        task(
          'Przeanalizować i ocenić zebrane dane',
          'Analyse and evaluate the data gathered',
          ANALYST,
          'normal',
          14,
        ),
      ],
    },
    {
      name: b('Plan strategiczny dla klienta', 'Strategic plan for the client'),
      probability: 50,
      goal: b('Zdefiniować plan strategiczny dla klienta', 'Define the strategic plan for the client'),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 30,
      tasks: [
        task(
          'Opracować plan strategiczny dla klienta',
          'Draw up the strategic plan for the client',
          KAM,
          'high',
          21,
        ),
        task(
          '[Kooperacja] Zaprosić klienta do prac nad planem i skonsolidować dane obu stron',
          "[Cooperation] Invite the client to work on the plan and consolidate both sides' data",
          KAM,
          'high',
          7,
        ),
      ],
    },
    {
      name: b('Planowanie działań', 'Action planning'),
      probability: 70,
      goal: b(
        'Wyznaczyć cele strategiczne i działania szczegółowe',
        'Set the strategic goals and the detailed actions',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 21,
      tasks: [
        task(
          'Wyznaczyć cele i działania szczegółowe z terminami',
          'Set the goals and the detailed actions with their dates',
          KAM,
          'normal',
          14,
        ),
        task(
          '[Negocjacja] Przedstawić klientowi plan działań i wynegocjować warunki',
          '[Negotiation] Present the action plan to the client and negotiate the terms',
          KAM,
          'high',
          10,
        ),
      ],
    },
    {
      name: b('Wspólne wdrożenie', 'Joint implementation'),
      probability: 85,
      goal: b(
        'Wdrożyć zaplanowane działania razem z klientem',
        'Carry out the planned actions together with the client',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 60,
      tasks: [
        task(
          'Uruchomić działania i ustalić metody ich monitorowania',
          'Start the actions and agree how they are monitored',
          KAM,
          'high',
          7,
        ),
      ],
    },
    {
      name: b('Monitorowanie i ocena', 'Monitoring and evaluation'),
      probability: 95,
      goal: b(
        'Sprawdzić, czy wyniki spełniają oczekiwania obu stron, i zdecydować o dalszym wariancie',
        'Check that the results meet both sides’ expectations and decide on the variant from here',
      ),
      requiredFields: ['value', 'expectedClose'],
      expectedDays: 90,
      tasks: [
        task(
          'Ocenić wyniki współpracy z klientem i zdecydować o dalszym wariancie',
          'Evaluate the results of the cooperation and decide on the variant from here',
          KAM,
          'normal',
          30,
        ),
      ],
    },
  ],
};

/** The three ready funnels, in the order the funnel designer offers them. */
export const READY_FUNNELS: readonly ReadyFunnel[] = [TENDER, TRAINING, KEY_ACCOUNT];

export function readyFunnelByKey(key: string): ReadyFunnel | undefined {
  return READY_FUNNELS.find((f) => f.key === key);
}

/** The rows a ready funnel adds, by table: its settings, its stages in order and their tasks. */
export interface FunnelRows {
  pipelines: NewRow[];
  stages: NewRow[];
  stageTasks: NewRow[];
}

const OPPORTUNITY_COLUMNS = tableByKey(CURRENT_SCHEMA, 'opportunities').columns;

/** A required field as the workbook names it: the column's header in the workbook's language. */
function fieldHeader(key: string, locale: Locale): string {
  const column = OPPORTUNITY_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`Ready funnel names an unknown opportunity field: ${key}`);
  return column.header[locale];
}

/** A ready funnel as rows to append, in the workbook's language, under its own name or `name`. */
export function readyFunnelRows(
  funnel: ReadyFunnel,
  options: { locale: Locale; newId: () => string; name?: string },
): FunnelRows {
  const { locale, newId } = options;
  const pipeline = options.name?.trim() || funnel.name[locale];
  const rows: FunnelRows = {
    pipelines: [
      {
        id: newId(),
        name: pipeline,
        description: funnel.description[locale],
        clientType: funnel.clientType,
        product: funnel.product[locale],
        saleForm: funnel.saleForm[locale],
        lostReasons: funnel.lostReasons.map((r) => r[locale]).join('; '),
        active: true,
      },
    ],
    stages: [],
    stageTasks: [],
  };
  funnel.stages.forEach((stage, index) => {
    const name = stage.name[locale];
    rows.stages.push({
      id: newId(),
      pipeline,
      stage: name,
      order: index + 1,
      probability: stage.probability,
      goal: stage.goal[locale],
      entryTasks: null,
      expectedDays: stage.expectedDays,
      requiredFields: stage.requiredFields.map((key) => fieldHeader(key, locale)).join('; ') || null,
    });
    for (const t of stage.tasks) {
      rows.stageTasks.push({
        id: newId(),
        pipeline,
        stage: name,
        title: t.title[locale],
        ownerRole: t.ownerRole[locale],
        priority: t.priority,
        dueInDays: t.dueInDays,
      });
    }
  });
  return rows;
}

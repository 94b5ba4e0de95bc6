import type { EnumSchema } from './types';

type Label = readonly [key: string, pl: string, en: string];

function enumeration(key: string, values: readonly Label[]): EnumSchema {
  return { key, values: values.map(([k, pl, en]) => ({ key: k, label: { pl, en } })) };
}

/** Closed lists; each becomes an Excel data-validation list in the workbook's language. */
export const ENUMS_V1: readonly EnumSchema[] = [
  enumeration('clientStatus', [
    ['lead', 'Potencjalny', 'Lead'],
    ['prospect', 'Kwalifikowany', 'Prospect'],
    ['active', 'Aktywny', 'Active'],
    ['inactive', 'Nieaktywny', 'Inactive'],
  ]),
  enumeration('clientType', [
    ['company', 'Firma', 'Company'],
    ['institution', 'Instytucja', 'Institution'],
    ['person', 'Osoba prywatna', 'Private person'],
  ]),
  enumeration('clientSource', [
    ['website', 'Strona WWW', 'Website'],
    ['socialMedia', 'Media społecznościowe', 'Social media'],
    ['portal', 'Portal ofertowy', 'Offer portal'],
    ['tender', 'Przetarg', 'Tender'],
    ['fair', 'Targi', 'Trade fair'],
    ['conference', 'Konferencja', 'Conference'],
    ['campaign', 'Kampania', 'Campaign'],
    ['referral', 'Polecenie', 'Referral'],
    ['partner', 'Sieć partnerska', 'Partner network'],
    ['email', 'E-mail', 'E-mail'],
    ['phone', 'Telefon', 'Phone'],
    ['import', 'Import', 'Import'],
    ['other', 'Inne', 'Other'],
  ]),
  enumeration('cooperationVariant', [
    ['negotiation', 'Negocjacja', 'Negotiation'],
    ['cooperation', 'Kooperacja', 'Cooperation'],
    ['integration', 'Integracja', 'Integration'],
  ]),
  enumeration('abcClass', [
    ['A', 'A', 'A'],
    ['B', 'B', 'B'],
    ['C', 'C', 'C'],
  ]),
  enumeration('gdprLegalBasis', [
    ['consent', 'Zgoda (art. 6 ust. 1 lit. a)', 'Consent (Art. 6(1)(a))'],
    ['contract', 'Umowa (art. 6 ust. 1 lit. b)', 'Contract (Art. 6(1)(b))'],
    ['legalObligation', 'Obowiązek prawny (art. 6 ust. 1 lit. c)', 'Legal obligation (Art. 6(1)(c))'],
    [
      'legitimateInterest',
      'Uzasadniony interes (art. 6 ust. 1 lit. f)',
      'Legitimate interest (Art. 6(1)(f))',
    ],
  ]),
  enumeration('activityType', [
    ['emailIn', 'E-mail przychodzący', 'E-mail received'],
    ['emailOut', 'E-mail wysłany', 'E-mail sent'],
    ['call', 'Rozmowa telefoniczna', 'Call'],
    ['meeting', 'Spotkanie', 'Meeting'],
    ['note', 'Notatka', 'Note'],
    ['offerSent', 'Wysłanie oferty', 'Offer sent'],
    ['survey', 'Ankieta', 'Survey'],
    ['complaint', 'Reklamacja', 'Complaint'],
    ['merge', 'Scalenie klientów', 'Clients merged'],
  ]),
  enumeration('opportunityStatus', [
    ['open', 'Otwarta', 'Open'],
    ['won', 'Wygrana', 'Won'],
    ['lost', 'Przegrana', 'Lost'],
  ]),
  enumeration('taskPriority', [
    ['low', 'Niski', 'Low'],
    ['normal', 'Normalny', 'Normal'],
    ['high', 'Wysoki', 'High'],
    ['urgent', 'Pilny', 'Urgent'],
  ]),
  enumeration('taskStatus', [
    ['todo', 'Do zrobienia', 'To do'],
    ['inProgress', 'W toku', 'In progress'],
    ['done', 'Wykonane', 'Done'],
    ['cancelled', 'Anulowane', 'Cancelled'],
  ]),
  enumeration('offerStatus', [
    ['draft', 'Szkic', 'Draft'],
    ['sent', 'Wysłana', 'Sent'],
    ['accepted', 'Zaakceptowana', 'Accepted'],
    ['rejected', 'Odrzucona', 'Rejected'],
    ['expired', 'Wygasła', 'Expired'],
  ]),
  enumeration('vatRate', [
    ['23', '23%', '23%'],
    ['8', '8%', '8%'],
    ['5', '5%', '5%'],
    ['0', '0%', '0%'],
    ['zw', 'zw.', 'exempt'],
    ['np', 'np.', 'not subject'],
  ]),
  enumeration('projectStatus', [
    ['planned', 'Planowany', 'Planned'],
    ['inProgress', 'W realizacji', 'In progress'],
    ['completed', 'Zakończony', 'Completed'],
    ['cancelled', 'Anulowany', 'Cancelled'],
  ]),
  enumeration('surveyStatus', [
    ['planned', 'Planowana', 'Planned'],
    ['open', 'Otwarta', 'Open'],
    ['closed', 'Zamknięta', 'Closed'],
  ]),
  enumeration('complaintStatus', [
    ['received', 'Przyjęta', 'Received'],
    ['inReview', 'Rozpatrywana', 'In review'],
    ['accepted', 'Uznana', 'Accepted'],
    ['rejected', 'Odrzucona', 'Rejected'],
    ['closed', 'Zamknięta', 'Closed'],
  ]),
  enumeration('goalMetric', [
    ['wonValue', 'Wartość wygranych szans', 'Won value'],
    ['wonCount', 'Liczba wygranych szans', 'Opportunities won'],
    ['offersSent', 'Wysłane oferty', 'Offers sent'],
    ['meetings', 'Spotkania', 'Meetings'],
    ['newClients', 'Nowi klienci', 'New clients'],
  ]),
  enumeration('auditAction', [
    ['create', 'Utworzenie', 'Create'],
    ['update', 'Zmiana', 'Update'],
    ['delete', 'Usunięcie', 'Delete'],
    ['merge', 'Scalenie', 'Merge'],
    ['export', 'Eksport danych osobowych', 'Personal data export'],
    ['erase', 'Usunięcie danych osobowych', 'Personal data erasure'],
  ]),
];

/** Values schema version 3 adds to a list of version 1, by list key. */
const VALUES_ADDED_IN_V3: Record<string, readonly Label[]> = {
  activityType: [
    ['opportunity', 'Szansa sprzedaży', 'Opportunity'],
    ['deletion', 'Usunięcie wpisu', 'Entry deleted'],
  ],
};

/** Version 3's lists: version 1's with the values above, and the forms of a tender's bid bond. */
export const ENUMS_V3: readonly EnumSchema[] = [
  ...ENUMS_V1.map((e) => {
    const added = VALUES_ADDED_IN_V3[e.key];
    return added ? { key: e.key, values: [...e.values, ...enumeration(e.key, added).values] } : e;
  }),
  enumeration('bidBondForm', [
    ['cash', 'Pieniądz (przelew)', 'Cash (transfer)'],
    ['bankGuarantee', 'Gwarancja bankowa', 'Bank guarantee'],
    ['insuranceGuarantee', 'Gwarancja ubezpieczeniowa', 'Insurance guarantee'],
    ['suretyship', 'Poręczenie', 'Suretyship'],
  ]),
];

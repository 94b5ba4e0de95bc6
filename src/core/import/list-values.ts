import type { Bilingual } from '../i18n';
import { CURRENT_SCHEMA, enumByKey } from '../schema';
import { foldText } from './text-folding';

/*
 * Words people write in their own spreadsheets for the values of a list, beyond its keys and
 * labels (both languages), by list and key. Compared folded: no case, no diacritics, punctuation
 * as spaces, so `Strona WWW`, `strona-www` and `STRONA www` are one word.
 */
const SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  clientType: {
    company: [
      'spółka',
      'przedsiębiorstwo',
      'przedsiębiorca',
      'działalność gospodarcza',
      'business',
      'b2b',
      'firm',
    ],
    institution: [
      'urząd',
      'jednostka publiczna',
      'administracja',
      'szkoła',
      'uczelnia',
      'gmina',
      'public',
      'jst',
    ],
    person: [
      'osoba',
      'osoba fizyczna',
      'konsument',
      'klient indywidualny',
      'prywatny',
      'individual',
      'private',
      'consumer',
      'b2c',
    ],
  },
  clientStatus: {
    lead: ['nowy', 'potencjalny klient', 'new'],
    prospect: ['zainteresowany', 'w trakcie', 'kwalifikowany lead', 'qualified'],
    active: ['klient', 'stały', 'stały klient', 'customer', 'current'],
    inactive: ['były', 'były klient', 'uśpiony', 'nieaktualny', 'former', 'dormant', 'lost'],
  },
  clientSource: {
    website: [
      'www',
      'strona',
      'strona internetowa',
      'internet',
      'formularz',
      'formularz kontaktowy',
      'web',
      'site',
      'web site',
      'contact form',
    ],
    socialMedia: [
      'social',
      'facebook',
      'linkedin',
      'instagram',
      'twitter',
      'youtube',
      'tiktok',
      'media społecznościowe',
    ],
    portal: ['portal', 'marketplace', 'oferteo', 'panorama firm'],
    tender: ['przetarg publiczny', 'zamówienie publiczne', 'bzp', 'ted', 'e zamówienia', 'bid', 'rfp'],
    fair: ['targi', 'wystawa', 'expo', 'trade show', 'fair', 'exhibition'],
    conference: ['konferencja', 'seminarium', 'webinar', 'webinarium', 'event', 'wydarzenie'],
    campaign: ['mailing', 'newsletter', 'reklama', 'ads', 'google ads', 'adwords', 'advert', 'advertising'],
    referral: [
      'polecenie',
      'z polecenia',
      'rekomendacja',
      'poleceni',
      'recommendation',
      'referred',
      'word of mouth',
    ],
    partner: ['partner', 'partnerzy', 'sieć partnerów', 'partner network', 'reseller', 'dystrybutor'],
    email: ['mail', 'e mail', 'poczta', 'wiadomość'],
    phone: ['tel', 'telefonicznie', 'rozmowa', 'cold call', 'zimny telefon', 'call', 'telephone'],
    other: ['inny', 'inna', 'pozostałe', 'różne', 'misc'],
  },
  cooperationVariant: {
    negotiation: ['negocjacje', 'negotiations'],
    cooperation: ['współpraca', 'cooperation'],
    integration: ['integration', 'pełna integracja'],
  },
  gdprLegalBasis: {
    consent: [
      'zgoda',
      'zgoda rodo',
      'za zgodą',
      'zgoda marketingowa',
      'art 6 ust 1 lit a',
      '6 1 a',
      'consent',
    ],
    contract: [
      'umowa',
      'zamówienie',
      'realizacja umowy',
      'art 6 ust 1 lit b',
      '6 1 b',
      'contract',
      'agreement',
    ],
    legalObligation: [
      'obowiązek prawny',
      'obowiązek',
      'przepis prawa',
      'ustawa',
      'art 6 ust 1 lit c',
      '6 1 c',
      'legal obligation',
      'law',
    ],
    legitimateInterest: [
      'uzasadniony interes',
      'prawnie uzasadniony interes',
      'interes',
      'art 6 ust 1 lit f',
      '6 1 f',
      'legitimate interest',
      'li',
    ],
  },
};

interface ListIndex {
  byWord: Map<string, string>;
  labels: Bilingual;
}

const indexes = new Map<string, ListIndex>();

function indexOf(enumKey: string): ListIndex {
  let index = indexes.get(enumKey);
  if (index) return index;
  const values = enumByKey(CURRENT_SCHEMA, enumKey).values;
  const byWord = new Map<string, string>();
  const add = (word: string, key: string) => {
    const folded = foldText(word);
    if (folded && !byWord.has(folded)) byWord.set(folded, key);
  };
  for (const value of values) {
    add(value.key, value.key);
    add(value.label.pl, value.key);
    add(value.label.en, value.key);
  }
  for (const [key, words] of Object.entries(SYNONYMS[enumKey] ?? {}))
    for (const word of words) add(word, key);
  // A label's first word alone ("Umowa" of "Umowa (art. 6 ust. 1 lit. b)") when no other value claims it.
  for (const value of values) add(value.label.pl.split(' (')[0], value.key);
  index = {
    byWord,
    labels: {
      pl: values.map((value) => value.label.pl).join(', '),
      en: values.map((value) => value.label.en).join(', '),
    },
  };
  indexes.set(enumKey, index);
  return index;
}

/**
 * The key of a list's value as a spreadsheet may give it: the key, a label in either language or
 * an obvious synonym (`zgoda` → consent, `www` → website), case and diacritics aside; undefined
 * when nothing fits.
 */
export function listValueKey(enumKey: string, text: string): string | undefined {
  return indexOf(enumKey).byWord.get(foldText(text));
}

/** The labels of a list's values, for a message saying what is allowed. */
export function listLabels(enumKey: string): Bilingual {
  return indexOf(enumKey).labels;
}

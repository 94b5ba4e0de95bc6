import type { Locale } from './i18n';

/**
 * A noun's forms for counting: Polish has one (1 oferta), few (2–4, 22–24… oferty) and many
 * (0, 5–21, 25… ofert); English has one and other.
 */
export interface CountForms {
  pl: readonly [one: string, few: string, many: string];
  en: readonly [one: string, other: string];
}

const rules: Record<Locale, Intl.PluralRules> = {
  pl: new Intl.PluralRules('pl'),
  en: new Intl.PluralRules('en'),
};

/** The form of the noun that goes with `count` (whole numbers; fractions take Polish "few"/"other"). */
export function countForm(locale: Locale, count: number, forms: CountForms): string {
  const category = rules[locale].select(count);
  if (locale === 'en') return category === 'one' ? forms.en[0] : forms.en[1];
  if (category === 'one') return forms.pl[0];
  if (category === 'few' || category === 'other') return forms.pl[1];
  return forms.pl[2];
}

/** The count with its noun: "1 oferta", "2 oferty", "5 ofert"; "1 offer", "2 offers". */
export function countOf(locale: Locale, count: number, forms: CountForms): string {
  return `${count.toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB')} ${countForm(locale, count, forms)}`;
}

/** The two languages of the product. Polish is the default: our users are Polish firms. */
export type Locale = 'pl' | 'en';

export const LOCALES: readonly Locale[] = ['pl', 'en'];

/** A text in both languages. */
export interface Bilingual {
  pl: string;
  en: string;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'pl' || value === 'en';
}

/** Picks the product's language from an Office or browser language tag such as `pl-PL`. */
export function localeFromLanguageTag(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('pl') ? 'pl' : tag ? 'en' : 'pl';
}

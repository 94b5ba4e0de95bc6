import { localeFromLanguageTag, type Locale } from '../../core/i18n';

/** The Office applications whose task pane is this bundle. */
export type OfficePaneHost = 'excel' | 'word';

export type ThemeKind = 'light' | 'dark';

/** The pane's language: Office's UI language (`pl-PL` → Polish, any other → English). */
export function paneLocale(context: Pick<Office.Context, 'displayLanguage'>): Locale {
  return localeFromLanguageTag(context.displayLanguage);
}

/** `#rrggbb` → relative luminance (WCAG), or undefined when it is not such a colour. */
function luminance(hex: string | undefined): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Light or dark, as Office itself is: `isDarkTheme` where the host reports it, otherwise read from
 * the body background (older hosts give only the colours); light when Office says nothing.
 */
export function paneThemeKind(theme: Partial<Office.OfficeTheme> | undefined): ThemeKind {
  if (typeof theme?.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const background = luminance(theme?.bodyBackgroundColor);
  return background !== undefined && background < 0.2 ? 'dark' : 'light';
}

/** Office's theme, or undefined where reading it throws (hosts that do not have it). */
export function officeThemeOf(context: Pick<Office.Context, 'officeTheme'>): Office.OfficeTheme | undefined {
  try {
    return context.officeTheme;
  } catch {
    return undefined;
  }
}

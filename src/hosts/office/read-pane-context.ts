import type { Locale } from '../../core/i18n';
import { officeThemeOf, paneLocale, paneThemeKind, type ThemeKind } from './pane-context';
import { EXCEL_WORKBOOK_API, NESTED_APP_AUTH, supportsSet } from './requirements';
import { rememberedStoreChoice, type DocumentSettings, type StoreChoice } from './store-choice';

/** The part of `Office.context` the Excel and Word panes read when they start. */
export type OfficeContextLike = Pick<Office.Context, 'displayLanguage' | 'officeTheme' | 'requirements'> & {
  document?: { settings?: DocumentSettings };
};

/** Everything the pane takes from its Office host before it renders. */
export interface PaneContext {
  locale: Locale;
  themeKind: ThemeKind;
  workbookApiSupported: boolean;
  nestedAppAuthSupported: boolean;
  rememberedChoice: StoreChoice | null;
}

/** Reads the host once, at start; nothing here calls Office asynchronously. */
export function readPaneContext(context: OfficeContextLike): PaneContext {
  return {
    locale: paneLocale(context),
    themeKind: paneThemeKind(officeThemeOf(context)),
    workbookApiSupported: supportsSet(context.requirements, EXCEL_WORKBOOK_API),
    nestedAppAuthSupported: supportsSet(context.requirements, NESTED_APP_AUTH),
    rememberedChoice: rememberedStoreChoice(context.document?.settings),
  };
}

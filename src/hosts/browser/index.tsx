import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isLocale, localeFromLanguageTag, type Locale } from '../../core/i18n';
import { recall, remember } from './remembered';

/*
 * The standalone browser mode: the panes outside Office, over the local workbook server. No Office.js
 * here. The app is a separate chunk so that this entry stays tiny; the Graph store and the CRM
 * service are another one, loaded with the workbook.
 */
const StandalonePane = lazy(() =>
  import(/* webpackChunkName: "app" */ './StandalonePane').then((m) => ({ default: m.StandalonePane })),
);

const LOCALE_KEY = 'relacje.locale';

const query = new URLSearchParams(window.location.search);
const queryLocale = query.get('lang');
const rememberedLocale = recall(LOCALE_KEY);
const initialLocale: Locale = isLocale(queryLocale)
  ? queryLocale
  : isLocale(rememberedLocale)
    ? rememberedLocale
    : localeFromLanguageTag(navigator.languages?.[0] ?? navigator.language);

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Suspense fallback={null}>
      <StandalonePane
        initialLocale={initialLocale}
        chosenWorkbook={query.get('workbook')}
        onLocaleChange={(locale) => remember(LOCALE_KEY, locale)}
      />
    </Suspense>
  </StrictMode>,
);

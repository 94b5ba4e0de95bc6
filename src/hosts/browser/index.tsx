import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { isLocale, localeFromLanguageTag, type Locale } from '../../core/i18n';
import { graphWorkbookOverview } from './graph-workbook-overview';

/*
 * The standalone browser mode: the panes outside Office, over the local workbook server. No Office.js
 * here. The app is a separate chunk so that this entry stays tiny and later panes load on demand.
 */
const RelacjeApp = lazy(() =>
  import(/* webpackChunkName: "app" */ '../../ui/app/RelacjeApp').then((m) => ({ default: m.RelacjeApp })),
);

const LOCALE_KEY = 'relacje.locale';

function rememberedLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be switched off (private mode, Office's sandbox); the browser's language will do.
    return null;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not remembering the choice is harmless.
  }
}

const query = new URLSearchParams(window.location.search);
const queryLocale = query.get('lang');
const initialLocale: Locale = isLocale(queryLocale)
  ? queryLocale
  : (rememberedLocale() ?? localeFromLanguageTag(navigator.languages?.[0] ?? navigator.language));

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <Suspense fallback={null}>
      <RelacjeApp
        initialLocale={initialLocale}
        services={{ workbookOverview: graphWorkbookOverview(window.location.origin, query.get('workbook')) }}
        onLocaleChange={rememberLocale}
      />
    </Suspense>
  </StrictMode>,
);

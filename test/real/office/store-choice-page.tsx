import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { RelacjeError } from '../../../src/core/errors';
import type { Locale } from '../../../src/core/i18n';
import { OfficePane } from '../../../src/hosts/office/OfficePane';
import {
  preselectedStore,
  storeOptions,
  storeToOpen,
  type StoreCapabilities,
} from '../../../src/hosts/office/store-choice';

/*
 * The Excel and Word panes' store-choice screen on its own page, for Chromium: the real component
 * with the real decisions, given the capabilities a test names in `window.paneSetup`. Opening a
 * store fails with a product error (this page has no store), so the screen stays to be checked.
 */

interface PaneSetup {
  locale: Locale;
  dark: boolean;
  capabilities: StoreCapabilities;
  remembered: 'thisWorkbook' | 'sharedWorkbook' | null;
}

declare global {
  interface Window {
    paneSetup: PaneSetup;
    paneCalls: string[];
  }
}

const setup = window.paneSetup;
window.paneCalls = [];
const options = storeOptions(setup.capabilities);

createRoot(document.getElementById('root') as HTMLElement).render(
  <OfficePane
    locale={setup.locale}
    theme={setup.dark ? webDarkTheme : webLightTheme}
    options={options}
    openAtStart={storeToOpen(options, false)}
    preselected={preselectedStore(options, setup.remembered)}
    openStore={async (choice) => {
      window.paneCalls.push(`open ${choice}`);
      throw new RelacjeError('unavailable', { detail: 'test' });
    }}
    rememberChoice={async (choice) => {
      window.paneCalls.push(`remember ${choice}`);
    }}
  />,
);

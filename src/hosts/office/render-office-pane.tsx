import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { GraphRelacjeConfig } from '../../auth/auth-config';
import { createCrmService } from '../../services/store-crm-service';
import { readXlsxRows } from '../browser/xlsx-rows-reader';
import { OfficePane } from './OfficePane';
import type { PaneContext } from './read-pane-context';
import type { OfficePaneStart } from './start-office-pane';
import {
  preselectedStore,
  rememberStoreChoice,
  storeToOpen,
  type StoreChoice,
  type StoreOption,
} from './store-choice';

export interface OfficePaneSetup {
  start: OfficePaneStart;
  pane: PaneContext;
  options: StoreOption[];
  /** The shared workbook's configuration, when there is one. */
  sharedConfig?: GraphRelacjeConfig;
  configError?: unknown;
}

/** The signed-in Office account, where the host brokers sign-in; undefined elsewhere. */
async function officeAccount(nestedAppAuthSupported: boolean) {
  return nestedAppAuthSupported ? Office.auth.getAuthContext() : undefined;
}

export function renderOfficePane(container: HTMLElement, setup: OfficePaneSetup): void {
  const { start, pane, options, sharedConfig, configError } = setup;
  // Audited under the Office account where the host names it, otherwise under the application.
  const hostName = start.host === 'excel' ? 'Excel' : 'Word';

  const openStore = async (choice: StoreChoice) => {
    if (choice === 'thisWorkbook' && start.openThisWorkbook) {
      const account = await officeAccount(pane.nestedAppAuthSupported).catch(() => undefined);
      const store = await start.openThisWorkbook();
      return { crm: createCrmService({ store, user: account?.userPrincipalName ?? hostName }), readXlsxRows };
    }
    if (choice === 'sharedWorkbook' && sharedConfig) {
      const { openSharedWorkbook } = await import(
        /* webpackChunkName: "shared-workbook" */ './shared-workbook'
      );
      const { store, user } = await openSharedWorkbook({
        config: sharedConfig,
        nestedAppAuthSupported: pane.nestedAppAuthSupported,
        officeAccount: () => officeAccount(pane.nestedAppAuthSupported),
        origin: window.location.origin,
        fallbackUser: hostName,
      });
      return { crm: createCrmService({ store, user }), readXlsxRows };
    }
    throw new Error(`The store "${choice}" cannot be opened in this pane`);
  };

  createRoot(container).render(
    <StrictMode>
      <OfficePane
        locale={pane.locale}
        theme={pane.themeKind === 'dark' ? webDarkTheme : webLightTheme}
        options={options}
        openAtStart={storeToOpen(options, pane.nestedAppAuthSupported)}
        preselected={preselectedStore(options, pane.rememberedChoice)}
        configError={configError}
        openStore={openStore}
        rememberChoice={(choice) => rememberStoreChoice(Office.context.document.settings, choice)}
      />
    </StrictMode>,
  );
}

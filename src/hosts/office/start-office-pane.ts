import {
  CONFIG_FILE_NAME,
  isGraphConfig,
  loadRelacjeConfig,
  type RelacjeConfig,
} from '../../auth/auth-config';
import type { WorkbookStore } from '../../store/port';
import type { OfficePaneHost } from './pane-context';
import { readPaneContext } from './read-pane-context';
import { storeOptions } from './store-choice';

export interface OfficePaneStart {
  host: OfficePaneHost;
  /** The workbook open in Excel as a store; only the Excel pane has it. */
  openThisWorkbook?: () => Promise<WorkbookStore>;
}

type ConfigResult = { config: RelacjeConfig; error?: undefined } | { config?: undefined; error: unknown };

/**
 * Starts the Excel or Word pane once Office is ready: reads the host's language, theme and API
 * support and the configuration beside the page, then renders. What decides lives in the pure
 * modules beside this one; this file only reads Office and wires. React and Fluent UI come in a
 * chunk of their own, fetched while the configuration is read.
 */
export async function startOfficePane(start: OfficePaneStart, container: HTMLElement): Promise<void> {
  const renderer = import(/* webpackChunkName: "office-pane" */ './render-office-pane');
  const pane = readPaneContext(Office.context);
  const configResult: ConfigResult = await loadRelacjeConfig({
    preset: window.RELACJE_CONFIG,
    fetchConfigFile: () => fetch(CONFIG_FILE_NAME, { headers: { Accept: 'application/json' } }),
    pageOrigin: window.location.origin,
  }).then(
    (config) => ({ config }),
    (error: unknown) => ({ error }),
  );
  const { config, error } = configResult;
  const options = storeOptions({
    host: start.host,
    workbookApiSupported: pane.workbookApiSupported && start.openThisWorkbook !== undefined,
    sharedWorkbook:
      error !== undefined
        ? 'configInvalid'
        : config && isGraphConfig(config)
          ? 'configured'
          : 'notConfigured',
  });
  const { renderOfficePane } = await renderer;
  renderOfficePane(container, {
    start,
    pane,
    options,
    sharedConfig: config && isGraphConfig(config) ? config : undefined,
    configError: error,
  });
}

import type { GraphRelacjeConfig } from '../../auth/auth-config';
import { signInFor } from '../../auth/sign-in';
import { openGraphStore } from '../../store/graph/graph-store';
import type { WorkbookStore } from '../../store/port';

const GRAPH = 'https://graph.microsoft.com/';

/** What opening a store gives the pane: the store and the name its changes are audited under. */
export interface OpenedStore {
  store: WorkbookStore;
  user: string;
}

export interface SharedWorkbookOptions {
  config: GraphRelacjeConfig;
  nestedAppAuthSupported: boolean;
  /** The Office account (`Office.auth.getAuthContext()`), where the host brokers sign-in. */
  officeAccount: () => Promise<{ userPrincipalName: string } | undefined>;
  /** The pane's origin: the redirect URI registered for the sign-in popup. */
  origin: string;
  /** Audited as the user when Office names no account (standard sign-in). */
  fallbackUser: string;
}

/**
 * The team's workbook in SharePoint or OneDrive through Microsoft Graph. Signs in before the
 * store is returned, so a refused sign-in is reported here with its own advice rather than as a
 * failed read; later tokens come silently from MSAL's cache.
 */
export async function openSharedWorkbook(options: SharedWorkbookOptions): Promise<OpenedStore> {
  const account = options.nestedAppAuthSupported
    ? await options.officeAccount().catch(() => undefined)
    : undefined;
  const tokens = await signInFor(options.config, {
    nestedAppAuthSupported: () => options.nestedAppAuthSupported,
    redirectUri: options.origin,
    loginHint: async () => account?.userPrincipalName,
  });
  await tokens.getAccessToken();
  const store = openGraphStore({
    baseUrl: GRAPH,
    workbook: options.config.workbook.location,
    getAccessToken: () => tokens.getAccessToken(),
  });
  return { store, user: account?.userPrincipalName ?? options.fallbackUser };
}

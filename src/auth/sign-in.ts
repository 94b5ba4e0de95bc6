import {
  BrowserCacheLocation,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import { isGraphConfig, type GraphRelacjeConfig, type RelacjeConfig } from './auth-config';
import { scopesForWorkbook } from './scopes';
import { needsInteraction, signInErrorFrom } from './sign-in-errors';

/** What a token request answers, as far as Relacje reads it. */
export interface TokenResult {
  accessToken: string;
  account: AccountInfo | null;
}

/**
 * The part of an MSAL client Relacje uses. `@azure/msal-browser`'s public client applications
 * (nested and standard) implement it; tests give a fake.
 */
export interface TokenClient {
  acquireTokenSilent(request: { scopes: string[]; account?: AccountInfo }): Promise<TokenResult>;
  ssoSilent(request: { scopes: string[]; loginHint: string }): Promise<TokenResult>;
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }): Promise<TokenResult>;
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
}

/** Nested app authentication through the Office host, or MSAL's own popup flow. */
export type TokenClientKind = 'nested' | 'standard';

/**
 * Where MSAL keeps tokens: the pane's session or memory only. Local storage is left out on purpose:
 * it outlives the session and every script of the origin can read it.
 */
export type TokenCacheLocation =
  typeof BrowserCacheLocation.SessionStorage | typeof BrowserCacheLocation.MemoryStorage;

/** Hands out bearer tokens for Microsoft Graph; `null` means: send the request without one. */
export interface AccessTokenSource {
  readonly kind: TokenClientKind | 'none';
  getAccessToken(): Promise<string | null>;
}

export interface SignInOptions {
  /**
   * Whether the host brokers sign-in for the add-in: the host asks
   * `Office.context.requirements.isSetSupported('NestedAppAuth', '1.1')`; outside Office, false.
   */
  nestedAppAuthSupported: () => boolean;
  /** The pane's own origin, registered as the SPA redirect URI for the popup (e.g. `https://crm.firma.pl`). */
  redirectUri: string;
  /** Default `sessionStorage`. */
  cacheLocation?: TokenCacheLocation;
  /** The signed-in Office user's name (Excel, Word: `Office.auth.getAuthContext()`), for single sign-on without a window. */
  loginHint?: () => Promise<string | undefined>;
  /**
   * The way in when the browser blocks the sign-in popup: Office hosts sign in in an Office dialog
   * (`displayDialogAsync`) and return the token. Without it a blocked popup is a clear error.
   */
  signInWhenPopupBlocked?: (request: { scopes: readonly string[] }) => Promise<string>;
  /** Builds the MSAL client; msal-browser's own factories unless a test gives another. */
  createClient?: (kind: TokenClientKind, configuration: Configuration) => Promise<TokenClient>;
}

/** The MSAL configuration for this app registration and cache location. */
export function msalConfiguration(
  config: GraphRelacjeConfig,
  redirectUri: string,
  cacheLocation: TokenCacheLocation = BrowserCacheLocation.SessionStorage,
): Configuration {
  if ((cacheLocation as string) === BrowserCacheLocation.LocalStorage) {
    throw new Error('Tokens are kept in session storage or memory, never in local storage.');
  }
  return {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      redirectUri,
    },
    cache: { cacheLocation },
  };
}

async function createMsalClient(kind: TokenClientKind, configuration: Configuration): Promise<TokenClient> {
  // Each factory initialises the client; the nestable one falls back to a standard client itself
  // when the host turns out not to broker after all.
  return kind === 'nested'
    ? createNestablePublicClientApplication(configuration)
    : createStandardPublicClientApplication(configuration);
}

/** No sign-in: the local workbook server answers without a token. */
export const NO_SIGN_IN: AccessTokenSource = { kind: 'none', getAccessToken: async () => null };

/**
 * The token source for a configuration: none for the local workbook server; for a workbook in
 * Graph an MSAL client, nested inside Office hosts that broker it, standard elsewhere.
 */
export async function signInFor(config: RelacjeConfig, options: SignInOptions): Promise<AccessTokenSource> {
  if (!isGraphConfig(config)) return NO_SIGN_IN;
  const kind: TokenClientKind = options.nestedAppAuthSupported() ? 'nested' : 'standard';
  const configuration = msalConfiguration(config, options.redirectUri, options.cacheLocation);
  const client = await (options.createClient ?? createMsalClient)(kind, configuration);
  return new MsalSignIn(kind, client, scopesForWorkbook(config.workbook), options);
}

/**
 * Tokens for the workbook's scopes: from MSAL's cache or a silent renewal when it can, from a
 * popup (or the host's dialog) only when Entra ID asks for the user. Failures are `SignInError`s.
 */
class MsalSignIn implements AccessTokenSource {
  private readonly scopes: string[];
  /** One interactive sign-in at a time: MSAL refuses a second popup while one is open. */
  private interactive: Promise<string> | undefined;

  constructor(
    readonly kind: TokenClientKind,
    private readonly client: TokenClient,
    scopes: readonly string[],
    private readonly options: SignInOptions,
  ) {
    this.scopes = [...scopes];
  }

  async getAccessToken(): Promise<string> {
    try {
      const silent = await this.silently();
      if (silent !== undefined) return silent;
    } catch (error) {
      if (!needsInteraction(error)) throw signInErrorFrom(error);
    }
    this.interactive ??= this.interactively().finally(() => (this.interactive = undefined));
    return this.interactive;
  }

  /**
   * A token without showing anything, or undefined when there is nobody to renew it for yet:
   * for the known account; else single sign-on for the Office user (Excel, Word); else, under
   * nested app authentication, for whoever the host has signed in (Outlook).
   */
  private async silently(): Promise<string | undefined> {
    const account = this.client.getActiveAccount() ?? this.client.getAllAccounts()[0];
    if (account) return this.keep(await this.client.acquireTokenSilent({ scopes: this.scopes, account }));
    const loginHint = await this.options.loginHint?.();
    if (loginHint) return this.keep(await this.client.ssoSilent({ scopes: this.scopes, loginHint }));
    if (this.kind === 'nested')
      return this.keep(await this.client.acquireTokenSilent({ scopes: this.scopes }));
    return undefined;
  }

  private async interactively(): Promise<string> {
    const loginHint = await this.options.loginHint?.().catch(() => undefined);
    try {
      return this.keep(
        await this.client.acquireTokenPopup({ scopes: this.scopes, ...(loginHint ? { loginHint } : {}) }),
      );
    } catch (error) {
      const failure = signInErrorFrom(error);
      const fallback = this.options.signInWhenPopupBlocked;
      if (failure.failure !== 'popupBlocked' || !fallback) throw failure;
      try {
        return await fallback({ scopes: this.scopes });
      } catch (dialogError) {
        throw signInErrorFrom(dialogError);
      }
    }
  }

  private keep(result: TokenResult): string {
    if (result.account) this.client.setActiveAccount(result.account);
    return result.accessToken;
  }
}

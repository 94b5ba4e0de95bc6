import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import type { GraphRelacjeConfig, RelacjeConfig } from '../../src/auth/auth-config';
import {
  msalConfiguration,
  signInFor,
  type SignInOptions,
  type TokenClient,
  type TokenClientKind,
  type TokenResult,
} from '../../src/auth/sign-in';
import { SignInError } from '../../src/auth/sign-in-errors';

const SHAREPOINT: GraphRelacjeConfig = {
  clientId: '11111111-2222-3333-4444-555555555555',
  tenantId: 'firma.onmicrosoft.com',
  workbook: { kind: 'graph', location: '/sites/firma.sharepoint.com,abc,def/drive/items/01ABC' },
};
const ONEDRIVE: GraphRelacjeConfig = {
  ...SHAREPOINT,
  workbook: { kind: 'graph', location: '/me/drive/root:/Relacje/klienci.xlsx:' },
};

const anna: AccountInfo = {
  homeAccountId: 'anna.home',
  environment: 'login.microsoftonline.com',
  tenantId: 'tenant',
  username: 'anna.nowak@firma.pl',
  localAccountId: 'anna',
};

type Step = TokenResult | Error;

/** An MSAL client that answers each kind of request with the steps it was given, and records what it was asked. */
class FakeTokenClient implements TokenClient {
  readonly calls: { method: string; request: object }[] = [];
  active: AccountInfo | null = null;

  constructor(
    private readonly steps: { silent?: Step[]; sso?: Step[]; popup?: Step[] },
    private readonly accounts: AccountInfo[] = [],
  ) {}

  private answer(method: 'silent' | 'sso' | 'popup', request: object): Promise<TokenResult> {
    this.calls.push({ method, request });
    const step = this.steps[method]?.shift();
    if (!step) return Promise.reject(new Error(`unexpected ${method} request`));
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  }

  acquireTokenSilent(request: { scopes: string[]; account?: AccountInfo }) {
    return this.answer('silent', request);
  }
  ssoSilent(request: { scopes: string[]; loginHint: string }) {
    return this.answer('sso', request);
  }
  acquireTokenPopup(request: { scopes: string[]; loginHint?: string }) {
    return this.answer('popup', request);
  }
  getActiveAccount() {
    return this.active;
  }
  getAllAccounts() {
    return this.accounts;
  }
  setActiveAccount(account: AccountInfo | null) {
    this.active = account;
  }
}

const token = (accessToken: string, account: AccountInfo | null = anna): TokenResult => ({
  accessToken,
  account,
});

async function signInWith(
  client: FakeTokenClient,
  config: RelacjeConfig = SHAREPOINT,
  options: Partial<SignInOptions> = {},
) {
  const created: { kind: TokenClientKind; configuration: Configuration }[] = [];
  const source = await signInFor(config, {
    nestedAppAuthSupported: () => false,
    redirectUri: 'https://crm.firma.pl',
    createClient: async (kind, configuration) => {
      created.push({ kind, configuration });
      return client;
    },
    ...options,
  });
  return { source, created };
}

async function signInFailure(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

describe('sign-in to Microsoft 365', () => {
  test('the local workbook server needs no sign-in: no MSAL client, no token', async () => {
    const client = new FakeTokenClient({});
    const { source, created } = await signInWith(client, {
      workbook: { kind: 'local', baseUrl: 'http://127.0.0.1:3000' },
    });
    expect(source.kind).toBe('none');
    await expect(source.getAccessToken()).resolves.toBeNull();
    expect(created).toEqual([]);
  });

  test('inside a host that supports NestedAppAuth 1.1 the nested client is used, silently', async () => {
    const client = new FakeTokenClient({ silent: [token('naa-token')] });
    const { source, created } = await signInWith(client, SHAREPOINT, { nestedAppAuthSupported: () => true });
    expect(created.map((c) => c.kind)).toEqual(['nested']);
    await expect(source.getAccessToken()).resolves.toBe('naa-token');
    expect(client.calls).toEqual([{ method: 'silent', request: { scopes: ['Files.ReadWrite.All'] } }]);
    expect(client.active).toEqual(anna);
  });

  test('inside Excel or Word with NestedAppAuth, the Office user is signed in by single sign-on with their login hint', async () => {
    const client = new FakeTokenClient({ sso: [token('sso-token')] });
    const { source, created } = await signInWith(client, SHAREPOINT, {
      nestedAppAuthSupported: () => true,
      loginHint: async () => anna.username,
    });
    expect(created.map((c) => c.kind)).toEqual(['nested']);
    await expect(source.getAccessToken()).resolves.toBe('sso-token');
    expect(client.calls).toEqual([
      { method: 'sso', request: { scopes: ['Files.ReadWrite.All'], loginHint: anna.username } },
    ]);
  });

  test('outside Office a standard client renews silently for the known account, without a popup', async () => {
    const client = new FakeTokenClient({ silent: [token('cached')] }, [anna]);
    const { source, created } = await signInWith(client);
    expect(created.map((c) => c.kind)).toEqual(['standard']);
    await expect(source.getAccessToken()).resolves.toBe('cached');
    expect(client.calls.map((c) => c.method)).toEqual(['silent']);
    expect(client.calls[0].request).toMatchObject({ account: anna });
  });

  test('when Entra ID asks for interaction, the popup signs in and its account is used from then on', async () => {
    const client = new FakeTokenClient(
      {
        silent: [
          new InteractionRequiredAuthError('interaction_required', 'AADSTS50076: MFA'),
          token('again'),
        ],
        popup: [token('from-popup')],
      },
      [anna],
    );
    const { source } = await signInWith(client);
    await expect(source.getAccessToken()).resolves.toBe('from-popup');
    expect(client.calls.map((c) => c.method)).toEqual(['silent', 'popup']);
    expect(client.calls[1].request).toEqual({ scopes: ['Files.ReadWrite.All'] });
    await expect(source.getAccessToken()).resolves.toBe('again');
    expect(client.calls[2].request).toMatchObject({ account: anna });
  });

  test('with no account yet, the Office login hint signs in silently; a popup carries the hint when that fails', async () => {
    const client = new FakeTokenClient({
      sso: [new InteractionRequiredAuthError('login_required', 'AADSTS50058')],
      popup: [token('from-popup')],
    });
    const { source } = await signInWith(client, SHAREPOINT, { loginHint: async () => anna.username });
    await expect(source.getAccessToken()).resolves.toBe('from-popup');
    expect(client.calls).toEqual([
      { method: 'sso', request: { scopes: ['Files.ReadWrite.All'], loginHint: anna.username } },
      { method: 'popup', request: { scopes: ['Files.ReadWrite.All'], loginHint: anna.username } },
    ]);
  });

  test('a blocked popup is a clear error in Polish and English', async () => {
    const client = new FakeTokenClient({
      popup: [new BrowserAuthError(BrowserAuthErrorCodes.popupWindowError, 'correlation')],
    });
    const { source } = await signInWith(client);
    const error = await signInFailure(source.getAccessToken());
    expect(error.failure).toBe('popupBlocked');
    expect(error.messageIn('pl')).toMatch(/zablokowała okno logowania/);
    expect(error.messageIn('en')).toMatch(/blocked the sign-in window/);
  });

  test("a blocked popup goes to the host's own sign-in (the Office dialog) when the host offers one", async () => {
    const client = new FakeTokenClient({
      popup: [new BrowserAuthError(BrowserAuthErrorCodes.popupWindowError, 'correlation')],
    });
    const asked: (readonly string[])[] = [];
    const { source } = await signInWith(client, ONEDRIVE, {
      signInWhenPopupBlocked: async ({ scopes }) => {
        asked.push(scopes);
        return 'from-dialog';
      },
    });
    await expect(source.getAccessToken()).resolves.toBe('from-dialog');
    expect(asked).toEqual([['Files.ReadWrite']]);
  });

  test('a cancelled sign-in says so and asks the user to sign in', async () => {
    const client = new FakeTokenClient({
      popup: [new BrowserAuthError(BrowserAuthErrorCodes.userCancelled, 'correlation')],
    });
    const { source } = await signInWith(client);
    const error = await signInFailure(source.getAccessToken());
    expect(error.failure).toBe('cancelled');
    expect(error.messageIn('pl')).toMatch(/anulowane/);
    expect(error.messageIn('en')).toMatch(/cancelled/);
  });

  test('a silent failure that interaction cannot fix (no network) is reported, not answered with a popup', async () => {
    const client = new FakeTokenClient(
      { silent: [new BrowserAuthError(BrowserAuthErrorCodes.noNetworkConnectivity, 'correlation')] },
      [anna],
    );
    const { source } = await signInWith(client);
    expect((await signInFailure(source.getAccessToken())).failure).toBe('offline');
    expect(client.calls.map((c) => c.method)).toEqual(['silent']);
  });

  test('two requests needing interaction at once open one popup', async () => {
    const client = new FakeTokenClient(
      {
        silent: [
          new InteractionRequiredAuthError('interaction_required', 'AADSTS50079'),
          new InteractionRequiredAuthError('interaction_required', 'AADSTS50079'),
        ],
        popup: [token('one')],
      },
      [anna],
    );
    const { source } = await signInWith(client);
    await expect(Promise.all([source.getAccessToken(), source.getAccessToken()])).resolves.toEqual([
      'one',
      'one',
    ]);
    expect(client.calls.filter((c) => c.method === 'popup')).toHaveLength(1);
  });

  test('tokens are cached in session storage by default or in memory, never in local storage', async () => {
    const { created } = await signInWith(new FakeTokenClient({}));
    expect(created[0].configuration).toEqual({
      auth: {
        clientId: SHAREPOINT.clientId,
        authority: 'https://login.microsoftonline.com/firma.onmicrosoft.com',
        redirectUri: 'https://crm.firma.pl',
      },
      cache: { cacheLocation: 'sessionStorage' },
    });
    const inMemory = await signInWith(new FakeTokenClient({}), SHAREPOINT, {
      cacheLocation: 'memoryStorage',
    });
    expect(inMemory.created[0].configuration.cache).toEqual({ cacheLocation: 'memoryStorage' });
    expect(() => msalConfiguration(SHAREPOINT, 'https://crm.firma.pl', 'localStorage' as never)).toThrow(
      /never in local storage/,
    );
  });

  test.each([
    ['a workbook in the user’s own OneDrive', 'Files.ReadWrite', ONEDRIVE],
    ['a workbook in a SharePoint library', 'Files.ReadWrite.All', SHAREPOINT],
    [
      'a workbook addressed by drive id',
      'Files.ReadWrite.All',
      { ...SHAREPOINT, workbook: { kind: 'graph', location: '/drives/b!xyz/items/01ABC' } },
    ],
  ] as const)('%s asks for %s only', async (_name, scope, config) => {
    const client = new FakeTokenClient({ silent: [token('t')] }, [anna]);
    const { source } = await signInWith(client, config as GraphRelacjeConfig);
    await source.getAccessToken();
    expect(client.calls[0].request).toMatchObject({ scopes: [scope] });
  });
});

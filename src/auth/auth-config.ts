import type { Bilingual, Locale } from '../core/i18n';

/**
 * Where the CRM workbook is and how to sign in to reach it. One shape for every host: the browser
 * reads it from `window.RELACJE_CONFIG` or `relacje.config.json`, Node tools from the environment.
 * See docs/DEPLOY.md for how to fill it in.
 */
export type RelacjeConfig = LocalRelacjeConfig | GraphRelacjeConfig;

/** The local workbook server (`npm start`, `relacje serve`): no Microsoft 365, so no sign-in. */
export interface LocalRelacjeConfig {
  workbook: LocalWorkbook;
}

/** A workbook in SharePoint or OneDrive, reached through Microsoft Graph as the signed-in user. */
export interface GraphRelacjeConfig {
  /** The application (client) ID of the app registration in Microsoft Entra ID. */
  clientId: string;
  /** The directory (tenant) ID or a verified domain of the organisation, or `organizations`. */
  tenantId: string;
  workbook: GraphWorkbook;
}

export interface LocalWorkbook {
  kind: 'local';
  /** The local workbook server's address, without a trailing slash, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
}

export interface GraphWorkbook {
  kind: 'graph';
  /**
   * The workbook's drive item as a Graph path, without `https://graph.microsoft.com/v1.0` and without
   * `/workbook`: `/sites/{site-id}/drive/items/{item-id}`, `/drives/{drive-id}/items/{item-id}`,
   * `/me/drive/root:/Relacje/klienci.xlsx:` and the other forms of `parseGraphLocation`.
   */
  location: string;
}

export type WorkbookConfig = LocalWorkbook | GraphWorkbook;

export function isGraphConfig(config: RelacjeConfig): config is GraphRelacjeConfig {
  return config.workbook.kind === 'graph';
}

/** Whose drive a Graph location points into; it decides which file scope the sign-in asks for. */
export type WorkbookOwner = 'signed-in-user' | 'shared';

export const CONFIG_FILE_NAME = 'relacje.config.json';

/** `relacje serve` listens here unless told otherwise. */
export const LOCAL_SERVER_DEFAULT_URL = 'http://127.0.0.1:3000';

declare global {
  interface Window {
    /** Set by the page that hosts Relacje, before the bundle loads, to skip fetching the config file. */
    RELACJE_CONFIG?: unknown;
  }
}

/** One problem with one field of the configuration, in both languages. */
export interface ConfigIssue {
  /** The field as the person who wrote the configuration knows it (`workbook.location`, `RELACJE_CLIENT_ID`). */
  field: string;
  message: Bilingual;
}

/** A configuration that cannot be used; `issues` name every bad field at once. */
export class RelacjeConfigError extends Error {
  readonly texts: Bilingual;

  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    const texts: Bilingual = {
      pl: `Błędna konfiguracja Relacji (${source}): ${issues.map((i) => i.message.pl).join(' ')} Zobacz docs/DEPLOY.md.`,
      en: `Invalid Relacje configuration (${source}): ${issues.map((i) => i.message.en).join(' ')} See docs/DEPLOY.md.`,
    };
    super(texts.en);
    this.name = 'RelacjeConfigError';
    this.texts = texts;
  }

  messageIn(locale: Locale): string {
    return this.texts[locale];
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SEGMENT = '[^/:\\s]+';
const ITEM_PATH = '[^:]+';

/** The drive item forms the Graph store can address, and whose drive each one is. */
const GRAPH_LOCATIONS: readonly { pattern: RegExp; owner: WorkbookOwner }[] = [
  { pattern: new RegExp(`^/me/drive/root:/${ITEM_PATH}:$`), owner: 'signed-in-user' },
  { pattern: new RegExp(`^/me/drive/items/${SEGMENT}$`), owner: 'signed-in-user' },
  // A drive id may also name the user's own OneDrive, but nothing in the path says so: assume not.
  { pattern: new RegExp(`^/drives/${SEGMENT}/items/${SEGMENT}$`), owner: 'shared' },
  { pattern: new RegExp(`^/sites/${SEGMENT}/drive/items/${SEGMENT}$`), owner: 'shared' },
  { pattern: new RegExp(`^/sites/${SEGMENT}/drive/root:/${ITEM_PATH}:$`), owner: 'shared' },
];

const LOCATION_EXAMPLES =
  '/sites/{site-id}/drive/items/{item-id}, /drives/{drive-id}/items/{item-id}, /me/drive/root:/Relacje/klienci.xlsx:';

/** Whose drive a valid Graph location points into, or `null` when Graph cannot address it. */
export function graphLocationOwner(location: string): WorkbookOwner | null {
  return GRAPH_LOCATIONS.find(({ pattern }) => pattern.test(location))?.owner ?? null;
}

type Label = (field: string) => string;

interface Checked<T> {
  value?: T;
  issues: ConfigIssue[];
}

const TOP_LEVEL_FIELDS = new Set(['$schema', 'clientId', 'tenantId', 'workbook']);
const WORKBOOK_FIELDS: Record<WorkbookConfig['kind'], Set<string>> = {
  local: new Set(['kind', 'baseUrl']),
  graph: new Set(['kind', 'location']),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(field: string): ConfigIssue {
  return { field, message: { pl: `Brak pola „${field}”.`, en: `The field "${field}" is missing.` } };
}

function notText(field: string): ConfigIssue {
  return {
    field,
    message: { pl: `Pole „${field}” musi być tekstem.`, en: `The field "${field}" must be a string.` },
  };
}

function unknownFields(record: Record<string, unknown>, known: Set<string>, label: Label, prefix = '') {
  return Object.keys(record)
    .filter((key) => !known.has(key))
    .map((key): ConfigIssue => {
      const field = label(prefix + key);
      return {
        field,
        message: {
          pl: `Nieznane pole „${field}” — sprawdź pisownię (dozwolone: ${[...known].join(', ')}).`,
          en: `Unknown field "${field}"; check the spelling (allowed: ${[...known].join(', ')}).`,
        },
      };
    });
}

/** A non-empty string, trimmed; `undefined` with no issue when absent and optional. */
function text(value: unknown, field: string, required: boolean): Checked<string> {
  if (value === undefined || value === null || value === '') {
    return { issues: required ? [missing(field)] : [] };
  }
  if (typeof value !== 'string') return { issues: [notText(field)] };
  const trimmed = value.trim();
  if (trimmed === '') return { issues: required ? [missing(field)] : [] };
  return { value: trimmed, issues: [] };
}

function checkClientId(value: unknown, field: string, required: boolean): Checked<string> {
  const checked = text(value, field, required);
  if (checked.value === undefined || GUID.test(checked.value)) return checked;
  return {
    issues: [
      {
        field,
        message: {
          pl: `Pole „${field}” („${checked.value}”) musi być identyfikatorem aplikacji (klienta) z Microsoft Entra ID, w postaci GUID, np. 11111111-2222-3333-4444-555555555555.`,
          en: `The field "${field}" ("${checked.value}") must be the application (client) ID from Microsoft Entra ID, a GUID such as 11111111-2222-3333-4444-555555555555.`,
        },
      },
    ],
  };
}

function checkTenantId(value: unknown, field: string, required: boolean): Checked<string> {
  const checked = text(value, field, required);
  const tenant = checked.value;
  if (tenant === undefined) return checked;
  const lower = tenant.toLowerCase();
  if (lower === 'common' || lower === 'consumers') {
    return {
      issues: [
        {
          field,
          message: {
            pl: `Pole „${field}” nie może mieć wartości „${tenant}”: skoroszyt w SharePoint wymaga konta służbowego. Podaj identyfikator dzierżawy (GUID), domenę organizacji albo „organizations”.`,
            en: `The field "${field}" cannot be "${tenant}": a workbook in SharePoint needs a work or school account. Give the tenant ID (a GUID), the organisation's domain, or "organizations".`,
          },
        },
      ],
    };
  }
  if (lower === 'organizations' || GUID.test(tenant) || DOMAIN.test(tenant)) {
    return { value: lower === 'organizations' ? 'organizations' : tenant, issues: [] };
  }
  return {
    issues: [
      {
        field,
        message: {
          pl: `Pole „${field}” („${tenant}”) musi być identyfikatorem dzierżawy (GUID), domeną organizacji (np. firma.onmicrosoft.com) albo „organizations”.`,
          en: `The field "${field}" ("${tenant}") must be the tenant ID (a GUID), the organisation's domain (such as contoso.onmicrosoft.com), or "organizations".`,
        },
      },
    ],
  };
}

function checkBaseUrl(value: unknown, field: string): Checked<string> {
  const checked = text(value, field, true);
  if (checked.value === undefined) return checked;
  let url: URL | undefined;
  try {
    url = new URL(checked.value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return {
      issues: [
        {
          field,
          message: {
            pl: `Pole „${field}” („${checked.value}”) musi być pełnym adresem http(s) lokalnego serwera skoroszytu, np. ${LOCAL_SERVER_DEFAULT_URL}.`,
            en: `The field "${field}" ("${checked.value}") must be the full http(s) address of the local workbook server, such as ${LOCAL_SERVER_DEFAULT_URL}.`,
          },
        },
      ],
    };
  }
  if (url.hostname.toLowerCase() === 'graph.microsoft.com') {
    return {
      issues: [
        {
          field,
          message: {
            pl: `Pole „${field}” wskazuje Microsoft Graph, a rodzaj „local” nie loguje się. Dla skoroszytu w SharePoint użyj "kind": "graph" i pola „location”.`,
            en: `The field "${field}" points at Microsoft Graph, but the "local" kind does not sign in. For a workbook in SharePoint use "kind": "graph" with a "location".`,
          },
        },
      ],
    };
  }
  return { value: checked.value.replace(/\/+$/, ''), issues: [] };
}

function locationHint(location: string): Bilingual {
  if (/^https?:\/\//i.test(location)) {
    return {
      pl: 'podaj samą ścieżkę, bez „https://graph.microsoft.com/v1.0”',
      en: 'give the path alone, without "https://graph.microsoft.com/v1.0"',
    };
  }
  if (/\/workbook(\/.*)?$/i.test(location)) {
    return { pl: 'usuń końcowe „/workbook”', en: 'remove the trailing "/workbook"' };
  }
  if (/root:\/[^:]+$/.test(location)) {
    return {
      pl: 'ścieżka pliku po „root:” musi kończyć się dwukropkiem',
      en: 'a file path after "root:" must end with a colon',
    };
  }
  return { pl: `dozwolone postacie: ${LOCATION_EXAMPLES}`, en: `accepted forms: ${LOCATION_EXAMPLES}` };
}

function checkLocation(value: unknown, field: string): Checked<string> {
  const checked = text(value, field, true);
  if (checked.value === undefined || graphLocationOwner(checked.value) !== null) return checked;
  const hint = locationHint(checked.value);
  return {
    issues: [
      {
        field,
        message: {
          pl: `Pole „${field}” („${checked.value}”) nie jest ścieżką skoroszytu w Microsoft Graph: ${hint.pl}.`,
          en: `The field "${field}" ("${checked.value}") is not a workbook path in Microsoft Graph: ${hint.en}.`,
        },
      },
    ],
  };
}

function checkWorkbook(value: unknown, label: Label): Checked<WorkbookConfig> {
  const field = label('workbook');
  if (value === undefined || value === null) return { issues: [missing(field)] };
  if (!isPlainObject(value)) {
    return {
      issues: [
        {
          field,
          message: {
            pl: `Pole „${field}” musi być obiektem, np. { "kind": "graph", "location": "/sites/…/drive/items/…" }.`,
            en: `The field "${field}" must be an object, such as { "kind": "graph", "location": "/sites/…/drive/items/…" }.`,
          },
        },
      ],
    };
  }
  const kindField = label('workbook.kind');
  if (value.kind !== 'local' && value.kind !== 'graph') {
    const given = value.kind === undefined ? '' : ` („${String(value.kind)}”)`;
    const givenEn = value.kind === undefined ? '' : ` ("${String(value.kind)}")`;
    return {
      issues: [
        {
          field: kindField,
          message: {
            pl: `Pole „${kindField}”${given} musi mieć wartość „local” (lokalny serwer, bez logowania) albo „graph” (SharePoint lub OneDrive).`,
            en: `The field "${kindField}"${givenEn} must be "local" (the local server, no sign-in) or "graph" (SharePoint or OneDrive).`,
          },
        },
      ],
    };
  }
  const extra = unknownFields(value, WORKBOOK_FIELDS[value.kind], label, 'workbook.');
  if (value.kind === 'local') {
    const baseUrl = checkBaseUrl(value.baseUrl, label('workbook.baseUrl'));
    const issues = [...baseUrl.issues, ...extra];
    return baseUrl.value !== undefined && issues.length === 0
      ? { value: { kind: 'local', baseUrl: baseUrl.value }, issues }
      : { issues };
  }
  const location = checkLocation(value.location, label('workbook.location'));
  const issues = [...location.issues, ...extra];
  return location.value !== undefined && issues.length === 0
    ? { value: { kind: 'graph', location: location.value }, issues }
    : { issues };
}

function checkConfig(json: unknown, label: Label, source: string): RelacjeConfig {
  if (!isPlainObject(json)) {
    throw new RelacjeConfigError(source, [
      {
        field: source,
        message: {
          pl: 'Konfiguracja musi być obiektem JSON z polem „workbook”.',
          en: 'The configuration must be a JSON object with a "workbook" field.',
        },
      },
    ]);
  }
  const workbook = checkWorkbook(json.workbook, label);
  // Asked for only when the workbook is clearly in Graph, so a bad `kind` does not bring three issues.
  const signInNeeded = isPlainObject(json.workbook) && json.workbook.kind === 'graph';
  const clientId = checkClientId(json.clientId, label('clientId'), signInNeeded);
  const tenantId = checkTenantId(json.tenantId, label('tenantId'), signInNeeded);
  const issues = [
    ...unknownFields(json, TOP_LEVEL_FIELDS, label),
    ...clientId.issues,
    ...tenantId.issues,
    ...workbook.issues,
  ];
  if (issues.length > 0 || !workbook.value) throw new RelacjeConfigError(source, issues);
  if (workbook.value.kind === 'local') return { workbook: workbook.value };
  // Both are required, and so present, once the workbook is in Graph.
  return { clientId: clientId.value as string, tenantId: tenantId.value as string, workbook: workbook.value };
}

/**
 * Checks a configuration read from JSON and returns it typed, or throws one `RelacjeConfigError`
 * naming every bad field. `clientId` and `tenantId` are required only for a workbook in Graph.
 */
export function parseRelacjeConfig(json: unknown, source: string = CONFIG_FILE_NAME): RelacjeConfig {
  return checkConfig(json, (field) => field, source);
}

const ENV_NAMES: Record<string, string> = {
  clientId: 'RELACJE_CLIENT_ID',
  tenantId: 'RELACJE_TENANT_ID',
  workbook: 'RELACJE_WORKBOOK',
  'workbook.kind': 'RELACJE_WORKBOOK',
  'workbook.baseUrl': 'RELACJE_WORKBOOK',
  'workbook.location': 'RELACJE_WORKBOOK',
};

/**
 * The configuration for Node tools and tests: `RELACJE_WORKBOOK` is either the local server's http(s)
 * address or a Graph path starting with `/`; unset, it is the local server on its default port.
 * `RELACJE_CLIENT_ID` and `RELACJE_TENANT_ID` are needed for a Graph path.
 */
export function configFromEnv(env: Record<string, string | undefined>): RelacjeConfig {
  const workbookSetting = env.RELACJE_WORKBOOK?.trim() || LOCAL_SERVER_DEFAULT_URL;
  const workbook = workbookSetting.startsWith('/')
    ? { kind: 'graph', location: workbookSetting }
    : /^https?:\/\/graph\.microsoft\.com(\/|$)/i.test(workbookSetting)
      ? // A full Graph URL: let the location check explain that only the path is wanted.
        { kind: 'graph', location: workbookSetting }
      : { kind: 'local', baseUrl: workbookSetting };
  const json = {
    clientId: env.RELACJE_CLIENT_ID?.trim() || undefined,
    tenantId: env.RELACJE_TENANT_ID?.trim() || undefined,
    workbook,
  };
  return checkConfig(json, (field) => ENV_NAMES[field] ?? field, 'environment');
}

/**
 * The browser's configuration: `window.RELACJE_CONFIG` when the page sets it, otherwise
 * `relacje.config.json` beside the page; without either, the local workbook server at the page's
 * own origin. The caller passes the global and `fetch`, so this runs in tests without a browser.
 */
export async function loadRelacjeConfig(options: {
  preset: unknown;
  fetchConfigFile: () => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;
  pageOrigin: string;
}): Promise<RelacjeConfig> {
  if (options.preset !== undefined) return parseRelacjeConfig(options.preset, 'window.RELACJE_CONFIG');
  const unreadable = (detail: Bilingual) =>
    new RelacjeConfigError(CONFIG_FILE_NAME, [
      {
        field: CONFIG_FILE_NAME,
        message: {
          pl: `Nie udało się odczytać pliku ${CONFIG_FILE_NAME} (${detail.pl}).`,
          en: `Could not read ${CONFIG_FILE_NAME} (${detail.en}).`,
        },
      },
    ]);
  let response: Pick<Response, 'ok' | 'status' | 'json'>;
  try {
    response = await options.fetchConfigFile();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw unreadable({ pl: `brak połączenia: ${detail}`, en: `no connection: ${detail}` });
  }
  if (response.status === 404) {
    return { workbook: { kind: 'local', baseUrl: options.pageOrigin.replace(/\/+$/, '') } };
  }
  if (!response.ok) throw unreadable({ pl: `HTTP ${response.status}`, en: `HTTP ${response.status}` });
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw unreadable({ pl: 'to nie jest poprawny JSON', en: 'it is not valid JSON' });
  }
  return parseRelacjeConfig(json);
}

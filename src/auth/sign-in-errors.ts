import {
  AuthError,
  BrowserAuthErrorCodes,
  ClientAuthErrorCodes,
  InteractionRequiredAuthError,
  InteractionRequiredAuthErrorCodes,
} from '@azure/msal-browser';
import type { Bilingual, Locale } from '../core/i18n';

/** Why a sign-in failed, as far as the user can act on it. */
export type SignInFailure =
  'cancelled' | 'popupBlocked' | 'offline' | 'consentRequired' | 'appRegistration' | 'failed';

const TEXTS: Record<SignInFailure, (detail: string) => Bilingual> = {
  cancelled: () => ({
    pl: 'Logowanie do Microsoft 365 zostało anulowane. Zaloguj się, aby otworzyć skoroszyt w SharePoint.',
    en: 'Sign-in to Microsoft 365 was cancelled. Sign in to open the workbook in SharePoint.',
  }),
  popupBlocked: () => ({
    pl: 'Przeglądarka zablokowała okno logowania. Zezwól tej witrynie na wyskakujące okna i spróbuj ponownie.',
    en: 'The browser blocked the sign-in window. Allow pop-ups for this site and try again.',
  }),
  offline: () => ({
    pl: 'Brak połączenia z siecią — nie można zalogować się do Microsoft 365. Sprawdź połączenie i spróbuj ponownie.',
    en: 'No network connection, so Relacje cannot sign in to Microsoft 365. Check the connection and try again.',
  }),
  consentRequired: (detail) => ({
    pl: `Relacje nie ma jeszcze zgody na dostęp do plików w Twojej organizacji (${detail}). Administrator Microsoft 365 musi udzielić zgody administratora — instrukcja w docs/DEPLOY.md, rozdział „Admin consent”.`,
    en: `Relacje has not yet been allowed to access files in your organisation (${detail}). A Microsoft 365 administrator must grant admin consent; see docs/DEPLOY.md, section "Admin consent".`,
  }),
  appRegistration: (detail) => ({
    pl: `Rejestracja aplikacji w Microsoft Entra ID nie pasuje do konfiguracji Relacji (${detail}). Sprawdź identyfikator aplikacji, dzierżawę i adresy przekierowania według docs/DEPLOY.md.`,
    en: `The app registration in Microsoft Entra ID does not match the Relacje configuration (${detail}). Check the client ID, the tenant and the redirect URIs against docs/DEPLOY.md.`,
  }),
  failed: (detail) => ({
    pl: `Nie udało się zalogować do Microsoft 365 (${detail}). Spróbuj ponownie; jeśli błąd się powtarza, przekaż ten komunikat administratorowi.`,
    en: `Could not sign in to Microsoft 365 (${detail}). Try again; if it keeps failing, pass this message to your administrator.`,
  }),
};

/** A failed sign-in, with what the user can do about it in both languages. */
export class SignInError extends Error {
  readonly texts: Bilingual;

  constructor(
    readonly failure: SignInFailure,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    const texts = TEXTS[failure](detail);
    super(texts.en, options);
    this.name = 'SignInError';
    this.texts = texts;
  }

  messageIn(locale: Locale): string {
    return this.texts[locale];
  }
}

const INTERACTION_CODES = new Set<string>(Object.values(InteractionRequiredAuthErrorCodes));

/**
 * Whether a failed silent attempt should be followed by a popup: the server or the host asks for
 * interaction (consent, expired session, MFA), or a standard client has no account to renew yet.
 */
export function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  if (!(error instanceof AuthError)) return false;
  return INTERACTION_CODES.has(error.errorCode) || error.errorCode === BrowserAuthErrorCodes.noAccountError;
}

const CANCELLED = new Set<string>([
  BrowserAuthErrorCodes.userCancelled,
  BrowserAuthErrorCodes.interactionInProgressCancelled,
]);
const POPUP_BLOCKED = new Set<string>([
  BrowserAuthErrorCodes.popupWindowError,
  BrowserAuthErrorCodes.emptyWindowError,
]);
const OFFLINE = new Set<string>([
  BrowserAuthErrorCodes.noNetworkConnectivity,
  BrowserAuthErrorCodes.postRequestFailed,
  BrowserAuthErrorCodes.getRequestFailed,
  ClientAuthErrorCodes.networkError,
]);

/*
 * Entra ID error numbers (AADSTS…) that name a cause the user cannot fix in the pane:
 * 65001 no consent given yet, 65004 the user declined consent, 90094/90095 the tenant requires an
 * administrator to consent; 50011 redirect URI not registered, 50194 single-tenant app asked through
 * `organizations`, 700016 no such app in the tenant, 9002326 registered as Web instead of SPA.
 */
const CONSENT_ERRORS = new Set(['65001', '65004', '90094', '90095']);
const REGISTRATION_ERRORS = new Set(['50011', '50194', '700016', '9002326']);

function entraErrorNumber(error: AuthError): string | undefined {
  return /AADSTS(\d+)/.exec(`${error.errorMessage} ${error.message}`)?.[1];
}

function failureOf(code: string, entraNumber: string | undefined): SignInFailure {
  if (CANCELLED.has(code)) return 'cancelled';
  if (POPUP_BLOCKED.has(code)) return 'popupBlocked';
  if (OFFLINE.has(code)) return 'offline';
  if (entraNumber !== undefined && CONSENT_ERRORS.has(entraNumber)) return 'consentRequired';
  if (code === InteractionRequiredAuthErrorCodes.consentRequired) return 'consentRequired';
  if (entraNumber !== undefined && REGISTRATION_ERRORS.has(entraNumber)) return 'appRegistration';
  return 'failed';
}

/** The user-facing failure for anything a sign-in attempt threw. */
export function signInErrorFrom(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (!(error instanceof AuthError)) {
    const detail = error instanceof Error ? error.message : String(error);
    // fetch() rejects with a TypeError when the network is down, whatever the browser's wording.
    return new SignInError(error instanceof TypeError ? 'offline' : 'failed', detail, { cause: error });
  }
  const entraNumber = entraErrorNumber(error);
  const detail = entraNumber ? `${error.errorCode}, AADSTS${entraNumber}` : error.errorCode;
  return new SignInError(failureOf(error.errorCode, entraNumber), detail, { cause: error });
}

import type { OfficePaneHost } from './pane-context';

/** Where the pane reads the client base: the open workbook, or the team's workbook in SharePoint. */
export type StoreChoice = 'thisWorkbook' | 'sharedWorkbook';

export const STORE_CHOICES: readonly StoreChoice[] = ['thisWorkbook', 'sharedWorkbook'];

/** Why a choice cannot be taken here; the pane shows the matching text. */
export type UnavailableReason = 'notExcel' | 'excelTooOld' | 'notConfigured' | 'configInvalid';

export type StoreOption =
  | { choice: StoreChoice; available: true }
  | { choice: StoreChoice; available: false; reason: UnavailableReason };

export interface StoreCapabilities {
  host: OfficePaneHost;
  /** The host supports `EXCEL_WORKBOOK_API` (see requirements.ts). */
  workbookApiSupported: boolean;
  /** The configuration names a workbook in SharePoint or OneDrive (`kind: "graph"`). */
  sharedWorkbook: 'configured' | 'notConfigured' | 'configInvalid';
}

/** Both choices, each with whether it can be taken in this host and why not. */
export function storeOptions(capabilities: StoreCapabilities): StoreOption[] {
  const thisWorkbook: StoreOption =
    capabilities.host !== 'excel'
      ? { choice: 'thisWorkbook', available: false, reason: 'notExcel' }
      : capabilities.workbookApiSupported
        ? { choice: 'thisWorkbook', available: true }
        : { choice: 'thisWorkbook', available: false, reason: 'excelTooOld' };
  const sharedWorkbook: StoreOption =
    capabilities.sharedWorkbook === 'configured'
      ? { choice: 'sharedWorkbook', available: true }
      : { choice: 'sharedWorkbook', available: false, reason: capabilities.sharedWorkbook };
  return [thisWorkbook, sharedWorkbook];
}

/**
 * The store to open without asking: the only one that can be taken here; null when the user has a
 * choice (or nothing can be opened). A remembered choice is not opened unasked, so the user can
 * always change it; it is preselected instead. Without sign-in brokered by Office, the shared
 * workbook waits for a click too: the sign-in may need a popup, and browsers block popups that no
 * click opened.
 */
export function storeToOpen(
  options: readonly StoreOption[],
  nestedAppAuthSupported: boolean,
): StoreChoice | null {
  const available = options.filter((option) => option.available);
  if (available.length !== 1) return null;
  const only = available[0].choice;
  return only === 'sharedWorkbook' && !nestedAppAuthSupported ? null : only;
}

/** The choice selected when the pane asks: the remembered one while it can be taken, else the first that can. */
export function preselectedStore(
  options: readonly StoreOption[],
  remembered: StoreChoice | null,
): StoreChoice | null {
  const available = options.filter((option) => option.available).map((option) => option.choice);
  if (remembered !== null && available.includes(remembered)) return remembered;
  return available[0] ?? null;
}

/** The part of `Office.context.document.settings` the choice is kept in. */
export type DocumentSettings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

/** The document setting holding the choice: it belongs to the file, like the tables it points at. */
export const STORE_CHOICE_SETTING = 'relacje.store';

function isStoreChoice(value: unknown): value is StoreChoice {
  return STORE_CHOICES.includes(value as StoreChoice);
}

/** The choice saved in this document, or null when none (or something unknown) is saved. */
export function rememberedStoreChoice(settings: DocumentSettings | undefined): StoreChoice | null {
  try {
    const value: unknown = settings?.get(STORE_CHOICE_SETTING);
    return isStoreChoice(value) ? value : null;
  } catch {
    // A host without document settings simply asks each time.
    return null;
  }
}

/** Saves the choice in the document; rejects with Office's own message when the save fails. */
export function rememberStoreChoice(settings: DocumentSettings, choice: StoreChoice): Promise<void> {
  settings.set(STORE_CHOICE_SETTING, choice);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Office.AsyncResultStatus.Failed is the string "failed" at run time; compared as text so
      // that this module needs no Office global.
      if (String(result.status) === 'failed') {
        reject(new Error(result.error?.message || 'Office could not save the document settings'));
      } else {
        resolve();
      }
    });
  });
}

import { graphLocationOwner, type WorkbookConfig } from './auth-config';

/*
 * Delegated Microsoft Graph permissions only: Relacje always acts as the signed-in user, so it can
 * never reach a file that user could not open in SharePoint themselves. The Excel workbook API has
 * no application permissions at all. MSAL adds openid, profile and offline_access on its own.
 */

/**
 * Read and write the signed-in user's own files. Enough for a workbook in their own OneDrive
 * (`/me/drive/…`): the workbook API's permission tables list it as the least privileged permission.
 */
export const FILES_READ_WRITE = 'Files.ReadWrite';

/**
 * Read and write every file the signed-in user can access, including a team site's document
 * library. Needed for a workbook in SharePoint (`/sites/…`, `/drives/…`): `Files.ReadWrite` covers
 * only files the user owns, and a shared CRM workbook is owned by the site. Still bounded by the
 * user's own SharePoint permissions.
 */
export const FILES_READ_WRITE_ALL = 'Files.ReadWrite.All';

/*
 * Not requested, on purpose:
 * - Sites.ReadWrite.All: also edits lists, pages and every other item of every site the user
 *   reaches; Relacje touches one file.
 * - Sites.Selected: needs an administrator to grant each site to the app, and the workbook API's
 *   permission tables do not list it; not verified to work with workbook sessions.
 * - User.Read: Relacje does not read the user's profile.
 */

/** The scopes to ask for to reach the configured workbook; none for the local workbook server. */
export function scopesForWorkbook(workbook: WorkbookConfig): readonly string[] {
  if (workbook.kind === 'local') return [];
  const owner = graphLocationOwner(workbook.location);
  if (owner === null) throw new Error(`Not a Graph workbook location: ${workbook.location}`);
  return owner === 'signed-in-user' ? [FILES_READ_WRITE] : [FILES_READ_WRITE_ALL];
}

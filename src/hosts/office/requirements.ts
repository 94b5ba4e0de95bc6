/** A requirement set of the Office JavaScript API, as `isSetSupported` takes it. */
export interface RequirementSet {
  name: string;
  version: string;
}

/**
 * What the pane needs to work on the workbook open in Excel: tables (1.1), `getItemOrNullObject`
 * (1.4) and `suspendApiCalculationUntilNextSync` (1.6). The manifest cannot ask for it (it would hide
 * the add-in from Word), so the Excel pane asks at run time.
 */
export const EXCEL_WORKBOOK_API: RequirementSet = { name: 'ExcelApi', version: '1.6' };

/** Sign-in brokered by the Office host (nested app authentication). */
export const NESTED_APP_AUTH: RequirementSet = { name: 'NestedAppAuth', version: '1.1' };

/** `Office.context.requirements`, as far as the pane asks it. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Whether the host supports the set; a host too old to answer the question does not. */
export function supportsSet(requirements: RequirementsLike | undefined, set: RequirementSet): boolean {
  try {
    return requirements?.isSetSupported(set.name, set.version) === true;
  } catch {
    return false;
  }
}

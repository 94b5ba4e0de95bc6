import { isRelacjeError, RelacjeError } from '../../core/errors';

/** The `code` of an Office.js error (`OfficeExtension.Error`), e.g. `ItemNotFound`. */
function officeCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function isItemNotFound(error: unknown): boolean {
  return officeCodeOf(error) === 'ItemNotFound';
}

/** Excel on the web sends at most 5 MB in one answer. */
export function isResponseTooLarge(error: unknown): boolean {
  return officeCodeOf(error) === 'ResponsePayloadSizeLimitExceeded';
}

/** An Office.js failure as the product's error; our own errors and programming errors pass as they are. */
export function officeFailure(error: unknown, workbook: string): unknown {
  if (isRelacjeError(error)) return error;
  const code = officeCodeOf(error);
  if (code === undefined) return error;
  if (code === 'AccessDenied')
    return new RelacjeError('noPermission', { resource: workbook }, { cause: error });
  const message = error instanceof Error ? error.message : '';
  return new RelacjeError('unavailable', { detail: `Excel: ${code} ${message}`.trim() }, { cause: error });
}

import { isRelacjeError } from '../../../src/core/errors';

/** The Polish message of the `RelacjeError` that `work` throws. */
export function polishFailure(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isRelacjeError(error)) return error.messageIn('pl');
    throw error;
  }
  throw new Error('expected a failure');
}

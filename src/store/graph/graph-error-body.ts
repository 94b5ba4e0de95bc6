import { RelacjeError, type ErrorCode, type ErrorParams } from '../../core/errors';

/**
 * The error body Microsoft Graph answers with. Our local server adds the Relacje error kind and its
 * parameters under `innerError`, so a client can rebuild the same bilingual message.
 */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError?: {
      code?: string;
      relacje?: { code: ErrorCode; params: ErrorParams[ErrorCode] };
      'request-id'?: string;
      date?: string;
    };
  };
}

export function isGraphErrorBody(value: unknown): value is GraphErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value as { error: unknown };
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The error a Graph answer stands for, as a `RelacjeError` people can read. */
export function relacjeErrorFromGraph(
  status: number,
  body: unknown,
  resource: string,
  retryAfterHeader?: string | null,
): RelacjeError {
  if (isGraphErrorBody(body)) {
    const carried = body.error.innerError?.relacje;
    if (carried) {
      try {
        return new RelacjeError(carried.code, carried.params);
      } catch {
        // An error kind this build does not know (a newer server): fall through to the generic ones.
      }
    }
  }
  const code = isGraphErrorBody(body) ? body.error.code : '';
  const message = isGraphErrorBody(body) ? body.error.message : '';
  if (status === 401 || status === 403) return new RelacjeError('noPermission', { resource });
  // Co-authoring lock contention and checked-out files; Graph spells them several ways.
  if (
    status === 423 ||
    /^(editmodecannotacquirelock|resourcelocked|notallowed.*checkout|locked)/i.test(code)
  ) {
    return new RelacjeError('workbookInUse', {
      file: resource,
      holder: message || 'another user (checked out or locked for editing)',
    });
  }
  if (status === 404 && code.toLowerCase() === 'itemnotfound') {
    return new RelacjeError('workbookNotFound', { file: resource });
  }
  if (status === 429 || (status === 503 && retryAfterHeader)) {
    // Graph may send a fractional number of seconds (`2.128`).
    const seconds = Math.ceil(Number(retryAfterHeader ?? '1'));
    return new RelacjeError('throttled', {
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 1,
    });
  }
  return new RelacjeError('unavailable', {
    detail: `HTTP ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
  });
}

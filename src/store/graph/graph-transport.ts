import { Client, GraphError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { RelacjeError } from '../../core/errors';
import { throwIfCancelled } from '../port';
import { relacjeErrorFromGraph } from './graph-error-body';

/** One request of a `$batch`, its URL relative to the Graph version (`/me/drive/…`). */
export interface SubRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  dependsOn?: string[];
}

export interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface GraphTransportOptions {
  /** `https://graph.microsoft.com/`, or the local workbook server's address. */
  baseUrl: string;
  /** A bearer token for each request; none against the local server. */
  getAccessToken?: () => Promise<string | null>;
  /** A request without an answer after this long counts as lost (default 30 s). */
  requestTimeoutMs?: number;
  /** Retries of throttled or failed requests stop after this long in all (default 60 s). */
  retryWithinMs?: number;
  /** First back-off step when the server names no `Retry-After` (default 500 ms). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A write was sent but no answer came: it may or may not have been applied. */
export class OutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super('The write was sent but its answer was lost.', { cause });
    this.name = 'OutcomeUnknown';
  }
}

/** The workbook session expired or is unknown: create a new one and redo the step. */
export class SessionExpired extends Error {
  constructor() {
    super('The workbook session expired.');
    this.name = 'SessionExpired';
  }
}

export function isSessionFailure(failure: GraphFailureInfo): boolean {
  return failure.status === 404 && /^invalidsession/i.test(failure.code);
}

/** The Graph answer of a failed request, before it is turned into a product error. */
export interface GraphFailureInfo {
  status: number;
  code: string;
  body: unknown;
  retryAfter: string | null;
}

export const MAX_BATCH = 20;
const RETRY_STATUSES = new Set([429, 503, 504]);
/** Statuses after which a write was certainly not applied. */
const NOT_APPLIED = new Set([429, 503]);

/** Sends with fetch, adding the bearer token and a timeout. The SDK's own retry is left out on purpose: it repeats POSTs blindly. */
class FetchWithToken implements Middleware {
  constructor(
    private readonly getAccessToken: (() => Promise<string | null>) | undefined,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    const token = await this.getAccessToken?.();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    // The caller's signal (a cancelled read) stops the request as the timeout does.
    const caller = (context.options as RequestInit | undefined)?.signal;
    const cancel = () => abort.abort();
    caller?.addEventListener('abort', cancel);
    try {
      if (caller?.aborted) abort.abort();
      context.response = await fetch(context.request, {
        ...(context.options as RequestInit),
        headers,
        signal: abort.signal,
      });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', cancel);
    }
  }
}

/**
 * Requests to Microsoft Graph (or the local server) with the product's retry rules: throttling
 * (429, 503) waits for `Retry-After` and tries again; reads are also retried after a lost answer
 * or a 504, with bounded exponential back-off; a write whose answer was lost raises
 * `OutcomeUnknown` so that the caller checks what happened before writing again.
 */
export class GraphTransport {
  private readonly client: Client;
  private readonly sleep: (ms: number) => Promise<void>;
  /** HTTP requests sent, retries included. */
  requests = 0;

  constructor(private readonly options: GraphTransportOptions) {
    this.client = Client.initWithMiddleware({
      baseUrl: options.baseUrl,
      defaultVersion: 'v1.0',
      middleware: new FetchWithToken(options.getAccessToken, options.requestTimeoutMs ?? 30_000),
    });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** One request; `idempotent` requests are retried after a lost answer, others raise `OutcomeUnknown`. */
  async send<T>(
    method: SubRequest['method'],
    url: string,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      idempotent?: boolean;
      /** One attempt only, for courtesy calls such as closing a session. */
      once?: boolean;
      /** Aborting it stops the request and its retries with `ReadCancelled` (reads only). */
      signal?: AbortSignal;
    } = {},
  ): Promise<T> {
    const idempotent = options.idempotent ?? method === 'GET';
    return this.withRetry(
      idempotent,
      url,
      async () => {
        throwIfCancelled(options.signal);
        this.requests += 1;
        let request = this.client.api(url);
        if (options.signal) request = request.option('signal', options.signal);
        for (const [name, value] of Object.entries(options.headers ?? {}))
          request = request.header(name, value);
        switch (method) {
          case 'GET':
            return (await request.get()) as T;
          case 'POST':
            return (await request.post(options.body ?? {})) as T;
          case 'PATCH':
            return (await request.patch(options.body ?? {})) as T;
          case 'DELETE':
            return (await request.delete()) as T;
        }
      },
      options.once ? 1 : Infinity,
      options.signal,
    );
  }

  /** One `$batch` of at most 20 requests; each answer comes back with its own status. */
  async batch(
    requests: readonly SubRequest[],
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<SubResponse[]> {
    if (requests.length === 0) return [];
    if (requests.length > MAX_BATCH) throw new Error(`A batch holds at most ${MAX_BATCH} requests`);
    const idempotent = requests.every((r) => r.method === 'GET');
    const body = {
      requests: requests.map((r) => ({
        id: r.id,
        method: r.method,
        url: r.url,
        headers: { ...headers, ...(r.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(r.body === undefined ? {} : { body: r.body }),
        ...(r.dependsOn ? { dependsOn: r.dependsOn } : {}),
      })),
    };
    const answer = await this.send<{ responses: SubResponse[] }>('POST', '/$batch', {
      body,
      idempotent,
      signal,
    });
    const byId = new Map(answer.responses.map((r) => [String(r.id), r]));
    return requests.map((r) => byId.get(r.id) ?? { id: r.id, status: 424, headers: {}, body: undefined });
  }

  private async withRetry<T>(
    idempotent: boolean,
    resource: string,
    attempt: () => Promise<T>,
    maxTries = Infinity,
    signal?: AbortSignal,
  ): Promise<T> {
    const started = Date.now();
    const budget = this.options.retryWithinMs ?? 60_000;
    // Waits count as asked for, not only as the clock saw them, so an injected sleep keeps the bound.
    let waited = 0;
    for (let tries = 0; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        throwIfCancelled(signal);
        const failure = failureOf(error);
        const lost = failure === undefined;
        const retryable = lost
          ? idempotent
          : RETRY_STATUSES.has(failure.status) && (idempotent || NOT_APPLIED.has(failure.status));
        if (!retryable) {
          if (lost || failure.status === 504) throw new OutcomeUnknown(error);
          if (isSessionFailure(failure)) throw new SessionExpired();
          throw productError(failure, resource);
        }
        const wait = waitBeforeRetry(failure?.retryAfter ?? null, tries, this.options.backoffMs ?? 500);
        if (Math.max(Date.now() - started, waited) + wait > budget || tries + 1 >= maxTries) {
          if (lost)
            throw new RelacjeError(
              'unavailable',
              { detail: 'no answer from Microsoft Graph' },
              { cause: error },
            );
          throw productError(failure, resource);
        }
        waited += wait;
        await (signal ? Promise.race([this.sleep(wait), whenAborted(signal)]) : this.sleep(wait));
        throwIfCancelled(signal);
      }
    }
  }
}

/** Resolves when the signal is aborted (a wait that a cancelled read cuts short). */
export function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The Graph failure of an SDK error, or undefined when no answer came at all. */
function failureOf(error: unknown): GraphFailureInfo | undefined {
  if (!(error instanceof GraphError) || !(error.statusCode > 0)) return undefined;
  let inner: unknown;
  try {
    inner = typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
  } catch {
    inner = undefined;
  }
  return {
    status: error.statusCode,
    code: error.code ?? '',
    body: inner && typeof inner === 'object' && 'code' in inner ? { error: inner } : inner,
    retryAfter: error.headers?.get('Retry-After') ?? null,
  };
}

export function productError(failure: GraphFailureInfo, resource: string): RelacjeError {
  return relacjeErrorFromGraph(failure.status, failure.body, resource, failure.retryAfter);
}

/** `Retry-After` in seconds (Graph may send fractions), else exponential back-off with jitter, capped at 30 s. */
export function waitBeforeRetry(retryAfter: string | null, tries: number, backoffMs: number): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const step = Math.min(30_000, backoffMs * 2 ** tries);
  return Math.round(step / 2 + (Math.random() * step) / 2);
}

/** A sub-response's failure in the same shape as a request's. */
export function subFailure(response: SubResponse): GraphFailureInfo {
  const body = response.body as { error?: { code?: string } } | undefined;
  return {
    status: response.status,
    code: body?.error?.code ?? '',
    body,
    retryAfter: response.headers['Retry-After'] ?? response.headers['retry-after'] ?? null,
  };
}

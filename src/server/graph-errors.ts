import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { isRelacjeError, type ErrorCode, type RelacjeError } from '../core/errors';
import type { GraphErrorBody } from '../store/graph/graph-error-body';
import { sendJson } from './http-responses';

/** A failure of the server's own making (bad path, wrong method), answered as Graph would. */
export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphFailure';
  }
}

/** How each Relacje error kind travels over HTTP: the status and Graph error code clients expect. */
const GRAPH_STATUS: { [C in ErrorCode]: [number, string] } = {
  invalidRecord: [400, 'InvalidArgument'],
  conflict: [409, 'Conflict'],
  recordNotFound: [404, 'ItemNotFound'],
  workbookInUse: [409, 'EditModeCannotAcquireLock'],
  notAWorkbook: [400, 'InvalidArgument'],
  workbookNotFound: [404, 'ItemNotFound'],
  missingTable: [404, 'ItemNotFound'],
  missingColumn: [400, 'InvalidArgument'],
  upgradeNeeded: [400, 'InvalidArgument'],
  duplicateColumn: [400, 'InvalidArgument'],
  badCell: [400, 'InvalidArgument'],
  newerSchema: [400, 'InvalidArgument'],
  duplicateId: [409, 'Conflict'],
  noPermission: [403, 'AccessDenied'],
  throttled: [429, 'TooManyRequests'],
  unavailable: [503, 'ServiceNotAvailable'],
  workbookTooLarge: [413, 'RequestEntityTooLarge'],
  damagedPart: [400, 'InvalidArgument'],
  ghostRows: [400, 'InvalidArgument'],
  tableWidthMismatch: [400, 'InvalidArgument'],
  tableHeaderMismatch: [400, 'InvalidArgument'],
  renamedColumn: [400, 'InvalidArgument'],
  // The sales process's refusals come from the service, not the server; listed for completeness.
  unknownPipeline: [400, 'InvalidArgument'],
  unknownStage: [400, 'InvalidArgument'],
  unknownRequiredField: [400, 'InvalidArgument'],
  missingStageFields: [400, 'InvalidArgument'],
  opportunityClosed: [400, 'InvalidArgument'],
  opportunityNotClosed: [400, 'InvalidArgument'],
  offersNotClosed: [400, 'InvalidArgument'],
  noAcceptedOffer: [400, 'InvalidArgument'],
  lostReasonRequired: [400, 'InvalidArgument'],
  unknownLostReason: [400, 'InvalidArgument'],
  unknownReadyFunnel: [400, 'InvalidArgument'],
  pipelineExists: [409, 'Conflict'],
  stageInUse: [409, 'Conflict'],
};

function errorBody(code: string, message: string, relacje?: RelacjeError): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        code: code.charAt(0).toLowerCase() + code.slice(1),
        ...(relacje ? { relacje: { code: relacje.code, params: relacje.params } } : {}),
        'request-id': randomUUID(),
        date: new Date().toISOString(),
      },
    },
  };
}

/** A failure as Graph answers it: status, headers and the error body. */
export interface GraphErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: GraphErrorBody;
}

/**
 * The Graph answer for a failure. Unexpected errors become a bare `GeneralException`: their
 * details go to the log, not to the client.
 */
export function graphErrorAnswer(error: unknown, log: (line: string) => void): GraphErrorAnswer {
  if (error instanceof GraphFailure) {
    return { status: error.status, headers: {}, body: errorBody(error.code, error.message) };
  }
  if (isRelacjeError(error)) {
    const [status, code] = GRAPH_STATUS[error.code];
    const headers: Record<string, string> = isRelacjeError(error, 'throttled')
      ? { 'Retry-After': String(error.params.retryAfterSeconds) }
      : {};
    return { status, headers, body: errorBody(code, error.texts.en, error) };
  }
  log(
    `relacje server: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return {
    status: 500,
    headers: {},
    body: errorBody('GeneralException', 'An unexpected error occurred on the workbook server.'),
  };
}

/** Answers a failure with a Graph error body. */
export function sendGraphError(response: ServerResponse, error: unknown, log: (line: string) => void): void {
  const answer = graphErrorAnswer(error, log);
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  sendJson(response, answer.status, answer.body);
}

import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import type { WorkbookStore } from '../store/port';
import { GraphFailure } from './graph-errors';
import { sendJson } from './http-responses';
import { tableSummaries } from './workbook-tables';

/** The workbook the server offers, and how to open its store for one request. */
export interface ServedWorkbook {
  file: string;
  openStore(file: string): Promise<WorkbookStore>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DRIVE_PREFIX = '/v1.0/me/drive/';
/** `root:/{path}:` followed by what is asked of that item, as in Graph's path addressing. */
const ITEM_BY_PATH = /^root:\/(.+?):(\/.*)?$/;

type WorkbookHandler = (workbook: ServedWorkbook, request: IncomingMessage) => Promise<unknown>;

/**
 * The Graph workbook API this server answers, by the path after `…/workbook`. A later issue adds
 * rows, columns, sessions and `$batch` here.
 */
const WORKBOOK_ROUTES: Readonly<Record<string, { GET?: WorkbookHandler }>> = {
  '/tables': {
    GET: async (workbook) => {
      const store = await workbook.openStore(workbook.file);
      try {
        // `rowCount` is ours: Graph's table resource has no such field, so our Graph adapter must not need it.
        const value = (await tableSummaries(store)).map((table) => ({
          id: table.name,
          name: table.name,
          showHeaders: true,
          showTotals: false,
          rowCount: table.rowCount,
        }));
        return { value };
      } finally {
        await store.close();
      }
    },
  },
};

async function driveItem(workbook: ServedWorkbook) {
  const info = await stat(workbook.file).catch(() => null);
  if (!info || !info.isFile()) return null;
  const name = path.basename(workbook.file);
  return {
    id: name,
    name,
    size: info.size,
    lastModifiedDateTime: info.mtime.toISOString(),
    file: { mimeType: XLSX_MIME },
  };
}

function decodedItemPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded).replace(/^\/+|\/+$/g, '');
  } catch {
    throw new GraphFailure(400, 'InvalidRequest', `The item path ${encoded} is not valid.`);
  }
}

/** True when the path is for the Graph API (`/v1.0/…`), which answers errors as Graph does. */
export function isGraphPath(urlPath: string): boolean {
  return urlPath === '/v1.0' || urlPath.startsWith('/v1.0/');
}

/** Answers one Graph request about the served workbook; failures are thrown for the caller to answer. */
export async function answerGraphRequest(
  workbook: ServedWorkbook,
  urlPath: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const headOnly = request.method === 'HEAD';
  const method = headOnly ? 'GET' : request.method;
  const drivePath = urlPath.startsWith(DRIVE_PREFIX) ? urlPath.slice(DRIVE_PREFIX.length) : null;

  if (drivePath === 'root/children') {
    if (method !== 'GET') throw methodNotAllowed(request.method);
    const item = await driveItem(workbook);
    sendJson(response, 200, { value: item ? [item] : [] }, headOnly);
    return;
  }

  const byPath = drivePath === null ? null : ITEM_BY_PATH.exec(drivePath);
  if (!byPath) throw new GraphFailure(400, 'BadRequest', `Resource not found for the segment in ${urlPath}.`);
  const itemPath = decodedItemPath(byPath[1]);
  const item = itemPath === path.basename(workbook.file) ? await driveItem(workbook) : null;
  if (!item) throw new GraphFailure(404, 'ItemNotFound', `The resource ${itemPath} could not be found.`);

  const rest = byPath[2] ?? '';
  if (rest === '' || rest === '/') {
    if (method !== 'GET') throw methodNotAllowed(request.method);
    sendJson(response, 200, item, headOnly);
    return;
  }
  const route = rest.startsWith('/workbook/') ? WORKBOOK_ROUTES[rest.slice('/workbook'.length)] : undefined;
  if (!route) throw new GraphFailure(404, 'ApiNotFound', `The workbook API ${rest} is not supported here.`);
  const handler = method === 'GET' ? route.GET : undefined;
  if (!handler) throw methodNotAllowed(request.method);
  sendJson(response, 200, await handler(workbook, request), headOnly);
}

function methodNotAllowed(method: string | undefined): GraphFailure {
  return new GraphFailure(
    405,
    'MethodNotAllowed',
    `The method ${method ?? ''} is not allowed on this resource.`,
  );
}

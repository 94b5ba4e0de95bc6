import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { WorkbookDocument, type DocumentOptions } from './document/workbook-document';
import { GraphWorkbookApi, type GraphApiOptions } from './graph-api';
import { GraphFailure, sendGraphError } from './graph-errors';
import { sendJson, sendJsonText } from './http-responses';
import { JsonText } from './json-text';
import { serveStaticFile } from './static-files';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The .xlsx file the Graph endpoints answer about. */
  workbookFile: string;
  /** The built panes (`dist/`). */
  staticDir: string;
  /** A loopback address or `localhost`; the server never listens beyond this machine. */
  host?: string;
  /** When the journal is folded into the .xlsx, and how long sessions live (tests shorten them). */
  document?: DocumentOptions;
  graph?: GraphApiOptions;
  /** Where unexpected failures are written (standard error by default). */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:3000/` */
  url: string;
  /** The Graph API it answers: tests switch faults on here and count requests. */
  graph: GraphWorkbookApi;
  /** Folds every acknowledged change into the .xlsx, then stops. */
  close(): Promise<void>;
}

/** Requests larger than this are refused (Graph itself takes 4 MB). */
const MAX_BODY_BYTES = 16 * 2 ** 20;

export const DEFAULT_PORT = 3000;
const DEFAULT_HOST = '127.0.0.1';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/*
 * A web page the user visits could point a name it controls at 127.0.0.1 (DNS rebinding) and read
 * the CRM through the browser; a request whose Host is not a loopback name is not ours to answer.
 */
function isLoopbackHostHeader(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[')
    ? hostHeader.slice(1, hostHeader.indexOf(']'))
    : hostHeader.split(':')[0];
  return isLoopback(name);
}

function isGraphPath(urlPath: string): boolean {
  return urlPath.startsWith('/v1.0/');
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new GraphFailure(413, 'RequestEntityTooLarge', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new GraphFailure(400, 'BadRequest', 'The request body is not valid JSON.');
  }
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  graph: GraphWorkbookApi,
  staticDir: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (isGraphPath(url.pathname)) {
    const headOnly = request.method === 'HEAD';
    const result = await graph.handle({
      method: headOnly ? 'GET' : (request.method ?? 'GET'),
      path: url.pathname.slice('/v1.0'.length) + url.search,
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value[0] : value,
        ]),
      ),
      body: await readJsonBody(request),
    });
    if (result === 'drop') {
      response.socket?.destroy();
      return;
    }
    for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
    if (result.body === undefined) {
      response.writeHead(result.status, { 'Content-Length': 0 });
      response.end();
    } else if (result.body instanceof JsonText) {
      await sendJsonText(response, result.status, result.body, headOnly);
    } else {
      sendJson(response, result.status, result.body, headOnly);
    }
    return;
  }
  if (url.pathname === '/') {
    response.writeHead(302, { Location: '/taskpane.html', 'Content-Length': 0 });
    response.end();
    return;
  }
  await serveStaticFile(staticDir, url.pathname, request, response);
}

/** Starts the local workbook server: the panes from `staticDir` and the Graph workbook API over an .xlsx file. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopback(host)) {
    throw new Error(`The workbook server listens on this machine only; ${host} is not a loopback address.`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const file = path.resolve(options.workbookFile);
  const graph = new GraphWorkbookApi(file, () => WorkbookDocument.open(file, { log, ...options.document }), {
    log,
    ...options.graph,
  });
  const staticDir = path.resolve(options.staticDir);

  const server = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const answered = isLoopbackHostHeader(request.headers.host)
      ? answer(request, response, graph, staticDir)
      : Promise.reject(
          new GraphFailure(403, 'AccessDenied', 'Requests must address this machine by a loopback name.'),
        );
    answered.catch((error: unknown) => {
      if (response.headersSent) {
        log(`relacje server: failed while answering ${request.method} ${request.url}: ${String(error)}`);
        response.destroy();
        return;
      }
      sendGraphError(response, error, log);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await graph.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    graph,
    close: async () => {
      if (!server.listening) return;
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      });
      await graph.close();
    },
  };
}

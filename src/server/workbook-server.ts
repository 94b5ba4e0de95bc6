import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { WorkbookStore } from '../store/port';
import { GraphFailure, sendGraphError } from './graph-errors';
import { answerGraphRequest, isGraphPath, type ServedWorkbook } from './graph-routes';
import { openWorkbookReadOnly } from './workbook-opener';
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
  /** Opens the store for one request; the .xlsx adapter read-only unless a test gives another. */
  openStore?: (file: string) => Promise<WorkbookStore>;
  /** Where unexpected failures are written (standard error by default). */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:3000/` */
  url: string;
  close(): Promise<void>;
}

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

function urlPathOf(request: IncomingMessage): string {
  // Only the path matters; the base is a placeholder to let URL parse a relative request target.
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  workbook: ServedWorkbook,
  staticDir: string,
): Promise<void> {
  const urlPath = urlPathOf(request);
  if (isGraphPath(urlPath)) {
    await answerGraphRequest(workbook, urlPath, request, response);
    return;
  }
  if (urlPath === '/') {
    response.writeHead(302, { Location: '/taskpane.html', 'Content-Length': 0 });
    response.end();
    return;
  }
  await serveStaticFile(staticDir, urlPath, request, response);
}

/** Starts the local workbook server: the panes from `staticDir` and the Graph workbook API over an .xlsx file. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopback(host)) {
    throw new Error(`The workbook server listens on this machine only; ${host} is not a loopback address.`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const workbook: ServedWorkbook = {
    file: path.resolve(options.workbookFile),
    openStore: options.openStore ?? openWorkbookReadOnly,
  };
  const staticDir = path.resolve(options.staticDir);

  const server = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const answered = isLoopbackHostHeader(request.headers.host)
      ? answer(request, response, workbook, staticDir)
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

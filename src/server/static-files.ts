import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function sendText(response: ServerResponse, status: number, text: string, headOnly: boolean): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(headOnly ? undefined : text);
}

/**
 * The file under `root` that a URL path names, or null when the path is malformed or would leave
 * `root` (`..`, encoded slashes or backslashes, NUL bytes).
 */
export function staticFilePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, ...segments);
  return file.startsWith(resolvedRoot + path.sep) ? file : null;
}

/** Serves a file of `root` for GET and HEAD; anything else under it is a 404 or 405 in plain text. */
export async function serveStaticFile(
  root: string,
  urlPath: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const headOnly = request.method === 'HEAD';
  if (request.method !== 'GET' && !headOnly) {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Method not allowed', false);
    return;
  }
  const file = staticFilePath(root, urlPath);
  if (!file) {
    sendText(response, 400, 'Bad request path', headOnly);
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) {
    sendText(response, 404, 'Not found', headOnly);
    return;
  }
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // The page must always be fresh; the chunks it names carry a content hash and may be cached.
    'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (headOnly) {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    response.on('close', resolve);
    stream.pipe(response);
  });
}

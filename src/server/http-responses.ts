import type { ServerResponse } from 'node:http';
import type { JsonText } from './json-text';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** Answers with a JSON body; `HEAD` gets the headers only. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  response.end(headOnly ? undefined : text);
}

/**
 * Answers with a body already written as JSON text, a piece at a time as the connection takes
 * them: a large answer is not copied into one buffer first.
 */
export async function sendJsonText(
  response: ServerResponse,
  status: number,
  body: JsonText,
  headOnly = false,
): Promise<void> {
  let length = 0;
  for (const piece of body.pieces) length += Buffer.byteLength(piece);
  response.writeHead(status, { ...JSON_HEADERS, 'Content-Length': length });
  if (headOnly) {
    response.end();
    return;
  }
  for (const piece of body.pieces) {
    if (response.destroyed) return;
    if (!response.write(piece)) await drainedOrClosed(response);
  }
  response.end();
}

/** Waits until the connection takes more, or is gone; leaves no listener behind. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

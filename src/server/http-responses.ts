import type { ServerResponse } from 'node:http';

/** Answers with a JSON body; `HEAD` gets the headers only. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(headOnly ? undefined : text);
}

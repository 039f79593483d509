import type { ServerResponse } from 'node:http';

/** Answers with a JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * Answers an HTTP-level failure (before GraphQL runs) in the shape of a GraphQL error response, so clients
 * read every error the same way. The codes follow Apollo's (BAD_REQUEST) where it has one.
 */
export function sendHttpError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] }, headers);
}

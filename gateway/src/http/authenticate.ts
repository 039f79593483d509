import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '@shop/errors';
import { ANONYMOUS, type Caller, type TokenVerifier } from '@shop/identity';
import { sendJson } from './responses.js';

/**
 * The caller of an HTTP request, from its Authorization headers (every one of them: Node keeps only the first
 * of duplicates in `headers`, and two tokens must be refused, not one of them picked). Anything the verifier
 * refuses is answered here, before GraphQL runs anything: 401 with `WWW-Authenticate: Bearer
 * error="invalid_token"` and one UNAUTHENTICATED error, or 503 when the keys cannot be fetched. Returns
 * undefined once it has answered.
 */
export async function authenticateRequest(verifier: TokenVerifier, request: IncomingMessage, response: ServerResponse): Promise<Caller | undefined> {
  // Most requests carry no token (public reads): no header list to build, no verifier to ask.
  if (request.headers.authorization === undefined) return ANONYMOUS;
  try {
    return await verifier.authenticate(request.headersDistinct.authorization ?? []);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const body = { errors: [{ message: error.message, extensions: { code: error.kind === 'UNAVAILABLE' ? 'UNAVAILABLE' : 'UNAUTHENTICATED', errorCode: error.code } }] };
    if (error.kind === 'UNAVAILABLE') {
      sendJson(response, 503, body, { 'retry-after': '1' });
    } else {
      sendJson(response, 401, body, { 'www-authenticate': `Bearer error="invalid_token", error_description="${error.message.replace(/["\\]/g, '')}"` });
    }
    return undefined;
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { Caller, TokenVerifier } from '@shop/identity';
import type { GatewayContext } from '../context.js';
import type { ValidationSafetyNet } from '../graphql/validation-safety-net.js';
import { authenticateRequest } from './authenticate.js';
import { readBody } from './read-body.js';
import { sendHttpError } from './responses.js';

/** What /graphql needs: Apollo and its safety net, token checks, a context per request, the body size limit. */
export interface GraphQLRouteDeps {
  apollo: ApolloServer<GatewayContext>;
  safetyNet: ValidationSafetyNet;
  verifier: TokenVerifier;
  createContext: (caller: Caller) => GatewayContext;
  maxBodyBytes: number;
}

/**
 * /graphql: checks the caller's token, reads the body within the size limit, parses JSON, and hands the request
 * to Apollo through its integration API (executeHTTPGraphQLRequest), then writes Apollo's answer. A bad token
 * is 401, a body over the limit is 413, a body that is not JSON is 400; all are answered without touching Apollo.
 * A document whose validation threw is the document's fault: 400, where Apollo would answer 500.
 */
export async function handleGraphQL(deps: GraphQLRouteDeps, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const caller = await authenticateRequest(deps.verifier, request, response);
  if (!caller) return;
  let body: unknown;
  if (request.method === 'POST') {
    const read = await readBody(request, deps.maxBodyBytes);
    if (read.kind === 'too-large') {
      // The rest of the body is never read, so this connection cannot carry another request.
      sendHttpError(response, 413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${deps.maxBodyBytes} bytes`, { connection: 'close' });
      return;
    }
    const parsed = parseBody(read.text, request.headers['content-type']);
    if (parsed.kind === 'malformed') {
      sendHttpError(response, 400, 'BAD_REQUEST', `malformed JSON body: ${parsed.reason}`);
      return;
    }
    body = parsed.body;
  }

  const httpGraphQLRequest: HTTPGraphQLRequest = { method: request.method ?? 'GET', headers: toHeaderMap(request), search: url.search, body };
  const answer = await deps.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => deps.createContext(caller) });
  if (answer.status === 500 && deps.safetyNet.threwWhileValidating(httpGraphQLRequest)) {
    sendHttpError(response, 400, 'GRAPHQL_VALIDATION_FAILED', 'the query could not be validated; it is nested or repeated too deeply');
    return;
  }
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}

type ParsedBody = { kind: 'parsed'; body: unknown } | { kind: 'malformed'; reason: string };

/** JSON bodies are parsed; others go to Apollo as text, which answers 400 naming the content type it wants. */
function parseBody(text: string, contentType: string | undefined): ParsedBody {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return { kind: 'parsed', body: text };
  try {
    return { kind: 'parsed', body: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'malformed', reason: (error as Error).message };
  }
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { DomainError } from '@shop/errors';
import type { Authentication, Caller } from '@shop/identity';
import type { Logger } from '@shop/logger';
import type { GatewayContext } from '../context.js';
import type { ValidationSafetyNet } from '../graphql/validation-safety-net.js';
import { handleGraphQL } from './graphql-route.js';
import { PLAYGROUND_CSP, playgroundPage } from './playground.js';
import { checkReadiness, type ServiceAddresses } from './readiness.js';
import { originFormTarget } from './request-target.js';
import { sendHttpError, sendJson } from './responses.js';

/** What the routes need: Apollo for /graphql, token checks, a context per request, the service addresses for /readyz. */
export interface GatewayRouteDeps {
  apollo: ApolloServer<GatewayContext>;
  /** Notes the requests whose validation threw (answered 400, not 500). */
  safetyNet: ValidationSafetyNet;
  /** HTTP_MAX_BODY_BYTES: a larger /graphql body is 413. */
  maxBodyBytes: number;
  authentication: Authentication;
  createContext: (caller: Caller) => GatewayContext;
  addresses: ServiceAddresses;
  logger: Logger;
}

/** Where the public keys of access tokens are served (the well-known location of a JWKS). */
export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The gateway's HTTP routes on a plain node:http server: /graphql, /playground, /healthz, /readyz, the JWKS, and
 * / redirecting to the playground. A request target that is not a path (`*`, `http://x/`, `//[`) is 400. A
 * failure in one request is answered (or its connection closed) and logged; it never reaches the server or
 * other requests.
 */
export function gatewayRequestListener(deps: GatewayRouteDeps): RequestListener {
  return (request, response) => {
    route(deps, request, response).catch((error: unknown) => {
      deps.logger.error({ err: error, url: request.url }, 'http request failed');
      if (response.headersSent) response.destroy();
      else sendHttpError(response, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
    });
  };
}

async function route(deps: GatewayRouteDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = originFormTarget(request.url);
  if (!url) return sendHttpError(response, 400, 'BAD_REQUEST', 'the request target must be a path, such as /graphql', { connection: 'close' });
  if (url.pathname === '/graphql') {
    const { apollo, safetyNet, maxBodyBytes, createContext } = deps;
    return handleGraphQL({ apollo, safetyNet, maxBodyBytes, createContext, verifier: deps.authentication.verifier }, request, response, url);
  }

  const known = ['/', '/playground', '/healthz', '/readyz', JWKS_PATH];
  if (!known.includes(url.pathname)) return sendHttpError(response, 404, 'NOT_FOUND', `no route ${url.pathname}; the API is at /graphql`);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendHttpError(response, 405, 'METHOD_NOT_ALLOWED', `${url.pathname} answers GET only`, { allow: 'GET, HEAD' });
  }

  switch (url.pathname) {
    case '/':
      response.writeHead(302, { location: '/playground' }).end();
      return;
    case '/playground': {
      const html = await playgroundPage();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-security-policy': PLAYGROUND_CSP }).end(html);
      return;
    }
    case '/healthz':
      return sendJson(response, 200, { status: 'alive' });
    case JWKS_PATH:
      try {
        return sendJson(response, 200, await deps.authentication.keys.jwks(), { 'cache-control': 'public, max-age=300' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return sendHttpError(response, 503, 'UNAVAILABLE', error.message, { 'retry-after': '1' });
      }
    case '/readyz': {
      const readiness = await checkReadiness(deps.addresses);
      if (readiness.ready) return sendJson(response, 200, { status: 'ready', services: readiness.services });
      return sendJson(response, 503, { status: 'not ready', down: readiness.down, services: readiness.services });
    }
  }
}

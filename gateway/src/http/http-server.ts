import { createServer, type Server } from 'node:http';
import type { GatewayLimits } from '../config.js';

/** The HTTP limits the server enforces itself, before any route runs. */
export type HttpServerLimits = Pick<GatewayLimits, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_MAX_CONNECTIONS'>;

/**
 * The gateway's node:http server, hardened against slow and greedy clients: a client that has not sent its
 * whole header block within HTTP_HEADERS_TIMEOUT_MS, or its whole request within HTTP_REQUEST_TIMEOUT_MS, gets
 * 408 and its socket closed (Node's defaults are 60 s and 300 s). Connections past HTTP_MAX_CONNECTIONS
 * (WebSockets included) are closed as soon as they are accepted; those already open carry on.
 */
export function createGatewayHttpServer(limits: HttpServerLimits): Server {
  const server = createServer({
    headersTimeout: limits.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
    // Node checks those timeouts on this interval (30 s by default), so a quarter of the shorter one, at most 1 s.
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.HTTP_HEADERS_TIMEOUT_MS / 4))),
  });
  server.maxConnections = limits.HTTP_MAX_CONNECTIONS;
  return server;
}

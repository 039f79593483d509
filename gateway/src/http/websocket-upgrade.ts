import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { originFormTarget } from './request-target.js';
import { isOriginAllowed } from './websocket-origin.js';

/** Where the WebSocket is served: the same path as HTTP GraphQL. */
export const WEBSOCKET_PATH = '/graphql';

/**
 * The HTTP server's 'upgrade' listener: a handshake for /graphql whose Origin passes (websocket-origin.ts) is
 * handed to `wss`; any other is answered before a socket exists: 400 for a target that is not a path, 404 for
 * another path, 403 for a refused Origin.
 */
export function websocketUpgradeListener(wss: WebSocketServer, allowedOrigins: readonly string[]): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    // A client that resets mid-handshake: nothing to answer.
    socket.on('error', () => socket.destroy());
    const target = originFormTarget(request.url);
    if (!target) return refuse(socket, 400, 'the request target must be a path');
    if (target.pathname !== WEBSOCKET_PATH) return refuse(socket, 404, `WebSockets are served on ${WEBSOCKET_PATH}`);
    const origin = request.headers.origin;
    if (!isOriginAllowed(origin, request.headers.host, allowedOrigins)) {
      return refuse(socket, 403, 'this Origin may not open a WebSocket here: use the gateway\'s own origin or one listed in CORS_ORIGINS');
    }
    wss.handleUpgrade(request, socket, head, (webSocket) => wss.emit('connection', webSocket, request));
  };
}

/** Answers the handshake with a plain HTTP error and closes the connection. */
function refuse(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = `${message}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

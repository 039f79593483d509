import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloseCode, type Server } from 'graphql-ws';
import type { Logger } from '@shop/logger';
import type { WebSocket, WebSocketServer } from 'ws';

/** What graphql-ws's hooks see of each socket as `extra`. */
export interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** Thrown by a graphql-ws hook to close the socket with this code and reason (1013 "try again later", say). */
export class SocketCloseError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'SocketCloseError';
  }
}

/** The sockets being served. */
export interface GraphqlWsTransport {
  /** Closes every socket with 1001, waits up to `graceMs` for them to go, then drops the rest. */
  close(graceMs: number): Promise<void>;
}

/**
 * Serves graphql-ws's protocol server over the `ws` sockets of `wss`. graphql-ws ships this glue (useServer),
 * but it logs client faults to the console, never drops a socket that ignores a close on shutdown, and
 * its pong timer is per socket; this one logs through the shop's logger and uses one timer for all.
 * A socket that does not answer a ping before the next one (keepAliveMs) is dropped, so a peer that vanished
 * without a close frame frees its subscriptions within two intervals.
 */
export function serveGraphqlWs(wss: WebSocketServer, server: Server<SocketExtra>, options: { keepAliveMs: number; logger: Logger }): GraphqlWsTransport {
  const { logger } = options;
  const answered = new WeakSet<WebSocket>();

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    answered.add(socket);
    socket.on('pong', () => answered.add(socket));
    // ws closes the socket itself on a fault of the client's (1009 for a message over WS_MAX_PAYLOAD_BYTES, 1002,
    // 1007) and reports it here; nothing to do but note it.
    socket.on('error', (error) => logger.debug({ err: error }, 'websocket: client fault'));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            // A failed send means the socket is going; its close frees the subscription.
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              if (error instanceof SocketCloseError) return socket.close(error.code, error.reason);
              logger.error({ err: error }, 'websocket: unexpected error handling a message');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code: number, reason: Buffer) => {
      closed(code, reason.toString()).catch((error: unknown) => logger.error({ err: error }, 'websocket: error while freeing a closed socket'));
    });
  });

  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (!answered.has(socket)) {
        socket.terminate();
        continue;
      }
      answered.delete(socket);
      socket.ping();
    }
  }, options.keepAliveMs);
  pinger.unref();

  return {
    close: async (graceMs) => {
      clearInterval(pinger);
      const sockets = [...wss.clients];
      const gone = Promise.all(sockets.map((socket) => (socket.readyState === socket.CLOSED ? undefined : new Promise((resolve) => socket.once('close', resolve)))));
      for (const socket of sockets) socket.close(1001, 'Going away');
      const grace = new AbortController();
      await Promise.race([gone, sleep(graceMs, undefined, { signal: grace.signal }).catch(() => undefined)]);
      grace.abort();
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

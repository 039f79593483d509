import WebSocket from 'ws';

/** One message of the graphql-transport-ws protocol, as the tests read it. */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/** An error as the gateway answers it for one operation id. */
export interface WsError {
  message: string;
  extensions?: { code?: string; errorCode?: string; field?: string };
}

/** How a socket ended. */
export interface WsClose {
  code: number;
  reason: string;
}

/** Options of a test socket: its token, the Origin it claims, and whether it answers pings. */
export interface RawSocketOptions {
  token?: string;
  origin?: string;
  /** False: the socket never answers a ping, like a peer that vanished without a trace. */
  autoPong?: boolean;
}

/**
 * A graphql-transport-ws socket driven message by message, so tests can do what graphql-ws's client never
 * does: send a query on the socket, send an oversized message, or drop the TCP connection without a close frame.
 */
export class RawGraphqlWs {
  private readonly received: WsMessage[] = [];
  private readonly waiters = new Set<() => void>();
  /** Resolves when the socket has closed, with the code the client saw. */
  readonly closed: Promise<WsClose>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as WsMessage);
      for (const wake of this.waiters) wake();
      this.waiters.clear();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('error', () => undefined);
  }

  /** Opens a socket to `url` (http or ws) and completes connection_init / connection_ack. */
  static async open(url: string, options: RawSocketOptions = {}): Promise<RawGraphqlWs> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      ...(options.origin ? { origin: options.origin } : {}),
      autoPong: options.autoPong ?? true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake refused with HTTP ${response.statusCode}`)));
      socket.once('error', reject);
    });
    const client = new RawGraphqlWs(socket);
    client.send({ type: 'connection_init', payload: options.token ? { authorization: `Bearer ${options.token}` } : {} });
    const ack = await client.take((message) => message.type === 'connection_ack' || message.type === 'error');
    if (ack.type !== 'connection_ack') throw new Error(`no connection_ack: ${JSON.stringify(ack)}`);
    return client;
  }

  /** The HTTP status a WebSocket handshake to `url` gets: 101 when it opens, else the refusal's. */
  static handshakeStatus(url: string, origin?: string, path = '/graphql'): Promise<number> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, 'graphql-transport-ws', origin ? { origin } : {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        socket.terminate();
        resolve(101);
      });
      socket.once('unexpected-response', (request, response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** Stops one subscription (the client's `complete`). */
  complete(id: string): void {
    this.send({ id, type: 'complete' });
  }

  /** The next message for operation `id` (next, error or complete), waiting for it if needed. */
  next(id: string): Promise<WsMessage> {
    return this.take((message) => message.id === id);
  }

  /** The errors of the next message for `id`, which must be an error message. */
  async errorsOf(id: string): Promise<WsError[]> {
    const message = await this.next(id);
    if (message.type !== 'error') throw new Error(`expected an error for ${id}, got ${JSON.stringify(message)}`);
    return message.payload as WsError[];
  }

  /** Drops the TCP connection without a close frame, as a crashed client or a lost network does. */
  terminate(): void {
    this.socket.terminate();
  }

  /** A clean close: close frame, then the TCP connection ends. */
  async close(): Promise<WsClose> {
    this.socket.close(1000);
    return this.closed;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  private async take(matches: (message: WsMessage) => boolean): Promise<WsMessage> {
    for (;;) {
      const index = this.received.findIndex(matches);
      if (index >= 0) return this.received.splice(index, 1)[0]!;
      if (this.socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed while waiting: ${JSON.stringify(await this.closed)}`);
      await Promise.race([new Promise<void>((resolve) => this.waiters.add(resolve)), this.closed]);
    }
  }
}

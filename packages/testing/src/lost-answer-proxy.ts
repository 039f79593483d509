import { connect, createServer, type Socket } from 'node:net';

/** A TCP proxy in front of a gRPC server that can lose an answer the server has already given. */
export interface LostAnswerProxy {
  /** Where clients connect instead of the server. */
  address: string;
  /**
   * Arms the proxy: the next bytes the server sends are not forwarded, and the connection is cut instead. Called
   * by the server side just before it answers (a handler, an after-hook), this makes "the work was done, but the
   * answer never arrived": the client sees UNAVAILABLE, as after a network failure.
   */
  loseNextAnswer(): void;
  /** How many answers it lost so far. */
  readonly lost: number;
  close(): Promise<void>;
}

/** Starts a proxy on a free local port forwarding to `target` (host:port). */
export async function startLostAnswerProxy(target: string): Promise<LostAnswerProxy> {
  const separator = target.lastIndexOf(':');
  const host = target.slice(0, separator);
  const port = Number(target.slice(separator + 1));
  const sockets = new Set<Socket>();
  let armed = false;
  let lost = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(port, host);
    track(client);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (!armed) return void client.write(chunk);
      armed = false;
      lost += 1;
      client.destroy();
      upstream.destroy();
    });
  });
  const proxyPort = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    address: `127.0.0.1:${proxyPort}`,
    loseNextAnswer: () => {
      armed = true;
    },
    get lost() {
      return lost;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

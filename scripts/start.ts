// `pnpm start`: the whole shop on one machine without Docker. Uses DATABASE_URL's server when given,
// otherwise an embedded Postgres keeping its data in .data/postgres; one database per service. Uses NATS_URL
// when given, else a NATS already on localhost:4222, else starts nats-server -js with its store in .data/nats.
// Ctrl-C stops every process, then what this script started. The account service makes the first admin
// (ADMIN_EMAIL, by default admin@shop.local) with ADMIN_PASSWORD, or else with a password it makes once and keeps
// in .data/admin-password; the token signing key is kept in .data/account. Once ready, it prints how to sign in.
// SHOP_DATA_DIR moves .data elsewhere; ACCOUNT_GRPC_PORT, CATALOG_GRPC_PORT, ORDER_GRPC_PORT and GATEWAY_PORT
// move the services (the shutdown test runs a second shop beside yours this way).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isServing } from '@shop/grpc-kit';
import { ensureDatabase, startEmbeddedPostgres } from '@shop/local-postgres';
import { isNatsReachable, redactNatsUrl, startLocalNats } from '@shop/nats';
import { localAdmin, localApps, localPorts, type LocalAdmin, type LocalApp } from './local-run/apps.js';
import { startTypeScriptProcess, type RunningChild } from './local-run/child-process.js';
import { takeOverStopSignals } from './local-run/stop-signals.js';

const root = join(import.meta.dirname, '..');
const dataDir = process.env.SHOP_DATA_DIR ? resolve(process.env.SHOP_DATA_DIR) : join(root, '.data');
// This script stops its services first, then Postgres: no library may exit the process on a signal before that.
takeOverStopSignals();
const say = (message: string) => process.stdout.write(`shop    | ${message}\n`);

async function postgresServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    say(`using the Postgres server of DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`);
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  say(`starting the embedded Postgres on port ${port} (data in ${relative(root, join(dataDir, 'postgres'))})`);
  return startEmbeddedPostgres(join(dataDir, 'postgres'), port);
}

async function isReady(app: LocalApp): Promise<boolean> {
  if (app.grpcPort !== undefined) return isServing(`127.0.0.1:${app.grpcPort}`);
  if (app.httpPort !== undefined) {
    const response = await fetch(`http://127.0.0.1:${app.httpPort}/readyz`).catch(() => undefined);
    return response?.status === 200;
  }
  return true;
}

async function natsServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.NATS_URL;
  if (given) {
    say(`using NATS at ${redactNatsUrl(given)}`);
    return { url: given, stop: async () => {} };
  }
  const local = 'nats://127.0.0.1:4222';
  if (await isNatsReachable(local)) {
    say(`using the NATS already listening on ${local}`);
    return { url: local, stop: async () => {} };
  }
  say(`starting nats-server with JetStream on port 4222 (store in ${relative(root, join(dataDir, 'nats'))})`);
  try {
    return await startLocalNats(join(dataDir, 'nats'), 4222);
  } catch (error) {
    // The shop still works without NATS: events wait in each service's outbox until a NATS appears on 4222.
    say(`${(error as Error).message}; continuing without NATS (events wait in the outboxes)`);
    return { url: local, stop: async () => {} };
  }
}

async function waitUntilReady(app: LocalApp, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isReady(app)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** How to sign in as the first admin: the email, and the password unless the user chose it (ADMIN_PASSWORD). */
function adminLine(admin: LocalAdmin): string {
  if (!admin.passwordFile) return `admin: ${admin.email} (password: your ADMIN_PASSWORD)`;
  let password: string;
  try {
    password = readFileSync(admin.passwordFile, 'utf8').trim();
  } catch {
    return `admin: ${admin.email} (its password file ${admin.passwordFile} could not be read)`;
  }
  return `admin: ${admin.email} / ${password}   (kept in ${relative(root, admin.passwordFile)}; pnpm seed signs in with it)`;
}

const started = Date.now();
const admin = localAdmin(process.env, join(dataDir, 'admin-password'));
const ports = localPorts();
const apps = localApps(dataDir, admin, ports);
const children: RunningChild[] = [];
let stopping = false;
// What this script started, filled in as it starts them; stopAll may run before either exists.
const running: { postgres?: { url: string; stop(): Promise<void> }; nats?: { url: string; stop(): Promise<void> } } = {};

/**
 * Stops the services (each gets SIGTERM, and SIGKILL if it has not exited by its grace period plus its margin),
 * then NATS and Postgres if this script started them, then exits. A second Ctrl-C kills what is left at once.
 */
async function stopAll(exitCode: number): Promise<never> {
  if (stopping) {
    say('stopping now');
    for (const child of children) child.process.kill('SIGKILL');
    await running.postgres?.stop();
    process.exit(1);
  }
  stopping = true;
  say('stopping');
  await Promise.all(children.map((child) => child.stop()));
  await running.nats?.stop();
  await running.postgres?.stop();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
process.on('SIGHUP', () => void stopAll(0));
const postgres = (running.postgres = await postgresServer());
const nats = (running.nats = await natsServer());

for (const app of apps) {
  if (stopping) break;
  const databaseUrl = app.database ? await ensureDatabase(postgres.url, app.database) : undefined;
  children.push(
    startTypeScriptProcess(app.name, join(root, app.entry), { ...app.env(databaseUrl), NATS_URL: nats.url }, (code) => {
      if (!stopping) {
        say(`${app.name} exited with code ${code}; stopping the shop`);
        void stopAll(1);
      }
    }),
  );
}

for (const app of apps) {
  if (stopping) break;
  if (!(await waitUntilReady(app, 60_000))) {
    say(`${app.name} did not become ready within 60 s`);
    await stopAll(1);
  }
}
const listening = apps.map((app) => (app.grpcPort ? `${app.name} gRPC :${app.grpcPort}` : `${app.name} HTTP :${app.httpPort}`));
say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${listening.join(', ')})`);
say(`playground: http://localhost:${ports.gateway}/playground   (sample data: pnpm seed)   Ctrl-C stops everything`);
say(adminLine(admin));
say(`metrics: ${(['gateway', 'account', 'catalog', 'order'] as const).map((app) => `${app} http://127.0.0.1:${ports.metrics[app]}/metrics`).join(', ')}`);

// The shop as `pnpm start` runs it, in separate processes, for `pnpm bench`: each service and the gateway as the
// images run them (`node dist/main.js`), on scratch databases and a private nats-server, on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '@shop/free-port';
import { isServing } from '@shop/grpc-kit';
import { startLocalNats, type LocalNats } from '@shop/nats';
import { localAdmin, localApps, type LocalApp, type LocalPorts } from '../../local-run/apps.js';
import { openBenchDatabases, type BenchDatabases } from '../bench-databases.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** One process of the bench's shop. */
export interface BenchProcess {
  name: string;
  pid: number;
  /** Its last lines of output, for a failure report. */
  lastLines(): string[];
}

/** The running shop: where to reach it, its processes, and how to take it all down again. */
export interface BenchShop {
  gatewayUrl: string;
  ports: LocalPorts;
  natsUrl: string;
  /** Each app's database URL (account, catalog, order). */
  databaseUrls: Record<'account' | 'catalog' | 'order', string>;
  admin: { email: string; password: string };
  processes: BenchProcess[];
  /** Starts one more copy of an app (a catalog without its cache, a one-process gateway), on a free port, and waits until it serves. */
  startExtra(name: 'catalog' | 'gateway', env: NodeJS.ProcessEnv): Promise<{ port: number; process: BenchProcess }>;
  stop(): Promise<void>;
}

/** The compiled entry of an app (services/catalog/src/main.ts -> services/catalog/dist/main.js). */
export function compiledEntry(app: Pick<LocalApp, 'entry'>): string {
  return join(root, app.entry.replace('/src/', '/dist/').replace(/\.ts$/, '.js'));
}

/** Starts the shop; throws with the apps' last lines when one does not become ready within 60 s. */
export async function startBenchShop(): Promise<BenchShop> {
  const databases: BenchDatabases = await openBenchDatabases('shop_bench', ['account', 'catalog', 'order']);
  const dataDir = mkdtempSync(join(tmpdir(), 'shop-bench-'));
  let nats: LocalNats | undefined;
  const children: { child: ChildProcess; process: BenchProcess }[] = [];
  const stop = async () => {
    await Promise.all(children.map(({ child }) => stopChild(child)));
    await nats?.stop();
    await databases.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    nats = await startLocalNats(join(dataDir, 'nats'));
    const ports: LocalPorts = {
      account: await freePort(),
      catalog: await freePort(),
      order: await freePort(),
      gateway: await freePort(),
      metrics: { account: await freePort(), catalog: await freePort(), order: await freePort(), gateway: await freePort() },
    };
    const password = randomBytes(12).toString('base64url');
    const admin = localAdmin({ ADMIN_PASSWORD: password });
    const apps = localApps(dataDir, admin, ports);
    const databaseUrls = { account: databases.urls[0]!, catalog: databases.urls[1]!, order: databases.urls[2]! };
    const common = {
      NATS_URL: nats.url,
      ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // BENCH_NODE_OPTIONS: Node flags for every app (--max-semi-space-size=1, say), to measure what they change.
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    };
    const launch = (app: LocalApp, extra: NodeJS.ProcessEnv = {}) => {
      const databaseUrl = app.database ? databaseUrls[app.name as keyof typeof databaseUrls] : undefined;
      const started = startChild(app.name, compiledEntry(app), { ...app.env(databaseUrl), ...common, ...extra });
      children.push(started);
      return started.process;
    };
    for (const app of apps) {
      if (!existsSync(compiledEntry(app))) throw new Error(`${compiledEntry(app)} is missing: run pnpm build first`);
      launch(app);
    }
    for (const app of apps) await waitReady(app.name, app.grpcPort, app.httpPort, children);
    return {
      gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
      ports,
      natsUrl: nats.url,
      databaseUrls,
      admin: { email: admin.email, password },
      processes: children.map(({ process }) => process),
      async startExtra(name, env) {
        const app = apps.find((candidate) => candidate.name === name)!;
        const port = await freePort();
        // A port of its own for everything it listens on: the first copy holds the others (/metrics included).
        const process = launch(app, { ...env, [name === 'catalog' ? 'CATALOG_GRPC_PORT' : 'GATEWAY_PORT']: String(port), METRICS_PORT: String(await freePort()) });
        await waitReady(`${name} (extra)`, name === 'catalog' ? port : undefined, name === 'gateway' ? port : undefined, children);
        return { port, process };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** BENCH_CPU_PROF=<dir>: every app writes a V8 CPU profile there when it stops (pnpm profile:summary reads one). */
const profileArgs = (name: string) => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`] : []);

function startChild(name: string, entry: string, env: NodeJS.ProcessEnv): { child: ChildProcess; process: BenchProcess } {
  const child = spawn(process.execPath, [...profileArgs(name), entry], { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  // BENCH_LOGS=<dir>: every app's whole log goes to <dir>/<app>-<pid>.log as well (the bench runs them at LOG_LEVEL=warn).
  const file = process.env.BENCH_LOGS ? createWriteStream(join(process.env.BENCH_LOGS, `${name}-${child.pid}.log`)) : undefined;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      file?.write(`${line}\n`);
      lines.push(line);
      if (lines.length > 50) lines.shift();
    });
  }
  child.once('exit', () => file?.end());
  return { child, process: { name, pid: child.pid!, lastLines: () => [...lines] } };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitReady(name: string, grpcPort: number | undefined, httpPort: number | undefined, children: { child: ChildProcess; process: BenchProcess }[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const dead = children.find(({ child }) => child.exitCode !== null);
    if (dead) throw new Error(`${dead.process.name} exited with code ${dead.child.exitCode}:\n${dead.process.lastLines().join('\n')}`);
    if (grpcPort !== undefined && (await isServing(`127.0.0.1:${grpcPort}`))) return;
    if (httpPort !== undefined && (await fetch(`http://127.0.0.1:${httpPort}/readyz`).catch(() => undefined))?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready within 60 s:\n${children.map(({ process }) => `${process.name}: ${process.lastLines().slice(-5).join('\n')}`).join('\n')}`);
}

import { afterAll, beforeAll } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@shop/free-port';
import { startLocalNats, type LocalNats } from '@shop/nats';

/** The repository's root, where `pnpm start` runs. */
export const repositoryRoot = join(import.meta.dirname, '..', '..');

/**
 * The environment of a second shop for a test: its own data directory and NATS, and free ports for everything
 * (gRPC, HTTP, /metrics, the embedded Postgres), so a shop the developer is running is never touched.
 */
export async function shopTestEnv(dataDir: string, natsUrl: string, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const port = async () => String(await freePort());
  return {
    ...inherited,
    SHOP_DATA_DIR: dataDir,
    NATS_URL: natsUrl,
    EMBEDDED_POSTGRES_PORT: await port(),
    ACCOUNT_GRPC_PORT: await port(),
    CATALOG_GRPC_PORT: await port(),
    ORDER_GRPC_PORT: await port(),
    GATEWAY_PORT: await port(),
    ACCOUNT_METRICS_PORT: await port(),
    CATALOG_METRICS_PORT: await port(),
    ORDER_METRICS_PORT: await port(),
    GATEWAY_METRICS_PORT: await port(),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** A started `pnpm start`, and what it printed so far. */
export interface ShopUnderTest {
  child: ChildProcess;
  output(): string;
}

/** Starts `pnpm start`'s script as a user's terminal would (the leader of a process group of its own) and waits until it is ready. */
export async function startShop(env: NodeJS.ProcessEnv): Promise<ShopUnderTest> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=shop-src', 'scripts/start.ts'], { cwd: repositoryRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('shop    | ready in')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pnpm start did not get ready:\n${output.slice(-3_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}

/** What a test file gets from shopForTests: the environment and the running shop, set once beforeAll ran. */
export interface ShopForTests {
  readonly env: NodeJS.ProcessEnv;
  readonly shop: ShopUnderTest;
}

/**
 * Registers the beforeAll/afterAll of a test (file or describe) that runs its own `pnpm start`: a data directory
 * and a nats-server of its own, started as a user would and stopped as Ctrl-C does. `natsUrl` may rewrite the NATS
 * URL the apps get; `extraEnv` adds variables (called once NATS runs).
 */
export function shopForTests(label: string, options: { natsUrl?: (url: string) => string; extraEnv?: () => NodeJS.ProcessEnv | Promise<NodeJS.ProcessEnv> } = {}): ShopForTests {
  let dataDir: string | undefined;
  let natsStore: string | undefined;
  let nats: LocalNats | undefined;
  let env: NodeJS.ProcessEnv | undefined;
  let shop: ShopUnderTest | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `shop-${label}-`));
    chmodSync(dataDir, 0o755); // as root, the embedded Postgres runs as the postgres user, which must reach it
    natsStore = mkdtempSync(join(tmpdir(), `shop-${label}-nats-`));
    nats = await startLocalNats(natsStore);
    env = await shopTestEnv(dataDir, options.natsUrl?.(nats.url) ?? nats.url, (await options.extraEnv?.()) ?? {});
    shop = await startShop(env);
  }, 180_000);
  afterAll(async () => {
    if (shop) {
      const { child } = shop;
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      process.kill(-child.pid!, 'SIGINT');
      await exited;
    }
    await nats?.stop();
    for (const dir of [dataDir, natsStore]) if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return {
    get env() {
      return env!;
    },
    get shop() {
      return shop!;
    },
  };
}

/** A GraphQL answer as the tests read it. */
export type GraphqlAnswer = { data?: Record<string, unknown>; errors?: { message: string }[] };

/** The answer's top field, as the query asked for it. */
export const answerField = <T>(answer: GraphqlAnswer, name: string): T => answer.data?.[name] as T;

/** POSTs a query to the shop's gateway, with a bearer token when given. */
export async function gatewayGraphql(env: NodeJS.ProcessEnv, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphqlAnswer> {
  const response = await fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@shop/free-port';

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

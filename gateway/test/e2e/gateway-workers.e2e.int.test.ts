import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@shop/free-port';
import { waitFor } from '@shop/testing';
import { startShop, type ShopHarness } from './shop-harness.js';

// The gateway as main.ts runs it with GATEWAY_WORKERS=2: a primary and two workers sharing the port. Started in a
// process group of its own, so the test can press Ctrl-C (SIGINT to the whole group) as a user does.

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
let shop: ShopHarness;
const started: ChildProcess[] = [];
beforeAll(async () => {
  shop = await startShop('e2e_workers', { events: true });
  for (const name of ['Ash', 'Birch', 'Cedar', 'Damson', 'Elm', 'Fir']) {
    await shop.admin('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { name: `${name} board`, description: 'Wood.', price: { amount: '30.00', currencyCode: 'EUR' }, stock: 3 },
    });
  }
}, 120_000);
afterAll(async () => {
  // A test that failed half-way may leave its gateway running: end its whole group.
  for (const primary of started) {
    try {
      process.kill(-primary.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await shop?.stop();
});

interface RunningGateway {
  primary: ChildProcess;
  /** Every line the primary and its workers logged, shown when an expectation fails. */
  lines: string[];
  url: string;
  workerPids: number[];
  exited: Promise<number | null>;
}

async function startGateway(): Promise<RunningGateway> {
  const port = await freePort();
  const primary = spawn(process.execPath, ['--import', 'tsx', '--conditions=shop-src', MAIN], {
    env: { ...process.env, ...shop.addresses, GATEWAY_PORT: String(port), NATS_URL: shop.natsUrl, GATEWAY_WORKERS: '2', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  started.push(primary);
  const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
  let listening = 0;
  let buffered = '';
  const lines: string[] = [];
  primary.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop()!;
    for (const line of complete) {
      lines.push(line);
      if (line.includes('"msg":"gateway listening"')) listening += 1;
    }
  });
  await waitFor('both workers to listen', () => listening === 2, 60_000);
  return { primary, lines, url: `http://127.0.0.1:${port}`, workerPids: workersOf(primary.pid!), exited };
}

/** The gateway processes the primary forked (not tsx's esbuild helper, also its child). */
function workersOf(primaryPid: number): number[] {
  const table = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primaryPid)], { encoding: 'utf8' });
  return table
    .split('\n')
    .filter((row) => row.includes('main.ts'))
    .map((row) => Number(row.trim().split(/\s+/)[0]));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A GraphQL request on a connection of its own, so successive requests go to either worker. */
async function freshRequest(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: { products: { edges: { node: { name: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }; errors?: unknown[] };
}

describe('the gateway with two workers', () => {
  it('serves from two processes whose cursors verify in each other, and stops on Ctrl-C with every process gone', async () => {
    const gateway = await startGateway();
    expect(new Set(gateway.workerPids).size).toBe(2);
    // Page through the products one at a time, each page on a new connection: the pages alternate between the
    // workers, and each cursor was signed by whichever answered the page before.
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const answer = await freshRequest(gateway.url, 'query ($after: String) { products(first: 1, after: $after) { edges { node { name } } pageInfo { endCursor hasNextPage } } }', { after });
      expect(answer.errors).toBeUndefined();
      names.push(...answer.data!.products.edges.map((edge) => edge.node.name));
      if (!answer.data!.products.pageInfo.hasNextPage) break;
      after = answer.data!.products.pageInfo.endCursor;
    }
    expect(names).toHaveLength(6);

    process.kill(-gateway.primary.pid!, 'SIGINT');
    // With the log, so a failure says which process did not stop cleanly, and why.
    expect({ code: await gateway.exited, log: gateway.lines.slice(-20) }).toMatchObject({ code: 0 });
    await waitFor('the workers to be gone', () => gateway.workerPids.every((pid) => !alive(pid)));
  });

  it('stops its workers when the primary is killed, so none is left holding the port', async () => {
    const gateway = await startGateway();
    gateway.primary.kill('SIGKILL');
    await gateway.exited;
    await waitFor('the orphaned workers to exit', () => gateway.workerPids.every((pid) => !alive(pid)), 15_000);
  });
});

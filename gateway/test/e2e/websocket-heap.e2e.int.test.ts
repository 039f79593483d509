import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@shop/testing';
import type { GatewayProcessMessage, GatewayProcessRequest } from './gateway-process.js';
import { RawGraphqlWs } from './raw-graphql-ws.js';
import { startShop, type ShopHarness } from './shop-harness.js';

// 10,000 subscribe/unsubscribe cycles, half ending with a socket dropped without a close frame, must leave the
// gateway's heap within 10% of where it started (after a warm-up) and its order-status feed holding nothing.
// The gateway runs in a process of its own started with --expose-gc (gateway-process.ts), so the heap measured
// is the gateway's alone, after full collections. Heap is a size, not a speed: asserting it is safe on any machine.
//
// WS_HEAP_CYCLES sets the count (10,000 for the figure the issue asks for); CI runs 2,000, which takes about
// a fifth of the time and still makes a leak of one subscription's worth per cycle (kilobytes: a context, its
// loaders, an iterator, a socket's protocol state) show as megabytes, well past the 10% margin.

const CYCLES = Number(process.env.WS_HEAP_CYCLES ?? 2_000);
const WARM_UP = Math.min(1_000, CYCLES);
/** Sockets opened at once; each carries one cycle. */
const BATCH = 50;
const WATCH = 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { id status total { amount } } }';

let shop: ShopHarness;
let gateway: ChildProcess;
let url: string;
const orders: string[] = [];
let pending: ((message: GatewayProcessMessage) => void) | undefined;

beforeAll(async () => {
  shop = await startShop('e2e_ws_heap', { events: true });
  const accountId = (await shop.admin<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Heap", email: "heap@example.com" }) { id } }')).data!.createAccount.id;
  const product = await shop.admin<{ createProduct: { id: string } }>('mutation { createProduct(input: { name: "Heap kettle", description: "", price: { amount: "5.00", currencyCode: "USD" }, stock: 1000 }) { id } }');
  for (let index = 0; index < 4; index += 1) {
    const created = await shop.admin<{ createOrder: { id: string } }>('mutation ($a: ID!, $p: ID!) { createOrder(input: { accountId: $a, items: [{ productId: $p, quantity: 1 }] }) { id } }', { a: accountId, p: product.data!.createProduct.id });
    orders.push(created.data!.createOrder.id);
  }
  const admin = { authorization: `Bearer ${shop.adminToken}` };
  await waitFor('the orders to be CONFIRMED', async () => (await shop.clients.orders.getMany(orders, admin)).every((order) => order.status === 'CONFIRMED'));
  gateway = fork(fileURLToPath(new URL('./gateway-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--conditions=shop-src', '--expose-gc'],
    env: { ...process.env, ...shop.addresses, GATEWAY_PORT: '0', NATS_URL: shop.natsUrl, LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '1000' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  gateway.on('message', (message: GatewayProcessMessage) => pending?.(message));
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`the gateway process sent ${JSON.stringify(ready)}`);
  url = `http://127.0.0.1:${ready.port}`;
}, 120_000);
afterAll(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.send({ type: 'stop' } satisfies GatewayProcessRequest);
    await exited;
  }
  await shop?.stop();
});

function next(): Promise<GatewayProcessMessage> {
  return new Promise((resolve) => (pending = resolve));
}

async function stats(gc = false): Promise<Extract<GatewayProcessMessage, { type: 'stats' }>> {
  const answer = next();
  gateway.send({ type: 'stats', gc } satisfies GatewayProcessRequest);
  const message = await answer;
  if (message.type !== 'stats') throw new Error(`expected stats, got ${JSON.stringify(message)}`);
  return message;
}

/**
 * Runs `count` cycles, BATCH at a time: each opens a socket, subscribes, waits until the gateway holds every
 * subscription of the batch past its existence check, then ends it. Even cycles complete their subscription
 * and close the socket; odd ones drop the TCP connection without a close frame. Each batch ends once the
 * gateway's feed holds nothing again.
 */
async function runCycles(count: number): Promise<void> {
  for (let done = 0; done < count; done += BATCH) {
    const size = Math.min(BATCH, count - done);
    const sockets = await Promise.all(Array.from({ length: size }, () => RawGraphqlWs.open(url, { token: shop.adminToken })));
    sockets.forEach((socket, index) => socket.subscribe('w', WATCH, { id: orders[(done + index) % orders.length] }));
    await waitFor('the batch to be subscribed', async () => (await stats()).feed.activeWatchers === size, 60_000, 5);
    sockets.forEach((socket, index) => {
      if ((done + index) % 2 === 1) return socket.terminate();
      socket.complete('w');
      void socket.close();
    });
    await Promise.all(sockets.map((socket) => socket.closed));
    await waitFor('the batch to be freed', async () => {
      const { feed } = await stats();
      return feed.watchers === 0 && feed.listeners === 0 && feed.orders === 0;
    }, 60_000, 5);
  }
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

describe("the gateway's heap under subscribe/unsubscribe cycles", () => {
  it(`stays within 10% after ${CYCLES} cycles, half ending with a dropped socket, and the feed holds nothing`, async () => {
    await runCycles(WARM_UP);
    const before = (await stats(true)).heapUsed;
    const started = Date.now();
    await runCycles(CYCLES);
    const seconds = (Date.now() - started) / 1000;
    const after = await stats(true);
    const growth = (after.heapUsed - before) / before;
    process.stdout.write(
      `websocket heap: ${megabytes(before)} MB after ${WARM_UP} warm-up cycles, ${megabytes(after.heapUsed)} MB after ${CYCLES} more ` +
        `(${(growth * 100).toFixed(1)}%; ${CYCLES / 2} ended by a dropped socket; ${seconds.toFixed(1)} s); feed: ${JSON.stringify(after.feed)}\n`,
    );
    expect(after.feed).toMatchObject({ listeners: 0, orders: 0, watchers: 0, activeWatchers: 0 });
    expect(after.heapUsed).toBeLessThanOrEqual(before * 1.1);
  }, 900_000);
});

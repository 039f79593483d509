import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { waitFor } from '@shop/testing';
import type { OrderStatusFeed } from '../../src/events/order-status-feed.js';
import { registerCustomer } from './access-support.js';
import { OrderReadGate, startExtraGateway, type ExtraGateway } from './extra-gateway.js';
import { RawGraphqlWs, type WsError } from './raw-graphql-ws.js';
import { graphql, startShop, type ShopHarness } from './shop-harness.js';

// API.md's "WebSocket" bullet through the public API: the Origin check, only subscriptions, the size and count
// limits, errors per operation id, everything freed on complete, close, a dropped socket and a silent one; and
// the order-status feed: one read per change for any number of watchers, revoked watchers ended, no change
// missed between a subscription's check and its first event. A second gateway over the same services has
// the settings and hooks some cases need.

const WATCH = 'subscription ($id: ID!) { orderStatusChanged(orderId: $id) { id status } }';
const UNKNOWN_ORDER = '0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f';

let shop: ShopHarness;
let extra: ExtraGateway;
const gate = new OrderReadGate();
let accountId: string;
let productId: string;

beforeAll(async () => {
  shop = await startShop('e2e_ws', { events: true });
  extra = await startExtraGateway(shop, { config: { CORS_ORIGINS: ['https://admin.shop.example'], WS_KEEPALIVE_MS: 200, WS_CONNECTION_INIT_TIMEOUT_MS: 300 }, orders: (orders) => gate.wrap(orders), revocations: false });
  await shop.orderFeed!.listening;
  accountId = (await shop.admin<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Socket", email: "socket@example.com" }) { id } }')).data!.createAccount.id;
  const product = await shop.admin<{ createProduct: { id: string } }>('mutation { createProduct(input: { name: "Socket kettle", description: "", price: { amount: "5.00", currencyCode: "USD" }, stock: 100000 }) { id } }');
  productId = product.data!.createProduct.id;
});
afterAll(async () => {
  await extra?.stop();
  await shop?.stop();
});

const adminCall = () => ({ authorization: `Bearer ${shop.adminToken}` });
const feed = (): OrderStatusFeed => shop.orderFeed!;
const reads = () => shop.counts.get('order.getMany') ?? 0;
const codesOf = (errors: WsError[]) => errors.map((error) => [error.extensions?.code, error.extensions?.errorCode]);

/** An order the saga has confirmed, so nothing changes it until the test does. */
async function confirmedOrder(forAccount = accountId): Promise<string> {
  const created = await shop.admin<{ createOrder: { id: string } }>('mutation ($a: ID!, $p: ID!) { createOrder(input: { accountId: $a, items: [{ productId: $p, quantity: 1 }] }) { id } }', { a: forAccount, p: productId });
  const id = created.data!.createOrder.id;
  await waitFor('the order to be CONFIRMED', async () => (await shop.clients.orders.get(id, adminCall())).status === 'CONFIRMED');
  return id;
}

async function untilActive(of: OrderStatusFeed, count: number): Promise<void> {
  await waitFor(`${count} active subscriptions`, () => of.stats().activeWatchers === count);
}

async function untilFreed(of: OrderStatusFeed): Promise<void> {
  await waitFor('every subscription freed', () => {
    const stats = of.stats();
    return stats.watchers === 0 && stats.orders === 0 && stats.listeners === 0;
  });
}

/** The status line a raw HTTP upgrade request for `target` gets. */
async function upgradeStatusLine(port: number, target: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`);
  let answer = '';
  for await (const chunk of socket) {
    answer += String(chunk);
    if (answer.includes('\r\n')) break;
  }
  socket.destroy();
  return answer.split('\r\n')[0]!;
}

describe('the WebSocket handshake', () => {
  it('refuses a browser Origin of another site, or an opaque one, with HTTP 403', async () => {
    expect(await RawGraphqlWs.handshakeStatus(shop.url, 'https://evil.example')).toBe(403);
    expect(await RawGraphqlWs.handshakeStatus(shop.url, 'http://127.0.0.1:1')).toBe(403);
    expect(await RawGraphqlWs.handshakeStatus(shop.url, 'null')).toBe(403);
  });

  it("lets the gateway's own origin and a client without Origin through", async () => {
    expect(await RawGraphqlWs.handshakeStatus(shop.url, shop.url)).toBe(101);
    expect(await RawGraphqlWs.handshakeStatus(shop.url)).toBe(101);
  });

  it('lets an origin listed in CORS_ORIGINS through, and no other', async () => {
    expect(await RawGraphqlWs.handshakeStatus(extra.url, 'https://admin.shop.example')).toBe(101);
    expect(await RawGraphqlWs.handshakeStatus(extra.url, 'https://shop.example')).toBe(403);
    expect(await RawGraphqlWs.handshakeStatus(shop.url, 'https://admin.shop.example')).toBe(403);
  });

  it('closes a socket that sends no connection_init within WS_CONNECTION_INIT_TIMEOUT_MS with 4408', async () => {
    const socket = new WebSocket(`${extra.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(4408);
  });

  it('answers 404 for another path and 400 for a target that is not a path', async () => {
    expect(await RawGraphqlWs.handshakeStatus(shop.url, undefined, '/elsewhere')).toBe(404);
    expect(await upgradeStatusLine(Number(new URL(shop.url).port), '//[')).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('operations on the socket', () => {
  it('answers a query or a mutation with an error for its id, runs nothing, and keeps the socket open', async () => {
    const socket = await RawGraphqlWs.open(shop.url, { token: shop.adminToken });
    const callsBefore = [...shop.counts.values()].reduce((sum, count) => sum + count, 0);
    socket.subscribe('q', '{ products(first: 1) { edges { node { id } } } }');
    expect(codesOf(await socket.errorsOf('q'))).toEqual([['BAD_REQUEST', 'GATEWAY.SUBSCRIPTIONS_ONLY']]);
    socket.subscribe('m', 'mutation { createProduct(input: { name: "Over the socket", description: "", price: { amount: "1.00", currencyCode: "USD" }, stock: 1 }) { id } }');
    expect(codesOf(await socket.errorsOf('m'))).toEqual([['BAD_REQUEST', 'GATEWAY.SUBSCRIPTIONS_ONLY']]);
    expect([...shop.counts.values()].reduce((sum, count) => sum + count, 0)).toBe(callsBefore);
    // The same socket still runs a subscription: this one is refused by its resolver, after the checks.
    socket.subscribe('s', WATCH, { id: UNKNOWN_ORDER });
    const answer = await socket.next('s');
    expect((answer.payload as { errors: WsError[] }).errors[0]!.extensions?.code).toBe('NOT_FOUND');
    expect(socket.isOpen).toBe(true);
    await socket.close();
  });

  it('answers a syntax error and an invalid document with an error for its id, keeping the socket open', async () => {
    const socket = await RawGraphqlWs.open(shop.url, { token: shop.adminToken });
    socket.subscribe('syntax', 'subscription { orderStatusChanged(orderId: ');
    expect(codesOf(await socket.errorsOf('syntax'))).toEqual([['GRAPHQL_PARSE_FAILED', undefined]]);
    socket.subscribe('invalid', 'subscription { noSuchField }');
    expect(codesOf(await socket.errorsOf('invalid'))).toEqual([['GRAPHQL_VALIDATION_FAILED', undefined]]);
    socket.subscribe('deep', `subscription { orderStatusChanged(orderId: "${UNKNOWN_ORDER}") { ${'account { orders(first: 1) { edges { node { '.repeat(4)} id ${'} } } }'.repeat(4)} } }`);
    expect(codesOf(await socket.errorsOf('deep'))).toEqual([['GRAPHQL_VALIDATION_FAILED', undefined]]);
    socket.subscribe('s', WATCH, { id: UNKNOWN_ORDER });
    expect((await socket.next('s')).type).toBe('next');
    expect(socket.isOpen).toBe(true);
    await socket.close();
  });

  it('refuses the 101st subscription of a socket for its id alone, and takes another once one completes', async () => {
    const order = await confirmedOrder();
    const socket = await RawGraphqlWs.open(shop.url, { token: shop.adminToken });
    for (let index = 0; index < 100; index += 1) socket.subscribe(`s${index}`, WATCH, { id: order });
    await untilActive(feed(), 100);
    socket.subscribe('s100', WATCH, { id: order });
    expect(codesOf(await socket.errorsOf('s100'))).toEqual([['BAD_REQUEST', 'GATEWAY.TOO_MANY_SUBSCRIPTIONS']]);
    expect(feed().stats().activeWatchers).toBe(100);
    socket.complete('s0');
    await untilActive(feed(), 99);
    socket.subscribe('again', WATCH, { id: order });
    await untilActive(feed(), 100);
    await socket.close();
    await untilFreed(feed());
  });

  it('closes the socket with 1009 for a message over 64 KB, and answers one of exactly 64 KB', async () => {
    const message = (size: number) => {
      const base = JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: `subscription { orderStatusChanged(orderId: "${UNKNOWN_ORDER}") { id } } #` } });
      return base.replace('#', `#${'x'.repeat(size - base.length)}`);
    };
    const socket = await RawGraphqlWs.open(shop.url, { token: shop.adminToken });
    socket.send(message(64 * 1024));
    expect((await socket.next('big')).type).toBe('next');
    socket.send(message(64 * 1024 + 1));
    expect((await socket.closed).code).toBe(1009);
  });
});

describe('freeing what a subscription holds', () => {
  it.each([
    ['the client completes it', (socket: RawGraphqlWs) => socket.complete('w')],
    ['the socket closes', (socket: RawGraphqlWs) => void socket.close()],
    ['the socket is dropped without a close frame', (socket: RawGraphqlWs) => socket.terminate()],
  ])('frees everything when %s', async (_case, end) => {
    const order = await confirmedOrder();
    const socket = await RawGraphqlWs.open(shop.url, { token: shop.adminToken });
    socket.subscribe('w', WATCH, { id: order });
    await untilActive(feed(), 1);
    expect(feed().stats()).toMatchObject({ listeners: 1, orders: 1, watchers: 1 });
    end(socket);
    await untilFreed(feed());
    if (socket.isOpen) await socket.close();
  });

  it('frees a subscription whose socket is dropped while its existence check runs', async () => {
    const order = await confirmedOrder();
    const socket = await RawGraphqlWs.open(extra.url, { token: shop.adminToken });
    const held = gate.holdNext();
    socket.subscribe('w', WATCH, { id: order });
    await held.reached;
    expect(extra.feed.stats()).toMatchObject({ watchers: 1, activeWatchers: 0, listeners: 1 });
    socket.terminate();
    await socket.closed;
    // Let the gateway see the socket go before the check answers (the subscription then arrives unwanted).
    await sleep(100);
    held.release();
    await untilFreed(extra.feed);
  });

  it('drops a socket that stops answering pings (WS_KEEPALIVE_MS), freeing its subscriptions', async () => {
    const order = await confirmedOrder();
    const socket = await RawGraphqlWs.open(extra.url, { token: shop.adminToken, autoPong: false });
    socket.subscribe('w', WATCH, { id: order });
    await untilActive(extra.feed, 1);
    expect((await socket.closed).code).toBe(1006);
    await untilFreed(extra.feed);
  });
});

describe('the order-status feed', () => {
  it('reads an order once per status change, however many watch it (20 subscribers)', async () => {
    const owner = await registerCustomer(shop, 'Watched');
    const order = await confirmedOrder(owner.accountId);
    const sockets = await Promise.all(Array.from({ length: 20 }, (_, index) => RawGraphqlWs.open(shop.url, { token: index % 2 === 0 ? owner.token : shop.adminToken })));
    for (const socket of sockets) socket.subscribe('w', WATCH, { id: order });
    await untilActive(feed(), 20);
    let events = 0;
    const stopCounting = feed().listen(order, () => (events += 1));
    const before = reads();
    await shop.clients.orders.cancel(order, adminCall());
    const pushed = await Promise.all(sockets.map(async (socket) => ((await socket.next('w')).payload as { data: { orderStatusChanged: { status: string } } }).data.orderStatusChanged.status));
    stopCounting();
    const read = reads() - before;
    process.stdout.write(`20 subscribers, ${events} order event(s): ${read} order read(s)\n`);
    expect(pushed).toEqual(Array.from({ length: 20 }, () => 'CANCELLED'));
    expect(events).toBeGreaterThanOrEqual(1);
    expect(read).toBe(events);
    await Promise.all(sockets.map((socket) => socket.close()));
    await untilFreed(feed());
  });

  it('ends the subscription of a watcher whose token was revoked, and pushes to the others with one read', async () => {
    const owner = await registerCustomer(shop, 'Revoked');
    const order = await confirmedOrder(owner.accountId);
    const ownerSocket = await RawGraphqlWs.open(shop.url, { token: owner.token });
    const adminSocket = await RawGraphqlWs.open(shop.url, { token: shop.adminToken });
    ownerSocket.subscribe('w', WATCH, { id: order });
    adminSocket.subscribe('w', WATCH, { id: order });
    await untilActive(feed(), 2);
    await changePassword(owner.token, owner.password);
    await waitFor('the gateway to refuse the old token', () => shop.gatewayAuthentication.verifier.authenticate(`Bearer ${owner.token}`).then(() => false, () => true));
    const before = reads();
    await shop.clients.orders.cancel(order, adminCall());
    expect(codesOf(await ownerSocket.errorsOf('w'))).toEqual([['UNAUTHENTICATED', 'AUTH.TOKEN_REVOKED']]);
    expect(((await adminSocket.next('w')).payload as { data: { orderStatusChanged: { status: string } } }).data.orderStatusChanged.status).toBe('CANCELLED');
    expect(reads() - before).toBe(1);
    await Promise.all([ownerSocket.close(), adminSocket.close()]);
    await untilFreed(feed());
  });

  it('ends a watcher whose read the order service refuses as UNAUTHENTICATED, then reads for the next watcher', async () => {
    const owner = await registerCustomer(shop, 'Refused');
    const order = await confirmedOrder(owner.accountId);
    // The extra gateway hears of no revocation, so only the order service refuses the owner's token.
    const ownerSocket = await RawGraphqlWs.open(extra.url, { token: owner.token });
    ownerSocket.subscribe('w', WATCH, { id: order });
    await untilActive(extra.feed, 1);
    const adminSocket = await RawGraphqlWs.open(extra.url, { token: shop.adminToken });
    adminSocket.subscribe('w', WATCH, { id: order });
    await untilActive(extra.feed, 2);
    await changePassword(owner.token, owner.password);
    const refusedByOrder = () => shop.clients.orders.getMany([order], { authorization: `Bearer ${owner.token}` }).then(() => false, (error: { kind?: string }) => error.kind === 'UNAUTHENTICATED');
    await waitFor('the order service to refuse the old token', refusedByOrder);
    await extra.authentication.verifier.authenticate(`Bearer ${owner.token}`);
    const before = gate.reads;
    await shop.clients.orders.cancel(order, adminCall());
    expect(codesOf(await ownerSocket.errorsOf('w'))[0]?.[0]).toBe('UNAUTHENTICATED');
    expect(((await adminSocket.next('w')).payload as { data: { orderStatusChanged: { status: string } } }).data.orderStatusChanged.status).toBe('CANCELLED');
    // One read refused on behalf of the owner, one made for the admin.
    expect(gate.reads - before).toBe(2);
    await Promise.all([ownerSocket.close(), adminSocket.close()]);
    await untilFreed(extra.feed);
  });

  it('does not miss a change made between the existence check and the first event', async () => {
    const order = await confirmedOrder();
    const socket = await RawGraphqlWs.open(extra.url, { token: shop.adminToken });
    const held = gate.holdNext();
    socket.subscribe('w', WATCH, { id: order });
    await held.reached;
    // The check is under way (held); the order changes, and the gateway hears of it, before the check answers.
    const heard = new Promise<void>((resolve) => {
      const stop = extra.feed.listen(order, () => {
        stop();
        resolve();
      });
    });
    await shop.clients.orders.cancel(order, adminCall());
    await heard;
    held.release();
    const first = await socket.next('w');
    expect((first.payload as { data: { orderStatusChanged: { status: string } } }).data.orderStatusChanged.status).toBe('CANCELLED');
    await socket.close();
    await untilFreed(extra.feed);
  });
});

async function changePassword(token: string, current: string): Promise<void> {
  const answer = await graphql(shop.url, 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }', { c: current, n: `${current}-new` }, token);
  if (answer.errors) throw new Error(`changePassword failed: ${JSON.stringify(answer.errors)}`);
}

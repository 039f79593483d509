import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@shop/logger';
import { connectNats, ensureStream, isNatsReachable, type NatsConnection } from '@shop/nats';
// The root package depends on none of these: they are imported by path, as the relay bench does, so the test
// runs the very functions the services run, each importing what it needs as its package declares it.
import { ensureDurableConsumer } from '../../packages/event-consumer/src/durable-consumer.js';
import { partitionFilter } from '../../packages/event-consumer/src/subject-filter.js';
import { encodeEnvelope, EVENT_PARTITIONS, streamOf } from '../../packages/events/src/index.js';
import { DenyList } from '../../packages/identity/src/deny-list.js';
import { startRevocationFeed } from '../../packages/identity/src/revocation-feed.js';
import { OrderStatusFeed } from '../../gateway/src/events/order-status-feed.js';
import { ORDER_EVENTS_CONSUMER } from '../../services/catalog/src/events/order-events-consumer.js';
import { SEARCH_PROJECTION_CONSUMER } from '../../services/catalog/src/events/search-projection.js';
import { STOCK_OUTCOME_CONSUMER } from '../../services/order/src/events/stock-outcome-consumer.js';
import { startConfiguredNats, type ConfiguredNats } from './configured-nats.js';

// deploy/nats/nats-server.conf on a private nats-server (free ports, its own store): each process of the shop
// connects as its own user, with the credentials in its URL as the containers' NATS_URL has them, can do what
// its code does over NATS, and is refused the rest.

const CONFIG_FILE = join(import.meta.dirname, '..', '..', 'deploy', 'nats', 'nats-server.conf');
const USERS = ['account', 'catalog', 'order', 'gateway'] as const;
type User = (typeof USERS)[number];
const password = (user: User) => `${user}-test-password`;
const logger = createLogger('nats-permissions-test', 'silent');

let server: ConfiguredNats;
let storeDir: string;
const connections = new Map<User, NatsConnection>();
const as = (user: User) => connections.get(user)!;

/** An event envelope as the outbox relay publishes it. */
function envelope(aggregateType: string, aggregateId: string = randomUUID()): Uint8Array {
  return encodeEnvelope({
    eventId: randomUUID(),
    eventType: `shop.test.v1.${aggregateType}Happened`,
    aggregateType,
    aggregateId,
    aggregateVersion: 1,
    occurredAt: new Date(),
    traceparent: '',
    tracestate: '',
    payload: new Uint8Array(),
    actor: null,
  });
}

/** A JetStream publish, as the relay's js.publish sends it: a request answered by the stream's ack. */
async function publishEvent(user: User, subject: string, aggregateId?: string): Promise<{ stream: string; seq: number }> {
  const reply = await as(user).request(subject, envelope(subject.split('.')[2]!, aggregateId), { timeout: 5_000 });
  return JSON.parse(reply.string()) as { stream: string; seq: number };
}

/** Runs `work` and expects the server to have refused nothing meanwhile. */
async function withoutRefusals(work: () => Promise<void>): Promise<void> {
  const before = server.violations().length;
  await work();
  // The server logs a refusal as it happens; give its log line a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(server.violations().slice(before)).toEqual([]);
}

/** The server's refusal lines containing `text`, once there are `count` of them (its log may trail the client by a moment). */
async function logged(text: string, count = 1): Promise<string[]> {
  const matching = () => server.violations().filter((line) => line.includes(text));
  for (let waited = 0; matching().length < count && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return matching();
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms).unref())]);
}

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'shop-nats-permissions-'));
  const env = Object.fromEntries(USERS.map((user) => [`NATS_${user.toUpperCase()}_PASSWORD`, password(user)]));
  server = await startConfiguredNats({ configFile: CONFIG_FILE, env, storeDir });
  for (const user of USERS) {
    const connection = await connectNats(server.url(user, password(user)), `${user}-permissions-test`).catch((error: Error) => {
      // The containers' NATS_URL carries each user's password (nats://catalog:...@nats:4222), which nats.js ignores in
      // a URL: connectNats must hand it over as options.
      throw new Error(`connectNats refused as ${user} with the password in its URL (${error.message}): it must pass a URL's user and password to nats.js`);
    });
    connections.set(user, connection);
  }
  // The streams exist before anyone reads them, as they do once each relay has started.
  for (const service of ['account', 'catalog', 'order'] as const) await ensureStream(as(service), streamOf(service));
});

afterAll(async () => {
  for (const connection of connections.values()) await connection.close();
  await server?.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('deploy/nats/nats-server.conf', () => {
  it('lets each service create and update its own stream and publish its events there, as the outbox relay does', async () => {
    await withoutRefusals(async () => {
      for (const service of ['account', 'catalog', 'order'] as const) {
        await ensureStream(as(service), streamOf(service));
        expect(await publishEvent(service, `shop.${service}.thing.happened`)).toMatchObject({ stream: `SHOP_${service.toUpperCase()}` });
      }
    });
  });

  it('lets catalog and order run their durable consumers: create, update, fetch, in progress, ack, nak and terminate', async () => {
    // The stock sagas take each partition through a durable of its own (<name>-<n>); the projection takes the stream.
    const partitions = Array.from({ length: EVENT_PARTITIONS }, (_, n) => n);
    const durables: { user: User; stream: 'order' | 'catalog'; durable: string; subject: string; partition: number | undefined }[] = [
      ...partitions.map((n) => ({ user: 'catalog' as const, stream: 'order' as const, durable: `${ORDER_EVENTS_CONSUMER}-${n}`, subject: 'shop.order.order.created', partition: n })),
      { user: 'catalog', stream: 'catalog', durable: SEARCH_PROJECTION_CONSUMER, subject: 'shop.catalog.product.created', partition: undefined },
      ...partitions.map((n) => ({ user: 'order' as const, stream: 'catalog' as const, durable: `${STOCK_OUTCOME_CONSUMER}-${n}`, subject: 'shop.catalog.stock_reservation.reserved', partition: n })),
    ];
    await withoutRefusals(async () => {
      for (const { user, stream, durable, subject: typeSubject, partition } of durables) {
        const publisher = stream;
        // The filter each service gives startConsumer: the aggregate's events (see services/*/src/events/), narrowed
        // to the durable's partition, as the relay publishes them.
        const eventsFilter = typeSubject.replace(/\.[^.]+$/, '.>');
        const subject = `${typeSubject}.${partition ?? 0}`;
        const filter = partitionFilter(eventsFilter, partition ?? '*');
        const settings = { stream: streamOf(stream).name, durable, filterSubjects: [filter], ackWaitMs: 30_000, maxAckPending: 1 };
        await ensureStream(as(user), streamOf(stream));
        await ensureDurableConsumer(as(user), settings);
        const consumer = await ensureDurableConsumer(as(user), { ...settings, ackWaitMs: 20_000 });
        await publishEvent(publisher, subject);
        await publishEvent(publisher, subject);

        const first = (await consumer.next({ expires: 5_000 }))!;
        expect(first.subject).toBe(subject);
        first.working();
        expect(await first.ackAck()).toBe(true);
        const second = (await consumer.next({ expires: 5_000 }))!;
        second.nak();
        const again = (await consumer.next({ expires: 5_000 }))!;
        expect(again.info.deliveryCount).toBe(2);
        again.term();
        await as(user).flush();
      }
    });
  });

  it('lets every process read the account events of the token revocation feed', async () => {
    await publishEvent('account', `shop.account.account.created`);
    await withoutRefusals(async () => {
      for (const user of USERS) {
        const feed = startRevocationFeed({ natsUrl: server.url(user, password(user)), denyList: new DenyList(), logger, name: user });
        try {
          await within(feed.caughtUp, 10_000, `${user}'s revocation feed`);
        } finally {
          await feed.stop();
        }
      }
    });
  });

  it("lets the gateway watch the order events of orderStatusChanged, publishing none of its own", async () => {
    const orderId = randomUUID();
    await withoutRefusals(async () => {
      const feed = OrderStatusFeed.start(server.url('gateway', password('gateway')), logger);
      try {
        const heard = new Promise<void>((resolve) => feed.listen(orderId, resolve));
        // The feed reads only events published after it started listening: publish until it hears one.
        let done = false;
        void heard.then(() => (done = true));
        for (let tries = 0; !done && tries < 50; tries += 1) {
          await publishEvent('order', 'shop.order.order.status_changed', orderId);
          await Promise.race([heard, new Promise((resolve) => setTimeout(resolve, 200))]);
        }
        await within(heard, 1_000, 'the order status feed');
      } finally {
        await feed.stop();
      }
    });
  });

  it.each([
    ['catalog', 'shop.account.account.created', "another service's events"],
    ['order', 'shop.catalog.stock_reservation.reserved', "another service's events"],
    ['account', 'shop.order.order.created', "another service's events"],
    ['gateway', 'shop.order.order.created', 'any event'],
    ['gateway', 'shop.gateway.anything', 'any event'],
    ['order', '$JS.API.STREAM.DELETE.SHOP_ORDER', 'deleting a stream, even its own'],
    ['catalog', '$JS.API.STREAM.PURGE.SHOP_ACCOUNT', 'purging a stream'],
    ['gateway', '$JS.API.STREAM.UPDATE.SHOP_ACCOUNT', 'changing a stream it does not own or read'],
    ['catalog', '$JS.API.STREAM.MSG.GET.SHOP_ACCOUNT', 'reading messages by sequence'],
    ['gateway', '$JS.API.STREAM.NAMES', 'listing streams'],
    ['order', `$JS.API.CONSUMER.CREATE.SHOP_ORDER.${ORDER_EVENTS_CONSUMER}-0`, "taking over another service's durable consumer"],
    ['gateway', `$JS.API.CONSUMER.MSG.NEXT.SHOP_CATALOG.${STOCK_OUTCOME_CONSUMER}-1`, "pulling another service's messages"],
    ['catalog', `$JS.API.CONSUMER.DELETE.SHOP_ORDER.${ORDER_EVENTS_CONSUMER}-2`, 'deleting a consumer, even its own'],
    ['account', `$JS.ACK.SHOP_ORDER.${ORDER_EVENTS_CONSUMER}-3.1.1.1.1.0`, "acknowledging another service's messages"],
    ['catalog', '_INBOX.someone-else', 'answering into inboxes'],
  ] as [User, string, string][])('refuses %s publishing on %s (%s)', async (user, subject) => {
    await expect(as(user).request(subject, '{}', { timeout: 2_000 })).rejects.toThrow(`Permissions Violation for Publish to "${subject}"`);
    const line = `Publish Violation - User "${user}", Subject "${subject}"`;
    expect(await logged(line)).toEqual([expect.stringContaining(line)]);
  });

  it.each(USERS)('refuses %s subscribing to events directly (they are read through JetStream consumers)', async (user) => {
    const subscription = as(user).subscribe('shop.>');
    await expect((async () => {
      for await (const message of subscription) return message;
    })()).rejects.toThrow('Permissions Violation for Subscription to "shop.>"');
  });

  it.each([
    ['account', 'shop.account.account.>', 'shop.account.account.updated'],
    ['catalog', 'shop.catalog.product.>', 'shop.catalog.product.updated'],
  ] as [User, string, string][])('lets %s subscribe to its own record events %s (its cache hears them), and nobody else', async (owner, subjects, subject) => {
    const heard = as(owner).subscribe(subjects, { max: 1 });
    await as(owner).flush();
    as(owner).publish(subject, 'an event');
    for await (const message of heard) expect(message.subject).toBe(subject);
    for (const user of USERS.filter((name) => name !== owner)) {
      const subscription = as(user).subscribe(subjects);
      await expect((async () => {
        for await (const message of subscription) return message;
      })()).rejects.toThrow(`Permissions Violation for Subscription to "${subjects}"`);
    }
  });

  it('refuses a wrong password and a connection without one', async () => {
    expect(await isNatsReachable(server.url('catalog', 'not-the-password'))).toBe(false);
    expect(await isNatsReachable(`nats://127.0.0.1:${server.port}`)).toBe(false);
    expect(await logged('authentication error', 2)).toEqual([expect.stringContaining('User "catalog"'), expect.not.stringContaining('User "catalog"')]);
  });
});

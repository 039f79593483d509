import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Envelope } from '@shop/events';
import { connectNats, startLocalNats, type LocalNats, type NatsConnection } from '@shop/nats';
import { createPool, type Pool, type Tx } from '@shop/postgres';
import { listDeadLetters, startConsumer, type ConsumerOptions, type EventHandler } from '../src/index.js';
import {
  appliedEvents,
  applyEvent,
  consumedAll,
  createConsumerDatabase,
  interleavedEvents,
  orderIds,
  testLogger,
  testPublisher,
  versionsUpTo,
  waitFor,
  type ConsumerDatabase,
  type TestPublisher,
} from './consumer-fixture.js';
import { startTcpProxy } from './tcp-proxy.js';

// Faults are injected into a private nats-server (killed and restarted on purpose, never the machine's shared one)
// and, for Postgres, into a TCP proxy in front of the test database.

let server: LocalNats;
let storeDir: string;
let database: ConsumerDatabase;
let publishing: NatsConnection;

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'shop-consumer-nats-'));
  server = await startLocalNats(storeDir);
  database = await createConsumerDatabase('event_consumer_faults');
  publishing = await connectNats(server.url, 'consumer-fault-publisher');
});

afterAll(async () => {
  await publishing.close();
  await database.close();
  await server.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

function options(connection: NatsConnection, publisher: TestPublisher, durable: string, handler: EventHandler, pool: Pool = database.pool): ConsumerOptions {
  return {
    connection,
    pool,
    stream: publisher.stream,
    durable,
    filterSubjects: [`shop.${publisher.service}.>`],
    handler,
    logger: testLogger(),
    maxAttempts: 2, // low on purpose: an outage counted as an attempt would soon dead-letter an event
    retryDelays: { initialMs: 20, maxMs: 200 },
    ackWaitMs: 2_000,
  };
}

/** Publishes as the relay does after a failure: the same event under the same message id until JetStream acks it. */
async function publishReliably(publisher: TestPublisher, event: Envelope): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await publisher.publish(event, event.eventId, 1_000);
      return;
    } catch (error) {
      if (attempt >= 120) throw error;
    }
  }
}

/** Checks exactly-once in the effects table and prints the fault test's one line. */
async function expectExactlyOnce(fault: string, durable: string, orders: readonly string[], perOrder: number): Promise<void> {
  const produced = orders.length * perOrder;
  const applied = await appliedEvents(database.pool, durable);
  process.stdout.write(
    `consumer fault test (${fault}): produced ${produced}, handled ${applied.distinct}, duplicated ${applied.rows - applied.distinct}, lost ${produced - applied.distinct}\n`,
  );
  expect(applied).toMatchObject({ rows: produced, distinct: produced });
  for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
  expect(await listDeadLetters(database.pool, durable)).toEqual([]);
}

describe('consumer faults', () => {
  it('does not apply an event again when the consumer dies between the commit and the ack', async () => {
    const publisher = testPublisher(publishing);
    await publisher.ensureStream();
    const [orderId = ''] = orderIds(1);
    const events = [1, 2, 3, 4, 5].map((version) => publisher.event(orderId, version));
    for (const event of events) await publisher.publish(event);
    const crashOn = events[2]?.eventId;
    const calls = new Map<string, number>();
    const counting = (then: (envelope: Envelope) => Promise<void>) => async (tx: Tx, envelope: Envelope) => {
      calls.set(envelope.eventId, (calls.get(envelope.eventId) ?? 0) + 1);
      await applyEvent(tx, 'crash', envelope);
      await then(envelope);
    };

    // The first process loses its NATS connection inside the handler: its transaction commits, its ack cannot be sent.
    const doomed = await connectNats(server.url, 'consumer-that-crashes');
    const first = startConsumer(options(doomed, publisher, 'crash', counting(async (envelope) => {
      if (envelope.eventId === crashOn) await doomed.close();
    })));
    await waitFor('the first consumer to crash', async () => doomed.isClosed());
    await first.stop(); // the message in hand finishes: its transaction commits, its ack fails
    const manager = await jetstreamManager(publishing);
    const stalled = await manager.consumers.info(publisher.stream.name, 'crash');
    expect({ ackFloor: stalled.ack_floor.stream_seq, unacked: stalled.num_ack_pending }).toEqual({ ackFloor: 2, unacked: 1 });

    // A second process gets the unacknowledged event again when the ack wait ends; the inbox knows it was applied.
    const restarted = await connectNats(server.url, 'consumer-after-restart');
    const second = startConsumer(options(restarted, publisher, 'crash', counting(async () => {})));
    try {
      await waitFor('the stream consumed', () => consumedAll(publishing, publisher.stream.name, 'crash'));
    } finally {
      await second.stop();
      await restarted.close();
    }
    const done = await manager.consumers.info(publisher.stream.name, 'crash');
    expect(done.delivered.consumer_seq).toBeGreaterThan(done.delivered.stream_seq); // a redelivery did happen
    expect(events.map((event) => calls.get(event.eventId))).toEqual([1, 1, 1, 1, 1]);
    await expectExactlyOnce('crash between commit and ack', 'crash', [orderId], 5);
  }, 120_000);

  it('handles every event exactly once, in order, while NATS is killed and restarted', async () => {
    const publisher = testPublisher(publishing);
    await publisher.ensureStream();
    const orders = orderIds(10);
    const perOrder = 40;
    const events = interleavedEvents(publisher, orders, perOrder);
    const connection = await connectNats(server.url, 'consumer-under-nats-faults');
    const consumer = startConsumer(options(connection, publisher, 'nats_faults', (tx, envelope) => applyEvent(tx, 'nats_faults', envelope)));
    try {
      await consumer.ready;
      for (const [index, event] of events.entries()) {
        if (index === 150) {
          await sleep(200); // let JetStream write what it acknowledged before the crash: we test the consumer, not the store
          await server.kill();
          await sleep(500);
          await server.restart();
        }
        await publishReliably(publisher, event);
      }
      // Once more while only the consumer is working: acks in flight are lost, deliveries are repeated.
      await waitFor('the consumer half way', async () => (await appliedEvents(database.pool, 'nats_faults')).distinct >= events.length / 2);
      await server.kill();
      await sleep(500);
      await server.restart();
      await waitFor('every event applied', async () => (await appliedEvents(database.pool, 'nats_faults')).distinct === events.length, 90_000);
      await waitFor('the stream consumed', () => consumedAll(publishing, publisher.stream.name, 'nats_faults'), 90_000);
    } finally {
      await consumer.stop();
      await connection.close();
    }
    await expectExactlyOnce('NATS killed and restarted twice', 'nats_faults', orders, perOrder);
  }, 180_000);

  it('waits out a Postgres outage without counting it as attempts or applying anything twice', async () => {
    const publisher = testPublisher(publishing);
    await publisher.ensureStream();
    const orders = orderIds(5);
    const perOrder = 40;
    for (const event of interleavedEvents(publisher, orders, perOrder)) await publisher.publish(event);
    const target = new URL(database.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const pool = createPool(proxied.toString(), { max: 2, onError: () => {} });
    const connection = await connectNats(server.url, 'consumer-under-postgres-faults');
    const consumer = startConsumer(options(connection, publisher, 'pg_faults', (tx, envelope) => applyEvent(tx, 'pg_faults', envelope), pool));
    const applied = async () => (await appliedEvents(database.pool, 'pg_faults')).distinct;
    try {
      for (const threshold of [50, 120]) {
        await waitFor(`${threshold} events applied`, async () => (await applied()) >= threshold);
        await proxy.cut();
        await sleep(1_000);
        await proxy.restore();
      }
      await waitFor('the stream consumed', () => consumedAll(publishing, publisher.stream.name, 'pg_faults'), 90_000);
    } finally {
      await consumer.stop();
      await connection.close();
      await pool.end();
      await proxy.close();
    }
    await expectExactlyOnce('Postgres cut off twice', 'pg_faults', orders, perOrder);
  }, 180_000);
});

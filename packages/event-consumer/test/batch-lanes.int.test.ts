import { describe, expect, it } from '@jest/globals';
import { EVENT_PARTITIONS, type Envelope } from '@shop/events';
import { connectNats } from '@shop/nats';
import type { Tx } from '@shop/postgres';
import { testNatsUrl } from '@shop/testing';
import { listDeadLetters, startConsumer, type ConsumerOptions, type EventConsumer, type EventHandler } from '../src/index.js';
import { appliedEvents, applyEvent, consumedAll, consumerTestBed, interleavedEvents, orderIds, testLogger, versionsUpTo, waitFor, type TestPublisher } from './consumer-fixture.js';

const bed = consumerTestBed('event_consumer_batches', 'event-consumer-batch-test');

function batchOptions(publisher: TestPublisher, durable: string, handler: EventHandler): ConsumerOptions {
  return {
    connection: bed.connection,
    pool: bed.database.pool,
    stream: publisher.stream,
    durable,
    filterSubjects: [`shop.${publisher.service}.>`],
    handler,
    logger: testLogger(),
    retryDelays: { initialMs: 20, maxMs: 200 },
    partitioned: true,
    batchSize: 16,
    standbyPollMs: 100,
  };
}

const durablesOf = (name: string) => Array.from({ length: EVENT_PARTITIONS }, (_, n) => `${name}-${n}`);

function allConsumed(publisher: TestPublisher, name: string) {
  return async () => (await Promise.all(durablesOf(name).map((durable) => consumedAll(bed.connection, publisher.stream.name, durable)))).every(Boolean);
}

/** A handler that applies the event and notes which transaction it ran in, so the test can see the batches. */
function recordingHandler(name: string, transactions: string[], fail: (envelope: Envelope) => boolean = () => false) {
  return async (tx: Tx, envelope: Envelope) => {
    await applyEvent(tx, name, envelope);
    const { rows } = await tx.query<{ id: string }>('SELECT txid_current()::text AS id');
    transactions.push(rows[0]!.id);
    if (fail(envelope)) throw new Error(`event ${envelope.aggregateId}@${envelope.aggregateVersion} fails`);
  };
}

/** The locks the batch lanes hold now in the test database, one per owned lane. */
async function laneLockHolders(): Promise<number[]> {
  const { rows } = await bed.database.pool.query<{ pid: number }>(
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
  );
  return rows.map((row) => row.pid);
}

describe('batch lanes', () => {
  it("handle many events per transaction with two instances pulling, keeping each aggregate's order, retries included", async () => {
    const name = 'batched';
    const publisher = await bed.newPublisher();
    const orders = orderIds(12);
    const perOrder = 20;
    const published = interleavedEvents(publisher, orders, perOrder);
    // Every 11th event fails on its first attempt: its batch is redone one event at a time, and its retry must
    // still come before the events of its aggregate behind it.
    const failOnce = new Set(published.filter((_, index) => index % 11 === 5).map((event) => event.eventId));
    const transactions: string[] = [];
    const handler = recordingHandler(name, transactions, (envelope) => failOnce.delete(envelope.eventId));

    const instances = [startConsumer(batchOptions(publisher, name, handler)), startConsumer(batchOptions(publisher, name, handler))];
    try {
      await Promise.all(instances.map((instance) => instance.ready));
      for (const event of published) await publisher.publish(event);
      await waitFor('every event consumed', allConsumed(publisher, name));
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
    }

    const applied = await appliedEvents(bed.database.pool, name);
    expect(applied).toMatchObject({ rows: published.length, distinct: published.length });
    for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
    expect(failOnce.size).toBe(0);
    const committed = new Set(transactions).size;
    process.stdout.write(`batch lanes: ${published.length} events in ${committed} transactions or fewer (a handler run per event, retries included)\n`);
    expect(committed).toBeLessThan(published.length);
  });

  it('hands a lane over to a standby instance when its owner stops, with nothing lost, repeated or reordered', async () => {
    const name = 'handover';
    const publisher = await bed.newPublisher();
    const orders = orderIds(6);
    const perOrder = 30;
    const published = interleavedEvents(publisher, orders, perOrder);
    const transactions: string[] = [];
    const handler = recordingHandler(name, transactions);

    const owner = startConsumer(batchOptions(publisher, name, handler));
    await owner.ready;
    await waitFor('the first instance owns every lane', async () => (await laneLockHolders()).length === EVENT_PARTITIONS);
    const standby = startConsumer(batchOptions(publisher, name, handler));
    let stopped: Promise<void> | undefined;
    try {
      await standby.ready;
      const half = published.length / 2;
      for (const event of published.slice(0, half)) await publisher.publish(event);
      stopped = owner.stop(); // while events are arriving
      for (const event of published.slice(half)) await publisher.publish(event);
      await stopped;
      await waitFor('every event consumed', allConsumed(publisher, name));
    } finally {
      await Promise.all([stopped ?? owner.stop(), standby.stop()]);
    }

    const applied = await appliedEvents(bed.database.pool, name);
    expect(applied).toMatchObject({ rows: published.length, distinct: published.length });
    for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
  });

  it("gives its messages back and takes the lane again when the lock's connection is killed", async () => {
    const name = 'killed_lock';
    const publisher = await bed.newPublisher();
    const orders = orderIds(6);
    const perOrder = 20;
    const published = interleavedEvents(publisher, orders, perOrder);
    let slow = true;
    const transactions: string[] = [];
    const record = recordingHandler(name, transactions);
    // Slow handling keeps batches open, so the kill lands in the middle of some.
    const handler = async (tx: Tx, envelope: Envelope) => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 5));
      await record(tx, envelope);
    };

    const consumer: EventConsumer = startConsumer(batchOptions(publisher, name, handler));
    try {
      await consumer.ready;
      await waitFor('every lane owned', async () => (await laneLockHolders()).length === EVENT_PARTITIONS);
      for (const event of published) await publisher.publish(event);
      await waitFor('some events applied', async () => (await appliedEvents(bed.database.pool, name)).rows > 10);
      const killed = await laneLockHolders();
      await bed.database.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [killed]);
      slow = false;
      await waitFor('every event consumed', allConsumed(publisher, name));
      await waitFor('the lanes owned again, by new sessions', async () => {
        const holders = await laneLockHolders();
        return holders.length === EVENT_PARTITIONS && holders.every((pid) => !killed.includes(pid));
      });
    } finally {
      await consumer.stop();
    }

    const applied = await appliedEvents(bed.database.pool, name);
    expect(applied).toMatchObject({ rows: published.length, distinct: published.length });
    for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
  });

  it('lets the messages of an owner that died come back first, before the standby handles the events behind them', async () => {
    const name = 'died';
    const publisher = await bed.newPublisher();
    const orders = orderIds(4);
    const perOrder = 10;
    const published = interleavedEvents(publisher, orders, perOrder);
    const [first] = published;
    let hanging: () => void = () => {};
    const hung = new Promise<void>((resolve) => (hanging = resolve));
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const transactions: string[] = [];
    const record = recordingHandler(name, transactions);
    // The first owner hangs on the very first event, holding its batch; then it "dies": its NATS connection and
    // its lock's session go, and nothing of it gives anything back.
    const dying = async (tx: Tx, envelope: Envelope) => {
      if (envelope.eventId === first!.eventId) {
        hanging();
        await released; // after its death: its transaction's connection is gone, so this commits nothing
      }
      await record(tx, envelope);
    };
    const ackWaitMs = 1_500;
    const deadConnection = await connectNats(testNatsUrl(), 'event-consumer-batch-test-dying');
    const owner = startConsumer({ ...batchOptions(publisher, name, dying), connection: deadConnection, ackWaitMs });
    await owner.ready;
    await waitFor('the first instance owns every lane', async () => (await laneLockHolders()).length === EVENT_PARTITIONS);
    const standby = startConsumer({ ...batchOptions(publisher, name, record), ackWaitMs });
    try {
      await standby.ready;
      for (const event of published) await publisher.publish(event);
      await hung;
      const ownersLocks = await laneLockHolders();
      await deadConnection.close();
      await bed.database.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [ownersLocks]);
      await waitFor('every event consumed', allConsumed(publisher, name));
    } finally {
      release();
      await Promise.all([owner.stop(), standby.stop()]);
    }

    const applied = await appliedEvents(bed.database.pool, name);
    expect(applied).toMatchObject({ rows: published.length, distinct: published.length });
    for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
  });

  it('retries a poison event in place up to the hold limit, dead-letters it, and handles the rest of its batch and lane', async () => {
    const name = 'batch_poison';
    const publisher = await bed.newPublisher();
    const [poisoned = '', healthy = ''] = orderIds(2);
    const poison = publisher.event(poisoned, 1);
    const around = [publisher.event(healthy, 1), poison, publisher.event(healthy, 2), publisher.event(poisoned, 2)];
    const attempts: number[] = [];
    const transactions: string[] = [];
    const record = recordingHandler(name, transactions);
    const handler = async (tx: Tx, envelope: Envelope) => {
      if (envelope.eventId === poison.eventId) {
        attempts.push(Date.now());
        throw new Error('this event can never be handled');
      }
      await record(tx, envelope);
    };

    const consumer = startConsumer({ ...batchOptions(publisher, name, handler), maxAttempts: 10, retryDelays: { initialMs: 100, maxMs: 400 }, maxHoldMs: 500 });
    try {
      await consumer.ready;
      for (const event of around) await publisher.publish(event);
      await waitFor('every event consumed', allConsumed(publisher, name));
    } finally {
      await consumer.stop();
    }

    // A failed batch is redone one event at a time, so the first failure may be the batch's; then 100 + 200 + 200 ms.
    const [letter] = await listDeadLetters(bed.database.pool, name);
    expect(letter).toMatchObject({ eventId: poison.eventId, attempts: 4 });
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.length).toBeLessThanOrEqual(5);
    const applied = await appliedEvents(bed.database.pool, name);
    expect(applied.versions.get(healthy)).toEqual([1, 2]);
    expect(applied.versions.get(poisoned)).toEqual([2]);
  });

  it('refuses a batch size that is not a whole number from 1 to 256', () => {
    const publisher = { service: 'x', stream: { name: 'SHOP_X', subjects: ['shop.x.>'] } } as TestPublisher;
    for (const batchSize of [0, -1, 1.5, 257, Number.NaN]) {
      expect(() => startConsumer({ ...batchOptions(publisher, 'bad_batch', async () => {}), batchSize })).toThrow(/batchSize must be an integer from 1 to 256/);
    }
  });
});

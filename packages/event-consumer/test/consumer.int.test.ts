import { describe, expect, it } from '@jest/globals';
import { EVENT_PARTITIONS, partitionOf, type Envelope } from '@shop/events';
import type { Tx } from '@shop/postgres';
import { startConsumer, type ConsumerOptions, type EventHandler } from '../src/index.js';
import { appliedEvents, applyEvent, consumedAll, consumerTestBed, interleavedEvents, orderIds, testLogger, testPublisher, versionsUpTo, waitFor, type TestPublisher } from './consumer-fixture.js';

const bed = consumerTestBed('event_consumer', 'event-consumer-test');

function consumerOptions(publisher: TestPublisher, durable: string, handler: EventHandler): ConsumerOptions {
  return {
    connection: bed.connection,
    pool: bed.database.pool,
    stream: publisher.stream,
    durable,
    filterSubjects: [`shop.${publisher.service}.>`],
    handler,
    logger: testLogger(),
    retryDelays: { initialMs: 20, maxMs: 200 },
  };
}

describe('startConsumer', () => {
  it('applies an event published twice under different message ids once', async () => {
    const publisher = await bed.newPublisher();
    const [orderId = ''] = orderIds(1);
    const event = publisher.event(orderId, 1);
    const later = publisher.event(orderId, 2);
    await publisher.publish(event);
    const second = await publisher.publish(event, `${event.eventId}-republished`);
    expect(second.duplicate).toBe(false); // JetStream kept both: the consumer receives the event twice
    await publisher.publish(later);

    let calls = 0;
    const consumer = startConsumer(consumerOptions(publisher, 'duplicates', async (tx, envelope) => {
      calls += 1;
      await applyEvent(tx, 'duplicates', envelope);
    }));
    try {
      await waitFor('all three messages consumed', () => consumedAll(bed.connection, publisher.stream.name, 'duplicates'));
    } finally {
      await consumer.stop();
    }

    const applied = await appliedEvents(bed.database.pool, 'duplicates');
    expect(applied).toMatchObject({ rows: 2, distinct: 2 });
    expect(applied.versions.get(orderId)).toEqual([1, 2]);
    expect(calls).toBe(2);
    const { rows } = await bed.database.pool.query('SELECT event_id FROM inbox WHERE consumer = $1', ['duplicates']);
    expect(rows.map((row: { event_id: string }) => row.event_id).sort()).toEqual([event.eventId, later.eventId].sort());
  });

  it.each([
    ['one durable', false],
    ['a durable per partition', true],
  ])("keeps each aggregate's order across many events and aggregates, retries included (%s)", async (_, partitioned) => {
    const name = partitioned ? 'ordered-partitioned' : 'ordered';
    const publisher = await bed.newPublisher();
    const orders = orderIds(8);
    const perOrder = 25;
    const published = interleavedEvents(publisher, orders, perOrder);
    for (const event of published) await publisher.publish(event);
    // Every 7th event fails on its first attempt: the retry must still come before the events behind it.
    const failOnce = new Set(published.filter((_, index) => index % 7 === 3).map((event) => event.eventId));
    const handler = async (tx: Tx, envelope: Envelope) => {
      await applyEvent(tx, name, envelope);
      if (failOnce.delete(envelope.eventId)) throw new Error('first attempt fails');
    };

    const consumer = startConsumer({ ...consumerOptions(publisher, name, handler), partitioned });
    const durables = partitioned ? Array.from({ length: EVENT_PARTITIONS }, (_, n) => `${name}-${n}`) : [name];
    try {
      await waitFor('every event consumed', async () => (await Promise.all(durables.map((durable) => consumedAll(bed.connection, publisher.stream.name, durable)))).every(Boolean));
    } finally {
      await consumer.stop();
    }

    const applied = await appliedEvents(bed.database.pool, name);
    expect(applied).toMatchObject({ rows: published.length, distinct: published.length });
    for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
    expect(failOnce.size).toBe(0);
  });

  it("goes on with the other partitions while one aggregate's event waits for its retry", async () => {
    const publisher = await bed.newPublisher();
    const [held = '', ...others] = orderIds(16);
    const heldPartition = partitionOf(held);
    const free = others.filter((id) => partitionOf(id) !== heldPartition);
    const behindHeld = others.filter((id) => partitionOf(id) === heldPartition);
    await publisher.publish(publisher.event(held, 1));
    await publisher.publish(publisher.event(held, 2));
    for (const id of others) await publisher.publish(publisher.event(id, 1));
    let failing = true;
    const handler = async (tx: Tx, envelope: Envelope) => {
      if (failing && envelope.aggregateId === held) throw new Error('the held order fails until released');
      await applyEvent(tx, 'partitions', envelope);
    };

    const consumer = startConsumer({ ...consumerOptions(publisher, 'partitions', handler), partitioned: true, maxAttempts: 1_000 });
    try {
      // Every order of another partition is applied while the held order's first event keeps failing...
      await waitFor('the other partitions applied', async () => {
        const versions = (await appliedEvents(bed.database.pool, 'partitions')).versions;
        return free.every((id) => versions.get(id)?.[0] === 1);
      });
      const applied = await appliedEvents(bed.database.pool, 'partitions');
      // ...and nothing behind it in its own partition, its own second event included, has overtaken it.
      expect(applied.versions.has(held)).toBe(false);
      for (const id of behindHeld) expect(applied.versions.has(id)).toBe(false);
      failing = false;
      await waitFor('the held partition applied', async () => (await appliedEvents(bed.database.pool, 'partitions')).rows === others.length + 2);
    } finally {
      await consumer.stop();
    }
    expect((await appliedEvents(bed.database.pool, 'partitions')).versions.get(held)).toEqual([1, 2]);
  });

  it('hands the handler only the subjects it asked for, several filter subjects included', async () => {
    const publisher = await bed.newPublisher();
    const [orderId = ''] = orderIds(1);
    const reserved = publisher.event(orderId, 1, 'shop.catalog.v1.StockReserved');
    const rejected = publisher.event(orderId, 2, 'shop.catalog.v1.StockReservationRejected');
    const released = publisher.event(orderId, 3, 'shop.catalog.v1.StockReleased');
    for (const event of [reserved, rejected, released]) await publisher.publish(event);

    const seen: string[] = [];
    const consumer = startConsumer({
      ...consumerOptions(publisher, 'filtered', async (tx, envelope) => {
        seen.push(envelope.eventType);
        await applyEvent(tx, 'filtered', envelope);
      }),
      filterSubjects: [publisher.subject('reserved'), publisher.subject('released')],
    });
    try {
      await consumer.ready;
      await waitFor('both wanted events applied', async () => (await appliedEvents(bed.database.pool, 'filtered')).rows === 2);
      await waitFor('the stream consumed', () => consumedAll(bed.connection, publisher.stream.name, 'filtered'));
    } finally {
      await consumer.stop();
    }

    expect(seen).toEqual(['shop.catalog.v1.StockReserved', 'shop.catalog.v1.StockReleased']);
    const { rows } = await bed.database.pool.query('SELECT count(*)::int AS count FROM inbox WHERE consumer = $1', ['filtered']);
    expect(rows[0]).toEqual({ count: 2 });
  });

  it('refuses a consumer name NATS would not accept, and filters that are empty or outside the stream, at once', () => {
    const publisher = testPublisher(bed.connection);
    const handler = async () => {};
    expect(() => startConsumer(consumerOptions(publisher, 'bad.name', handler))).toThrow(/consumer name/);
    expect(() => startConsumer({ ...consumerOptions(publisher, 'empty', handler), filterSubjects: [] })).toThrow(/filterSubjects/);
    expect(() => startConsumer({ ...consumerOptions(publisher, 'elsewhere', handler), filterSubjects: ['shop.order.order.placed'] })).toThrow(/outside stream/);
  });
});

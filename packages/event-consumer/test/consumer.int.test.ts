import { describe, expect, it } from '@jest/globals';
import type { Envelope } from '@shop/events';
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

  it("keeps each aggregate's order across many events and aggregates, retries included", async () => {
    const publisher = await bed.newPublisher();
    const orders = orderIds(8);
    const perOrder = 25;
    const published = interleavedEvents(publisher, orders, perOrder);
    for (const event of published) await publisher.publish(event);
    // Every 7th event fails on its first attempt: the retry must still come before the events behind it.
    const failOnce = new Set(published.filter((_, index) => index % 7 === 3).map((event) => event.eventId));
    const handler = async (tx: Tx, envelope: Envelope) => {
      await applyEvent(tx, 'ordered', envelope);
      if (failOnce.delete(envelope.eventId)) throw new Error('first attempt fails');
    };

    const consumer = startConsumer(consumerOptions(publisher, 'ordered', handler));
    try {
      await waitFor('every event consumed', () => consumedAll(bed.connection, publisher.stream.name, 'ordered'));
    } finally {
      await consumer.stop();
    }

    const applied = await appliedEvents(bed.database.pool, 'ordered');
    expect(applied).toMatchObject({ rows: published.length, distinct: published.length });
    for (const orderId of orders) expect(applied.versions.get(orderId)).toEqual(versionsUpTo(perOrder));
    expect(failOnce.size).toBe(0);
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

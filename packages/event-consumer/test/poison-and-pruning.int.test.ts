import { describe, expect, it } from '@jest/globals';
import { createLogger } from '@shop/logger';
import { listDeadLetters, pruneInbox, startConsumer, startInboxPruner } from '../src/index.js';
import { appliedEvents, applyEvent, consumedAll, consumerTestBed, orderIds, testLogger, waitFor } from './consumer-fixture.js';

const bed = consumerTestBed('event_consumer_poison', 'event-consumer-poison-test');

describe('a poison event', () => {
  it('goes to the dead letters once its waits reach the hold limit, and the events behind it go on', async () => {
    const publisher = await bed.newPublisher();
    const [poisoned = '', healthy = ''] = orderIds(2);
    const poison = publisher.event(poisoned, 1);
    const behind = [publisher.event(healthy, 1), publisher.event(healthy, 2)];
    for (const event of [poison, ...behind]) await publisher.publish(event);

    const deliveries: number[] = [];
    const consumer = startConsumer({
      connection: bed.connection,
      pool: bed.database.pool,
      stream: publisher.stream,
      durable: 'poison_hold',
      filterSubjects: [`shop.${publisher.service}.>`],
      handler: async (tx, envelope) => {
        if (envelope.eventId === poison.eventId) {
          deliveries.push(Date.now());
          throw new Error('this event can never be handled');
        }
        await applyEvent(tx, 'poison_hold', envelope);
      },
      logger: testLogger(),
      // Ten attempts would wait 100 + 200 + 400 + 400 ... ms; the hold limit of 500 ms ends it after four.
      maxAttempts: 10,
      retryDelays: { initialMs: 100, maxMs: 400 },
      maxHoldMs: 500,
    });
    try {
      await waitFor('the stream consumed', () => consumedAll(bed.connection, publisher.stream.name, 'poison_hold'));
    } finally {
      await consumer.stop();
    }

    expect(deliveries).toHaveLength(4);
    const [letter] = await listDeadLetters(bed.database.pool, 'poison_hold');
    expect(letter).toMatchObject({ eventId: poison.eventId, attempts: 4 });
    expect((await appliedEvents(bed.database.pool, 'poison_hold')).versions.get(healthy)).toEqual([1, 2]);
    const heldMs = deliveries.at(-1)! - deliveries[0]!;
    process.stdout.write(`poison event: ${deliveries.length} attempts, stream held ${heldMs} ms from the first to the last (waits capped at 500 ms)\n`);
  });
});

describe('the inbox pruner', () => {
  it('deletes the rows older than the retention, in batches, and keeps the rest', async () => {
    const { pool } = bed.database;
    const insert = (age: string, count: number) =>
      pool.query(
        `INSERT INTO inbox (consumer, event_id, aggregate_type, aggregate_id, aggregate_version, event_type, processed_at)
         SELECT 'pruned', gen_random_uuid(), 'order', 'o', n, 'shop.test.v1.Thing', now() - $1::interval FROM generate_series(1, $2) AS n`,
        [age, count],
      );
    await insert('9 days', 25);
    await insert('7 days', 5);
    await insert('1 minute', 5);
    const count = async () => Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM inbox WHERE consumer = 'pruned'")).rows[0]?.n);

    expect(await pruneInbox(pool, 8 * 24 * 3_600_000, 10)).toBe(25);
    expect(await count()).toBe(10);

    // The background task prunes at start, then every interval.
    await insert('2 hours', 3);
    const pruner = startInboxPruner({ pool, retentionMs: 3_600_000, intervalMs: 60_000, logger: createLogger('pruner-test', 'silent') });
    try {
      await waitFor('the pruner to run at start', async () => (await count()) === 5);
    } finally {
      await pruner.stop();
    }
    expect(await count()).toBe(5);
  });
});

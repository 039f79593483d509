import { describe, expect, it } from '@jest/globals';
import { publishedSubject, type Envelope } from '@shop/events';
import type { Tx } from '@shop/postgres';
import { listDeadLetters, redriveDeadLetters, runRedriveCommand, startConsumer, type EventHandler } from '../src/index.js';
import { appliedEvents, applyEvent, consumedAll, consumerTestBed, orderIds, testLogger, waitFor, type TestPublisher } from './consumer-fixture.js';

const bed = consumerTestBed('event_consumer_dead_letters', 'event-consumer-dead-letter-test');

/** Runs a consumer with maxAttempts 3 over what was published, until the stream is consumed. */
async function consumeAll(publisher: TestPublisher, durable: string, handler: EventHandler): Promise<void> {
  const consumer = startConsumer({
    connection: bed.connection,
    pool: bed.database.pool,
    stream: publisher.stream,
    durable,
    filterSubjects: [`shop.${publisher.service}.>`],
    handler,
    logger: testLogger(),
    maxAttempts: 3,
    retryDelays: { initialMs: 20, maxMs: 100 },
  });
  try {
    await waitFor('the stream consumed', () => consumedAll(bed.connection, publisher.stream.name, durable));
  } finally {
    await consumer.stop();
  }
}

/** A handler that fails for the events in `broken` until they are removed from it, counting its calls per event. */
function brokenFor(durable: string, broken: Set<string>) {
  const calls = new Map<string, number>();
  const handler = async (tx: Tx, envelope: Envelope) => {
    calls.set(envelope.eventId, (calls.get(envelope.eventId) ?? 0) + 1);
    await applyEvent(tx, durable, envelope); // rolled back when it throws below
    if (broken.has(envelope.eventId)) throw new Error(`no stock record for ${envelope.aggregateId}`);
  };
  return { handler, calls };
}

describe('dead letters', () => {
  it('dead-letters an event after maxAttempts, moves on, and applies it once when redriven', async () => {
    const publisher = await bed.newPublisher();
    const [first = '', second = ''] = orderIds(2);
    const events = [publisher.event(first, 1), publisher.event(second, 1), publisher.event(first, 2)];
    for (const event of events) await publisher.publish(event);
    const poisoned = events[0]?.eventId ?? '';
    const broken = new Set([poisoned]);
    const { handler, calls } = brokenFor('poisoned', broken);

    await consumeAll(publisher, 'poisoned', handler);

    expect(calls.get(poisoned)).toBe(3);
    const applied = await appliedEvents(bed.database.pool, 'poisoned');
    expect(applied).toMatchObject({ rows: 2, distinct: 2 }); // the stream moved on past the dead letter
    const [letter, ...others] = await listDeadLetters(bed.database.pool, 'poisoned');
    expect(others).toEqual([]);
    expect(letter).toMatchObject({ eventId: poisoned, eventType: 'shop.catalog.v1.StockReserved', subject: publishedSubject(publisher.subject('reserved'), first), attempts: 3, redrivenAt: null });
    expect(letter?.lastError).toMatch(/no stock record/);

    expect(await redriveDeadLetters({ pool: bed.database.pool, consumer: 'poisoned', handler })).toEqual({ redriven: 0, alreadyHandled: 0, failed: 1 });
    expect((await listDeadLetters(bed.database.pool, 'poisoned'))[0]?.attempts).toBe(4);

    broken.clear(); // the bug is fixed
    expect(await redriveDeadLetters({ pool: bed.database.pool, consumer: 'poisoned', handler })).toEqual({ redriven: 1, alreadyHandled: 0, failed: 0 });
    expect(await redriveDeadLetters({ pool: bed.database.pool, consumer: 'poisoned', handler, eventId: poisoned })).toEqual({ redriven: 0, alreadyHandled: 0, failed: 0 });
    const after = await appliedEvents(bed.database.pool, 'poisoned');
    expect(after).toMatchObject({ rows: 3, distinct: 3 });
    expect(await listDeadLetters(bed.database.pool, 'poisoned')).toEqual([]);
    const [redriven] = await listDeadLetters(bed.database.pool, 'poisoned', { includeRedriven: true });
    expect(redriven?.redrivenAt).toBeInstanceOf(Date);
    const { rows } = await bed.database.pool.query('SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2', ['poisoned', poisoned]);
    expect(rows).toHaveLength(1);
  });

  it('files bytes that are not an envelope at once, keeping them, and goes on', async () => {
    const publisher = await bed.newPublisher();
    const garbage = new Uint8Array([0xff, 0x01, 0x02, 0x03]);
    await publisher.publishBytes(garbage);
    const [orderId = ''] = orderIds(1);
    await publisher.publish(publisher.event(orderId, 1));
    const { handler } = brokenFor('garbage', new Set());

    await consumeAll(publisher, 'garbage', handler);

    expect(await appliedEvents(bed.database.pool, 'garbage')).toMatchObject({ rows: 1, distinct: 1 });
    const [letter] = await listDeadLetters(bed.database.pool, 'garbage');
    expect(letter).toMatchObject({ eventType: null, attempts: 1, envelope: garbage });
    expect(letter?.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await redriveDeadLetters({ pool: bed.database.pool, consumer: 'garbage', handler })).toEqual({ redriven: 0, alreadyHandled: 0, failed: 1 });
  });

  it('counts a letter whose event a later delivery already applied as handled, without running it again', async () => {
    const publisher = await bed.newPublisher();
    const [orderId = ''] = orderIds(1);
    const event = publisher.event(orderId, 1);
    await publisher.publish(event);
    const broken = new Set([event.eventId]);
    const { handler, calls } = brokenFor('late', broken);
    await consumeAll(publisher, 'late', handler);

    broken.clear();
    await publisher.publish(event, `${event.eventId}-republished`); // the same event arrives again and now succeeds
    await consumeAll(publisher, 'late', handler);
    expect(calls.get(event.eventId)).toBe(4);

    expect(await redriveDeadLetters({ pool: bed.database.pool, consumer: 'late', handler })).toEqual({ redriven: 0, alreadyHandled: 1, failed: 0 });
    expect(calls.get(event.eventId)).toBe(4);
    expect(await appliedEvents(bed.database.pool, 'late')).toMatchObject({ rows: 1, distinct: 1 });
  });

  it('lists and redrives through the command a service wires as `pnpm redrive`', async () => {
    const publisher = await bed.newPublisher();
    const [orderId = ''] = orderIds(1);
    const event = publisher.event(orderId, 1);
    await publisher.publish(event);
    const broken = new Set([event.eventId]);
    const { handler } = brokenFor('command', broken);
    await consumeAll(publisher, 'command', handler);

    const lines: string[] = [];
    const command = { pool: bed.database.pool, consumer: 'command', handler, write: (line: string) => lines.push(line) };
    expect(await runRedriveCommand(['--list'], command)).toBe(0);
    expect(lines).toEqual([expect.stringContaining(`${event.eventId}  shop.catalog.v1.StockReserved  attempts 3`), '1 waiting dead letter(s) for command']);
    expect(await runRedriveCommand(['--bogus'], command)).toBe(2);
    broken.clear();
    lines.length = 0;
    expect(await runRedriveCommand(['--event', event.eventId], command)).toBe(0);
    expect(lines).toEqual(['command: redriven 1, already handled 0, failed again 0']);
  });
});

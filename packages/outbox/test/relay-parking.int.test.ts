import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { createLogger } from '@shop/logger';
import { waitFor } from '@shop/testing';
import { listParkedEvents, runOutboxStuckCommand } from '../src/index.js';
import { RelayScenario } from './support/relay-scenario.js';
import { readStream } from './support/stream-reader.js';
import { StockReleased } from './support/test-events.js';

let scenario: RelayScenario;

beforeEach(async () => {
  scenario = await RelayScenario.open();
});

afterEach(async () => {
  await scenario.close();
});

describe('a row that cannot be published', () => {
  it('is parked after its maximum attempts, holds back its aggregate only, and is published in order once retried', async () => {
    const logger = createLogger('relay-parking-test', 'silent');
    const errors = jest.spyOn(logger, 'error');
    const relay = scenario.startRelay({ maxAttempts: 3, retry: { baseMs: 50, maxMs: 200 }, publishTimeoutMs: 1_000, logger });
    const [blocked, free] = scenario.aggregates(2);
    await scenario.commit([scenario.events.next(free!, StockReleased)]);
    await waitFor('the relay to publish', () => relay.metrics().published === 1);

    // The stream stops taking "reserved" subjects: JetStream answers, but no stream takes the message, every time.
    const manager = await jetstreamManager(scenario.nats);
    await manager.streams.update(scenario.stream, { subjects: [`shop.${scenario.registry.service}.stock_reservation.released.*`] });
    const failing = scenario.events.next(blocked!);
    const waiting = scenario.events.next(blocked!, StockReleased);
    await scenario.commit([failing, waiting]);

    await waitFor('the failing row to be parked', () => relay.metrics().parked === 1);
    // Other aggregates go on flowing while it is parked.
    const flowing = scenario.events.next(free!, StockReleased);
    await scenario.commit([flowing]);
    await waitFor('the other aggregate to be published', async () => (await published(flowing.eventId)) === true);

    const [parked, ...others] = await listParkedEvents(scenario.pool);
    expect(others).toEqual([]);
    expect(parked).toMatchObject({ eventId: failing.eventId, aggregateId: blocked, aggregateVersion: 1, attempts: 3, waitingBehind: 1 });
    // nats.js words a publish no stream answers as "jetstream is not enabled" (a 503, no responders).
    expect(parked?.reason).toMatch(/jetstream is not enabled|no responders/i);
    expect(await published(waiting.eventId)).toBe(false);
    const { rows } = await scenario.pool.query<{ attempts: number }>('SELECT attempts FROM outbox WHERE event_id = $1', [waiting.eventId]);
    expect(rows[0]?.attempts).toBe(0); // never tried: it waits behind the parked row
    expect(relay.metrics().failedAttempts).toBe(3); // and the parked row is not tried again either
    // Logged once, with its reason and how to retry it.
    const parkedLines = errors.mock.calls.map((call) => String(call[1])).filter((line) => line.includes('parked event'));
    expect(parkedLines).toEqual([expect.stringContaining(`parked event ${failing.eventId}`)]);
    expect(parkedLines[0]).toMatch(/after 3 failed publishes: .*jetstream is not enabled.*outbox:stuck/);

    const lines: string[] = [];
    const command = { pool: scenario.pool, service: scenario.registry.service, write: (line: string) => lines.push(line) };
    expect(await runOutboxStuckCommand(['--list'], command)).toBe(0);
    expect(lines).toEqual([expect.stringContaining(`${failing.eventId}  ${failing.eventType}  stock_reservation/${blocked} v1  attempts 3`), `1 parked outbox event(s) in ${scenario.registry.service}`]);
    expect(lines[0]).toContain('1 later event(s) waiting');
    expect(await runOutboxStuckCommand(['--retry', 'not-a-uuid'], command)).toBe(2);

    // The cause is fixed, then the row retried: both events of the aggregate leave, in order.
    await manager.streams.update(scenario.stream, { subjects: [`shop.${scenario.registry.service}.>`] });
    lines.length = 0;
    expect(await runOutboxStuckCommand(['--retry', failing.eventId], command)).toBe(0);
    expect(lines).toEqual([`${scenario.registry.service}: 1 parked event(s) given back to the relay: ${failing.eventId}`]);
    await waitFor('the blocked aggregate published', async () => (await scenario.unpublished()) === 0);
    const streamed = (await readStream(scenario.nats, scenario.stream)).map((message) => message.envelope.eventId);
    expect(streamed.filter((id) => id === failing.eventId || id === waiting.eventId)).toEqual([failing.eventId, waiting.eventId]);
    await waitFor('the parked count to drop', () => relay.metrics().parked === 0);
    expect(await runOutboxStuckCommand(['--retry', failing.eventId], command)).toBe(1);
  });

  it('parks an event type the relay does not know, and a retry of all gives it back (to be parked again)', async () => {
    const relay = scenario.startRelay({ maxAttempts: 2, retry: { baseMs: 50, maxMs: 100 } });
    const [aggregate] = scenario.aggregates(1);
    // A real event message, but not one of this service's registered types: the relay cannot name its subject.
    const unknown = { ...scenario.events.next(aggregate!), eventType: 'shop.catalog.v1.ProductDeleted' };
    await scenario.commit([unknown]);
    await waitFor('the unknown event to be parked', () => relay.metrics().parked === 1);
    expect((await listParkedEvents(scenario.pool))[0]?.reason).toMatch(/not registered/);

    const lines: string[] = [];
    expect(await runOutboxStuckCommand(['--retry-all'], { pool: scenario.pool, service: 'test', write: (line) => lines.push(line) })).toBe(0);
    expect(lines).toEqual([`test: 1 parked event(s) given back to the relay: ${unknown.eventId}`]);
    await waitFor('the retried event to be attempted and parked again', () => relay.metrics().failedAttempts === 4 && relay.metrics().parked === 1);
    expect(await scenario.streamMessages()).toBe(0);
  });
});

async function published(eventId: string): Promise<boolean | undefined> {
  const { rows } = await scenario.pool.query<{ published: boolean }>('SELECT published_at IS NOT NULL AS published FROM outbox WHERE event_id = $1', [eventId]);
  return rows[0]?.published;
}

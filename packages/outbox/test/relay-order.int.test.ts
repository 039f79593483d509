import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { appendToOutbox } from '../src/index.js';
import { RelayScenario } from './support/relay-scenario.js';
import { readStream } from './support/stream-reader.js';
import { StockReleased } from './support/test-events.js';
import { waitFor } from '@shop/testing';

let scenario: RelayScenario;

beforeEach(async () => {
  scenario = await RelayScenario.open();
});

afterEach(async () => {
  await scenario.close();
});

describe('the outbox relay', () => {
  it('publishes every event once and each aggregate in version order, many aggregates committing at once', async () => {
    const relay = scenario.startRelay({ batchSize: 50 });
    const aggregates = scenario.aggregates(60);
    // Six writers, each owning ten aggregates, commit concurrently while the relay runs.
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((writer) =>
        scenario.commitSteadily(scenario.events.many(aggregates.slice(writer * 10, writer * 10 + 10), 500), 5, 2),
      ),
    );
    await waitFor('every row published', async () => (await scenario.unpublished()) === 0);

    const report = await scenario.delivery();
    expect(report).toMatchObject({ produced: 3_000, delivered: 3_000, duplicated: 0, lost: 0, outOfOrder: 0, unexpected: 0 });
    expect(relay.metrics()).toMatchObject({ active: true, published: 3_000, failedAttempts: 0 });
  });

  it('publishes a transaction that began first and committed last (positions are not commit order)', async () => {
    scenario.startRelay();
    const [late, ...others] = scenario.aggregates(21);
    const lateEvent = scenario.events.next(late!);
    const lateTx = await scenario.pool.connect();
    try {
      await lateTx.query('BEGIN');
      await appendToOutbox(lateTx, [lateEvent]);
      await scenario.commit(scenario.events.many(others, 100), 10);
      await waitFor('the committed rows published', async () => (await scenario.streamMessages()) === 100);
      await lateTx.query('COMMIT');
    } finally {
      lateTx.release();
    }
    scenario.produced.push(lateEvent);

    await waitFor('the late row published', async () => (await scenario.unpublished()) === 0);
    const { rows } = await scenario.pool.query<{ position: string }>('SELECT position FROM outbox ORDER BY position LIMIT 1');
    const { rows: lateRows } = await scenario.pool.query<{ position: string }>('SELECT position FROM outbox WHERE event_id = $1', [lateEvent.eventId]);
    expect(lateRows[0]?.position).toBe(rows[0]?.position);
    const streamed = await readStream(scenario.nats, scenario.stream);
    expect(streamed.at(-1)?.envelope.eventId).toBe(lateEvent.eventId);
    expect(await scenario.delivery()).toMatchObject({ produced: 101, delivered: 101, duplicated: 0, lost: 0 });
  });

  it('wakes on NOTIFY, and LISTENs again after its listening connection drops', async () => {
    // A poll far longer than the test's deadlines: only a notification can wake this relay in time.
    const relay = scenario.startRelay({ applicationName: 'relay-listening', pollIntervalMs: 120_000 });
    await waitFor('the relay to listen', async () => (await listeningConnections('relay-listening')).length === 1);
    await scenario.commit([scenario.events.next(scenario.aggregates(1)[0]!)]);
    await waitFor('the notified relay to publish', () => relay.metrics().published === 1, 20_000);

    const [dropped] = await listeningConnections('relay-listening');
    await scenario.pool.query('SELECT pg_terminate_backend($1)', [dropped]);
    await waitFor('the relay to listen again', async () => {
      const pids = await listeningConnections('relay-listening');
      return pids.length === 1 && pids[0] !== dropped;
    });
    await scenario.commit([scenario.events.next(scenario.aggregates(1)[0]!)]);
    await waitFor('the notified relay to publish again', () => relay.metrics().published === 2, 20_000);
    expect(await scenario.delivery()).toMatchObject({ produced: 2, delivered: 2, lost: 0 });
  });

  it('publishes a steady stream of small commits in full, going idle after each short batch, with no poll to fall back on', async () => {
    // Only notifications can wake this relay in time, and it goes idle after every batch shorter than its limit; a
    // NOTIFY that comes while a batch is out must still wake it (Wakeup remembers it: see wakeup.test.ts).
    const relay = scenario.startRelay({ applicationName: 'relay-steady', pollIntervalMs: 120_000, batchSize: 50 });
    await waitFor('the relay to listen', async () => (await listeningConnections('relay-steady')).length === 1);
    await scenario.commitSteadily(scenario.events.many(scenario.aggregates(20), 300), 1, 2);
    await waitFor('every commit published', () => relay.metrics().published === 300, 20_000);
    expect(relay.metrics().batches).toBeGreaterThan(1);
    expect(await scenario.delivery()).toMatchObject({ produced: 300, delivered: 300, duplicated: 0, lost: 0, outOfOrder: 0 });
  });

  it('retries a failing publish with growing backoff, counting attempts, while later events of its aggregate wait', async () => {
    const relay = scenario.startRelay({ retry: { baseMs: 200, maxMs: 5_000 }, publishTimeoutMs: 1_000 });
    const [blocked, free] = scenario.aggregates(2);
    await scenario.commit([scenario.events.next(free!, StockReleased)]);
    await waitFor('the relay to publish', () => relay.metrics().published === 1);

    // The stream stops taking "reserved" subjects: publishing one fails (no stream answers), "released" still works.
    const manager = await jetstreamManager(scenario.nats);
    await manager.streams.update(scenario.stream, { subjects: [`shop.${scenario.registry.service}.stock_reservation.released.*`] });
    const failing = scenario.events.next(blocked!);
    const waiting = scenario.events.next(blocked!, StockReleased);
    const unaffected = scenario.events.next(free!, StockReleased);
    await scenario.commit([failing, waiting, unaffected]);

    const retryTimes = await observeRetryTimes(failing.eventId, 3);
    // Each retry waits at least half its ceiling: 200·2^(n-1)/2 ms after the n-th failure (the DB clock, not ours).
    expect(retryTimes[1]! - retryTimes[0]!).toBeGreaterThanOrEqual(200);
    expect(retryTimes[2]! - retryTimes[1]!).toBeGreaterThanOrEqual(400);
    const rows = await outboxRows();
    expect(rows.get(failing.eventId)?.published).toBe(false);
    expect(rows.get(failing.eventId)?.attempts).toBeGreaterThanOrEqual(3);
    expect(rows.get(failing.eventId)?.last_error).toBeTruthy();
    expect(rows.get(waiting.eventId)).toMatchObject({ published: false, attempts: 0 });
    expect(rows.get(unaffected.eventId)).toMatchObject({ published: true, attempts: 0 });
    expect(relay.metrics().failedAttempts).toBeGreaterThanOrEqual(3);

    await manager.streams.update(scenario.stream, { subjects: [`shop.${scenario.registry.service}.>`] });
    await waitFor('the blocked aggregate published', async () => (await scenario.unpublished()) === 0);
    const streamed = (await readStream(scenario.nats, scenario.stream)).map((message) => message.envelope.eventId);
    expect(streamed.filter((id) => id === failing.eventId || id === waiting.eventId)).toEqual([failing.eventId, waiting.eventId]);
  });
});

/** The next_attempt_at the relay set after each of the first `count` failures of an event (read as they happen). */
async function observeRetryTimes(eventId: string, count: number): Promise<number[]> {
  const times: number[] = [];
  await waitFor(
    `${count} failed attempts`,
    async () => {
      const { rows } = await scenario.pool.query<{ attempts: number; next_attempt_at: Date }>('SELECT attempts, next_attempt_at FROM outbox WHERE event_id = $1', [eventId]);
      const row = rows[0];
      if (row && row.attempts > times.length) {
        expect(row.attempts).toBe(times.length + 1);
        times.push(row.next_attempt_at.getTime());
      }
      return times.length >= count;
    },
    20_000,
    10,
  );
  return times;
}

async function outboxRows(): Promise<Map<string, { published: boolean; attempts: number; last_error: string | null }>> {
  const { rows } = await scenario.pool.query<{ event_id: string; published: boolean; attempts: number; last_error: string | null }>(
    'SELECT event_id, published_at IS NOT NULL AS published, attempts, last_error FROM outbox',
  );
  return new Map(rows.map((row) => [row.event_id, row]));
}

/** Backends of `applicationName` that are LISTENing (the relay's listener, not its lock session). */
async function listeningConnections(applicationName: string): Promise<number[]> {
  const { rows } = await scenario.pool.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND query LIKE 'LISTEN%'",
    [applicationName],
  );
  return rows.map((row) => row.pid);
}

// The measurements of `pnpm bench:relay` (scripts/bench/relay-bench.ts prints them). They live in this package so
// they import its dependencies as the package declares them; nothing here is shipped.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { decodeEnvelope, streamOf, type Envelope } from '@shop/events';
import { createLogger } from '@shop/logger';
import { connectNats, type NatsConnection } from '@shop/nats';
import { createPool, runMigrations, withTransaction, type Pool } from '@shop/postgres';
import pg from 'pg';
import { appendToOutbox, OUTBOX_MIGRATIONS_DIR, startOutboxRelay, type OutboxRelay } from '../../src/index.js';
import { testRegistry, TestEvents, uniqueServiceName } from '../support/test-events.js';
// Not '@shop/testing': its index needs jest's globals, and the bench runs outside jest.
import { waitFor } from '@shop/testing/wait-for';
import { CONSUMER_MIGRATIONS_DIR, startConsumer } from '@shop/event-consumer';

/** A scratch database (named for the bench, dropped by close()), a NATS connection and a stream of its own. */
export interface BenchEnvironment {
  pool: Pool;
  databaseUrl: string;
  nats: NatsConnection;
  events: TestEvents;
  stream: string;
  close(): Promise<void>;
}

/** One throughput run: `events` relayed from a committed backlog at `batchSize` rows per claim. */
export interface ThroughputResult {
  batchSize: number;
  events: number;
  seconds: number;
  perSecond: number;
}

/** Commit-to-consumer latency of a steady stream, in milliseconds. */
export interface LatencyResult {
  events: number;
  ratePerSecond: number;
  p50: number;
  p99: number;
  max: number;
}

/** Creates and migrates shop_bench_relay_<random> on the server of `adminUrl`, and connects to NATS. */
export async function openBenchEnvironment(adminUrl: string, natsUrl: string): Promise<BenchEnvironment> {
  const name = `shop_bench_relay_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await runMigrations(databaseUrl, [OUTBOX_MIGRATIONS_DIR, CONSUMER_MIGRATIONS_DIR]);
  // The FORCE drop at the end can race the pool's closing connections: nothing to report then.
  const pool = createPool(databaseUrl, { max: 10, onError: () => {} });
  const nats = await connectNats(natsUrl, 'relay-bench');
  const registry = testRegistry(uniqueServiceName('relaybench'));
  const stream = streamOf(registry.service).name;
  return {
    pool,
    databaseUrl,
    nats,
    events: new TestEvents(registry),
    stream,
    close: async () => {
      await (await jetstreamManager(nats)).streams.delete(stream).catch(() => false);
      await nats.close();
      await pool.end();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}

/** Commits `events` rows over `aggregates` aggregates in one transaction, then times the relay until all are marked. */
export async function measureThroughput(bench: BenchEnvironment, batchSize: number, events: number, aggregates: number): Promise<ThroughputResult> {
  const relay = startRelay(bench, batchSize);
  try {
    await waitFor('the relay to become active', () => relay.metrics().active, 30_000, 5);
    const ids = Array.from({ length: aggregates }, () => randomUUID());
    const backlog = bench.events.many(ids, events);
    await withTransaction(bench.pool, (tx) => appendInChunks(tx, backlog));
    const started = performance.now();
    await waitFor('the backlog relayed', () => relay.metrics().published >= events, 300_000, 2);
    await waitFor('the backlog marked', async () => (await unpublished(bench.pool)) === 0, 60_000, 2);
    const seconds = (performance.now() - started) / 1_000;
    return { batchSize, events, seconds, perSecond: events / seconds };
  } finally {
    await relay.stop();
    await (await jetstreamManager(bench.nats)).streams.purge(bench.stream);
  }
}

/**
 * Commits single-event transactions at `ratePerSecond` for `seconds` while an ordered consumer reads the stream;
 * latency = when the consumer got the event - when its COMMIT was sent (both on this process's clock).
 */
export async function measureLatency(bench: BenchEnvironment, ratePerSecond: number, seconds: number): Promise<LatencyResult> {
  const relay = startRelay(bench, 500);
  const committing = new Map<string, number>();
  const received = new Map<string, number>();
  const total = ratePerSecond * seconds;
  try {
    await waitFor('the relay to become active', () => relay.metrics().active, 30_000, 5);
    await waitFor('the stream', async () => (await jetstreamManager(bench.nats)).streams.info(bench.stream).then(() => true, () => false), 30_000, 5);
    const consumer = await jetstream(bench.nats).consumers.get(bench.stream);
    const messages = await consumer.consume();
    const consuming = (async () => {
      for await (const message of messages) {
        received.set(decodeEnvelope(message.data).eventId, performance.now());
        if (received.size >= total) break;
      }
    })();
    await produceSteadily(bench, ratePerSecond, total, committing);
    await waitFor('every event consumed', () => received.size >= total, 60_000, 5);
    await messages.close();
    await consuming;
  } finally {
    await relay.stop();
  }
  const latencies = [...received].map(([eventId, at]) => at - (committing.get(eventId) ?? Number.NaN)).sort((a, b) => a - b);
  return { events: latencies.length, ratePerSecond, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? Number.NaN };
}

/**
 * Like measureLatency, but up to the handler of a durable consumer of @shop/event-consumer (the path the stock
 * saga takes): latency = when the handler ran, inside its inbox transaction - when the event's COMMIT was sent.
 */
export async function measureHandlerLatency(bench: BenchEnvironment, ratePerSecond: number, seconds: number): Promise<LatencyResult> {
  // A durable consumer starts at the stream's beginning: drop the earlier runs' events so it measures only these.
  await (await jetstreamManager(bench.nats)).streams.purge(bench.stream);
  const relay = startRelay(bench, 500);
  const committing = new Map<string, number>();
  const handled = new Map<string, number>();
  const total = ratePerSecond * seconds;
  const consumer = startConsumer({
    connection: bench.nats,
    pool: bench.pool,
    stream: streamOf(bench.events.registry.service),
    durable: 'bench-handler',
    filterSubjects: [`shop.${bench.events.registry.service}.>`],
    handler: async (_tx, envelope) => {
      handled.set(envelope.eventId, performance.now());
    },
    logger: createLogger('relay-bench', 'silent'),
  });
  try {
    await waitFor('the relay to become active', () => relay.metrics().active, 30_000, 5);
    await consumer.ready;
    await produceSteadily(bench, ratePerSecond, total, committing);
    await waitFor('every event handled', () => [...committing.keys()].every((eventId) => handled.has(eventId)), 120_000, 20);
  } finally {
    await consumer.stop();
    await relay.stop();
  }
  const latencies = [...committing].map(([eventId, at]) => (handled.get(eventId) ?? Number.NaN) - at).sort((a, b) => a - b);
  return { events: latencies.length, ratePerSecond, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? Number.NaN };
}

/** Every 5 ms, the transactions due by then (one event each, concurrently, over 100 aggregates). */
async function produceSteadily(bench: BenchEnvironment, ratePerSecond: number, total: number, committing: Map<string, number>): Promise<void> {
  const ids = Array.from({ length: 100 }, () => randomUUID());
  const started = performance.now();
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * ratePerSecond) / 1_000) + 1);
    for (; sent < due; sent += 1) {
      const commit = commitOne(bench.pool, bench.events.next(ids[sent % ids.length] as string), committing).finally(() => inFlight.delete(commit));
      inFlight.add(commit);
    }
    await sleep(5);
  }
  await Promise.all(inFlight);
}

async function commitOne(pool: Pool, envelope: Envelope, committing: Map<string, number>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await appendToOutbox(client, [envelope]);
    committing.set(envelope.eventId, performance.now());
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

function startRelay(bench: BenchEnvironment, batchSize: number): OutboxRelay {
  return startOutboxRelay({ databaseUrl: bench.databaseUrl, nats: bench.nats, registry: bench.events.registry, logger: createLogger('relay-bench', 'warn'), batchSize });
}

async function appendInChunks(tx: pg.PoolClient, envelopes: Envelope[]): Promise<void> {
  for (let start = 0; start < envelopes.length; start += 2_000) await appendToOutbox(tx, envelopes.slice(start, start + 2_000));
}

async function unpublished(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM outbox WHERE published_at IS NULL');
  return Number(rows[0]?.count);
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { encodeEnvelope, EventRegistry, publishedSubject, streamOf, toEnvelope, type Envelope } from '@shop/events';
import { createLogger, type Logger } from '@shop/logger';
import { ensureStream, type NatsConnection } from '@shop/nats';
import { createPool, type Pool, type Tx } from '@shop/postgres';
import { afterAll, beforeAll } from '@jest/globals';
import { connectNats } from '@shop/nats';
import { createTestDatabase, testNatsUrl, type TestDatabase } from '@shop/testing';

export { waitFor } from '@shop/testing';
import { CONSUMER_MIGRATIONS_DIR } from '../src/index.js';

/** A test's own database: the consumer tables plus `applied_events`, where the test handler leaves its effect. */
export interface ConsumerDatabase {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/**
 * Creates the database. `applied_events` has no unique key on purpose: a handler that ran twice for one event
 * leaves two rows, so "exactly once" is checked in the database, in the order the effects committed.
 */
export async function createConsumerDatabase(label: string): Promise<ConsumerDatabase> {
  const database: TestDatabase = await createTestDatabase(label, CONSUMER_MIGRATIONS_DIR);
  const pool = createPool(database.url, { max: 4, onError: () => {} });
  await pool.query(`CREATE TABLE applied_events (
    seq bigserial PRIMARY KEY, consumer text NOT NULL, event_id uuid NOT NULL, aggregate_id text NOT NULL, aggregate_version bigint NOT NULL)`);
  return {
    url: database.url,
    pool,
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
}

/** The effect of the test handlers: one row per run of the handler. */
export async function applyEvent(tx: Tx, consumer: string, envelope: Envelope): Promise<void> {
  await tx.query('INSERT INTO applied_events (consumer, event_id, aggregate_id, aggregate_version) VALUES ($1, $2, $3, $4)', [
    consumer,
    envelope.eventId,
    envelope.aggregateId,
    envelope.aggregateVersion,
  ]);
}

/** What the effects table says about a consumer: rows, distinct events, and each aggregate's versions in commit order. */
export async function appliedEvents(pool: Pool, consumer: string): Promise<{ rows: number; distinct: number; versions: Map<string, number[]> }> {
  const { rows } = await pool.query<{ event_id: string; aggregate_id: string; aggregate_version: string }>(
    'SELECT event_id, aggregate_id, aggregate_version FROM applied_events WHERE consumer = $1 ORDER BY seq',
    [consumer],
  );
  const versions = new Map<string, number[]>();
  for (const row of rows) versions.set(row.aggregate_id, [...(versions.get(row.aggregate_id) ?? []), Number(row.aggregate_version)]);
  return { rows: rows.length, distinct: new Set(rows.map((row) => row.event_id)).size, versions };
}

/** A publishing "service" of its own per test (its stream never collides with another test's), with three event types. */
export function testPublisher(connection: NatsConnection): TestPublisher {
  const letters = [...randomBytes(10)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return new TestPublisher(connection, `evtest_${letters}`);
}

/** Publishes real envelopes of StockReserved/StockReleased/StockReservationRejected on the test service's stream. */
export class TestPublisher {
  readonly registry: EventRegistry;
  readonly stream: { name: string; subjects: string[] };

  constructor(
    private readonly connection: NatsConnection,
    readonly service: string,
  ) {
    this.registry = new EventRegistry(service, [
      { type: 'shop.catalog.v1.StockReserved', aggregateType: 'stock_reservation', subject: `shop.${service}.stock_reservation.reserved` },
      { type: 'shop.catalog.v1.StockReleased', aggregateType: 'stock_reservation', subject: `shop.${service}.stock_reservation.released` },
      { type: 'shop.catalog.v1.StockReservationRejected', aggregateType: 'stock_reservation', subject: `shop.${service}.stock_reservation.rejected` },
    ]);
    this.stream = streamOf(service);
  }

  /** The subject of an event type of this test service ("reserved" -> shop.<service>.stock_reservation.reserved). */
  subject(event: 'reserved' | 'released' | 'rejected'): string {
    return `shop.${this.service}.stock_reservation.${event}`;
  }

  ensureStream(): Promise<void> {
    return ensureStream(this.connection, this.stream);
  }

  /** A new event of `orderId`'s reservation at `version`. */
  event(orderId: string, version: number, type = 'shop.catalog.v1.StockReserved'): Envelope {
    return toEnvelope(this.registry, { type, aggregateId: orderId, message: { orderId, lines: [{ productId: randomUUID(), quantity: version }] } }, version, new Date(), null);
  }

  /** Publishes as the outbox relay does (event id as message id), or under another message id to force a real duplicate. */
  async publish(envelope: Envelope, msgID = envelope.eventId, timeout?: number): Promise<{ duplicate: boolean }> {
    // On the subject the outbox relay would use: the type's subject and the aggregate's partition.
    const subject = publishedSubject(this.registry.get(envelope.eventType).subject, envelope.aggregateId);
    return jetstream(this.connection).publish(subject, encodeEnvelope(envelope), { msgID, ...(timeout ? { timeout } : {}) });
  }

  /** Publishes raw bytes on a registered subject: a message that is not an envelope. */
  async publishBytes(bytes: Uint8Array): Promise<void> {
    await jetstream(this.connection).publish(`${this.subject('reserved')}.0`, bytes);
  }
}

/** True once the durable consumer has nothing left to deliver and nothing unacknowledged. */
export async function consumedAll(connection: NatsConnection, stream: string, durable: string): Promise<boolean> {
  const info = await (await jetstreamManager(connection)).consumers.info(stream, durable);
  return info.num_pending === 0 && info.num_ack_pending === 0;
}


/** Quiet by default; LOG_LEVEL=debug pnpm test packages/event-consumer shows what the consumers do. */
export function testLogger(): Logger {
  return createLogger('event-consumer-test', (process.env.LOG_LEVEL as 'debug' | undefined) ?? 'silent');
}

/**
 * `perOrder` events for each of `orders`, interleaved as a busy outbox relay would publish them: a random
 * aggregate each time, each aggregate's versions in order.
 */
export function interleavedEvents(publisher: TestPublisher, orders: readonly string[], perOrder: number): Envelope[] {
  const next = new Map(orders.map((id) => [id, 1]));
  const events: Envelope[] = [];
  while (events.length < orders.length * perOrder) {
    const open = orders.filter((id) => (next.get(id) ?? 0) <= perOrder);
    const orderId = open[Math.floor(Math.random() * open.length)] ?? '';
    const version = next.get(orderId) ?? 1;
    next.set(orderId, version + 1);
    events.push(publisher.event(orderId, version));
  }
  return events;
}

/** 1..n: the versions each aggregate must show, in order. */
export function versionsUpTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Order ids for n aggregates. */
export function orderIds(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

/** What a test file works with: its own database, a NATS connection, and publishers whose streams go away after. */
export interface ConsumerTestBed {
  readonly database: ConsumerDatabase;
  readonly connection: NatsConnection;
  /** A publisher on a stream of its own, deleted when the file's tests are done. */
  newPublisher(): Promise<TestPublisher>;
}

/** Registers the file's beforeAll/afterAll that create and remove the test bed; its fields are set once beforeAll ran. */
export function consumerTestBed(label: string, clientName: string): ConsumerTestBed {
  let database: ConsumerDatabase | undefined;
  let connection: NatsConnection | undefined;
  const streams: string[] = [];
  beforeAll(async () => {
    database = await createConsumerDatabase(label);
    connection = await connectNats(testNatsUrl(), clientName);
  });
  afterAll(async () => {
    const manager = await jetstreamManager(connection!);
    for (const stream of streams) await manager.streams.delete(stream).catch(() => false);
    await connection!.close();
    await database!.close();
  });
  return {
    get database() {
      return database!;
    },
    get connection() {
      return connection!;
    },
    newPublisher: async () => {
      const publisher = testPublisher(connection!);
      await publisher.ensureStream();
      streams.push(publisher.stream.name);
      return publisher;
    },
  };
}

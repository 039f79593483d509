import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { streamOf, type Envelope, type EventRegistry } from '@shop/events';
import { createLogger } from '@shop/logger';
import { connectNats, type NatsConnection } from '@shop/nats';
import { createPool, type Pool } from '@shop/postgres';
import { createTestDatabase, testNatsUrl, type TestDatabase } from '@shop/testing';
import { OUTBOX_MIGRATIONS_DIR, startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from '../../src/index.js';
import { deliveryReport, type DeliveryReport } from './delivery-report.js';
import { appendAll, appendSteadily } from './produce.js';
import { readStream } from './stream-reader.js';
import { testRegistry, TestEvents, uniqueServiceName } from './test-events.js';

/**
 * Everything one relay test needs, private to it: a migrated database of its own, a service name (hence a stream
 * and subjects) nobody else uses, a NATS connection, and the relays it started, all undone by `close()`.
 */
export class RelayScenario {
  private readonly relays: OutboxRelay[] = [];
  readonly produced: Envelope[] = [];

  private constructor(
    private readonly database: TestDatabase,
    readonly pool: Pool,
    readonly nats: NatsConnection,
    readonly registry: EventRegistry,
    readonly events: TestEvents,
  ) {}

  /** Opens a scenario on the test run's NATS, or on `natsUrl` (a private server the test may kill). */
  static async open(natsUrl: string = testNatsUrl()): Promise<RelayScenario> {
    const database = await createTestDatabase('outbox', OUTBOX_MIGRATIONS_DIR);
    const registry = testRegistry(uniqueServiceName());
    const nats = await connectNats(natsUrl, 'outbox-test');
    return new RelayScenario(database, createPool(database.url, { onError: () => {} }), nats, registry, new TestEvents(registry));
  }

  get databaseUrl(): string {
    return this.database.url;
  }

  /** The scenario's stream: SHOP_<SERVICE>. */
  get stream(): string {
    return streamOf(this.registry.service).name;
  }

  /** New aggregate ids. */
  aggregates(count: number): string[] {
    return Array.from({ length: count }, () => randomUUID());
  }

  /** Commits `envelopes` (in transactions of `perTransaction`) and remembers them as produced. */
  async commit(envelopes: Envelope[], perTransaction?: number): Promise<void> {
    await appendAll(this.pool, envelopes, perTransaction);
    this.produced.push(...envelopes);
  }

  /** Commits `envelopes` as a steady stream (see appendSteadily), remembering each commit as produced. */
  commitSteadily(envelopes: Envelope[], perTransaction: number, intervalMs: number): Promise<void> {
    return appendSteadily(this.pool, envelopes, { perTransaction, intervalMs, onCommit: (committed) => this.produced.push(...committed) });
  }

  /** Starts a relay on the scenario's database and NATS (stopped by close() unless the test stops it). */
  startRelay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const relay = startOutboxRelay({
      databaseUrl: this.database.url,
      nats: this.nats,
      registry: this.registry,
      logger: createLogger('outbox-relay-test', process.env.OUTBOX_TEST_LOG_LEVEL === 'debug' ? 'debug' : process.env.OUTBOX_TEST_LOG_LEVEL ? 'warn' : 'silent'),
      retry: { baseMs: 100, maxMs: 1_000 },
      ...options,
    });
    this.relays.push(relay);
    return relay;
  }

  /** Rows not yet marked published. */
  async unpublished(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*) FROM outbox WHERE published_at IS NULL');
    return Number(rows[0]?.count);
  }

  /** How many messages the scenario's stream holds (0 before the relay created it). */
  async streamMessages(): Promise<number> {
    const manager = await jetstreamManager(this.nats);
    return manager.streams.info(this.stream).then((info) => info.state.messages, () => 0);
  }

  /** Ends the Postgres connections of relays named `applicationName`, as a crash or a network cut would. */
  async killConnections(applicationName: string): Promise<number> {
    const { rowCount } = await this.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
      applicationName,
    ]);
    return rowCount ?? 0;
  }

  /** Compares what the scenario committed (`produced`) with what its stream holds. */
  async delivery(connection: NatsConnection = this.nats): Promise<DeliveryReport> {
    return deliveryReport(this.produced, (await readStream(connection, this.stream)).map((message) => message.envelope));
  }

  async close(): Promise<void> {
    await Promise.all(this.relays.map((relay) => relay.stop()));
    await (await jetstreamManager(this.nats)).streams.delete(this.stream).catch(() => false);
    await this.nats.close();
    await this.pool.end();
    await this.database.drop();
  }
}

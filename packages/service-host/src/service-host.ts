import type { EventRegistry } from '@shop/events';
import { currentCallSignal, startGrpcServer, type ServiceRegistration } from '@shop/grpc-kit';
import type { Authentication } from '@shop/identity';
import type { Logger } from '@shop/logger';
import type { EventConsumer } from '@shop/event-consumer';
import { connectNats, type NatsConnection } from '@shop/nats';
import { collectProcessMetrics, outboxOldestUnpublishedAge, poolConnections, poolWaitingClients, startMetricsServer } from '@shop/metrics';
import { oldestUnpublishedAgeSeconds, startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from '@shop/outbox';
import { createPool, migrateInBackground, type Pool } from '@shop/postgres';
import type { PackageDefinition } from '@shop/proto';

/** What a service's composition root tells the host. */
export interface HostOptions {
  /** Names the pool's connections and the log lines ("account"). */
  name: string;
  port: number;
  /** The address the gRPC server listens on: 127.0.0.1 outside containers, 0.0.0.0 inside (GRPC_HOST). */
  host: string;
  databaseUrl: string;
  /** Postgres cancels any statement of the service's pool that runs longer (DATABASE_STATEMENT_TIMEOUT_MS); @shop/postgres's default when absent. */
  statementTimeoutMs?: number | undefined;
  /** The service's migrations folder, and those of the libraries it uses (outbox, inbox). */
  migrationsDir: string | readonly string[];
  shutdownGraceMs: number;
  /** Where /metrics is served (METRICS_PORT, on `host`); not served when absent. */
  metricsPort?: number | undefined;
  /** What reflection serves. */
  packageDefinition: PackageDefinition;
  logger: Logger;
  /** How the server checks every call's token; stopped (its revocation feed) after the server drained. */
  authentication: Authentication;
  /** Builds the service's gRPC services on its pool: repositories, use cases, handlers. */
  services: (pool: Pool) => ServiceRegistration[];
  /** Closes what the composition root opened besides the pool (clients of other services), after the server drained. */
  onStop?: () => void | Promise<void>;
  /**
   * Background work that needs the migrated database (building a search index): started once migrations ran,
   * stopped after the server drained and before the pool closes.
   */
  background?: (pool: Pool) => BackgroundTask[];
  /**
   * When given, an outbox relay publishes the service's committed events to NATS JetStream, and the service's
   * consumers (if any) start on the same connection once the database is migrated.
   */
  events?:
    | {
        natsUrl: string;
        registry: EventRegistry;
        consumers?: (pool: Pool, connection: NatsConnection) => EventConsumer[];
        /** The relay's limits from the service's settings (OUTBOX_MAX_ATTEMPTS, STREAM_MAX_AGE_MS, STREAM_MAX_BYTES). */
        relay?: Pick<OutboxRelayOptions, 'maxAttempts' | 'streamLimits'>;
      }
    | undefined;
}

/** Work a service runs beside its server, until stopped. */
export interface BackgroundTask {
  stop(): Promise<void>;
}

/** A running service. */
export interface HostedService {
  port: number;
  /** The /metrics port when served (the one bound, when METRICS_PORT was 0). */
  metricsPort: number | undefined;
  /** Resolves once migrations ran and the service reports SERVING. */
  ready: Promise<void>;
  /** Drains in-flight calls (up to the grace period), then closes the pool and the rest. */
  stop(): Promise<void>;
}

/**
 * Starts a Postgres-backed gRPC service the way every shop service starts: the server answers at once but
 * reports NOT_SERVING, migrations run in the background (retried until the database is reachable), then the
 * service turns SERVING. This is the part the three services share; what they wire stays in their app.ts.
 */
export async function hostService(options: HostOptions): Promise<HostedService> {
  const { logger } = options;
  // A handler's statements are cancelled when its call is cancelled or its deadline passes (currentCallSignal).
  const pool = createPool(options.databaseUrl, {
    applicationName: options.name,
    onError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
    statementTimeoutMs: options.statementTimeoutMs,
    requestSignal: currentCallSignal,
  });
  const server = await startGrpcServer({
    port: options.port,
    host: options.host,
    authenticator: options.authentication.verifier,
    services: options.services(pool),
    packageDefinition: options.packageDefinition,
    logger,
    servingAtStart: false,
  });
  if (options.metricsPort !== undefined) collectProcessMetrics(options.name);
  const metrics = options.metricsPort === undefined ? undefined : await startMetricsServer({ port: options.metricsPort, host: options.host });
  if (metrics) logger.info({ port: metrics.port }, 'metrics served on /metrics');
  const unobserve = observeDatabase(options.name, pool, options.events !== undefined);
  const relay = new EventsLauncher(options, pool, logger);
  let background: BackgroundTask[] = [];
  const migration = migrateInBackground(options.databaseUrl, options.migrationsDir, logger, () => {
    server.setServing(true);
    logger.info(`${options.name} service ready`);
    relay.start();
    background = options.background?.(pool) ?? [];
  });
  return {
    port: server.port,
    metricsPort: metrics?.port,
    ready: migration.ready,
    stop: async () => {
      const step = async (name: string, work: () => Promise<unknown> | unknown) => {
        const started = Date.now();
        await work();
        logger.debug({ step: name, ms: Date.now() - started }, 'stopped');
      };
      migration.cancel();
      await step('grpc server', () => server.shutdown(options.shutdownGraceMs));
      await step('background tasks', () => Promise.all(background.map((task) => task.stop())));
      await step('events', () => relay.stop());
      await step('token checks', () => options.authentication.stop());
      await step('clients', () => options.onStop?.());
      await step('metrics', async () => {
        unobserve();
        await metrics?.close();
      });
      await step('database pool', () => pool.end());
    },
  };
}

/** Samples the pool's connections and, for a service with events, its outbox's lag, at each scrape. */
function observeDatabase(name: string, pool: Pool, hasOutbox: boolean): () => void {
  const removers = [
    poolConnections.add(() => [
      { labels: { pool: name, state: 'idle' }, value: pool.idleCount },
      { labels: { pool: name, state: 'in_use' }, value: pool.totalCount - pool.idleCount },
    ]),
    poolWaitingClients.add(() => [{ labels: { pool: name }, value: pool.waitingCount }]),
    ...(hasOutbox ? [outboxOldestUnpublishedAge.add(async () => [{ labels: { database: name }, value: await oldestUnpublishedAgeSeconds(pool) }])] : []),
  ];
  return () => removers.forEach((remove) => remove());
}

/**
 * Starts the outbox relay and the consumers once the tables exist. Connecting to NATS waits (retrying) until
 * NATS is up, in the background: events wait in the outbox meanwhile, and the service stays ready.
 */
class EventsLauncher {
  private connection: NatsConnection | undefined;
  private relay: OutboxRelay | undefined;
  private consumers: EventConsumer[] = [];
  private stopped = false;

  constructor(
    private readonly options: HostOptions,
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const events = this.options.events;
    if (!events || this.stopped) return;
    connectNats(events.natsUrl, `${this.options.name}-outbox-relay`).then(
      (connection) => {
        // A stop that came while connecting must not wait for NATS; the late connection is closed here instead.
        if (this.stopped) return void connection.close();
        this.connection = connection;
        this.relay = startOutboxRelay({ databaseUrl: this.options.databaseUrl, nats: connection, registry: events.registry, logger: this.logger, ...events.relay });
        this.consumers = events.consumers?.(this.pool, connection) ?? [];
      },
      (error: unknown) => this.logger.error({ err: error }, 'cannot connect to NATS; events stay in the outbox'),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.relay?.stop();
    await this.connection?.close();
  }
}

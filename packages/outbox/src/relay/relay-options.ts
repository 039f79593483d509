import type { EventRegistry } from '@shop/events';
import type { Logger } from '@shop/logger';
import type { NatsConnection } from '@shop/nats';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-delay.js';

/** What a service gives its relay. Everything after `logger` has a default that suits production. */
export interface OutboxRelayOptions {
  /** The service's database. The relay opens two connections of its own: its lock session and its LISTEN. */
  databaseUrl: string;
  /** The connection to publish on (from connectNats); the caller owns it, the relay never closes it. */
  nats: NatsConnection;
  /** The service's event types: each row's subject, and the stream to ensure (streamOf(registry.service)). */
  registry: EventRegistry;
  logger: Logger;
  /** Rows per claim (default 500: batching is what makes the relay fast). */
  batchSize?: number;
  /** The safety-net poll when no NOTIFY comes (default 1 s). */
  pollIntervalMs?: number;
  /** How often a standby asks for the lock (default 1 s). */
  standbyRetryMs?: number;
  /** How long one publish waits for its ack (default 5 s). */
  publishTimeoutMs?: number;
  /** Backoff of a row after a failed publish (default 0.5 s doubling up to 30 s, with jitter). */
  retry?: RetryPolicy;
  /** Shown in pg_stat_activity for both connections (default "<service>-outbox-relay"). */
  applicationName?: string;
}

/** The options with every default filled in. */
export type RelaySettings = Required<OutboxRelayOptions>;

/** Fills in the defaults and refuses nonsense early. */
export function relaySettings(options: OutboxRelayOptions): RelaySettings {
  const settings: RelaySettings = {
    ...options,
    batchSize: options.batchSize ?? 500,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    standbyRetryMs: options.standbyRetryMs ?? 1_000,
    publishTimeoutMs: options.publishTimeoutMs ?? 5_000,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    applicationName: options.applicationName ?? `${options.registry.service}-outbox-relay`,
  };
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) throw new Error(`outbox relay: batchSize must be a positive integer, got ${settings.batchSize}`);
  return settings;
}

import type { EventRegistry } from '@shop/events';
import type { Logger } from '@shop/logger';
import { DEFAULT_STREAM_LIMITS, type NatsConnection, type StreamLimits } from '@shop/nats';
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
  /**
   * Failed publishes of a row, while JetStream answers, before the row is parked (OUTBOX_MAX_ATTEMPTS, default 10:
   * one to two minutes of retries with the default backoff). Publishes that fail because NATS is down are not counted.
   */
  maxAttempts?: number;
  /** What the service's stream keeps (STREAM_MAX_AGE_MS, STREAM_MAX_BYTES); the relay applies them to its stream. */
  streamLimits?: StreamLimits;
}

/** Failed publishes before a row is parked, when the service does not say. */
export const DEFAULT_OUTBOX_MAX_ATTEMPTS = 10;

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
    maxAttempts: options.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS,
    streamLimits: options.streamLimits ?? DEFAULT_STREAM_LIMITS,
  };
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) throw new Error(`outbox relay: batchSize must be a positive integer, got ${settings.batchSize}`);
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1) throw new Error(`outbox relay: maxAttempts must be a positive integer, got ${settings.maxAttempts}`);
  return settings;
}

/** The relay settings a service's config may hold, by their variable names. */
export interface RelaySettingsConfig {
  OUTBOX_MAX_ATTEMPTS?: number | undefined;
  STREAM_MAX_AGE_MS?: number | undefined;
  STREAM_MAX_BYTES?: number | undefined;
}

/** A service's settings as relay options (what is not set keeps the relay's default), so every app maps them alike. */
export function relayLimitsOf(config: RelaySettingsConfig): Pick<OutboxRelayOptions, 'maxAttempts' | 'streamLimits'> {
  return {
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS ?? DEFAULT_OUTBOX_MAX_ATTEMPTS,
    streamLimits: { maxAgeMs: config.STREAM_MAX_AGE_MS ?? DEFAULT_STREAM_LIMITS.maxAgeMs, maxBytes: config.STREAM_MAX_BYTES ?? DEFAULT_STREAM_LIMITS.maxBytes },
  };
}

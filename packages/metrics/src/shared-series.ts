import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry.js';
import { SampledSeries } from './sampled-series.js';

/** Connections of each Postgres pool by state; the service host samples its pool. */
export const poolConnections = new SampledSeries('gauge', {
  name: 'pg_pool_connections',
  help: 'Connections of a Postgres pool, by state: idle, or in use.',
  labelNames: ['pool', 'state'] as const,
});

/** Clients waiting for a connection of each pool (the pool is exhausted while this is above zero). */
export const poolWaitingClients = new SampledSeries('gauge', {
  name: 'pg_pool_waiting_clients',
  help: 'Queries waiting for a free connection of a Postgres pool.',
  labelNames: ['pool'] as const,
});

/** How far behind the outbox relay is: the age of the oldest committed event not yet published. */
export const outboxOldestUnpublishedAge = new SampledSeries('gauge', {
  name: 'outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest outbox row not yet published to NATS (0 when every row is published).',
  labelNames: ['database'] as const,
});

/** Messages on the stream that a consumer's durable has not received yet. */
export const consumerPendingMessages = new SampledSeries('gauge', {
  name: 'event_consumer_pending_messages',
  help: 'Messages of the stream not yet delivered to the durable consumer.',
  labelNames: ['consumer', 'durable'] as const,
});

/** Every message a consumer received again after a first delivery (a nak, a crash, an ack lost). */
export const consumerRedeliveries = new Counter({
  name: 'event_consumer_redeliveries_total',
  help: 'Messages received by a consumer that had been delivered before.',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

/** Events a consumer gave up on and filed in dead_letters. */
export const consumerDeadLetters = new Counter({
  name: 'event_consumer_dead_letters_total',
  help: 'Events moved to the dead letters after their last failed attempt (or undecodable).',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

/** Events a consumer handled (committed with their inbox row). */
export const consumerEventsHandled = new Counter({
  name: 'event_consumer_events_handled_total',
  help: 'Events handled and committed by a consumer.',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

/** Reads of each record cache, by result; the caches keep the counts, this reads them at scrape time. */
export const cacheLookups = new SampledSeries('counter', {
  name: 'read_cache_lookups_total',
  help: 'Lookups in a record cache, by result: hit, or miss (read from the database).',
  labelNames: ['cache', 'result'] as const,
});

/** The number of keys each DataLoader batch carried, by loader. */
export const dataLoaderBatchSize = new Histogram({
  name: 'dataloader_batch_size',
  help: 'Keys per DataLoader batch, by loader.',
  labelNames: ['loader'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200],
  registers: [metricsRegistry],
});

import { decodeEnvelope } from '@shop/events';
import type { Logger } from '@shop/logger';
import { connectNats, type NatsConnection } from '@shop/nats';
import type { VersionedCache } from './versioned-cache.js';

/** What the feed does to a cache, whatever it holds. */
export type InvalidationTarget = Pick<VersionedCache<never>, 'setLive' | 'flush' | 'invalidate' | 'knownVersion'>;

/** Where a cache hears of changes made by other processes of its service. */
export interface InvalidationFeedOptions {
  natsUrl: string;
  /** The subjects of the cached records' events, e.g. `shop.catalog.product.>`. */
  subject: string;
  cache: InvalidationTarget;
  logger: Logger;
  /** The connection's name, for NATS monitoring. */
  name: string;
}

/** A running feed. */
export interface InvalidationFeed {
  /** Resolves once the subscription is in place and the cache is live (or on stop). */
  readonly live: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps a cache fresh across the replicas of a service: every replica hears every record event (a plain NATS
 * subscription on the events' subjects, which JetStream publishes are, so no consumer is made and no stream
 * permission is needed) and forgets that record. The relay publishes each record's events in version order, so an
 * event whose version skips one means messages were lost: the cache flushes. It flushes too when the connection
 * drops (and stays empty, serving nothing, until it is back) or reports a slow consumer.
 */
export function startInvalidationFeed(options: InvalidationFeedOptions): InvalidationFeed {
  const log = options.logger.child({ component: 'cache-invalidation' });
  const { cache } = options;
  cache.setLive(false);
  let connection: NatsConnection | undefined;
  let stopped = false;
  let markLive: () => void = () => {};
  const live = new Promise<void>((resolve) => (markLive = resolve));

  const onEvent = (data: Uint8Array) => {
    let envelope;
    try {
      envelope = decodeEnvelope(data);
    } catch (error) {
      log.warn({ err: error }, 'undecodable event: flushing the cache, since which record changed is unknown');
      cache.flush();
      return;
    }
    const known = cache.knownVersion(envelope.aggregateId);
    if (known !== undefined && envelope.aggregateVersion > known + 1) {
      log.warn({ id: envelope.aggregateId, known, received: envelope.aggregateVersion }, 'events were missed: flushing the cache');
      cache.flush();
    }
    cache.invalidate(envelope.aggregateId, envelope.aggregateVersion);
  };

  const run = async () => {
    connection = await connectNats(options.natsUrl, options.name);
    if (stopped) return void (await connection.close());
    const nats = connection;
    nats.subscribe(options.subject, { callback: (error, message) => (error ? log.warn({ err: error }, 'subscription error') : onEvent(message.data)) });
    // The server has the subscription once it answered a round trip; events from then on reach this process.
    await nats.flush();
    cache.setLive(true);
    markLive();
    for await (const status of nats.status()) {
      if (status.type === 'disconnect') cache.setLive(false);
      // Subscriptions are sent again on reconnect; once the server answered a round trip they are in place.
      else if (status.type === 'reconnect') void nats.flush().then(() => cache.setLive(true), () => undefined);
      else if (status.type === 'slowConsumer') {
        log.warn('slow consumer: events were dropped; flushing the cache');
        cache.flush();
      }
    }
  };
  const running = run().catch((error: unknown) => {
    cache.setLive(false);
    log.error({ err: error }, 'cache invalidation feed stopped; the cache serves nothing');
  });

  return {
    live,
    stop: async () => {
      stopped = true;
      markLive();
      await connection?.close();
      if (connection) await running;
    },
  };
}

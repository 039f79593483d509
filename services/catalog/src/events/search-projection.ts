import { decodePayload, streamOf, type Envelope } from '@shop/events';
import { startConsumer, type EventConsumer, type EventHandler } from '@shop/event-consumer';
import type { Logger } from '@shop/logger';
import type { NatsConnection } from '@shop/nats';
import type { Pool } from '@shop/postgres';
import type { IndexChange } from '../repository/elasticsearch/index-change.js';
import type { ProductIndexWriter } from '../repository/elasticsearch/product-index-writer.js';
import { productFromProto } from '../server/catalog-proto-mapper.js';

/** The durable consumer (and inbox name) that keeps the search index in step with the catalog's product events. */
export const SEARCH_PROJECTION_CONSUMER = 'catalog-search-projection';

type ProductPayload = { product: Parameters<typeof productFromProto>[0] };

/** The index change a product event stands for: its product as of the event, at the event's version; none for other events. */
export function indexChangeOf(envelope: Envelope): IndexChange | undefined {
  switch (envelope.eventType) {
    case 'shop.catalog.v1.ProductCreated':
    case 'shop.catalog.v1.ProductUpdated':
      // Stock changes arrive here too: the stock saga records them as ProductUpdated.
      return { kind: 'upsert', product: productFromProto(decodePayload<ProductPayload>(envelope).product), version: envelope.aggregateVersion };
    case 'shop.catalog.v1.ProductDeleted':
      return { kind: 'remove', id: envelope.aggregateId, version: envelope.aggregateVersion };
    default:
      return undefined;
  }
}

/**
 * The projection's handler. The index is not part of the consumer's transaction, so the inbox alone cannot make
 * it exactly-once; external versions do: a redelivered or replayed change is refused by Elasticsearch as old.
 * An index that is down or not built yet throws SearchUnavailableError, which the consumer retries without
 * counting attempts: an outage delays the index, it never dead-letters an event.
 */
export function searchProjectionHandler(writer: ProductIndexWriter): EventHandler {
  return async (_tx, envelope) => {
    const change = indexChangeOf(envelope);
    if (change) await writer.apply(change);
  };
}

/** Starts the search projection: the catalog consuming its own product events (CQRS read side). */
export function startSearchProjection(options: { connection: NatsConnection; pool: Pool; writer: ProductIndexWriter; logger: Logger }): EventConsumer {
  return startConsumer({
    connection: options.connection,
    pool: options.pool,
    stream: streamOf('catalog'),
    durable: SEARCH_PROJECTION_CONSUMER,
    filterSubjects: ['shop.catalog.product.>'],
    handler: searchProjectionHandler(options.writer),
    logger: options.logger,
  });
}

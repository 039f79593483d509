import { decodePayload, streamOf, type Envelope } from '@shop/events';
import { startConsumer, type ConsumerLimits, type EventConsumer, type EventHandler } from '@shop/event-consumer';
import type { Logger } from '@shop/logger';
import type { NatsConnection } from '@shop/nats';
import type { Pool } from '@shop/postgres';
import type { IndexChange } from '../repository/elasticsearch/index-change.js';
import type { ProductIndexWriter } from '../repository/elasticsearch/product-index-writer.js';
import { productFromProto } from '../server/catalog-proto-mapper.js';

/** The durable consumer (and inbox name) that keeps the search index in step with the catalog's product events. */
export const SEARCH_PROJECTION_CONSUMER = 'catalog-search-projection';

type ProductPayload = { product: Parameters<typeof productFromProto>[0] };

/** A stock change of the saga: it carries only the new stock, so the index takes the product as stored now. */
export interface StockRefresh {
  kind: 'refresh';
  id: string;
  version: number;
}

/**
 * What a product event asks of the index: the change it carries (the product as of the event, at its version, or a
 * removal), or for ProductStockChanged a refresh from the products table; nothing for other events.
 */
export function indexChangeOf(envelope: Envelope): IndexChange | StockRefresh | undefined {
  switch (envelope.eventType) {
    case 'shop.catalog.v1.ProductCreated':
    case 'shop.catalog.v1.ProductUpdated':
      return { kind: 'upsert', product: productFromProto(decodePayload<ProductPayload>(envelope).product), version: envelope.aggregateVersion };
    case 'shop.catalog.v1.ProductStockChanged':
      return { kind: 'refresh', id: envelope.aggregateId, version: envelope.aggregateVersion };
    case 'shop.catalog.v1.ProductDeleted':
      return { kind: 'remove', id: envelope.aggregateId, version: envelope.aggregateVersion };
    default:
      return undefined;
  }
}

/** Reads a product as stored now, at its version (ProductPgSnapshot.current). */
export type CurrentProduct = (id: string) => Promise<IndexChange | undefined>;

/**
 * The projection's handler. The index is not part of the consumer's transaction, so the inbox alone cannot make
 * it exactly-once; external versions do: a redelivered or replayed change is refused by Elasticsearch as old.
 * A stock change writes the product as the table holds it now, at the table's version (never older than the
 * event's): the later events of the product then find that version in the index and are skipped as applied, and
 * a product deleted meanwhile is left to its ProductDeleted. An index that is down or not built yet throws
 * SearchUnavailableError, which the consumer retries without counting attempts: an outage delays the index, it
 * never dead-letters an event.
 */
export function searchProjectionHandler(writer: ProductIndexWriter, current: CurrentProduct): EventHandler {
  return async (_tx, envelope) => {
    const change = indexChangeOf(envelope);
    if (change?.kind === 'refresh') {
      const stored = await current(change.id);
      if (stored) await writer.apply(stored);
    } else if (change) {
      await writer.apply(change);
    }
  };
}

/** Starts the search projection: the catalog consuming its own product events (CQRS read side). */
export function startSearchProjection(options: {
  connection: NatsConnection;
  pool: Pool;
  writer: ProductIndexWriter;
  current: CurrentProduct;
  logger: Logger;
  limits?: ConsumerLimits;
}): EventConsumer {
  return startConsumer({
    connection: options.connection,
    pool: options.pool,
    stream: streamOf('catalog'),
    durable: SEARCH_PROJECTION_CONSUMER,
    filterSubjects: ['shop.catalog.product.>'],
    handler: searchProjectionHandler(options.writer, options.current),
    logger: options.logger,
    ...options.limits,
  });
}

import { aggregateEventCodec, decodePayload, type Envelope, EventRegistry, type NewEvent } from '@shop/events';
import { PRODUCT_FIELDS, type ProductEvent, type ProductEventCodec } from '../domain/product-events.js';
import { toProto } from '../server/catalog-proto-mapper.js';

/** The catalog service's events: published on shop.catalog.<aggregate>.<event>, stream SHOP_CATALOG. */
export const catalogEventRegistry = new EventRegistry('catalog', [
  { type: 'shop.catalog.v1.ProductCreated', aggregateType: 'product', subject: 'shop.catalog.product.created' },
  { type: 'shop.catalog.v1.ProductUpdated', aggregateType: 'product', subject: 'shop.catalog.product.updated' },
  { type: 'shop.catalog.v1.ProductDeleted', aggregateType: 'product', subject: 'shop.catalog.product.deleted' },
]);

function toNewEvent(event: ProductEvent): NewEvent {
  switch (event.kind) {
    case 'created':
      return { type: 'shop.catalog.v1.ProductCreated', aggregateId: event.product.id, message: { product: toProto(event.product) } };
    case 'updated':
      return { type: 'shop.catalog.v1.ProductUpdated', aggregateId: event.product.id, message: { product: toProto(event.product), changedFields: event.changedFields } };
    case 'deleted':
      return { type: 'shop.catalog.v1.ProductDeleted', aggregateId: event.productId, message: { productId: event.productId } };
  }
}

function changedFieldsOf(envelope: Envelope): string[] {
  switch (envelope.eventType) {
    case 'shop.catalog.v1.ProductCreated':
      return [...PRODUCT_FIELDS];
    case 'shop.catalog.v1.ProductUpdated':
      return decodePayload<{ changedFields: string[] }>(envelope).changedFields;
    default:
      return [];
  }
}

/** Product events <-> protobuf envelopes, for the outbox writes and the history reads of the repositories. */
export const catalogEventsWire: ProductEventCodec = aggregateEventCodec(catalogEventRegistry, toNewEvent, changedFieldsOf);

import { aggregateEventCodec, decodePayload, type AggregateEventCodec, type Envelope, EventRegistry, type NewEvent } from '@shop/events';
import { PRODUCT_FIELDS, type ProductEvent, type ProductEventCodec } from '../domain/product-events.js';
import type { ReservationEvent } from '../domain/stock-reservation.js';
import { toProto } from '../server/catalog-proto-mapper.js';

/** The catalog service's events: published on shop.catalog.<aggregate>.<event>, stream SHOP_CATALOG. */
export const catalogEventRegistry = new EventRegistry('catalog', [
  { type: 'shop.catalog.v1.ProductCreated', aggregateType: 'product', subject: 'shop.catalog.product.created' },
  { type: 'shop.catalog.v1.ProductUpdated', aggregateType: 'product', subject: 'shop.catalog.product.updated' },
  { type: 'shop.catalog.v1.ProductDeleted', aggregateType: 'product', subject: 'shop.catalog.product.deleted' },
  { type: 'shop.catalog.v1.ProductStockChanged', aggregateType: 'product', subject: 'shop.catalog.product.stock_changed' },
  { type: 'shop.catalog.v1.StockReserved', aggregateType: 'stock_reservation', subject: 'shop.catalog.stock_reservation.reserved' },
  { type: 'shop.catalog.v1.StockReservationRejected', aggregateType: 'stock_reservation', subject: 'shop.catalog.stock_reservation.rejected' },
  { type: 'shop.catalog.v1.StockReleased', aggregateType: 'stock_reservation', subject: 'shop.catalog.stock_reservation.released' },
]);

function toNewEvent(event: ProductEvent): NewEvent {
  switch (event.kind) {
    case 'created':
      return { type: 'shop.catalog.v1.ProductCreated', aggregateId: event.product.id, message: { product: toProto(event.product) } };
    case 'updated':
      return { type: 'shop.catalog.v1.ProductUpdated', aggregateId: event.product.id, message: { product: toProto(event.product), changedFields: event.changedFields } };
    case 'stockChanged':
      return { type: 'shop.catalog.v1.ProductStockChanged', aggregateId: event.productId, message: { productId: event.productId, stock: event.stock } };
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
    case 'shop.catalog.v1.ProductStockChanged':
      return ['stock'];
    default:
      return [];
  }
}

/** Product events <-> protobuf envelopes, for the outbox writes and the history reads of the repositories. */
export const catalogEventsWire: ProductEventCodec = aggregateEventCodec(catalogEventRegistry, toNewEvent, changedFieldsOf);

function reservationMessage(event: ReservationEvent): NewEvent {
  const base = { orderId: event.orderId, lines: event.lines };
  switch (event.kind) {
    case 'reserved':
      return { type: 'shop.catalog.v1.StockReserved', aggregateId: event.orderId, message: base };
    case 'rejected':
      return { type: 'shop.catalog.v1.StockReservationRejected', aggregateId: event.orderId, message: { ...base, reason: event.reason } };
    case 'released':
      return { type: 'shop.catalog.v1.StockReleased', aggregateId: event.orderId, message: base };
  }
}

/** Reservation events <-> protobuf envelopes (aggregate stock_reservation, id = the order id). */
export const reservationEventsWire: AggregateEventCodec<ReservationEvent> = aggregateEventCodec(catalogEventRegistry, reservationMessage, () => ['status']);

import { decodePayload, streamOf, type Envelope } from '@shop/events';
import { startConsumer, TRANSACTIONAL_BATCH_SIZE, type ConsumerLimits, type EventConsumer } from '@shop/event-consumer';
import type { Logger } from '@shop/logger';
import type { NatsConnection } from '@shop/nats';
import type { Pool, Tx } from '@shop/postgres';
import type { StockReservationPgStore } from '../repository/stock-reservation-pg-store.js';

/** The durable consumer (and inbox name) of the catalog side of the stock saga. */
export const ORDER_EVENTS_CONSUMER = 'catalog-stock-saga';

/**
 * The catalog side of the stock saga: OrderCreated reserves the order's stock (all lines or none) and
 * OrderCancelled releases it, or, when it comes first (its OrderCreated was dead-lettered), records the order as
 * cancelled so that a redriven OrderCreated reserves nothing. Runs in the consumer's transaction, with its inbox row.
 */
export function orderEventsHandler(reservations: StockReservationPgStore) {
  return async (tx: Tx, envelope: Envelope): Promise<void> => {
    if (envelope.eventType === 'shop.order.v1.OrderCreated') {
      const { order } = decodePayload<OrderCreatedPayload>(envelope);
      await reservations.reserve(tx, order.id, order.items.map((item) => ({ productId: item.productId, quantity: item.quantity })));
    } else if (envelope.eventType === 'shop.order.v1.OrderCancelled') {
      await reservations.release(tx, decodePayload<{ orderId: string }>(envelope).orderId);
    }
  };
}

type OrderCreatedPayload = { order: { id: string; items: { productId: string; quantity: number }[] } };

/** The first step of each batch of the saga: lock every product the batch's orders will touch, in one order. */
export function orderEventsBatchPreparation(reservations: StockReservationPgStore) {
  return async (tx: Tx, envelopes: readonly Envelope[]): Promise<void> => {
    const reserving = envelopes
      .filter((envelope) => envelope.eventType === 'shop.order.v1.OrderCreated')
      .flatMap((envelope) => decodePayload<OrderCreatedPayload>(envelope).order.items.map((item) => ({ productId: item.productId, quantity: item.quantity })));
    const releasing = envelopes.filter((envelope) => envelope.eventType === 'shop.order.v1.OrderCancelled').map((envelope) => decodePayload<{ orderId: string }>(envelope).orderId);
    await reservations.lockStockOf(tx, reserving, releasing);
  };
}

/** Starts the consumer of the order service's events. */
export function startOrderEventsConsumer(options: {
  connection: NatsConnection;
  pool: Pool;
  reservations: StockReservationPgStore;
  logger: Logger;
  limits?: ConsumerLimits;
}): EventConsumer {
  return startConsumer({
    connection: options.connection,
    pool: options.pool,
    stream: streamOf('order'),
    durable: ORDER_EVENTS_CONSUMER,
    filterSubjects: ['shop.order.order.>'],
    // Orders are independent of each other: each partition's orders settle beside the others'.
    partitioned: true,
    // The handler writes only through the transaction it is handed: a batch of events shares one commit.
    batchSize: TRANSACTIONAL_BATCH_SIZE,
    handler: orderEventsHandler(options.reservations),
    prepareBatch: orderEventsBatchPreparation(options.reservations),
    logger: options.logger,
    ...options.limits,
  });
}

import { decodePayload, streamOf, type Envelope } from '@shop/events';
import { startConsumer, TRANSACTIONAL_BATCH_SIZE, type ConsumerLimits, type EventConsumer } from '@shop/event-consumer';
import type { Logger } from '@shop/logger';
import type { NatsConnection } from '@shop/nats';
import type { Pool, Tx } from '@shop/postgres';
import type { OrderPgRepository } from '../repository/order-pg-repository.js';

/** The durable consumer (and inbox name) of the order side of the stock saga. */
export const STOCK_OUTCOME_CONSUMER = 'order-stock-saga';

/**
 * The order side of the stock saga: StockReserved confirms a PENDING order, StockReservationRejected rejects it.
 * Runs in the consumer's transaction, with its inbox row, so a redelivery changes nothing.
 */
export function stockOutcomeHandler(orders: OrderPgRepository, now: () => Date = () => new Date()) {
  return async (tx: Tx, envelope: Envelope): Promise<void> => {
    const reserved = envelope.eventType === 'shop.catalog.v1.StockReserved';
    if (!reserved && envelope.eventType !== 'shop.catalog.v1.StockReservationRejected') return;
    const { orderId } = decodePayload<{ orderId: string }>(envelope);
    await orders.updateIn(tx, orderId, (order) => order.settleReservation(reserved, now()), null);
  };
}

/** Starts the consumer of the catalog's reservation outcomes. */
export function startStockOutcomeConsumer(options: {
  connection: NatsConnection;
  pool: Pool;
  orders: OrderPgRepository;
  logger: Logger;
  limits?: ConsumerLimits;
}): EventConsumer {
  return startConsumer({
    connection: options.connection,
    pool: options.pool,
    stream: streamOf('catalog'),
    durable: STOCK_OUTCOME_CONSUMER,
    filterSubjects: ['shop.catalog.stock_reservation.>'],
    // Orders are independent of each other: each partition's orders settle beside the others'.
    partitioned: true,
    // The handler writes only through the transaction it is handed: a batch of events shares one commit.
    batchSize: TRANSACTIONAL_BATCH_SIZE,
    handler: stockOutcomeHandler(options.orders),
    logger: options.logger,
    ...options.limits,
  });
}

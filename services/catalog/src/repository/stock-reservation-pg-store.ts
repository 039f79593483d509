import type { AggregateEventCodec } from '@shop/events';
import { appendToOutbox } from '@shop/outbox';
import type { Tx } from '@shop/postgres';
import type { Product } from '../domain/product.js';
import type { ProductEventCodec } from '../domain/product-events.js';
import { decideReservation, type ReservationEvent, type StockLine } from '../domain/stock-reservation.js';
import { PRODUCT_COLUMNS, toDomain, type ProductRow } from './product-row.js';

/** The most stock a product can hold (the domain's limit); a release never pushes past it. */
const MAX_STOCK = 1_000_000;

/**
 * Reserves and releases stock for orders inside an event handler's transaction: the stock change, the
 * reservation row, every product's ProductStockChanged (only the new stock, not the product) and the reservation's
 * own event commit together. Products are locked in id order, so concurrent reservations never deadlock and never
 * oversell; an admin's stock change takes the same row lock (see Product.update's expectedStock).
 */
export class StockReservationPgStore {
  constructor(
    private readonly productEvents: ProductEventCodec,
    private readonly reservationEvents: AggregateEventCodec<ReservationEvent>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Reserves all lines or none; a second call for the same order does nothing, and so does a call for an order
   * already cancelled (its CANCELLED row: the cancellation came first, see release).
   */
  async reserve(tx: Tx, orderId: string, lines: StockLine[]): Promise<void> {
    const { rowCount } = await tx.query('SELECT 1 FROM stock_reservations WHERE order_id = $1 FOR UPDATE', [orderId]);
    if (rowCount) return;
    const products = await this.lockProducts(tx, lines.map((line) => line.productId));
    const decision = decideReservation(lines, new Map(products.map(({ product }) => [product.id, product])));
    const now = this.now();
    if (decision.reserved) await this.moveStock(tx, products, lines, -1, now);
    await tx.query('INSERT INTO stock_reservations (order_id, status, lines, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [
      orderId,
      decision.reserved ? 'RESERVED' : 'REJECTED',
      JSON.stringify(lines),
      now,
    ]);
    const event: ReservationEvent = decision.reserved ? { kind: 'reserved', orderId, lines } : { kind: 'rejected', orderId, lines, reason: decision.reason };
    await appendToOutbox(tx, this.reservationEvents.toEnvelopes([event], 1, now, null));
  }

  /**
   * Puts a RESERVED order's stock back (products deleted meanwhile are skipped). An order with no reservation yet
   * (its OrderCreated is in the dead letters: the stream moved on) gets a CANCELLED row instead, so a later redrive of
   * its OrderCreated reserves nothing; anything else does nothing.
   */
  async release(tx: Tx, orderId: string): Promise<void> {
    const now = this.now();
    const { rowCount } = await tx.query(
      `INSERT INTO stock_reservations (order_id, status, lines, created_at, updated_at) VALUES ($1, 'CANCELLED', '[]', $2, $2)
       ON CONFLICT (order_id) DO NOTHING`,
      [orderId, now],
    );
    if (rowCount === 1) return;
    const { rows } = await tx.query<{ status: string; lines: StockLine[] }>('SELECT status, lines FROM stock_reservations WHERE order_id = $1 FOR UPDATE', [orderId]);
    const reservation = rows[0];
    if (reservation?.status !== 'RESERVED') return;
    const products = await this.lockProducts(tx, reservation.lines.map((line) => line.productId));
    await this.moveStock(tx, products, reservation.lines, +1, now);
    await tx.query("UPDATE stock_reservations SET status = 'RELEASED', updated_at = $2 WHERE order_id = $1", [orderId, now]);
    await appendToOutbox(tx, this.reservationEvents.toEnvelopes([{ kind: 'released', orderId, lines: reservation.lines }], 2, now, null));
  }

  /**
   * Locks, in id order and in one statement, every product that these reservations (their lines) and releases (of
   * these orders) will touch: a batch of the saga takes all its locks up front, so two batches wait for each
   * other instead of deadlocking. reserve and release then find the locks already held.
   */
  async lockStockOf(tx: Tx, reserving: readonly StockLine[], releasingOrderIds: readonly string[]): Promise<void> {
    const ids = new Set(reserving.map((line) => line.productId));
    if (releasingOrderIds.length > 0) {
      const { rows } = await tx.query<{ lines: StockLine[] }>('SELECT lines FROM stock_reservations WHERE order_id = ANY($1::uuid[])', [releasingOrderIds]);
      for (const row of rows) for (const line of row.lines) ids.add(line.productId);
    }
    if (ids.size > 0) await tx.query('SELECT 1 FROM products WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[...ids]]);
  }

  private async lockProducts(tx: Tx, ids: string[]): Promise<{ product: Product; version: number }[]> {
    const { rows } = await tx.query<ProductRow & { version: string }>(
      `SELECT ${PRODUCT_COLUMNS}, version FROM products WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => ({ product: toDomain(row), version: Number(row.version) }));
  }

  /** Takes (-1) or gives back (+1) each line's quantity, recording a ProductStockChanged with the new stock. */
  private async moveStock(tx: Tx, products: { product: Product; version: number }[], lines: StockLine[], direction: 1 | -1, now: Date): Promise<void> {
    const quantities = new Map(lines.map((line) => [line.productId, line.quantity]));
    for (const { product, version } of products) {
      const stock = Math.min(MAX_STOCK, product.stock + direction * (quantities.get(product.id) ?? 0));
      await tx.query('UPDATE products SET stock = $2, updated_at = $3, version = $4 WHERE id = $1', [product.id, stock, now, version + 1]);
      await appendToOutbox(tx, this.productEvents.toEnvelopes([{ kind: 'stockChanged', productId: product.id, stock }], version + 1, now, null));
    }
  }
}

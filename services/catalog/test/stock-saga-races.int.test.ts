import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeEnvelope } from '@shop/events';
import { redriveDeadLetters } from '@shop/event-consumer';
import { newId } from '@shop/ids';
import { readHistory } from '@shop/outbox';
import { createPool, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, waitFor, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { catalogEventsWire, reservationEventsWire } from '../src/events/catalog-events-wire.js';
import { ORDER_EVENTS_CONSUMER, orderEventsHandler } from '../src/events/order-events-consumer.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { StockReservationPgStore } from '../src/repository/stock-reservation-pg-store.js';
import { orderEvent } from './order-event.js';
import { aProduct } from './product-builder.js';

let database: TestDatabase;
let pool: Pool;
let products: ProductPgRepository;
const store = new StockReservationPgStore(catalogEventsWire, reservationEventsWire);
const handler = orderEventsHandler(store);

beforeAll(async () => {
  database = await createTestDatabase('stock_races', MIGRATIONS);
  pool = createPool(database.url);
  products = new ProductPgRepository(pool, catalogEventsWire);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const stockOf = async (id: string) => (await products.get(id))!.stock;
const reservationOf = async (orderId: string) => (await pool.query<{ status: string }>('SELECT status FROM stock_reservations WHERE order_id = $1', [orderId])).rows[0]?.status;

describe('the stock saga, when events come late', () => {
  it('reserves nothing for a redriven OrderCreated whose order was cancelled meanwhile', async () => {
    const product = aProduct({ stock: 4 });
    await products.add(product, null);
    const orderId = newId();
    const created = orderEvent('OrderCreated', orderId, 1, { order: { id: orderId, accountId: newId(), items: [{ productId: product.id, quantity: 3 }] } });
    // OrderCreated failed its attempts and waits in the dead letters; the stream moved on to the cancellation.
    await pool.query(
      `INSERT INTO dead_letters (consumer, event_id, event_type, subject, envelope, attempts, last_error)
       VALUES ($1, $2, $3, 'shop.order.order.created', $4, 5, 'the catalog database was refusing writes')`,
      [ORDER_EVENTS_CONSUMER, created.eventId, created.eventType, Buffer.from(encodeEnvelope(created))],
    );
    const cancelled = orderEvent('OrderCancelled', orderId, 2, { orderId, stockReserved: false });
    await withTransaction(pool, (tx) => handler(tx, cancelled));
    expect(await reservationOf(orderId)).toBe('CANCELLED');

    expect(await redriveDeadLetters({ pool, consumer: ORDER_EVENTS_CONSUMER, handler })).toEqual({ redriven: 1, alreadyHandled: 0, failed: 0 });
    expect(await stockOf(product.id)).toBe(4);
    expect(await reservationOf(orderId)).toBe('CANCELLED');
    expect(await readHistory(pool, orderId, 'stock_reservation')).toEqual([]);
    expect((await readHistory(pool, product.id, 'product')).map((envelope) => envelope.eventType)).toEqual(['shop.catalog.v1.ProductCreated']);
  });

  it('still releases what an order reserved when its cancellation comes after, once', async () => {
    const product = aProduct({ stock: 4 });
    await products.add(product, null);
    const orderId = newId();
    await withTransaction(pool, (tx) => handler(tx, orderEvent('OrderCreated', orderId, 1, { order: { id: orderId, items: [{ productId: product.id, quantity: 3 }] } })));
    expect(await stockOf(product.id)).toBe(1);
    const cancelled = orderEvent('OrderCancelled', orderId, 3, { orderId, stockReserved: true });
    await withTransaction(pool, (tx) => handler(tx, cancelled));
    await withTransaction(pool, (tx) => handler(tx, cancelled));
    expect([await stockOf(product.id), await reservationOf(orderId)]).toEqual([4, 'RELEASED']);
    // Each stock change of the saga is a compact ProductStockChanged; history shows it as a change of stock.
    const history = await products.history(product.id);
    expect(history.map((entry) => [entry.eventType, entry.changedFields, entry.actor])).toEqual([
      ['shop.catalog.v1.ProductCreated', ['name', 'description', 'price', 'stock'], null],
      ['shop.catalog.v1.ProductStockChanged', ['stock'], null],
      ['shop.catalog.v1.ProductStockChanged', ['stock'], null],
    ]);
    const [, taken] = await readHistory(pool, product.id, 'product');
    expect(taken!.payload.byteLength).toBeLessThan(50);
  });
});

describe("an admin's stock change", () => {
  it('is refused with a conflict when an order reserved stock after the admin read it, even while waiting on the row lock', async () => {
    const product = aProduct({ stock: 10 });
    const admin = newId();
    await products.add(product, admin);
    const read = await stockOf(product.id);

    // An order's reservation is under way: it holds the product's row lock.
    const reservation = await pool.connect();
    let adminChange: Promise<unknown> | undefined;
    try {
      await reservation.query('BEGIN');
      await store.reserve(reservation, newId(), [{ productId: product.id, quantity: 2 }]);
      // The admin saw 10 and wants 15: the change waits for the lock the reservation holds.
      adminChange = products.update(product.id, (current) => current.update({ stock: 15, expectedStock: read }, new Date()), admin).catch((error: unknown) => error);
      await waitFor('the admin change to wait on the row lock', async () => {
        const { rows } = await pool.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return rows.length > 0;
      });
      await reservation.query('COMMIT');
    } finally {
      reservation.release();
    }
    expect(await adminChange).toMatchObject({ kind: 'ALREADY_EXISTS', code: 'CATALOG.STOCK_CHANGED', field: 'stock' });
    expect(await stockOf(product.id)).toBe(8); // the reservation stands

    // The admin reads again and decides: their change applies on top of what the order took.
    const again = await stockOf(product.id);
    await products.update(product.id, (current) => current.update({ stock: again + 5, expectedStock: again }, new Date()), admin);
    expect(await stockOf(product.id)).toBe(13);
    // And a reservation that comes after the admin's change takes from the new figure.
    await withTransaction(pool, (tx) => store.reserve(tx, newId(), [{ productId: product.id, quantity: 3 }]));
    expect(await stockOf(product.id)).toBe(10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { readHistory } from '@shop/outbox';
import { createPool, withTransaction, type Pool } from '@shop/postgres';
import { createTestDatabase, type TestDatabase } from '@shop/testing';
import { MIGRATIONS } from '../src/app.js';
import { catalogEventsWire, reservationEventsWire } from '../src/events/catalog-events-wire.js';
import { ProductPgRepository } from '../src/repository/product-pg-repository.js';
import { StockReservationPgStore } from '../src/repository/stock-reservation-pg-store.js';
import { aProduct } from './product-builder.js';

let database: TestDatabase;
let pool: Pool;
let products: ProductPgRepository;
const store = new StockReservationPgStore(catalogEventsWire, reservationEventsWire);

beforeAll(async () => {
  database = await createTestDatabase('stock', MIGRATIONS);
  pool = createPool(database.url);
  products = new ProductPgRepository(pool, catalogEventsWire);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const stockOf = async (id: string) => (await products.get(id))!.stock;
const reservationTypes = async (orderId: string) => (await readHistory(pool, orderId, 'stock_reservation')).map((envelope) => envelope.eventType);

describe('StockReservationPgStore', () => {
  it('reserves all lines or none, once per order, and releases once', async () => {
    const [kettle, mug] = [aProduct({ stock: 5 }), aProduct({ stock: 1 })];
    const admin = newId();
    await products.add(kettle, admin);
    await products.add(mug, admin);

    const fits = newId();
    await withTransaction(pool, (tx) => store.reserve(tx, fits, [{ productId: kettle.id, quantity: 2 }, { productId: mug.id, quantity: 1 }]));
    await withTransaction(pool, (tx) => store.reserve(tx, fits, [{ productId: kettle.id, quantity: 2 }, { productId: mug.id, quantity: 1 }]));
    expect([await stockOf(kettle.id), await stockOf(mug.id)]).toEqual([3, 0]);
    expect(await reservationTypes(fits)).toEqual(['shop.catalog.v1.StockReserved']);
    // The saga's stock change is the system's: history records no account as its actor.
    expect((await products.history(kettle.id)).map((entry) => [entry.changedFields, entry.actor])).toEqual([
      [['name', 'description', 'price', 'stock'], admin],
      [['stock'], null],
    ]);

    const short = newId();
    await withTransaction(pool, (tx) => store.reserve(tx, short, [{ productId: kettle.id, quantity: 1 }, { productId: mug.id, quantity: 1 }]));
    expect([await stockOf(kettle.id), await stockOf(mug.id)]).toEqual([3, 0]);
    expect(await reservationTypes(short)).toEqual(['shop.catalog.v1.StockReservationRejected']);

    await withTransaction(pool, (tx) => store.release(tx, fits));
    await withTransaction(pool, (tx) => store.release(tx, fits));
    await withTransaction(pool, (tx) => store.release(tx, short));
    expect([await stockOf(kettle.id), await stockOf(mug.id)]).toEqual([5, 1]);
    expect(await reservationTypes(fits)).toEqual(['shop.catalog.v1.StockReserved', 'shop.catalog.v1.StockReleased']);
  });

  it('rejects an order for a product that no longer exists', async () => {
    const orderId = newId();
    await withTransaction(pool, (tx) => store.reserve(tx, orderId, [{ productId: newId(), quantity: 1 }]));
    expect(await reservationTypes(orderId)).toEqual(['shop.catalog.v1.StockReservationRejected']);
  });

  it('lets two saga batches whose orders cross products wait for each other instead of deadlocking (lockStockOf)', async () => {
    const [kettle, mug] = [aProduct({ stock: 10 }), aProduct({ stock: 10 })];
    await products.add(kettle, null);
    await products.add(mug, null);
    const earlier = newId();
    await withTransaction(pool, (tx) => store.reserve(tx, earlier, [{ productId: mug.id, quantity: 1 }]));
    // Each batch reserves one order's product, pauses, then the other's: without taking the batch's locks first,
    // in id order, the two would each hold one product and wait for the other's (a deadlock, 40P01).
    const batch = (first: string, second: string, releasing: string[]) =>
      withTransaction(pool, async (tx) => {
        await store.lockStockOf(tx, [{ productId: first, quantity: 1 }, { productId: second, quantity: 1 }], releasing);
        await store.reserve(tx, newId(), [{ productId: first, quantity: 1 }]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.reserve(tx, newId(), [{ productId: second, quantity: 1 }]);
        for (const orderId of releasing) await store.release(tx, orderId);
      });

    await Promise.all([batch(kettle.id, mug.id, []), batch(mug.id, kettle.id, [earlier])]);

    expect([await stockOf(kettle.id), await stockOf(mug.id)]).toEqual([8, 8]);
    expect(await reservationTypes(earlier)).toEqual(['shop.catalog.v1.StockReserved', 'shop.catalog.v1.StockReleased']);
  });

  it('never oversells: 10 concurrent orders for the last 3 units reserve exactly 3', async () => {
    const product = aProduct({ stock: 3 });
    await products.add(product, null);
    const orders = Array.from({ length: 10 }, () => newId());
    await Promise.all(orders.map((orderId) => withTransaction(pool, (tx) => store.reserve(tx, orderId, [{ productId: product.id, quantity: 1 }]))));
    const outcomes = await Promise.all(orders.map(reservationTypes));
    expect(outcomes.filter(([type]) => type === 'shop.catalog.v1.StockReserved')).toHaveLength(3);
    expect(outcomes.filter(([type]) => type === 'shop.catalog.v1.StockReservationRejected')).toHaveLength(7);
    expect(await stockOf(product.id)).toBe(0);
  });
});

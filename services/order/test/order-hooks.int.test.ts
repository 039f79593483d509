import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ValidationError } from '@shop/errors';
import type { OrderClient } from '../src/client/index.js';
import type { OrderAppParts } from '../src/app.js';
import { startOrderComponent, type OrderComponent } from './order-component.js';

// The README's hooks example, as written there, wired into a real order app through buildOrderApp's parts.

let shop: OrderComponent;
let orders: OrderClient;
const placed: { orderId: string; by: string }[] = [];

beforeAll(async () => {
  shop = await startOrderComponent('order_hooks');
  // Stands in for the service's logger, to see what the after-hook logs.
  const logger = { info: (fields: { orderId: string; by: string }, _message: string) => void placed.push(fields) };
  const hooks: OrderAppParts['hooks'] = {
    before: {
      createOrder: [
        ({ input }) => {
          if (input.items.length > 20) throw new ValidationError('ORDER.TOO_MANY_LINES', 'items', 'at most 20 lines, please');
        },
      ],
    },
    after: { createOrder: [({ caller }, order) => logger.info({ orderId: order.id, by: caller.kind }, 'order placed')] },
  };
  orders = await shop.anotherOrderApp('order_hooked', shop.catalogAddress, { jwks: shop.identity.jwks, hooks });
});
afterAll(async () => {
  await shop.stop();
});

describe('hooks wired in the composition root', () => {
  it('refuses an order the before-hook refuses, naming the field, and runs the after-hook for one it lets through', async () => {
    const customer = await shop.aCustomer('Hooked');
    const products = await Promise.all(Array.from({ length: 21 }, (_, index) => shop.aProduct(`Hooked ${index}`)));
    const lines = (count: number) => products.slice(0, count).map((product) => ({ productId: product.id, quantity: 1 }));

    await expect(orders.create({ items: lines(21) }, customer.auth)).rejects.toMatchObject({ kind: 'INVALID_ARGUMENT', code: 'ORDER.TOO_MANY_LINES', field: 'items' });
    expect(placed).toEqual([]);

    const order = await orders.create({ items: lines(20) }, customer.auth);
    expect(placed).toEqual([{ orderId: order.id, by: 'customer' }]);
  });
});

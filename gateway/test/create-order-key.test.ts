import { describe, expect, it } from '@jest/globals';
import type { CreateOrderInput, OrderView } from '@shop/order/client';
import { orderMutations } from '../src/resolvers/order-resolvers.js';

// The gateway's createOrder always sends an idempotency key: the client's, or one of its own per request, so the
// order client may retry the call after UNAVAILABLE without ever placing a second order.

type CreateOrder = (parent: unknown, args: { input: { items: { productId: string; quantity: number }[]; idempotencyKey?: string | null } }, context: unknown) => Promise<OrderView>;

/** Runs the resolver against an order client that records what it was asked. */
async function keysSent(...keys: (string | null | undefined)[]): Promise<(string | undefined)[]> {
  const sent: CreateOrderInput[] = [];
  const context = { auth: {}, clients: { orders: { create: async (input: CreateOrderInput) => (sent.push(input), {} as OrderView) } } };
  const createOrder = orderMutations.createOrder as unknown as CreateOrder;
  for (const idempotencyKey of keys) {
    await createOrder({}, { input: { items: [{ productId: '0b6a4a3e-9a4c-4c2f-8f4e-1f3e5d6c7b8a', quantity: 1 }], idempotencyKey } }, context);
  }
  return sent.map((input) => input.idempotencyKey);
}

describe('createOrder in the gateway', () => {
  it("sends the client's own key as it is", async () => {
    expect(await keysSent('checkout-42')).toEqual(['checkout-42']);
  });

  it('sends a new UUID for each request without a key', async () => {
    const [first, second] = await keysSent(undefined, null);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('refuses an empty key on idempotencyKey, which the wire could not tell from none', async () => {
    await expect(keysSent('')).rejects.toMatchObject({ kind: 'INVALID_ARGUMENT', field: 'idempotencyKey' });
  });
});

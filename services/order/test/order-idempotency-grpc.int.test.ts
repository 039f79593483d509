import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { expectRemoteFailure, startLostAnswerProxy, type LostAnswerProxy, type TestCaller } from '@shop/testing';
import { OrderClient } from '../src/client/index.js';
import { startOrderAppBeside, type OrderAppBeside } from './order-app-beside.js';
import { startOrderComponent, type OrderComponent } from './order-component.js';

// createOrder with an idempotency key through the real gRPC server and client: concurrent requests with one key,
// errors on the wire, and a retry after an answer lost once the order was committed.

let shop: OrderComponent;
let customer: TestCaller;
let kettle: string;

beforeAll(async () => {
  shop = await startOrderComponent('order_idem');
  customer = await shop.aCustomer('Ada');
  kettle = (await shop.aProduct('Idempotent kettle')).id;
});

afterAll(async () => {
  await shop?.stop();
});

const ordersOf = async (caller: TestCaller, client = shop.orders) => (await client.list({ accountId: caller.accountId, pageSize: 100 }, caller.auth)).orders;

describe('createOrder with an idempotency key over gRPC', () => {
  it('creates exactly one order for twenty concurrent requests with one key, and answers it to each', async () => {
    const grace = await shop.aCustomer('Grace');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => shop.orders.create({ items: [{ productId: kettle, quantity: 1 }], idempotencyKey: 'double-click' }, grace.auth)),
    );
    expect(new Set(answers.map((order) => order.id)).size).toBe(1);
    expect((await ordersOf(grace)).map((order) => order.id)).toEqual([answers[0]!.id]);
  });

  it('answers CONFLICT (ALREADY_EXISTS) on idempotencyKey for other items, and INVALID_ARGUMENT for a malformed key', async () => {
    await shop.orders.create({ items: [{ productId: kettle, quantity: 1 }], idempotencyKey: 'conflicting' }, customer.auth);
    await expectRemoteFailure(shop.orders.create({ items: [{ productId: kettle, quantity: 2 }], idempotencyKey: 'conflicting' }, customer.auth), {
      status: status.ALREADY_EXISTS,
      code: 'ORDER.IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    await expectRemoteFailure(shop.orders.create({ items: [{ productId: kettle, quantity: 1 }], idempotencyKey: 'x'.repeat(101) }, customer.auth), {
      status: status.INVALID_ARGUMENT,
      code: 'ORDER.INVALID_IDEMPOTENCY_KEY',
      field: 'idempotencyKey',
    });
  });

  describe('when the answer is lost after the order was committed', () => {
    let beside: OrderAppBeside;
    let proxy: LostAnswerProxy;
    let client: OrderClient;
    let loseNextAnswer = false;

    beforeAll(async () => {
      // The after-hook runs once the order is committed, right before the answer goes out: the proxy loses that
      // answer, once per test (a replay runs the hooks too, and its answer must get through).
      const arm = () => {
        if (loseNextAnswer) proxy.loseNextAnswer();
        loseNextAnswer = false;
      };
      beside = await startOrderAppBeside(shop, 'order_idem_lost', {}, { hooks: { after: { createOrder: [arm] } } });
      proxy = await startLostAnswerProxy(beside.address);
      client = OrderClient.connect(proxy.address, { deadlineMs: 5_000, maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 });
    });

    afterAll(async () => {
      client?.close();
      await proxy?.close();
      await beside?.stop();
    });

    it('retries a keyed createOrder, which answers the committed order: one order, no error', async () => {
      const linus = await shop.aCustomer('Linus');
      const lostBefore = proxy.lost;
      loseNextAnswer = true;
      const order = await client.create({ items: [{ productId: kettle, quantity: 1 }], idempotencyKey: 'lost-answer' }, linus.auth);
      expect(proxy.lost).toBe(lostBefore + 1);
      expect((await ordersOf(linus, client)).map((placed) => placed.id)).toEqual([order.id]);
    });

    it('does not retry a createOrder without a key: UNAVAILABLE, although the order was placed', async () => {
      const barbara = await shop.aCustomer('Barbara');
      loseNextAnswer = true;
      await expectRemoteFailure(client.create({ items: [{ productId: kettle, quantity: 1 }] }, barbara.auth), { status: status.UNAVAILABLE, code: 'GRPC.UNAVAILABLE' });
      expect(await ordersOf(barbara, client)).toHaveLength(1);
    });
  });
});

import { beforeEach, describe, expect, it } from '@jest/globals';
import { UseCaseHooks } from '@shop/hooks';
import { newId } from '@shop/ids';
import { createLogger } from '@shop/logger';
import { aCaller } from '../../test/order-service-fixture.js';
import { AccountDirectory, ProductShelf } from '../../test/order-lookup-stand-ins.js';
import { parseIdempotencyKey } from '../domain/idempotency.js';
import { orderEventsWire } from '../events/order-events-wire.js';
import { OrderMemoryRepository } from '../repository/order-memory-repository.js';
import { startIdempotencyPruner } from './idempotency-pruner.js';
import { ORDER_ACCESS } from './order-access.js';
import { OrderService } from './order-service.js';

// createOrder with an idempotency key, on the in-memory repository with a clock the test moves.
// Concurrent requests with one key are in order-idempotency-grpc.int.test.ts (they need Postgres).

const HOUR = 3_600_000;
const logger = createLogger('order-idempotency-test', 'silent');

describe('createOrder with an idempotency key', () => {
  let clock: Date;
  let orders: OrderMemoryRepository;
  let accounts: AccountDirectory;
  let products: ProductShelf;
  let service: OrderService;
  let customer: ReturnType<typeof aCaller>;
  let kettle: string;
  let mug: string;

  beforeEach(() => {
    clock = new Date('2030-01-02T12:00:00Z');
    orders = new OrderMemoryRepository(orderEventsWire);
    accounts = new AccountDirectory();
    products = new ProductShelf();
    service = new OrderService(orders, accounts, products, new UseCaseHooks(ORDER_ACCESS, {}, logger), () => clock);
    customer = aCaller('CUSTOMER', accounts.add());
    kettle = products.add('Kettle', 1999n);
    mug = products.add('Mug', 10n);
  });

  const place = (idempotencyKey: string | undefined, items = [{ productId: kettle, quantity: 2 }, { productId: mug, quantity: 1 }], caller = customer) =>
    service.create(caller, { items, idempotencyKey });
  const ordersOf = async (caller = customer) => (await service.list(caller, { accountId: caller.accountId, pageSize: 100, pageToken: '' })).items;
  const later = (hours: number) => {
    clock = new Date(clock.getTime() + hours * HOUR);
  };

  it('answers a repeat with the first order and creates nothing, without asking the other services again', async () => {
    const first = await place('checkout-1');
    later(23);
    const repeat = await place('checkout-1');
    expect(repeat.toState()).toEqual(first.toState());
    expect(await ordersOf()).toHaveLength(1);
    expect([accounts.callers.length, products.callers.length]).toEqual([1, 1]);
  });

  it('treats the same lines in another order, or with upper-case ids, as the same request', async () => {
    const first = await place('checkout-2');
    const repeat = await place('checkout-2', [{ productId: mug.toUpperCase(), quantity: 1 }, { productId: kettle, quantity: 2 }]);
    expect(repeat.id).toBe(first.id);
  });

  it('answers the first order as it is now, also once cancelled', async () => {
    const first = await place('checkout-3');
    await service.cancel(customer, first.id);
    const repeat = await place('checkout-3');
    expect([repeat.id, repeat.status]).toEqual([first.id, 'CANCELLED']);
    expect(await ordersOf()).toHaveLength(1);
  });

  it('refuses the key with other items as CONFLICT on idempotencyKey, and stores nothing', async () => {
    await place('checkout-4');
    await expect(place('checkout-4', [{ productId: kettle, quantity: 3 }])).rejects.toMatchObject({
      kind: 'ALREADY_EXISTS',
      code: 'ORDER.IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    expect(await ordersOf()).toHaveLength(1);
  });

  it('keeps keys apart per account, and forgets them after 24 hours', async () => {
    const other = aCaller('CUSTOMER', accounts.add());
    const mine = await place('shared-key');
    const theirs = await place('shared-key', undefined, other);
    expect(theirs.id).not.toBe(mine.id);
    later(24);
    clock = new Date(clock.getTime() + 1);
    const anew = await place('shared-key', [{ productId: mug, quantity: 5 }]);
    expect(anew.id).not.toBe(mine.id);
    expect(await ordersOf()).toHaveLength(2);
  });

  it('creates an order each time without a key, or with an empty one', async () => {
    await place(undefined);
    await place('');
    expect(await ordersOf()).toHaveLength(2);
  });

  it('refuses a malformed key on idempotencyKey before calling anybody', async () => {
    for (const key of ['k'.repeat(101), 'nul\u0000byte', 'tab\tkey', 'half \ud800 pair']) {
      await expect(place(key)).rejects.toMatchObject({ kind: 'INVALID_ARGUMENT', code: 'ORDER.INVALID_IDEMPOTENCY_KEY', field: 'idempotencyKey' });
    }
    expect([accounts.callers.length, products.callers.length]).toEqual([0, 0]);
  });

  it('lets a customer use a key only for its own account, like any createOrder', async () => {
    await expect(service.create(customer, { accountId: accounts.add(), items: [{ productId: kettle, quantity: 1 }], idempotencyKey: 'k' })).rejects.toMatchObject({
      kind: 'NOT_FOUND',
      field: 'accountId',
    });
  });

  it('prunes records older than 24 hours in the background', async () => {
    await place('old-key');
    later(25);
    const pruner = startIdempotencyPruner(orders, logger, () => clock);
    await pruner.stop();
    expect(await orders.findIdempotencyRecord(customer.accountId, 'old-key', new Date(0))).toBeUndefined();
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts 1 to 100 characters, counting characters rather than UTF-16 units', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('🫖'.repeat(100))).toBe('🫖'.repeat(100));
    expect(parseIdempotencyKey(newId())).toHaveLength(36);
    expect(parseIdempotencyKey('')).toBeUndefined();
    expect(() => parseIdempotencyKey('🫖'.repeat(101))).toThrow(expect.objectContaining({ field: 'idempotencyKey', message: expect.stringContaining('got 101') }));
  });
});

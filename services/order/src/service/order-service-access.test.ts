import { beforeEach, describe, expect, it } from '@jest/globals';
import { DomainError } from '@shop/errors';
import { accessMatrix, type MatrixCaller, type MatrixOutcome } from '@shop/hooks';
import { ANONYMOUS, type Caller } from '@shop/identity';
import { orderServiceFixture, type OrderServiceFixture } from '../../test/order-service-fixture.js';
import type { Order } from '../domain/order.js';
import { ORDER_ACCESS } from './order-access.js';
import type { OrderOperation } from './order-operations.js';

// Who may do what with orders, at the use-case level: the access table's promises (the matrix), and what
// "own" means in each use case. The same rules through gRPC are in test/order-access-grpc.int.test.ts.

/** One use case run by `caller` on the customer's order (or its account): true when it saw or changed it. */
type Probe = (f: OrderServiceFixture, caller: Caller, order: Order) => Promise<boolean>;

const page = (accountId: string) => ({ accountId, pageSize: 10, pageToken: '' });

const probes: Record<OrderOperation, Probe> = {
  createOrder: async (f, caller, order) => Boolean(await f.service.create(caller, { accountId: order.accountId, items: [{ productId: order.lines[0]!.productId, quantity: 1 }] })),
  getOrder: async (f, caller, order) => Boolean(await f.service.get(caller, order.id)),
  getOrders: async (f, caller, order) => (await f.service.getMany(caller, [order.id])).length === 1,
  listOrders: async (f, caller, order) => (await f.service.list(caller, page(order.accountId))).items.length > 0,
  listOrdersForAccounts: async (f, caller, order) => (await f.service.listForAccounts(caller, [page(order.accountId)]))[0]!.items.length > 0,
  cancelOrder: async (f, caller, order) => (await f.service.cancel(caller, order.id)).status === 'CANCELLED',
  listHistory: async (f, caller, order) => (await f.service.history(caller, order.id)).length > 0,
  listHistories: async (f, caller, order) => (await f.service.histories(caller, [order.id]))[0]!.length > 0,
};

/** What a probe came to, in the matrix's words: NOT_FOUND is how a hidden record answers a single-record call. */
async function outcomeOf(run: () => Promise<boolean>): Promise<MatrixOutcome> {
  try {
    return (await run()) ? 'allowed' : 'hidden';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'NOT_FOUND') return 'hidden';
    if (error.kind === 'UNAUTHENTICATED') return 'UNAUTHENTICATED';
    if (error.kind === 'PERMISSION_DENIED') return 'FORBIDDEN';
    throw error;
  }
}

describe('OrderService access', () => {
  let f: OrderServiceFixture;
  let kettle: string;
  let own: Order;

  beforeEach(async () => {
    f = orderServiceFixture();
    kettle = f.products.add('Kettle', 1999n);
    own = await f.service.create(f.customer, { items: [{ productId: kettle, quantity: 1 }] });
  });

  const items = () => [{ productId: kettle, quantity: 1 }];
  const callerOf = (who: MatrixCaller): Caller =>
    ({ anonymous: ANONYMOUS, customer: f.customer, 'other customer': f.otherCustomer, admin: f.admin })[who];

  it.each(accessMatrix(ORDER_ACCESS))("$operation by $caller on the customer's order: $expected", async ({ operation, caller, expected }) => {
    expect(await outcomeOf(() => probes[operation](f, callerOf(caller), own))).toBe(expected);
  });

  it('a customer places an order for itself without an account, with an empty one, or with its own', async () => {
    const placed = [
      own,
      await f.service.create(f.customer, { accountId: '', items: items() }),
      await f.service.create(f.customer, { accountId: f.customer.accountId.toUpperCase(), items: items() }),
    ];
    expect(placed.map((order) => order.accountId)).toEqual([f.customer.accountId, f.customer.accountId, f.customer.accountId]);
  });

  it('an admin places for any account, and for its own without one', async () => {
    expect((await f.service.create(f.admin, { accountId: f.otherCustomer.accountId, items: items() })).accountId).toBe(f.otherCustomer.accountId);
    expect((await f.service.create(f.admin, { items: items() })).accountId).toBe(f.admin.accountId);
  });

  it('a customer ordering for another account gets NOT_FOUND on accountId, asks nobody and writes nothing', async () => {
    const [accountCalls, productCalls] = [f.accounts.callers.length, f.products.callers.length];
    await expect(f.service.create(f.customer, { accountId: f.otherCustomer.accountId, items: items() })).rejects.toMatchObject({
      kind: 'NOT_FOUND',
      code: 'ORDER.ACCOUNT_NOT_FOUND',
      field: 'accountId',
    });
    expect([f.accounts.callers.length, f.products.callers.length]).toEqual([accountCalls, productCalls]);
    expect((await f.service.list(f.admin, page(f.otherCustomer.accountId))).items).toEqual([]);
  });

  it('an anonymous caller is UNAUTHENTICATED before anything is parsed or asked', async () => {
    const before = f.accounts.callers.length + f.products.callers.length;
    await expect(f.service.create(ANONYMOUS, { items: items() })).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', code: 'AUTH.UNAUTHENTICATED' });
    await expect(f.service.get(ANONYMOUS, 'not-an-id')).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
    expect(f.accounts.callers.length + f.products.callers.length).toBe(before);
  });

  it("a customer's batch calls leave out others' orders and give others' accounts empty pages", async () => {
    const theirs = await f.service.create(f.otherCustomer, { items: items() });
    const second = await f.service.create(f.customer, { items: items() });
    expect((await f.service.getMany(f.customer, [theirs.id, second.id, own.id])).map((order) => order.id)).toEqual([second.id, own.id]);
    const pages = await f.service.listForAccounts(f.customer, [page(f.otherCustomer.accountId), page(f.customer.accountId)]);
    expect(pages.map((p) => p.items.map((order) => order.id))).toEqual([[], [second.id, own.id]]);
    expect((await f.service.getMany(f.admin, [theirs.id, own.id])).map((order) => order.id)).toEqual([theirs.id, own.id]);
  });

  it("a customer's cancel of another's order is NOT_FOUND and changes nothing; an admin cancels it", async () => {
    await expect(f.service.cancel(f.otherCustomer, own.id)).rejects.toMatchObject({ kind: 'NOT_FOUND', code: 'ORDER.NOT_FOUND' });
    expect((await f.service.get(f.customer, own.id)).status).toBe('PENDING');
    expect(await f.service.history(f.customer, own.id)).toHaveLength(1);
    expect((await f.service.cancel(f.admin, own.id)).status).toBe('CANCELLED');
    expect((await f.service.get(f.customer, own.id)).status).toBe('CANCELLED');
  });

  it('history names who made each change: the customer who placed the order, the admin who cancelled it', async () => {
    await f.service.cancel(f.admin, own.id);
    const forAdmin = await f.service.create(f.admin, { accountId: f.customer.accountId, items: items() });
    expect((await f.service.history(f.customer, own.id)).map((entry) => [entry.eventType, entry.actor])).toEqual([
      ['shop.order.v1.OrderCreated', f.customer.accountId],
      ['shop.order.v1.OrderCancelled', f.admin.accountId],
    ]);
    expect((await f.service.history(f.customer, forAdmin.id)).map((entry) => entry.actor)).toEqual([f.admin.accountId]);
  });
});

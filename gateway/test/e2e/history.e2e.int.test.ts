import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@shop/ids';
import { startShop, type ShopHarness } from './shop-harness.js';

// End to end through the gateway: every change of a record shows in its history, also after deletion.

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop('e2e_history');
});
afterAll(async () => {
  await shop.stop();
});

type Entry = { eventType: string; version: number; changedFields: string[]; occurredAt: string; actor: string | null };
const ENTRY = 'eventType version changedFields occurredAt actor';
const summary = (entries: Entry[]) => entries.map((entry) => [entry.eventType, entry.version, entry.changedFields, entry.actor]);

/** The first admin's account id: the actor of everything these tests change. */
async function adminId(): Promise<string> {
  return (await shop.admin<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
}

describe('history through the gateway', () => {
  it('shows an account created and changed, on the account and by id', async () => {
    const created = await shop.admin<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Ada", email: "ada@example.com" }) { id } }');
    const id = created.data!.createAccount.id;
    await shop.admin('mutation ($id: ID!) { updateAccount(id: $id, input: { name: "Ada L." }) { id } }', { id });
    const read = await shop.admin<{ account: { history: Entry[] }; accountHistory: Entry[] }>(`query ($id: ID!) { account(id: $id) { history { ${ENTRY} } } accountHistory(id: $id) { ${ENTRY} } }`, { id });
    const admin = await adminId();
    expect(summary(read.data!.account.history)).toEqual([
      ['shop.account.v1.AccountCreated', 1, ['name', 'email', 'role'], admin],
      ['shop.account.v1.AccountUpdated', 2, ['name'], admin],
    ]);
    expect(read.data!.accountHistory).toEqual(read.data!.account.history);
    expect(Date.parse(read.data!.account.history[0]!.occurredAt)).not.toBeNaN();
  });

  it('keeps a deleted product’s history', async () => {
    const created = await shop.admin<{ createProduct: { id: string } }>(
      'mutation { createProduct(input: { name: "Lamp", description: "Bright.", price: { amount: "10.00", currencyCode: "USD" }, stock: 2 }) { id } }',
    );
    const id = created.data!.createProduct.id;
    await shop.admin('mutation ($id: ID!) { updateProduct(id: $id, input: { price: { amount: "12.00", currencyCode: "USD" } }) { id } }', { id });
    await shop.admin('mutation ($id: ID!) { deleteProduct(id: $id) }', { id });
    const read = await shop.admin<{ product: null; productHistory: Entry[] }>(`query ($id: ID!) { product(id: $id) { id } productHistory(id: $id) { ${ENTRY} } }`, { id });
    expect(read.data!.product).toBeNull();
    const admin = await adminId();
    expect(summary(read.data!.productHistory)).toEqual([
      ['shop.catalog.v1.ProductCreated', 1, ['name', 'description', 'price', 'stock'], admin],
      ['shop.catalog.v1.ProductUpdated', 2, ['price'], admin],
      ['shop.catalog.v1.ProductDeleted', 3, [], admin],
    ]);
  });

  it('shows an order placed and cancelled', async () => {
    const account = (await shop.admin<{ createAccount: { id: string } }>('mutation { createAccount(input: { name: "Grace", email: "grace@example.com" }) { id } }')).data!.createAccount.id;
    const product = (await shop.admin<{ createProduct: { id: string } }>('mutation { createProduct(input: { name: "Mug", description: "", price: { amount: "5.00", currencyCode: "USD" }, stock: 9 }) { id } }')).data!.createProduct.id;
    const order = (await shop.admin<{ createOrder: { id: string } }>('mutation ($a: ID!, $p: ID!) { createOrder(input: { accountId: $a, items: [{ productId: $p, quantity: 1 }] }) { id } }', { a: account, p: product })).data!.createOrder.id;
    await shop.admin('mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id: order });
    const read = await shop.admin<{ order: { history: Entry[] } }>(`query ($id: ID!) { order(id: $id) { history { ${ENTRY} } } }`, { id: order });
    const admin = await adminId();
    expect(summary(read.data!.order.history)).toEqual([
      ['shop.order.v1.OrderCreated', 1, ['status', 'items', 'total'], admin],
      ['shop.order.v1.OrderCancelled', 2, ['status'], admin],
    ]);
  });

  it('names the new account itself as the actor of its registration', async () => {
    const registered = await shop.admin<{ register: { account: { id: string } } }>(
      'mutation { register(input: { name: "Hedy", email: "hedy@example.com", password: "frequency-hopping" }) { account { id } } }',
    );
    const id = registered.data!.register.account.id;
    const read = await shop.admin<{ accountHistory: Entry[] }>(`query ($id: ID!) { accountHistory(id: $id) { ${ENTRY} } }`, { id });
    expect(summary(read.data!.accountHistory)).toEqual([['shop.account.v1.AccountCreated', 1, ['name', 'email', 'role'], id]]);
  });

  it('answers an empty history for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect((await shop.admin('query ($id: ID!) { orderHistory(id: $id) { version } }', { id: newId() })).data).toEqual({ orderHistory: [] });
    const bad = await shop.admin('query { accountHistory(id: "nope") { version } }');
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

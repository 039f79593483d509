import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCOUNT_ACCESS } from '@shop/account/access';
import { CATALOG_ACCESS } from '@shop/catalog/access';
import { accessMatrix, type AccessRow, type MatrixCaller, type MatrixOutcome } from '@shop/hooks';
import { ORDER_ACCESS } from '@shop/order/access';
import { outcomeOf, players, registerCustomer, subscriptionOutcome, tokenOf, type Players } from './access-support.js';
import { graphql, startShop, type GraphQLResponse, type ShopHarness } from './shop-harness.js';

// API.md's "Identity and access" table, through the gateway: every public operation × anonymous, the customer who
// owns the records, another customer, and an admin. Each operation's expectations come from the access table of
// the service behind it (the same table its use cases enforce), so rule and test cannot drift.

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop('e2e_matrix', { events: true });
}, 60_000);
afterAll(async () => {
  await shop.stop();
});

type Ask = <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** One public operation: the service rule behind it, and how to try it as a caller (records owned by `who.owner`). */
interface PublicOperation {
  rule: AccessRow;
  run(ask: Ask, caller: MatrixCaller, who: Players): Promise<MatrixOutcome | string>;
}

const admin: Ask = (query, variables) => shop.admin(query, variables);

async function aProduct(): Promise<string> {
  const answer = await admin<{ createProduct: { id: string } }>(
    'mutation { createProduct(input: { name: "Matrix kettle", description: "For the access matrix.", price: { amount: "9.50", currencyCode: "EUR" }, stock: 1000 }) { id } }',
  );
  return answer.data!.createProduct.id;
}

async function anOrderOf(accountId: string): Promise<string> {
  const answer = await admin<{ createOrder: { id: string } }>('mutation ($a: ID!, $p: ID!) { createOrder(input: { accountId: $a, items: [{ productId: $p, quantity: 1 }] }) { id } }', {
    a: accountId,
    p: await aProduct(),
  });
  return answer.data!.createOrder.id;
}

/** A second session of the first admin, for operations on the caller's own session or password. */
async function anotherAdmin(): Promise<{ token: string; refreshToken: string; password: string }> {
  const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@shop.test`;
  const password = 'another-admin-password';
  await admin('mutation ($email: String!, $password: String!) { createAccount(input: { name: "Admin", email: $email, password: $password, role: ADMIN }) { id } }', { email, password });
  const login = await graphql<{ login: { accessToken: string; refreshToken: string } }>(shop.url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }', {
    e: email,
    p: password,
  });
  return { token: login.data!.login.accessToken, refreshToken: login.data!.login.refreshToken, password };
}

const isNull = (value: unknown) => value === null;

/** API.md's table, operation by operation, with the rule each one inherits from its service. */
const operations: Record<string, PublicOperation> = {
  product: {
    rule: CATALOG_ACCESS.getProduct,
    run: async (ask) => outcomeOf(await ask<{ product: unknown }>('query ($id: ID!) { product(id: $id) { id } }', { id: await aProduct() }), (data) => isNull(data.product)),
  },
  products: { rule: CATALOG_ACCESS.listProducts, run: async (ask) => outcomeOf(await ask('{ products(first: 1) { edges { cursor } } }')) },
  'products(query)': { rule: CATALOG_ACCESS.searchProducts, run: async (ask) => outcomeOf(await ask('{ products(query: "kettle", first: 1) { edges { cursor } } }')) },
  register: {
    rule: ACCOUNT_ACCESS.register,
    run: async (ask) => outcomeOf(await ask('mutation ($e: String!) { register(input: { name: "New", email: $e, password: "long enough" }) { accessToken } }', { e: `new-${Math.random()}@example.com` })),
  },
  login: {
    rule: ACCOUNT_ACCESS.login,
    run: async (ask, _caller, who) => outcomeOf(await ask('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: who.owner.email, p: who.owner.password })),
  },
  refreshToken: {
    rule: ACCOUNT_ACCESS.refreshToken,
    run: async (ask) => outcomeOf(await ask('mutation ($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: (await registerCustomer(shop)).refreshToken })),
  },
  me: {
    rule: ACCOUNT_ACCESS.getMe,
    // The owner's account is what the customer must see; the other customer sees itself, never the owner.
    run: async (ask, caller, who) =>
      outcomeOf(await ask<{ me: { id: string } | null }>('{ me { id } }'), (data) => caller === 'other customer' && data.me?.id !== who.owner.accountId),
  },
  logout: {
    rule: ACCOUNT_ACCESS.logout,
    // Customers try the owner's session; an admin its own (the rule is `own` for admins too).
    run: async (ask, caller, who) => {
      const logout = 'mutation ($t: String!) { logout(refreshToken: $t) }';
      if (caller === 'admin') {
        const second = await anotherAdmin();
        return outcomeOf(await graphql<{ logout: boolean }>(shop.url, logout, { t: second.refreshToken }, second.token), (data) => data.logout === false);
      }
      return outcomeOf(await ask<{ logout: boolean }>(logout, { t: who.owner.refreshToken }), (data) => data.logout === false);
    },
  },
  changePassword: {
    rule: ACCOUNT_ACCESS.changePassword,
    // The owner changes its password; the other customer cannot use the owner's password; an admin changes its own.
    run: async (ask, caller, who) => {
      if (caller === 'admin') {
        const second = await anotherAdmin();
        return outcomeOf(await graphql(shop.url, 'mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "a brand new one") { accessToken } }', { c: second.password }, second.token));
      }
      const answer = await ask('mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "a brand new one") { accessToken } }', { c: who.owner.password });
      return answer.errors?.[0]?.extensions?.field === 'currentPassword' ? 'hidden' : outcomeOf(answer);
    },
  },
  account: {
    rule: ACCOUNT_ACCESS.getAccounts,
    run: async (ask, _caller, who) => outcomeOf(await ask<{ account: unknown }>('query ($id: ID!) { account(id: $id) { id } }', { id: who.owner.accountId }), (data) => isNull(data.account)),
  },
  updateAccount: {
    rule: ACCOUNT_ACCESS.updateAccount,
    run: async (ask, _caller, who) => outcomeOf(await ask('mutation ($id: ID!) { updateAccount(id: $id, input: { name: "Renamed" }) { id } }', { id: who.owner.accountId })),
  },
  accountHistory: {
    rule: ACCOUNT_ACCESS.listHistory,
    run: async (ask, _caller, who) =>
      outcomeOf(await ask<{ accountHistory: unknown[] }>('query ($id: ID!) { accountHistory(id: $id) { version } }', { id: who.owner.accountId }), (data) => data.accountHistory.length === 0),
  },
  'Account.history': {
    rule: ACCOUNT_ACCESS.listHistory,
    run: async (ask, _caller, who) =>
      outcomeOf(await ask<{ account: { history: unknown[] } | null }>('query ($id: ID!) { account(id: $id) { history { version } } }', { id: who.owner.accountId }), (data) => isNull(data.account)),
  },
  accounts: { rule: ACCOUNT_ACCESS.listAccounts, run: async (ask) => outcomeOf(await ask('{ accounts(first: 1) { edges { cursor } } }')) },
  createAccount: {
    rule: ACCOUNT_ACCESS.createAccount,
    run: async (ask) => outcomeOf(await ask('mutation ($e: String!) { createAccount(input: { name: "Made", email: $e }) { id } }', { e: `made-${Math.random()}@example.com` })),
  },
  setAccountRole: {
    rule: ACCOUNT_ACCESS.setAccountRole,
    run: async (ask) => outcomeOf(await ask('mutation ($id: ID!) { setAccountRole(id: $id, role: CUSTOMER) { id } }', { id: (await registerCustomer(shop)).accountId })),
  },
  createProduct: {
    rule: CATALOG_ACCESS.createProduct,
    run: async (ask) => outcomeOf(await ask('mutation { createProduct(input: { name: "Made", description: "", price: { amount: "1.00", currencyCode: "USD" }, stock: 1 }) { id } }')),
  },
  updateProduct: {
    rule: CATALOG_ACCESS.updateProduct,
    run: async (ask) => outcomeOf(await ask('mutation ($id: ID!) { updateProduct(id: $id, input: { stock: 5 }) { id } }', { id: await aProduct() })),
  },
  deleteProduct: { rule: CATALOG_ACCESS.deleteProduct, run: async (ask) => outcomeOf(await ask('mutation ($id: ID!) { deleteProduct(id: $id) }', { id: await aProduct() })) },
  productHistory: { rule: CATALOG_ACCESS.listHistory, run: async (ask) => outcomeOf(await ask('query ($id: ID!) { productHistory(id: $id) { version } }', { id: await aProduct() })) },
  'Product.history': { rule: CATALOG_ACCESS.listHistory, run: async (ask) => outcomeOf(await ask('query ($id: ID!) { product(id: $id) { history { version } } }', { id: await aProduct() })) },
  orders: {
    rule: ORDER_ACCESS.listOrdersForAccounts,
    run: async (ask, _caller, who) => {
      await anOrderOf(who.owner.accountId);
      return outcomeOf(await ask<{ orders: { edges: unknown[] } }>('query ($a: ID!) { orders(accountId: $a) { edges { cursor } } }', { a: who.owner.accountId }), (data) => data.orders.edges.length === 0);
    },
  },
  order: {
    rule: ORDER_ACCESS.getOrders,
    run: async (ask, _caller, who) => outcomeOf(await ask<{ order: unknown }>('query ($id: ID!) { order(id: $id) { id } }', { id: await anOrderOf(who.owner.accountId) }), (data) => isNull(data.order)),
  },
  cancelOrder: {
    rule: ORDER_ACCESS.cancelOrder,
    run: async (ask, _caller, who) => outcomeOf(await ask('mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id: await anOrderOf(who.owner.accountId) })),
  },
  orderHistory: {
    rule: ORDER_ACCESS.listHistory,
    run: async (ask, _caller, who) =>
      outcomeOf(await ask<{ orderHistory: unknown[] }>('query ($id: ID!) { orderHistory(id: $id) { version } }', { id: await anOrderOf(who.owner.accountId) }), (data) => data.orderHistory.length === 0),
  },
  'Order.history': {
    rule: ORDER_ACCESS.listHistory,
    run: async (ask, _caller, who) =>
      outcomeOf(await ask<{ order: unknown }>('query ($id: ID!) { order(id: $id) { history { version } } }', { id: await anOrderOf(who.owner.accountId) }), (data) => isNull(data.order)),
  },
  orderStatusChanged: {
    rule: ORDER_ACCESS.getOrders,
    run: async (_ask, caller, who) => {
      const order = await anOrderOf(who.owner.accountId);
      return subscriptionOutcome(shop, tokenOf(shop, caller, who), order, () => admin('mutation ($id: ID!) { cancelOrder(id: $id) { id } }', { id: order }));
    },
  },
  createOrder: {
    rule: ORDER_ACCESS.createOrder,
    // A customer orders for itself (no accountId); the other customer and the admin order for the owner.
    run: async (ask, caller, who) => {
      const input = { accountId: caller === 'customer' ? undefined : who.owner.accountId, items: [{ productId: await aProduct(), quantity: 1 }] };
      return outcomeOf(await ask('mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id } }', { input }));
    },
  },
};

const cases = accessMatrix(Object.fromEntries(Object.entries(operations).map(([name, operation]) => [name, operation.rule])));

/**
 * API.md's table as its text reads, column by column (anonymous, customer, admin): the services' tables must say
 * the same, so a rule changed in code without the contract (or the other way round) fails here.
 */
const API_TABLE: Record<string, [string, string, string]> = {
  product: ['yes', 'yes', 'yes'],
  products: ['yes', 'yes', 'yes'],
  register: ['yes', 'yes', 'yes'],
  login: ['yes', 'yes', 'yes'],
  refreshToken: ['yes', 'yes', 'yes'],
  me: ['null', 'own', 'own'],
  logout: ['UNAUTHENTICATED', 'own', 'own'],
  changePassword: ['UNAUTHENTICATED', 'own', 'own'],
  account: ['UNAUTHENTICATED', 'own', 'any'],
  updateAccount: ['UNAUTHENTICATED', 'own', 'any'],
  accountHistory: ['UNAUTHENTICATED', 'own', 'any'],
  'Account.history': ['UNAUTHENTICATED', 'own', 'any'],
  accounts: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  createAccount: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  setAccountRole: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  createProduct: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  updateProduct: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  deleteProduct: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  productHistory: ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  'Product.history': ['UNAUTHENTICATED', 'FORBIDDEN', 'yes'],
  orders: ['UNAUTHENTICATED', 'own', 'any'],
  order: ['UNAUTHENTICATED', 'own', 'any'],
  cancelOrder: ['UNAUTHENTICATED', 'own', 'any'],
  orderHistory: ['UNAUTHENTICATED', 'own', 'any'],
  'Order.history': ['UNAUTHENTICATED', 'own', 'any'],
  orderStatusChanged: ['UNAUTHENTICATED', 'own', 'any'],
  createOrder: ['UNAUTHENTICATED', 'for itself', 'for any account'],
};

/** API.md's words for a cell, in the services' terms: `any`, `null` (me) and "for ..." are all allowed uses. */
function asRule(cell: string): string {
  return ({ any: 'yes', null: 'yes', 'for itself': 'own', 'for any account': 'yes' } as Record<string, string>)[cell] ?? cell;
}

describe('the access table through the gateway', () => {
  it('has a case for every operation of API.md’s table, with the services enforcing exactly its rules', () => {
    expect(Object.keys(operations).filter((name) => name !== 'products(query)').sort()).toEqual(Object.keys(API_TABLE).sort());
    for (const [name, cells] of Object.entries(API_TABLE)) {
      const { rule } = operations[name]!;
      expect([name, rule.anonymous, rule.customer, rule.admin]).toEqual([name, ...cells.map(asRule)]);
    }
  });

  it.each(cases.map((entry) => [entry.operation, entry.caller, entry.expected] as const))('%s as %s: %s', async (operation, caller, expected) => {
    const who = await players(shop);
    const token = tokenOf(shop, caller, who);
    const ask: Ask = (query, variables) => graphql(shop.url, query, variables, token);
    expect(await operations[operation]!.run(ask, caller, who)).toBe(expected);
  });
});

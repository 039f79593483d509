import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCOUNT_ACCESS } from '@shop/account/access';
import { CATALOG_ACCESS } from '@shop/catalog/access';
import { DomainError } from '@shop/errors';
import type { CallContext } from '@shop/grpc-kit';
import { accessMatrix, type AccessTable, type MatrixCaller, type MatrixOutcome } from '@shop/hooks';
import { ORDER_ACCESS } from '@shop/order/access';
import { players, tokenOf, type Players } from './access-support.js';
import { startShop, type ShopHarness } from './shop-harness.js';

// The same access tables, straight to each gRPC service with the caller's token, as a client inside the network
// could call them: bypassing the gateway changes nothing. Every row of every service's table × anonymous, the
// owner of the records, another customer and an admin.

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop('e2e_grpc_matrix');
}, 60_000);
afterAll(async () => {
  await shop.stop();
});

/** How a call came out, as the matrix names it: refusals by their code, NOT_FOUND as `hidden`. */
async function outcome<T>(call: Promise<T>, isHidden: (result: T) => boolean = () => false): Promise<MatrixOutcome | string> {
  try {
    return isHidden(await call) ? 'hidden' : 'allowed';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === 'NOT_FOUND') return 'hidden';
    if (error.kind === 'PERMISSION_DENIED') return 'FORBIDDEN';
    return error.kind === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : `${error.kind} ${error.code}`;
  }
}

/** One gRPC method tried as a caller, on records owned by `who.owner`; `auth` carries the caller's token. */
type Driver = (auth: CallContext, caller: MatrixCaller, who: Players) => Promise<MatrixOutcome | string>;

const admin = (): CallContext => ({ authorization: `Bearer ${shop.adminToken}` });
const authOf = (token: string | undefined): CallContext => (token ? { authorization: `Bearer ${token}` } : {});

async function aProduct(): Promise<string> {
  return (await shop.clients.catalog.create({ name: 'gRPC matrix mug', description: 'For the matrix.', price: { amountMinor: 750n, currencyCode: 'EUR' }, stock: 1000 }, admin())).id;
}

async function anOrderOf(accountId: string): Promise<string> {
  return (await shop.clients.orders.create({ accountId, items: [{ productId: await aProduct(), quantity: 1 }] }, admin())).id;
}

/** A second admin session, for operations on the caller's own session or password. */
async function anotherAdmin(): Promise<{ auth: CallContext; refreshToken: string; password: string }> {
  const email = `grpc-admin-${Math.random().toString(36).slice(2)}@shop.test`;
  const password = 'another-admin-password';
  await shop.clients.accounts.create({ name: 'Admin', email, password, role: 'ADMIN' }, admin());
  const session = await shop.clients.accounts.login({ email, password });
  return { auth: authOf(session.accessToken), refreshToken: session.refreshToken, password };
}

const accountDrivers: Record<keyof typeof ACCOUNT_ACCESS, Driver> = {
  register: (auth) => outcome(shop.clients.accounts.register({ name: 'New', email: `new-${Math.random()}@example.com`, password: 'long enough' }, auth)),
  login: (auth, _caller, who) => outcome(shop.clients.accounts.login({ email: who.owner.email, password: who.owner.password }, auth)),
  refreshToken: async (auth) => {
    const fresh = await shop.clients.accounts.register({ name: 'Fresh', email: `fresh-${Math.random()}@example.com`, password: 'long enough' });
    return outcome(shop.clients.accounts.refresh(fresh.refreshToken, auth));
  },
  getJwks: (auth) => outcome(shop.clients.accounts.jwks(auth), (jwks) => jwks.keys.length === 0),
  getMe: (auth, caller, who) => outcome(shop.clients.accounts.me(auth), (account) => caller === 'other customer' && account?.id !== who.owner.accountId),
  logout: async (auth, caller, who) => {
    if (caller === 'admin') {
      const second = await anotherAdmin();
      return outcome(shop.clients.accounts.logout(second.refreshToken, second.auth), (revoked) => !revoked);
    }
    return outcome(shop.clients.accounts.logout(who.owner.refreshToken, auth), (revoked) => !revoked);
  },
  changePassword: async (auth, caller, who) => {
    if (caller === 'admin') {
      const second = await anotherAdmin();
      return outcome(shop.clients.accounts.changePassword({ currentPassword: second.password, newPassword: 'a brand new one' }, second.auth));
    }
    const result = await outcome(shop.clients.accounts.changePassword({ currentPassword: who.owner.password, newPassword: 'a brand new one' }, auth));
    // The other customer cannot use the owner's password: to it, it is just a wrong one.
    return result === 'INVALID_ARGUMENT ACCOUNT.WRONG_PASSWORD' ? 'hidden' : result;
  },
  getAccount: (auth, _caller, who) => outcome(shop.clients.accounts.get(who.owner.accountId, auth)),
  getAccounts: (auth, _caller, who) => outcome(shop.clients.accounts.getMany([who.owner.accountId], auth), (accounts) => accounts.length === 0),
  updateAccount: (auth, _caller, who) => outcome(shop.clients.accounts.update(who.owner.accountId, { name: 'Renamed' }, auth)),
  listHistory: (auth, _caller, who) => outcome(shop.clients.accounts.history(who.owner.accountId, auth), (entries) => entries.length === 0),
  listHistories: (auth, _caller, who) => outcome(shop.clients.accounts.histories({ ids: [who.owner.accountId] }, auth), (pages) => pages[0]!.length === 0),
  listAccounts: (auth) => outcome(shop.clients.accounts.list({ pageSize: 1 }, auth)),
  createAccount: (auth) => outcome(shop.clients.accounts.create({ name: 'Made', email: `made-${Math.random()}@example.com` }, auth)),
  setAccountRole: async (auth) => {
    const target = await shop.clients.accounts.register({ name: 'Target', email: `target-${Math.random()}@example.com`, password: 'long enough' });
    return outcome(shop.clients.accounts.setRole(target.account.id, 'CUSTOMER', auth));
  },
  deleteAccount: async (auth) => {
    const target = await shop.clients.accounts.register({ name: 'Doomed', email: `doomed-${Math.random()}@example.com`, password: 'long enough' });
    return outcome(shop.clients.accounts.delete(target.account.id, auth));
  },
};

const catalogDrivers: Record<keyof typeof CATALOG_ACCESS, Driver> = {
  getProduct: async (auth) => outcome(shop.clients.catalog.get(await aProduct(), auth)),
  getProducts: async (auth) => outcome(shop.clients.catalog.getMany([await aProduct()], auth), (products) => products.length === 0),
  listProducts: (auth) => outcome(shop.clients.catalog.list({ pageSize: 1 }, auth)),
  searchProducts: (auth) => outcome(shop.clients.catalog.search({ query: 'mug', pageSize: 1 }, auth)),
  createProduct: (auth) => outcome(shop.clients.catalog.create({ name: 'Made', description: '', price: { amountMinor: 100n, currencyCode: 'USD' }, stock: 1 }, auth)),
  updateProduct: async (auth) => outcome(shop.clients.catalog.update(await aProduct(), { stock: 5 }, auth)),
  deleteProduct: async (auth) => outcome(shop.clients.catalog.delete(await aProduct(), auth)),
  listHistory: async (auth) => outcome(shop.clients.catalog.history(await aProduct(), auth)),
  listHistories: async (auth) => outcome(shop.clients.catalog.histories({ ids: [await aProduct()] }, auth)),
};

const orderDrivers: Record<keyof typeof ORDER_ACCESS, Driver> = {
  // A customer orders for itself (no account); the other customer and the admin order for the owner.
  createOrder: async (auth, caller, who) =>
    outcome(shop.clients.orders.create({ accountId: caller === 'customer' ? undefined : who.owner.accountId, items: [{ productId: await aProduct(), quantity: 1 }] }, auth)),
  getOrder: async (auth, _caller, who) => outcome(shop.clients.orders.get(await anOrderOf(who.owner.accountId), auth)),
  getOrders: async (auth, _caller, who) => outcome(shop.clients.orders.getMany([await anOrderOf(who.owner.accountId)], auth), (orders) => orders.length === 0),
  listOrders: async (auth, _caller, who) => {
    await anOrderOf(who.owner.accountId);
    return outcome(shop.clients.orders.list({ accountId: who.owner.accountId }, auth), (page) => page.orders.length === 0);
  },
  listOrdersForAccounts: async (auth, _caller, who) => {
    await anOrderOf(who.owner.accountId);
    return outcome(shop.clients.orders.listForAccounts([{ accountId: who.owner.accountId }], auth), (pages) => pages[0]!.orders.length === 0);
  },
  cancelOrder: async (auth, _caller, who) => outcome(shop.clients.orders.cancel(await anOrderOf(who.owner.accountId), auth)),
  listHistory: async (auth, _caller, who) => outcome(shop.clients.orders.history(await anOrderOf(who.owner.accountId), auth), (entries) => entries.length === 0),
  listHistories: async (auth, _caller, who) => outcome(shop.clients.orders.histories({ ids: [await anOrderOf(who.owner.accountId)] }, auth), (pages) => pages[0]!.length === 0),
};

function describeMatrix<Operation extends string>(service: string, table: AccessTable<Operation>, drivers: Record<Operation, Driver>): void {
  describe(`the ${service} service's access table over gRPC`, () => {
    it.each(accessMatrix(table).map((entry) => [entry.operation, entry.caller, entry.expected] as const))('%s as %s: %s', async (operation, caller, expected) => {
      const who = await players(shop);
      expect(await drivers[operation](authOf(tokenOf(shop, caller, who)), caller, who)).toBe(expected);
    });
  });
}

describeMatrix('account', ACCOUNT_ACCESS, accountDrivers);
describeMatrix('catalog', CATALOG_ACCESS, catalogDrivers);
describeMatrix('order', ORDER_ACCESS, orderDrivers);

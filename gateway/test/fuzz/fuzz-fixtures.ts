import pg from 'pg';
import { registerCustomer, type Customer } from '../e2e/access-support.js';
import { graphql, signIn, TEST_ADMIN, type ShopHarness } from '../e2e/shop-harness.js';
import type { Principal } from './graphql-cases.js';
import type { FuzzRef, RefKind, RefTwist } from './fuzz-value.js';

// The records a fuzz run aims at: a customer who acts, another customer whose records the first may not see,
// products (one deleted), orders of both, and real cursors and page tokens of every list. Fuzzing may delete,
// demote or sign out any of them; heal() puts back what is gone before the next cases need it.

/** How many accounts, products and orders the shop holds: a refused mutation must leave them as they were. */
export interface RecordCounts {
  accounts: number;
  products: number;
  orders: number;
}

// Tokens the shop never issued, for the bad-token principal.
const BAD_TOKENS = (adminToken: string) => ['Bearer', 'Bearer x', 'Basic dXNlcjpwYXNz', `Bearer ${adminToken.slice(0, -3)}abc`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', `Bearer ${adminToken}x`, 'Bearer  ', 'Token abc'];

// Tokens live 15 minutes; they are renewed well before.
const TOKEN_RENEWAL_MS = 8 * 60_000;

const PAGE = 'edges { cursor } pageInfo { endCursor }';

/** The records and tokens of a fuzz run, kept usable while fuzzing changes the shop. */
export class FuzzFixtures {
  private adminToken: string;
  private customer!: Customer;
  private other!: Customer;
  private productIds: string[] = [];
  private deletedProductId = '';
  private customerOrderIds: string[] = [];
  private otherOrderIds: string[] = [];
  private readonly values = new Map<RefKind, string[]>();
  private renewedAt = 0;
  private readonly pools: pg.Pool[];

  private constructor(private readonly shop: ShopHarness) {
    this.adminToken = shop.adminToken;
    const { account, catalog, order } = shop.databaseUrls;
    this.pools = [account, catalog, order].map((connectionString) => new pg.Pool({ connectionString, max: 1 }));
  }

  /** Makes the records of a run on `shop`. */
  static async build(shop: ShopHarness): Promise<FuzzFixtures> {
    const fixtures = new FuzzFixtures(shop);
    for (let n = 0; n < 4; n += 1) fixtures.productIds.push(await fixtures.createProduct(`Zephyr fuzz kettle ${n}`));
    fixtures.deletedProductId = await fixtures.createProduct('Deleted fuzz kettle');
    await shop.clients.catalog.delete(fixtures.deletedProductId, fixtures.adminContext());
    await fixtures.heal(true);
    return fixtures;
  }

  /** The Authorization header of a principal (undefined for anonymous); `variant` picks one of the bad tokens. */
  authorization(principal: Principal, variant: number): string | undefined {
    if (principal === 'anonymous') return undefined;
    if (principal === 'admin') return `Bearer ${this.adminToken}`;
    if (principal === 'customer') return `Bearer ${this.customer.token}`;
    const bad = BAD_TOKENS(this.adminToken);
    return bad[variant % bad.length];
  }

  /** What a reference names now, twisted as it asks. */
  resolve(ref: FuzzRef): string {
    const candidates = this.values.get(ref.$ref) ?? [];
    const value = candidates.length > 0 ? candidates[ref.index % candidates.length]! : '';
    return twist(value, ref.twist, ref.index);
  }

  /** Accounts, products and orders in the services' databases (deleted products included: deleting keeps the row). */
  async counts(): Promise<RecordCounts> {
    const count = async (pool: pg.Pool, table: string) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const [accounts, products, orders] = await Promise.all([count(this.pools[0]!, 'accounts'), count(this.pools[1]!, 'products'), count(this.pools[2]!, 'orders')]);
    return { accounts, products, orders };
  }

  /**
   * Puts back what fuzzing took away: signs the admin in again, registers new customers when theirs were signed
   * out, demoted or deleted, makes products when fewer than four are left, then reads fresh cursors and tokens.
   */
  async heal(force = false): Promise<void> {
    const renew = force || Date.now() - this.renewedAt > TOKEN_RENEWAL_MS;
    if (renew || !(await this.works(this.adminToken, true))) this.adminToken = await signIn(this.shop.clients.accounts, TEST_ADMIN.email, TEST_ADMIN.password);
    const live = new Set((await this.shop.clients.catalog.getMany(this.productIds, this.adminContext())).map((product) => product.id));
    this.productIds = this.productIds.filter((id) => live.has(id));
    while (this.productIds.length < 4) this.productIds.push(await this.createProduct(`Zephyr fuzz kettle ${this.productIds.length}`));
    if (renew || !(await this.works(this.customer?.token, false))) {
      this.customer = await registerCustomer(this.shop, 'Fuzz customer');
      // Two orders, so the customer's order list has a second page and a page token.
      this.customerOrderIds = [...this.customerOrderIds, await this.createOrder(this.customer), await this.createOrder(this.customer)].slice(-4);
    }
    if (renew || !(await this.works(this.other?.token, false))) {
      this.other = await registerCustomer(this.shop, 'Fuzz other');
      this.otherOrderIds = [...this.otherOrderIds, await this.createOrder(this.other)].slice(-4);
    }
    if (renew) this.renewedAt = Date.now();
    await this.readCursors();
  }

  /** Closes the database pools. */
  async stop(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.end()));
  }

  private adminContext() {
    return { authorization: `Bearer ${this.adminToken}` };
  }

  /** True when the token still gets its own account (and, for the admin, still as ADMIN). */
  private async works(token: string | undefined, admin: boolean): Promise<boolean> {
    if (!token) return false;
    const answer = await graphql<{ me: { role: string } | null }>(this.shop.url, '{ me { role } }', {}, token).catch(() => undefined);
    return answer?.data?.me?.role === (admin ? 'ADMIN' : 'CUSTOMER');
  }

  private async createProduct(name: string): Promise<string> {
    const input = { name, description: 'Made by the fuzz run.', price: { amountMinor: 999n, currencyCode: 'USD' }, stock: 1_000 };
    return (await this.shop.clients.catalog.create(input, this.adminContext())).id;
  }

  private async createOrder(customer: Customer): Promise<string> {
    const order = await this.shop.clients.orders.create({ items: [{ productId: this.productIds[0]!, quantity: 1 }] }, { authorization: `Bearer ${customer.token}` });
    return order.id;
  }

  private async readCursors(): Promise<void> {
    const cursorsOf = async (query: string, variables: Record<string, unknown>, token: string) => {
      const answer = await graphql<Record<string, { edges: { cursor: string }[] }>>(this.shop.url, query, variables, token);
      return Object.values(answer.data ?? {}).flatMap((connection) => connection.edges.map((edge) => edge.cursor));
    };
    const admin = this.adminToken;
    const ordersQuery = `query ($id: ID!) { orders(accountId: $id, first: 1) { ${PAGE} } }`;
    const context = this.adminContext();
    const { accounts, catalog, orders } = this.shop.clients;
    const pageTokens = async (read: Promise<{ nextPageToken?: string | undefined }>) => [(await read).nextPageToken ?? ''];
    const entries: [RefKind, string[]][] = [
      ['customerId', [this.customer.accountId]],
      ['otherCustomerId', [this.other.accountId]],
      ['customerEmail', [this.customer.email]],
      ['customerPassword', [this.customer.password]],
      ['customerRefreshToken', [this.customer.refreshToken]],
      ['productId', this.productIds],
      ['deletedProductId', [this.deletedProductId]],
      ['customerOrderId', this.customerOrderIds],
      ['otherOrderId', this.otherOrderIds],
      ['accountsCursor', await cursorsOf(`{ accounts(first: 2) { ${PAGE} } }`, {}, admin)],
      ['productsCursor', await cursorsOf(`{ products(first: 2) { ${PAGE} } }`, {}, admin)],
      ['searchCursor', await cursorsOf(`{ products(query: "zephyr", first: 2) { ${PAGE} } }`, {}, admin)],
      ['customerOrdersCursor', await cursorsOf(ordersQuery, { id: this.customer.accountId }, admin)],
      ['otherOrdersCursor', await cursorsOf(ordersQuery, { id: this.other.accountId }, admin)],
      ['accountsPageToken', await pageTokens(accounts.list({ pageSize: 1 }, context))],
      ['productsPageToken', await pageTokens(catalog.list({ pageSize: 1 }, context))],
      ['searchPageToken', await pageTokens(catalog.search({ query: 'zephyr', pageSize: 1 }, context))],
      ['ordersPageToken', await pageTokens(orders.list({ accountId: this.customer.accountId, pageSize: 1 }, context))],
    ];
    for (const [kind, values] of entries) this.values.set(kind, values.filter((value) => value !== ''));
  }
}

/** A real value written differently or modified, as a client trying its luck would. */
export function twist(value: string, how: RefTwist, seed: number): string {
  if (value === '') return value;
  const position = (seed * 7 + 3) % value.length;
  switch (how) {
    case 'none':
      return value;
    case 'upper':
      return value.toUpperCase();
    case 'braces':
      return `{${value}}`;
    case 'spaces':
      return ` ${value} `;
    case 'truncate':
      return value.slice(0, Math.max(0, value.length - 1 - (seed % 5)));
    case 'append':
      return `${value}${'0A='[seed % 3]}`;
    case 'flip':
      return `${value.slice(0, position)}${value[position] === 'a' ? 'b' : 'a'}${value.slice(position + 1)}`;
    case 'skip':
      return value.replace(/\.(\d+)\./, (_, skip: string) => `.${Number(skip) + 1 + (seed % 150)}.`);
    case 'bump-year': {
      // The service token inside (all of a page token, or a cursor's first part) with its time moved to year 1.
      const [token = '', ...rest] = value.split('.');
      const decoded = Buffer.from(token, 'base64url').toString('utf8').replace(/\d{4}-\d\d-\d\dT/, '0001-01-01T');
      return [Buffer.from(decoded, 'utf8').toString('base64url'), ...rest].join('.');
    }
  }
}

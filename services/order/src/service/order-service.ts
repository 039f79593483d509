import { ValidationError } from '@shop/errors';
import { isVisible, type Scope, type UseCaseHooks } from '@shop/hooks';
import { actorOf, isAccount, type Caller } from '@shop/identity';
import { parseId } from '@shop/ids';
import { decodeTimeIdCursor, encodeTimeIdCursor, parsePageSize, parseVersionPage, toPage, type Page, type VersionPageFields, type VersionPageRequest } from '@shop/pagination';
import { fingerprintOf, IDEMPOTENCY_WINDOW_MS, parseIdempotencyKey, type IdempotencyClaim } from '../domain/idempotency.js';
import { Order } from '../domain/order.js';
import {
  IdempotencyKeyReusedError,
  IdempotencyKeyTakenError,
  OrderAccountNotFoundError,
  OrderErrorCode,
  OrderNotFoundError,
  ProductUnavailableError,
} from '../domain/order-errors.js';
import type { OrderHistoryEntry } from '../domain/order-events.js';
import type { AccountOrdersQuery, OrderRepository } from '../domain/order-repository.js';
import { parseOrderRequest, type OrderRequest } from '../domain/order-request.js';
import { askDependency, type AccountLookup, type ProductLookup } from './order-dependencies.js';
import type { CreateOrderRequest, ListOrdersRequest, OrderOperations } from './order-operations.js';

export type { ListOrdersRequest } from './order-operations.js';

/** The most ids (or account pages) one batch call may ask for. */
export const MAX_BATCH = 1_000;

/** The fields a refused history page request names. */
const HISTORY_PAGE_FIELDS: VersionPageFields = {
  pageSize: { field: 'page_size', code: OrderErrorCode.invalidPageSize },
  afterVersion: { field: 'after_version', code: OrderErrorCode.invalidAfterVersion },
};

/**
 * The order use cases. Each runs inside the service's hooks, the access rule first: a customer places and sees
 * only its own orders, others' answer as if they did not exist. Input is checked before any other service is
 * called or anything is written; the other services are asked on the caller's behalf, with its token.
 */
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: AccountLookup,
    private readonly products: ProductLookup,
    private readonly hooks: UseCaseHooks<OrderOperations>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Checks the account and all products (one call each), snapshots names and prices, and stores a PENDING order.
   * With an idempotency key, a repeat of the same request for the same account within 24 hours answers the first
   * order as it is now (also when confirmed or cancelled since) and creates nothing, before asking anybody; the key
   * with another request is CONFLICT on idempotencyKey. Of concurrent requests with one key, one stores its order
   * and the others answer it.
   */
  create(caller: Caller, input: CreateOrderRequest): Promise<Order> {
    return this.hooks.run('createOrder', caller, input, async (input, scope) => {
      const request = parseOrderRequest({ accountId: input.accountId || ownAccountOf(caller), items: input.items });
      const key = parseIdempotencyKey(input.idempotencyKey);
      if (!isVisible(scope, request.accountId)) throw new OrderAccountNotFoundError(request.accountId);
      const claim: IdempotencyClaim | undefined = key === undefined ? undefined : { key, fingerprint: fingerprintOf(request), liveSince: new Date(this.now().getTime() - IDEMPOTENCY_WINDOW_MS) };
      const first = claim && (await this.firstOrderOf(request, claim));
      if (first) return first;
      const productIds = request.items.map((item) => item.productId);
      const [accounts, products] = await Promise.all([
        askDependency('account', () => this.accounts.getMany([request.accountId], caller)),
        askDependency('catalog', () => this.products.getMany(productIds, caller)),
      ]);
      if (accounts.length === 0) throw new OrderAccountNotFoundError(request.accountId);
      const byId = new Map(products.map((product) => [product.id, product]));
      const lines = request.items.map((item, index) => {
        const product = byId.get(item.productId);
        if (!product) throw new ProductUnavailableError(item.productId, `items[${index}].productId`);
        return { productId: product.id, productName: product.name, unitPrice: product.price, quantity: item.quantity };
      });
      const order = Order.place({ accountId: request.accountId, lines }, this.now());
      try {
        await this.orders.add(order, actorOf(caller), claim);
      } catch (error) {
        // A concurrent request with the key committed first: answer its order (or CONFLICT), as a later repeat would.
        const winner = claim && error instanceof IdempotencyKeyTakenError ? await this.firstOrderOf(request, claim) : undefined;
        if (winner) return winner;
        throw error;
      }
      return order;
    });
  }

  /** The order a live record of the claim's key made, when the request is the same; CONFLICT when it is not. */
  private async firstOrderOf(request: OrderRequest, claim: IdempotencyClaim): Promise<Order | undefined> {
    const record = await this.orders.findIdempotencyRecord(request.accountId, claim.key, claim.liveSince);
    if (!record) return undefined;
    if (record.fingerprint !== claim.fingerprint) throw new IdempotencyKeyReusedError();
    return this.orders.get(record.orderId);
  }

  get(caller: Caller, id: string): Promise<Order> {
    return this.hooks.run('getOrder', caller, { id }, async (input, scope) => {
      const orderId = parseId(input.id, 'id', OrderErrorCode.invalidId);
      const order = await this.orders.get(orderId);
      if (!order || !isVisible(scope, order.accountId)) throw new OrderNotFoundError(orderId);
      return order;
    });
  }

  /** Orders for the ids (that the caller may see), in their order, unknown ids left out. */
  getMany(caller: Caller, ids: readonly string[]): Promise<Order[]> {
    return this.hooks.run('getOrders', caller, { ids }, async (input, scope) => {
      if (input.ids.length > MAX_BATCH) throw new ValidationError(OrderErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH} ids, got ${input.ids.length}`);
      const parsed = input.ids.map((id, index) => parseId(id, `ids[${index}]`, OrderErrorCode.invalidId));
      const found = new Map((await this.orders.getMany([...new Set(parsed)])).filter((order) => isVisible(scope, order.accountId)).map((order) => [order.id, order]));
      return parsed.flatMap((id) => found.get(id) ?? []);
    });
  }

  list(caller: Caller, request: ListOrdersRequest): Promise<Page<Order>> {
    return this.hooks.run('listOrders', caller, request, async (input, scope) => (await this.pages([input], scope))[0]!);
  }

  /** One page per request, newest first, in one storage round trip; the gateway's Account.orders batch. */
  listForAccounts(caller: Caller, requests: readonly ListOrdersRequest[]): Promise<Page<Order>[]> {
    return this.hooks.run('listOrdersForAccounts', caller, { requests }, async (input, scope) => {
      if (input.requests.length > MAX_BATCH) throw new ValidationError(OrderErrorCode.invalidId, 'requests', `requests must hold at most ${MAX_BATCH} entries`);
      return this.pages(input.requests, scope);
    });
  }

  /** A page of the order's changes, oldest first; empty for an id that never existed (or is not the caller's). */
  history(caller: Caller, id: string, page: VersionPageRequest = {}): Promise<OrderHistoryEntry[]> {
    return this.hooks.run('listHistory', caller, { id, ...page }, async (input, scope) => {
      const orderId = parseId(input.id, 'id', OrderErrorCode.invalidId);
      const range = parseVersionPage(input, HISTORY_PAGE_FIELDS);
      if (scope.kind === 'own') {
        const order = await this.orders.get(orderId);
        if (!order || !isVisible(scope, order.accountId)) return [];
      }
      return this.orders.history(orderId, range);
    });
  }

  /** history() of many orders in one read: the same page of each, in the order of `ids`; an order the caller may not see has an empty one. */
  histories(caller: Caller, ids: readonly string[], page: VersionPageRequest = {}): Promise<OrderHistoryEntry[][]> {
    return this.hooks.run('listHistories', caller, { ids, ...page }, async (input, scope) => {
      if (input.ids.length > MAX_BATCH) throw new ValidationError(OrderErrorCode.invalidId, 'ids', `ids must hold at most ${MAX_BATCH} ids, got ${input.ids.length}`);
      const parsed = input.ids.map((id, index) => parseId(id, `ids[${index}]`, OrderErrorCode.invalidId));
      const range = parseVersionPage(input, HISTORY_PAGE_FIELDS);
      const unique = [...new Set(parsed)];
      // A customer's history is that of its own orders: one read finds which of the ids those are.
      const visible = scope.kind === 'own' ? (await this.orders.getMany(unique)).filter((order) => isVisible(scope, order.accountId)).map((order) => order.id) : unique;
      const pages = await this.orders.histories(visible, range);
      const byId = new Map(visible.map((id, index) => [id, pages[index]!]));
      return parsed.map((id) => byId.get(id) ?? []);
    });
  }

  /** Cancels a PENDING or CONFIRMED order; FAILED_PRECONDITION for one already rejected or cancelled. */
  cancel(caller: Caller, id: string): Promise<Order> {
    return this.hooks.run('cancelOrder', caller, { id }, async (input, scope) => {
      const orderId = parseId(input.id, 'id', OrderErrorCode.invalidId);
      const change = (order: Order) => {
        if (!isVisible(scope, order.accountId)) throw new OrderNotFoundError(orderId);
        return order.cancel(this.now());
      };
      return this.orders.update(orderId, change, actorOf(caller));
    });
  }

  /** The pages of several accounts' orders; an account the caller may not see has an empty page, without a query. */
  private async pages(requests: readonly ListOrdersRequest[], scope: Scope): Promise<Page<Order>[]> {
    const sizes = requests.map((request) => parsePageSize(request.pageSize, 'page_size', OrderErrorCode.invalidPageSize));
    const queries: AccountOrdersQuery[] = requests.map((request, index) => ({
      accountId: parseId(request.accountId, 'accountId', OrderErrorCode.invalidId),
      limit: sizes[index]! + 1,
      after: decodeTimeIdCursor(request.pageToken, 'page_token', OrderErrorCode.invalidPageToken),
    }));
    const visible = queries.map((query) => isVisible(scope, query.accountId));
    const found = await this.orders.listByAccounts(queries.filter((_, index) => visible[index]));
    let next = 0;
    return queries.map((_, index) => toPage(visible[index] ? found[next++]! : [], sizes[index]!, encodeTimeIdCursor));
  }
}

/** The account an order without one is placed for: the caller's own ('' for a caller without one, refused as a bad id). */
function ownAccountOf(caller: Caller): string {
  return isAccount(caller) ? caller.accountId : '';
}
